"""Spoken answers for the interview tests, synthesised with espeak-ng (``audio_fixtures/make_fixtures.py``).

A three-question interview (career goals, greatest strength, the closing
question) whose first answer states a goal but no timeline, so the
interviewer follows up on the timeline; the follow-up's answer gives one.
"""

from __future__ import annotations

import sys
from pathlib import Path

import soundfile as sf

from tests.conftest import FIXTURES

QUESTIONS = "career-goals,greatest-strength,questions-for-us"
WPM = 120  # espeak-ng rate setting; about 140 words a minute come out
FOLLOW_UP = "You mentioned becoming a certified public accountant: by when do you expect to get there?"
SCRIPTS = {
    "goal": (
        "My goal is to become a certified public accountant, because I enjoy helping small businesses "
        "keep honest books. |0.6| I passed the first part of the exam last spring, and I am studying for the "
        "audit section with the Becker review course. |0.6| This role on your accounting team would let me "
        "apply those skills to real clients, and I will bring careful bookkeeping to your team."
    ),
    "timeline": "I expect to pass the last section by June next year.",
    "strength": (
        "My greatest strength is attention to detail. |0.5| At Smith and Company in 2023 I found a forty "
        "thousand dollar error in the March accounts before the audit. |0.5| Then I built a checklist that the "
        "team of six still uses every month to close the books. |0.5| That checklist cut the time to close from "
        "nine days to six, and my manager asked me to train the two new hires on it. |0.5| In this role I would "
        "bring the same care to your clients' accounts from the first week."
    ),
    "closing": "Yes, I do. |0.4| How does your team measure success in the first year?",
}
ORDER = ("goal", "timeline", "strength", "closing")  # the order the prompts are asked


def check_follow_up_counted(doc: dict) -> dict:
    """Assert that only the first question got a follow-up, aimed at the timeline, and that the timeline its
    answer gave is counted in the first answer's result; returns that timeline criterion."""
    from simulator.asr.wer import normalize_words

    first, second, closing = doc["questions"]
    fu = first["follow_up"]
    assert (fu["aims_at"], fu["text"]) == ("timeline", FOLLOW_UP)
    assert {"next", "year"} <= set(normalize_words(fu["answer"]["transcript"]["text"]))
    timeline = next(c for c in first["answer"]["content"]["criteria"] if c["id"] == "timeline")
    assert (timeline["status"], timeline["via"]) == ("met", "follow_up")
    assert second["follow_up"] is None and closing["follow_up"] is None
    return timeline


def synthesise(folder: Path) -> dict[str, Path]:
    """The answers as 16 kHz FLAC files in ``folder``, by name."""
    sys.path.insert(0, str(FIXTURES))
    from make_fixtures import SR, render

    out = {}
    for name, script in SCRIPTS.items():
        audio, _truth = render(script, WPM)
        out[name] = folder / f"{name}.flac"
        sf.write(out[name], audio, SR)
    return out
