"""How fast the interviewer speaks: every bank question synthesised by each voice, measured on its audio.

    python bench/eval_voice.py [--voice espeak|piper ...]

Prints words per minute (from the first to the last sound) per voice, the
passes the pace search needed, and the synthesis time per question.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from machine import cpu_line  # noqa: E402  (bench/machine.py, beside this script)

from simulator.audio import tts  # noqa: E402
from simulator.questions import load_questions  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voice", action="append", choices=tts.VOICES)
    args = parser.parse_args()
    os.environ.setdefault("MOCK_INTERVIEW_HOME", tempfile.mkdtemp(prefix="eval-voice-"))
    print(cpu_line())
    questions = load_questions()
    print(f"{len(questions)} questions; target {tts.TARGET_WPM:.0f} wpm, band 140-170")
    print("| voice | min wpm | median | max | outside 140-170 | s per question (median) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for voice in args.voice or tts.VOICES:
        rates, times = [], []
        for q in questions:
            t0 = time.perf_counter()
            _, wpm = tts.synthesize_at_pace(q.text, Path(tempfile.mktemp(suffix=".wav")), voice=voice)
            times.append(time.perf_counter() - t0)
            rates.append(wpm)
        outside = sum(not 140 <= r <= 170 for r in rates)
        print(
            f"| {voice} | {min(rates):.0f} | {statistics.median(rates):.0f} | {max(rates):.0f} | {outside} "
            f"| {statistics.median(times):.2f} |"
        )


if __name__ == "__main__":
    main()
