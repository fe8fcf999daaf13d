#!/usr/bin/env python3
"""Generate the delivery fixtures, whose truth is known exactly, with espeak-ng.

Reuses ``render()`` from make_fixtures.py: phrases are synthesised one by one
and joined by silences of chosen lengths, so the speech span and every
inserted pause are known to the sample.

- ``pace_slow``, ``pace_easy``, ``pace_fast``: one text at three speaking
  rates, with pauses inserted at the same places, some mid-phrase ("grow into
  a |pause| team lead") and some at sentence or clause ends; the faster
  versions pause a little less, as fast speakers do.
- ``fillers_um_like``: spoken um/uh, filler "like" and verb "like"
  ("I like working with data", "would like to") and "looks like".
- ``fillers_phrases``: filler and non-filler uses of "basically", "kind of",
  "you know", "I mean" and "actually".

Scripts mark pauses as "|0.8|" and filler uses of words as "*like*" (the
stars are not spoken). Each ``<name>.json`` holds, besides make_fixtures'
truth: every pause's kind (``boundary`` when the script puts punctuation
before it, else ``hesitation``); all silences >= 0.25 s actually present in the
clean signal (espeak adds its own at punctuation); the true wpm and the pace
verdict it implies for the default 110-160 wpm band; and the spoken fillers
and non-filler look-alikes with the phrase they are in.

    python audio_fixtures/make_delivery_fixtures.py [NAME ...]

Needs espeak-ng, numpy, soundfile (and soxr). Output: 16 kHz mono FLAC.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from make_fixtures import PAUSE_RE, SR, main, render, save  # noqa: E402

from simulator.hesitations import hesitation  # noqa: E402

SILENCE_LEVEL = 1e-4  # |sample| at or below this is silence in the clean signal
MIN_SILENCE_S = 0.25  # s; silences this long are listed as true pauses
PACE_BAND_WPM = (110.0, 160.0)  # the default band of the pace verdict
FILLER_MARK = re.compile(r"\*([^*]+)\*")
LOOKALIKES = re.compile(r"\b(like|kind of|you know|I mean|actually|basically)\b", re.IGNORECASE)

PACE_TEXT = (
    "In the next |{0}| two years I want to grow into a |{1}| team lead. |{2}| First I will finish my |{3}| "
    "online course, |{4}| and then I will mentor a junior analyst. |{5}| That would show the |{6}| whole team "
    "that I'm ready."
)

FIXTURES: dict[str, dict] = {
    "pace_slow": {"wpm": 110, "script": PACE_TEXT.format(0.9, 1.1, 1.4, 0.8, 2.6, 1.2, 0.7)},
    "pace_easy": {"wpm": 175, "script": PACE_TEXT.format(0.7, 0.8, 1.0, 0.6, 2.2, 0.9, 0.5)},
    "pace_fast": {"wpm": 270, "script": PACE_TEXT.format(0.5, 0.6, 0.7, 0.5, 2.1, 0.6, 0.5)},
    "fillers_um_like": {
        "wpm": 165,
        "script": (
            "So, um, I like working with data, |0.6| and I would like to, uh, lead a small team. |0.8| "
            "Last year I, um, built a dashboard that, *like*, twenty people used, |0.5| and, uh, it looks like "
            "a small thing, but it saved us, *like*, five hours a week."
        ),
    },
    "fillers_phrases": {
        "wpm": 165,
        "script": (
            "*Basically*, I think the project was *kind of* hard, *you know*? |0.6| But that kind of work is what "
            "I actually enjoy. |0.7| Um, *I mean*, I know you know how to measure it, and, uh, I like that."
        ),
    },
}


def spoken(script: str) -> str:
    """The script as spoken: filler marks removed."""
    return FILLER_MARK.sub(r"\1", script)


def silences(audio: np.ndarray, start: float, end: float) -> list[dict]:
    """Runs of silence >= MIN_SILENCE_S strictly inside [start, end] of the clean signal."""
    quiet = np.concatenate([[False], np.abs(audio) <= SILENCE_LEVEL, [False]])
    edges = np.flatnonzero(quiet[1:] != quiet[:-1])
    out = []
    for a, b in zip(edges[::2], edges[1::2]):
        s, e = a / SR, b / SR
        if e - s >= MIN_SILENCE_S and s > start and e < end:
            out.append({"start": round(s, 4), "end": round(e, 4), "duration": round(e - s, 4)})
    return out


def pause_kinds(script: str) -> list[str]:
    """'boundary' when the script has punctuation right before a pause, else 'hesitation'."""
    parts = PAUSE_RE.split(spoken(script).strip())
    return ["boundary" if parts[i].rstrip()[-1:] in ".,?!;:" else "hesitation" for i in range(0, len(parts) - 2, 2)]


def filler_truth(script: str) -> tuple[list[dict], list[dict]]:
    """(spoken fillers, non-filler look-alikes), each with the phrase index it is in."""
    fillers, lookalikes = [], []
    for k, phrase in enumerate(p for p in PAUSE_RE.split(script.strip())[::2] if p.strip()):
        for token in re.findall(r"[\w']+|\*[^*]+\*", phrase):
            low = token.strip("*").lower()
            if token.startswith("*"):
                fillers.append({"word": low if low != "i mean" else "I mean", "phrase": k})
            elif hesitation(low):
                fillers.append({"word": hesitation(low), "phrase": k})
        unmarked = FILLER_MARK.sub(lambda m: "#" * len(m.group(0)), phrase)  # same offsets, fillers hidden
        for m in LOOKALIKES.finditer(unmarked):
            context = phrase[max(0, m.start() - 14) : m.end() + 14].strip()
            lookalikes.append({"word": m.group(1).lower(), "phrase": k, "context": context})
    return fillers, lookalikes


def make(name: str, spec: dict, out_dir: Path = HERE) -> Path:
    audio, truth = render(spoken(spec["script"]), spec["wpm"])
    span = truth["speech_end"] - truth["speech_start"]
    true_wpm = 60.0 * truth["words"] / span
    lo, hi = PACE_BAND_WPM
    for pause, kind in zip(truth["inserted_pauses"], pause_kinds(spec["script"])):
        pause["kind"] = kind
    fillers, lookalikes = filler_truth(spec["script"])
    truth.update(
        fixture=name,
        generator="audio_fixtures/make_delivery_fixtures.py",
        true_wpm=round(true_wpm, 2),
        expected_pace="too slow" if true_wpm < lo else "too fast" if true_wpm > hi else "slow and clear",
        silences=silences(audio, truth["speech_start"], truth["speech_end"]),
        fillers=fillers,
        non_fillers=lookalikes,
    )
    return save(name, audio, truth, out_dir)


if __name__ == "__main__":
    main(sys.argv[1:], FIXTURES, make)
