#!/usr/bin/env python3
"""Measure the audio edge on the virtual sound card (scripts/virtual-audio.sh).

    bash scripts/virtual-audio.sh && python bench/bench_audio_edge.py

Prints: question synthesis time (cold and cached), speak() overhead over the
speech length, time from record() to the microphone listening (beep included),
capture-rate accuracy (a clip's speech span as played vs as recorded), and the
audio a SIGKILL loses.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MOCK_INTERVIEW_HOME", tempfile.mkdtemp(prefix="mi-bench-"))

from simulator.audio import recorder, tts  # noqa: E402
from simulator.audio.files import load_audio  # noqa: E402

QUESTION = "How do you plan to achieve your career goals?"
LEVEL = 0.01  # |sample| above this counts as sound


def span(y: np.ndarray, sr: int) -> tuple[float, float]:
    idx = np.flatnonzero(np.abs(y) > LEVEL)
    return idx[0] / sr, idx[-1] / sr


def bench_tts() -> None:
    t = time.perf_counter()
    path = tts.speech_file(QUESTION + f" ({time.time_ns()})")  # a new text: not cached
    cold = time.perf_counter() - t
    tts.speech_file(QUESTION)
    t = time.perf_counter()
    tts.speech_file(QUESTION)
    cached = time.perf_counter() - t
    speech_s = sf.info(tts.speech_file(QUESTION)).duration
    t = time.perf_counter()
    tts.speak(QUESTION)
    spoken = time.perf_counter() - t
    print(f"synthesis (cold, child process): {cold:.2f} s; cached lookup {cached * 1000:.0f} ms")
    print(f"speak(): {spoken:.2f} s for {speech_s:.2f} s of speech (overhead {spoken - speech_s:.2f} s)")
    path.unlink(missing_ok=True)


def bench_record(clip: Path, clip_s: float) -> None:
    started = []

    def on_status(elapsed_s, level):
        if not started:
            started.append(time.perf_counter())
            subprocess.Popen(["paplay", "--device=mic", str(clip)])

    t = time.perf_counter()
    rec = recorder.record(max_s=60, silence_stop_s=2.0, on_status=on_status)
    y, sr = load_audio(rec.path)
    a, b = span(y, sr)
    ref_a, ref_b = span(*load_audio(clip))
    print(
        f"record(): listening {started[0] - t:.2f} s after the call (beep included); "
        f"stopped by {rec.stop_reason} after {rec.duration_s:.2f} s for a {clip_s:.2f} s clip"
    )
    print(
        f"capture rate: speech span {b - a:.3f} s recorded vs {ref_b - ref_a:.3f} s played "
        f"(ratio {(b - a) / (ref_b - ref_a):.4f})"
    )


def bench_sigkill(clip: Path) -> None:
    code = (
        "from simulator.audio import recorder\n"
        "recorder.record_answer(max_s=60, silence_stop_s=0, beep=False,"
        " on_status=lambda t, db: print(f'{t:.2f}', flush=True))\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    proc.stdout.readline()
    t0 = time.perf_counter()
    subprocess.Popen(["paplay", "--device=mic", str(clip)])
    time.sleep(5.0)
    proc.send_signal(signal.SIGKILL)
    killed_after = time.perf_counter() - t0
    proc.wait()
    from simulator.audio.recording_file import list_interrupted

    left = list_interrupted()[0]
    print(f"SIGKILL {killed_after:.2f} s into the answer: {left.duration_s:.2f} s recorded and loadable")
    left.path.unlink()


def main() -> None:
    fixtures = ROOT / "audio_fixtures"
    y, sr = sf.read(fixtures / "good_answer.flac", dtype="float32")
    clip_s = 9.1
    with tempfile.TemporaryDirectory() as d:
        clip = Path(d) / "clip.wav"
        sf.write(clip, y[: int(clip_s * sr)], sr)
        bench_tts()
        bench_record(clip, clip_s)
        bench_sigkill(clip)


if __name__ == "__main__":
    main()
