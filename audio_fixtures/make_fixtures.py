#!/usr/bin/env python3
"""Generate the spoken answer fixtures reproducibly with espeak-ng.

Each fixture is a script whose phrases are joined by silences of known
length. Every phrase is synthesised separately, trimmed to its first and last
non-zero sample, and the chosen silence is inserted between phrases, so the
true speech spans and pauses are known exactly. They are written beside the
audio as ``<name>.json``.

    python audio_fixtures/make_fixtures.py            # all fixtures
    python audio_fixtures/make_fixtures.py good_answer

Needs espeak-ng on PATH, numpy and soundfile. Output: 16 kHz mono FLAC.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import soundfile as sf

HERE = Path(__file__).resolve().parent
SR = 16_000
VOICE = "en-us"
LEAD_S = 0.4  # s of silence before the first phrase
TAIL_S = 0.6  # s of silence after the last phrase
TRIM_LEVEL = 1e-4  # |sample| above this counts as sound when trimming phrases
PAUSE_RE = re.compile(r"\s*\|([0-9.]+)\|\s*")

# Scripts: "|0.8|" inserts 0.8 s of silence. Plain sentence breaks get GAP_S.
FIXTURES: dict[str, dict] = {
    "good_answer": {
        "question": "career-goals",
        "wpm": 128,
        "script": (
            "My goal for the next two years is to become a certified data analyst "
            "who helps product teams make better decisions. |0.7| "
            "It matters to me because good analysis can save a team months of guessing, "
            "and I want my work to have that kind of impact. |0.8| "
            "Last spring I set myself the goal of learning SQL, |0.4| and I finished "
            "an online database course in ten weeks while working full time. |0.6| "
            "That taught me to plan my study in small weekly blocks. |0.9| "
            "Right now I am working toward the Google Data Analytics certificate, "
            "and I will take the final exam in March. |0.7| "
            "This role on your analytics team is the right next step, because I can bring "
            "my reporting experience to your customer dashboards from the first week. |0.6| "
            "When I finish the certificate, I will use it to build clearer forecasts for the team."
        ),
    },
    "rushed_answer": {
        "question": "career-goals",
        "wpm": 310,
        "script": (
            "Um, so, my goals, I have a lot of them, like, I want to, uh, get promoted, "
            "and maybe learn coding, and also run a marathon. |2.6| And basically I just want, "
            "like, a bigger salary, |2.3| honestly I'm probably the best worker you will ever find, "
            "so, um, yeah, |2.8| I guess I'll try to figure it out eventually, hopefully."
        ),
    },
}


def synth(text: str, wpm: int) -> np.ndarray:
    """Speak ``text`` with espeak-ng; return mono float32 at SR, trimmed of silence."""
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "p.wav"
        subprocess.run(["espeak-ng", "-v", VOICE, "-s", str(wpm), "-w", str(wav), text], check=True)
        y, sr = sf.read(wav, dtype="float32")
    if sr != SR:
        import soxr

        y = soxr.resample(y, sr, SR).astype(np.float32)
    loud = np.flatnonzero(np.abs(y) > TRIM_LEVEL)
    return y[loud[0] : loud[-1] + 1] if loud.size else y[:0]


def phrases(script: str, gap_s: float = 0.0) -> list[tuple[str, float]]:
    """Split a script into (phrase, silence-after-seconds) pairs."""
    parts = PAUSE_RE.split(script.strip())
    out = []
    for i in range(0, len(parts), 2):
        pause = float(parts[i + 1]) if i + 1 < len(parts) else 0.0
        out.append((parts[i].strip(), pause or gap_s))
    return [(p, s) for p, s in out if p]


def render(script: str, wpm: int) -> tuple[np.ndarray, dict]:
    """Assemble the audio and its exact truth (speech spans and pauses, in seconds)."""
    pieces = [np.zeros(int(LEAD_S * SR), np.float32)]
    t = LEAD_S
    spans, pauses = [], []
    items = phrases(script)
    for k, (text, pause_s) in enumerate(items):
        y = synth(text, wpm)
        spans.append({"text": text, "start": round(t, 4), "end": round(t + y.size / SR, 4)})
        pieces.append(y)
        t += y.size / SR
        if k < len(items) - 1 and pause_s > 0:
            pauses.append({"start": round(t, 4), "duration": pause_s})
            pieces.append(np.zeros(int(round(pause_s * SR)), np.float32))
            t += round(pause_s * SR) / SR
    pieces.append(np.zeros(int(TAIL_S * SR), np.float32))
    audio = np.concatenate(pieces)
    words = len(PAUSE_RE.sub(" ", script).split())
    truth = {
        "script": PAUSE_RE.sub(" ", script).strip(),
        "words": words,
        "espeak_wpm": wpm,
        "duration_s": round(audio.size / SR, 4),
        "speech_start": spans[0]["start"],
        "speech_end": spans[-1]["end"],
        "phrases": spans,
        "inserted_pauses": pauses,
    }
    return audio, truth


def save(name: str, audio: np.ndarray, truth: dict, out_dir: Path = HERE) -> Path:
    """Write ``<name>.flac`` (16 kHz mono 16-bit) and its ``<name>.json`` truth."""
    path = out_dir / f"{name}.flac"
    sf.write(path, audio, SR, format="FLAC", subtype="PCM_16")
    (out_dir / f"{name}.json").write_text(json.dumps(truth, indent=2) + "\n")
    return path


def make(name: str, spec: dict, out_dir: Path = HERE) -> Path:
    audio, truth = render(spec["script"], spec["wpm"])
    truth["question"] = spec.get("question")
    return save(name, audio, truth, out_dir)


def main(names: list[str], fixtures: dict | None = None, make_one=None) -> None:
    """Generate the named fixtures (default: all) of a FIXTURES table."""
    fixtures, make_one = fixtures or FIXTURES, make_one or make
    for name in names or list(fixtures):
        path = make_one(name, fixtures[name])
        print(f"wrote {path.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main(sys.argv[1:])
