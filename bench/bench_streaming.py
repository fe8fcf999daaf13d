#!/usr/bin/env python3
"""How long after the answer ends does the report appear?

Feeds an answer fixture to the streaming transcriber at real-time pace, in the
50 ms blocks the recorder delivers, then measures the wait from the end of the
recording to the finished report (transcript, delivery, content, rendering).
Two endings are timed: the recorder's silence stop (the answer plus 3 s of
silence), and Enter pressed 0.3 s or 1 s after the last word. The baseline, measured
in the same run, is today's non-streaming path: whole-file transcription after
the recording ends. Also prints the WER between streamed and whole-file text.

    python bench/bench_streaming.py [audio_fixtures/good_answer.flac]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator.audio_io import load_audio  # noqa: E402
from simulator.pipeline import analyze_audio, warm_up  # noqa: E402
from simulator.questions import get_question  # noqa: E402
from simulator.report import render_text  # noqa: E402
from simulator.streaming import StreamingTranscriber  # noqa: E402
from simulator.wer import wer  # noqa: E402

SR = 16_000
BLOCK = 800  # samples: the recorder's 50 ms blocks
SILENCE_STOP_S = 3.0


def realtime_feed(y: np.ndarray, streamer: StreamingTranscriber) -> float:
    """Feed at real-time pace; returns the monotonic time the last block arrived."""
    t0 = time.monotonic()
    for k, i in enumerate(range(0, y.size, BLOCK)):
        due = t0 + (i + BLOCK) / SR
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        streamer.feed(y[i : i + BLOCK])
    return time.monotonic()


def finish_report(streamer, y, question) -> tuple[str, object]:
    transcript = streamer.finish()
    analysis = analyze_audio(y, SR, question, transcript=transcript)
    return render_text(analysis), transcript


def run_stream(y: np.ndarray, question, tail_s: float) -> tuple[float, object]:
    audio = np.concatenate([y, np.zeros(int(tail_s * SR), np.float32)])
    streamer = StreamingTranscriber()
    ended = realtime_feed(audio, streamer)
    _, transcript = finish_report(streamer, streamer.audio(), question)
    return time.monotonic() - ended, transcript


def run_whole_file(y: np.ndarray, question) -> tuple[float, object]:
    t0 = time.monotonic()
    analysis = analyze_audio(y, SR, question)
    render_text(analysis)
    return time.monotonic() - t0, analysis.transcript


def main(path: str) -> None:
    y, _ = load_audio(path)
    last = np.flatnonzero(np.abs(y) > 1e-3)[-1]
    speech = y[: last + 1]
    question = get_question()
    warm_up()
    base_s, whole = run_whole_file(speech, question)
    silence_s, streamed = run_stream(speech, question, SILENCE_STOP_S)
    enter_s, _ = run_stream(speech, question, 0.3)
    enter_late_s, _ = run_stream(speech, question, 1.0)
    print(f"answer: {path} ({speech.size / SR:.1f} s of speech), 2 CPU cores, tiny.en int8, warm process")
    print("| ending | wait from end of recording to report | vs whole-file baseline |")
    print("|---|---|---|")
    print(f"| whole-file transcription after recording (baseline) | {base_s:.2f} s | 1.00× |")
    print(f"| streaming, silence stop ({SILENCE_STOP_S:.0f} s) | {silence_s:.2f} s | {base_s / silence_s:.1f}× sooner |")
    print(f"| streaming, Enter 0.3 s after the last word | {enter_s:.2f} s | {base_s / enter_s:.1f}× sooner |")
    print(f"| streaming, Enter 1 s after the last word | {enter_late_s:.2f} s | {base_s / enter_late_s:.1f}× sooner |")
    print(f"WER streamed vs whole-file: {wer(whole.text, streamed.text):.3f}")
    truth = Path(path).with_suffix(".json")
    if truth.exists():
        script = json.loads(truth.read_text())["script"]
        print(f"WER vs the script: whole-file {wer(script, whole.text):.3f}, streamed {wer(script, streamed.text):.3f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "audio_fixtures/good_answer.flac"))
