#!/usr/bin/env python3
"""How long after the answer ends does the report appear?

Feeds an answer fixture to the streaming transcriber and the pitch track at
real-time pace, in the 50 ms blocks the recorder delivers (as ``practice``
does), then measures the wait from the end of the
recording to the finished report (transcript, delivery, content, rendering),
and how much of that wait is the transcript. Three endings are timed: the
recorder's silence stop (the answer plus 3 s of silence), and Enter pressed
0.3 s or 1 s after the last word. The baseline, measured in the same run, is
the non-streaming path: ``analyze`` of the recorded file after it ends.

The streamed transcript is compared (WER) with two whole-file transcriptions
of the same recording (the answer and the silence after it, up to the
stop): ``analyze``'s (the same stretches, decoded after the recording) and
faster-whisper's own sequential 30 s windows over the whole file, which
knows nothing of our cuts; and with the script. To show how far
apart two whole-file transcriptions of the same answer can be anyway, both
are also made of the audio after changes no listener would hear (a little
more silence before or after, 1 dB quieter or louder) and compared with
themselves.

    python bench/bench_streaming.py [--repeat N] [FIXTURE.flac ...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from machine import cpu_line  # bench/machine.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator.asr.streaming import StreamingTranscriber  # noqa: E402
from simulator.asr.transcribe import transcribe  # noqa: E402
from simulator.asr.wer import wer  # noqa: E402
from simulator.audio.files import load_audio  # noqa: E402
from simulator.delivery.pitch_track import PitchTrack  # noqa: E402
from simulator.pipeline.answer import analyze_audio, transcribe_answer, warm_up  # noqa: E402
from simulator.questions import get_question  # noqa: E402
from simulator.report import render_text  # noqa: E402

SR = 16_000
BLOCK = 800  # samples: the recorder's 50 ms blocks
SILENCE_STOP_S = 3.0


def _silence(s: float) -> np.ndarray:
    return np.zeros(int(round(s * SR)), np.float32)


def realtime_feed(y: np.ndarray, streamer: StreamingTranscriber, track: PitchTrack) -> float:
    """Feed at real-time pace, as practice does; returns the monotonic time the last block arrived."""
    t0 = time.monotonic()
    for _k, i in enumerate(range(0, y.size, BLOCK)):
        due = t0 + (i + BLOCK) / SR
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        track.feed(streamer.feed(y[i : i + BLOCK]))
    return time.monotonic()


def run_stream(y: np.ndarray, question, tail_s: float) -> tuple[float, float, object]:
    """(wait for the transcript, wait for the report, transcript) after the last block."""
    audio = np.concatenate([y, _silence(tail_s)])
    streamer, track = StreamingTranscriber(), PitchTrack()
    ended = realtime_feed(audio, streamer, track)
    transcript = streamer.finish()
    transcribed = time.monotonic()
    render_text(analyze_audio(streamer.audio(), SR, question, transcript=transcript, pitch_track=track))
    return transcribed - ended, time.monotonic() - ended, transcript


def run_whole_file(y: np.ndarray, question) -> tuple[float, float, object]:
    t0 = time.monotonic()
    transcript = transcribe_answer(y, SR)
    transcribed = time.monotonic()
    render_text(analyze_audio(y, SR, question, transcript=transcript))
    return transcribed - t0, time.monotonic() - t0, transcript


ENDINGS = (
    ("streaming, silence stop (3 s)", SILENCE_STOP_S),
    ("streaming, Enter 0.3 s after the last word", 0.3),
    ("streaming, Enter 1 s after the last word", 1.0),
)


def spread(values: list[float]) -> str:
    lo, mid, hi = min(values), statistics.median(values), max(values)
    return f"{mid:.2f} s" if len(values) == 1 else f"{mid:.2f} s ({lo:.2f}-{hi:.2f})"


def bench_fixture(path: str, repeat: int) -> None:
    y, _ = load_audio(path)
    speech = y[: np.flatnonzero(np.abs(y) > 1e-3)[-1] + 1]
    question = get_question()
    base = [run_whole_file(speech, question) for _ in range(repeat)]
    runs = {label: [run_stream(speech, question, tail) for _ in range(repeat)] for label, tail in ENDINGS}
    print(f"\n### {Path(path).name} ({speech.size / SR:.1f} s of speech), median of {repeat} (min-max)\n")
    print("| ending | wait for the transcript | wait for the report | vs baseline |")
    print("|---|---:|---:|---:|")
    base_report = statistics.median(r[1] for r in base)
    print(
        f"| `analyze` of the file after the recording (baseline) | {spread([r[0] for r in base])} | "
        f"{spread([r[1] for r in base])} | 1.0× |"
    )
    for label, rs in runs.items():
        report = statistics.median(r[1] for r in rs)
        print(
            f"| {label} | {spread([r[0] for r in rs])} | {spread([r[1] for r in rs])} | {base_report / report:.1f}× sooner |"
        )
    recordings = {label: np.concatenate([speech, _silence(tail)]) for label, tail in ENDINGS}
    print_wer(recordings, {label: [r[2] for r in rs] for label, rs in runs.items()}, spoken_text(Path(path)))


def _gain(db: float):
    return lambda y: np.clip(y * np.float32(10 ** (db / 20)), -1, 1)


# Changes to the audio that no listener would hear.
UNHEARD_CHANGES = (
    ("0.1 s more silence before", lambda y: np.concatenate([_silence(0.1), y])),
    ("0.25 s more silence before", lambda y: np.concatenate([_silence(0.25), y])),
    ("1 dB quieter", _gain(-1.0)),
    ("1 dB louder", _gain(1.0)),
    ("1 s more silence after", lambda y: np.concatenate([y, _silence(1.0)])),
)


def print_wer(recordings: dict[str, np.ndarray], streamed: dict[str, list], script: str | None) -> None:
    """Streamed vs whole-file WER (both of the same recording), beside how far
    each whole-file transcription moves from itself."""
    refs = {label: (transcribe_answer(audio, SR), transcribe(audio, SR)) for label, audio in recordings.items()}
    print("\n| streamed transcript (worst run) | WER vs `analyze` | WER vs faster-whisper's windows |")
    print("|---|---:|---:|")
    for label, transcripts in streamed.items():
        whole, windows = refs[label]
        print(
            f"| {label} | {max(wer(whole.text, t.text) for t in transcripts):.3f} | "
            f"{max(wer(windows.text, t.text) for t in transcripts):.3f} |"
        )
    label, audio = next(iter(recordings.items()))
    whole, windows = refs[label]
    print(
        f"\n| whole-file transcription of the recording ({label}) vs itself, after | faster-whisper's windows | "
        "`analyze` (our stretches) |"
    )
    print("|---|---:|---:|")
    for change_label, change in UNHEARD_CHANGES:
        changed = change(audio)
        print(
            f"| {change_label} | {wer(windows.text, transcribe(changed, SR).text):.3f} | "
            f"{wer(whole.text, transcribe_answer(changed, SR).text):.3f} |"
        )
    if script:
        first = streamed[label][0]
        print(
            f"\nWER vs the script: streamed {wer(script, first.text):.3f}, `analyze` {wer(script, whole.text):.3f}, "
            f"faster-whisper's windows {wer(script, windows.text):.3f}"
        )


def spoken_text(path: Path) -> str | None:
    """What a fixture says: its truth file's script, or for the CPA answer the
    article's quoted example (read from beside the checkout, when it is there)."""
    truth = path.with_suffix(".json")
    meta = json.loads(truth.read_text()) if truth.exists() else {}
    if meta.get("script"):
        return meta["script"]
    if "article" in meta.get("source", ""):
        sys.path.insert(0, str(ROOT / "audio_fixtures"))
        from make_cpa_fixture import ARTICLE, extract_answer

        if ARTICLE.is_file():
            return extract_answer(ARTICLE.read_text(encoding="utf-8"))
    return None


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "fixtures",
        nargs="*",
        default=[str(ROOT / "audio_fixtures/good_answer.flac"), str(ROOT / "audio_fixtures/cpa_answer.flac")],
    )
    p.add_argument("--repeat", type=int, default=3, metavar="N")
    args = p.parse_args()
    warm_up()
    print(f"{cpu_line()}, tiny.en int8, warm process")
    for path in args.fixtures:
        bench_fixture(path, args.repeat)


if __name__ == "__main__":
    main()
