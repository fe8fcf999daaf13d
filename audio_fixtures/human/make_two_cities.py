#!/usr/bin/env python3
"""A human reading with its exact text: the opening paragraph of A Tale of Two Cities.

The recording is ``two_cities.wav`` from the moonshine-voice 0.1.5 wheel (MIT
licence, Moonshine AI), which its makers describe as a LibriVox reading;
LibriVox puts its recordings in the public domain, and Dickens's novel (1859)
is in the public domain. The text below was typed from the novel's opening
(Book 1, Chapter 1, "The Period"), which is all the clip says. The clip is
kept whole, at 16 kHz mono FLAC, so the repository stays light::

    pip download --no-deps moonshine-voice==0.1.5 -d /tmp/mv
    python audio_fixtures/human/make_two_cities.py /tmp/mv/moonshine_voice-0.1.5-*.whl

Writes two_cities.flac and two_cities.json beside this script.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
import zipfile
from pathlib import Path

import soundfile as sf
import soxr

HERE = Path(__file__).resolve().parent
NAME = "two_cities"
MEMBER = "moonshine_voice/assets/two_cities.wav"
SR = 16_000  # Hz, as the other fixtures and the speech model
SCRIPT = (
    "It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of "
    "foolishness, it was the epoch of belief, it was the epoch of incredulity, it was the season of Light, "
    "it was the season of Darkness, it was the spring of hope, it was the winter of despair, we had "
    "everything before us, we had nothing before us, we were all going direct to Heaven, we were all going "
    "direct the other way\u2014in short, the period was so far like the present period, that some of its "
    "noisiest authorities insisted on its being received, for good or for evil, in the superlative degree "
    "of comparison only."
)


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as zf:
        raw = zf.read(MEMBER)
    y, sr = sf.read(io.BytesIO(raw), dtype="float32")
    y = soxr.resample(y, sr, SR, quality="VHQ")
    sf.write(HERE / f"{NAME}.flac", y, SR, subtype="PCM_16")
    truth = {
        "script": SCRIPT,
        "words": len(SCRIPT.replace("\u2014", " ").split()),
        "duration_s": round(y.size / SR, 4),
        "speaker": "human, a LibriVox volunteer reading aloud",
        "text_source": "Charles Dickens, A Tale of Two Cities (1859), the opening paragraph; public domain",
        "audio_source": f"{MEMBER} in the moonshine-voice 0.1.5 wheel (MIT licence), sha256 "
        f"{hashlib.sha256(raw).hexdigest()}; a LibriVox recording, public domain",
    }
    (HERE / f"{NAME}.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
