#!/usr/bin/env python3
"""Speak the article's worked example answer (the CPA one) as an audio fixture.

The text is not stored in this repository: it is read at generation time
from the advice article beside the repository checkout
(``../shared/seed/career-goals-article.txt``), extracted as the quoted answer
that starts "My current goal", and rendered with espeak-ng at about 140 wpm
through ``make_fixtures.render``, one sentence per phrase with a short pause
between sentences. Only the audio and its timing truth (no words) are kept:

    python audio_fixtures/make_cpa_fixture.py [ARTICLE]

Writes audio_fixtures/cpa_answer.flac and cpa_answer.json.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import soundfile as sf

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_fixtures import SR, render  # noqa: E402

ARTICLE = HERE.parent.parent / "shared" / "seed" / "career-goals-article.txt"
NAME = "cpa_answer"
WPM = 120  # espeak-ng rate setting; it speaks faster than set: about 140 words per minute come out
SENTENCE_PAUSE_S = 0.5  # s of silence between sentences
# The example answer is the quotation that opens with "My current goal".
QUOTE = re.compile(r"[“\"](My current goal.*?)[”\"]", re.S)


def extract_answer(article_text: str) -> str:
    """The article's quoted example answer, as plain text."""
    match = QUOTE.search(article_text)
    if not match:
        raise SystemExit("could not find the quoted example answer (starting 'My current goal') in the article")
    return " ".join(match.group(1).split())


def script_for(answer: str) -> str:
    """One phrase per sentence, joined by short pauses (make_fixtures' |s| syntax)."""
    sentences = re.split(r"(?<=[.!?])\s+", answer)
    return f" |{SENTENCE_PAUSE_S}| ".join(s.strip() for s in sentences if s.strip())


def main(argv: list[str]) -> None:
    article = Path(argv[0]) if argv else ARTICLE
    answer = extract_answer(article.read_text(encoding="utf-8"))
    audio, truth = render(script_for(answer), WPM)
    # Keep timings only: the article's words stay in the article.
    truth.pop("script", None)
    for phrase in truth["phrases"]:
        phrase.pop("text", None)
    truth["question"] = "career-goals"
    truth["source"] = "quoted example answer of ../shared/seed/career-goals-article.txt"
    path = HERE / f"{NAME}.flac"
    sf.write(path, audio, SR, format="FLAC", subtype="PCM_16")
    (HERE / f"{NAME}.json").write_text(json.dumps(truth, indent=2) + "\n")
    print(f"wrote {path.relative_to(HERE.parent)} ({truth['duration_s']:.1f} s, {truth['words']} words)")


if __name__ == "__main__":
    main(sys.argv[1:])
