#!/usr/bin/env python3
"""Which speech model: Whisper base against tiny.en, measured in the same run.

Run from the repository root (base needs the [base] extra)::

    python bench/bench_models.py                        # everything, ~20 min on 2 cores
    python bench/bench_models.py --parts wer
    python bench/bench_models.py --parts whole stream --durations 60

Three parts, each giving base / tiny.en ratios:

- ``wer``: each model, warm in this process, transcribes every fixture with a known
  text as ``analyze`` does (stretches cut at pauses): the human reading
  (audio_fixtures/human/two_cities) clean and with white noise at 10 and 0 dB SNR,
  and the espeak-ng answers. WER against the text.
- ``whole``: each (model, answer of about 60 and 180 s) in a new process, the
  model load included, through bench_engines' child (the real pipeline and report):
  wall and CPU time, the transcription stage, peak RSS; then the ``analyze`` command
  of the 60 s answer end to end.
- ``stream``: the good answer (and the 180 s answer) fed at real-time pace in the
  recorder's 50 ms blocks to the streaming transcriber and the pitch track, as
  ``practice`` does: how far each finished stretch lags behind the speech (does
  decoding keep up?), and the wait from the end of the recording to the report,
  for Enter pressed 0.3 s after the last word and for the 3 s silence stop.

Prints markdown with the targets met or not; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from bench_engines import CLI_DURATION_S, cli_command, make_clips, run_measured  # beside this script
from machine import cpu_line  # bench/machine.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SR = 16_000
MODELS = ("tiny.en", "base")
HUMAN = ROOT / "audio_fixtures" / "human" / "two_cities"
NOISE_SNR_DB = (10.0, 0.0)  # white noise added to the human reading, dB below its speech power
NOISE_SEED = 0
STREAM_ENDINGS = (("Enter 0.3 s after the last word", 0.3), ("3 s silence stop", 3.0))
LONG_STREAM_S = 180
# The targets the default model must meet (bench_engines and bench_streaming set them for tiny.en).
ANALYZE_60_MAX_S = 4.0
REPORT_WAIT_MAX_S = 1.0
PEAK_180_MAX_MB = 450


def options(model: str):
    from simulator.asr.engine import TranscribeOptions

    return TranscribeOptions(model=model)


def ratio(values: dict[str, float | None]) -> str:
    """base / tiny.en of one measure."""
    a, b = (values.get(m) for m in MODELS)
    return f"{b / a:.2f}×" if a and b else "–"


# --- wer ------------------------------------------------------------------------------------------


def with_noise(y: np.ndarray, snr_db: float) -> np.ndarray:
    """``y`` plus white noise ``snr_db`` below the power of its louder half (the speech)."""
    power = np.sort(y**2)[y.size // 2 :].mean()
    noise = np.random.default_rng(NOISE_SEED).normal(0, np.sqrt(power / 10 ** (snr_db / 10)), y.size)
    return np.clip(y + noise, -1, 1).astype(np.float32)


def wer_clips() -> list[tuple[str, np.ndarray, str]]:
    """(label, 16 kHz samples, text) for every fixture whose words are known."""
    from bench_streaming import spoken_text

    from simulator.audio.files import load_audio

    human, _ = load_audio(HUMAN.with_suffix(".flac"))
    script = json.loads(HUMAN.with_suffix(".json").read_text(encoding="utf-8"))["script"]
    clips = [("human reading (44 s)", human, script)]
    clips += [(f"human reading, white noise at {snr:g} dB SNR", with_noise(human, snr), script) for snr in NOISE_SNR_DB]
    for path in sorted((ROOT / "audio_fixtures").glob("*.flac")):
        text = spoken_text(path)
        if text:
            clips.append((f"espeak-ng: {path.stem}", load_audio(path)[0], text))
    return clips


def bench_wer(models) -> list[str]:
    from simulator.asr.wer import wer
    from simulator.pipeline.answer import transcribe_answer, warm_up

    clips = wer_clips()
    scores: dict[str, dict[str, float]] = {}
    for model in models:
        warm_up(options(model))
        scores[model] = {
            label: wer(text, transcribe_answer(y, SR, options=options(model)).text) for label, y, text in clips
        }
    lines = [
        "### WER against the known text",
        "",
        "| audio | " + " | ".join(models) + " | base / tiny.en |",
        "|---|" + "---:|" * (len(models) + 1),
    ]
    espeak = [label for label, _, _ in clips if label.startswith("espeak")]
    rows = [label for label, _, _ in clips] + (["espeak-ng answers, mean"] if espeak else [])
    for model in models:
        scores[model]["espeak-ng answers, mean"] = statistics.mean(scores[model][e] for e in espeak) if espeak else 0
    for label in rows:
        cells = [scores[m][label] for m in models]
        by_model = {m: scores[m][label] for m in models}
        lines.append(f"| {label} | " + " | ".join(f"{100 * c:.1f} %" for c in cells) + f" | {ratio(by_model)} |")
    return lines + [""]


# --- whole files, new process ------------------------------------------------------------------------


def child(model: str, clip: str, spawned_at: float) -> None:
    """bench_engines' child (the real pipeline, timed by stage, one JSON line) with ``model``."""
    import bench_engines

    from simulator.asr import engines

    real = engines.options_for  # bench_engines' child asks for options_for(engine): add the model
    engines.options_for = lambda engine, **kw: real(engine, **{"model": model, **kw})
    bench_engines.child("faster-whisper", clip, spawned_at)


def bench_child(model: str, clip: Path, env: dict) -> dict:
    spawned = time.time()
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", model, str(clip), repr(spawned)]
    wall, rss, code, out, err = run_measured(cmd, env)
    if code != 0 or not out.strip():
        return {"error": (err.strip().splitlines() or [f"exit {code}"])[-1][:160]}
    result = json.loads(out.strip().splitlines()[-1])
    return {**result, "total": result["ended_at"] - spawned, "cpu_s": run_measured.last_cpu_s}


def bench_whole(models, durations, repeat: int, facts: dict) -> list[str]:
    lines = ["### Whole answers, a new process each (model load included)", ""]
    with tempfile.TemporaryDirectory(prefix="bench-models-") as tmp:
        env = {**os.environ, "MOCK_INTERVIEW_HOME": f"{tmp}/home"}
        clips = make_clips(Path(tmp), sorted(set(durations) | {CLI_DURATION_S}))
        for model in models:  # the first use joins base into the cache and fills numba's: not measured
            bench_child(model, clips[min(clips)], env)
        lines += [
            "| answer | measure | " + " | ".join(models) + " | base / tiny.en |",
            "|---|---|" + "---:|" * (len(models) + 1),
        ]
        for d in sorted(durations):
            runs = {
                m: sorted((bench_child(m, clips[d], env) for _ in range(repeat)), key=lambda r: r.get("total", 1e9))
                for m in models
            }
            results = {m: rs[len(rs) // 2] for m, rs in runs.items()}
            for m, r in results.items():
                if "error" in r:
                    lines.append(f"| {d} s | {m} failed: {r['error']} | | | |")
            measures = (
                ("total wall", lambda r: r.get("total"), "s"),
                ("transcription wall", lambda r: r.get("times", {}).get("transcription"), "s"),
                ("CPU time (user + sys)", lambda r: r.get("cpu_s"), "s"),
                ("peak RSS", lambda r: r.get("vm_hwm_mb"), "MB"),
            )
            for name, get, unit in measures:
                values = {m: get(results[m]) for m in models}
                cells = " | ".join(
                    "–" if v is None else f"{v:.2f} {unit}" if unit == "s" else f"{v:.0f} {unit}"
                    for v in values.values()
                )
                lines.append(f"| {d} s | {name} | {cells} | {ratio(values)} |")
            for m in models:
                facts.setdefault(m, {})[f"peak_{d}"] = results[m].get("vm_hwm_mb")
        lines += [
            "",
            f"`mock-interview analyze` of the {CLI_DURATION_S} s answer, end to end (median of {repeat}):",
            "",
        ]
        for model in models:
            cmd = cli_command() + ["analyze", str(clips[CLI_DURATION_S]), "--json", "--quiet", "--model", model]
            walls = sorted(run_measured(cmd, env)[0] for _ in range(repeat))
            facts.setdefault(model, {})["analyze_60"] = walls[len(walls) // 2]
            lines.append(f"- {model}: {walls[len(walls) // 2]:.2f} s")
    return lines + [""]


# --- streaming ---------------------------------------------------------------------------------------


def timed_streamer(model: str):
    """A StreamingTranscriber that notes when each decode it starts is finished."""
    from simulator.asr.streaming import StreamingTranscriber

    class Timed(StreamingTranscriber):
        def __init__(self):
            super().__init__(options=options(model))
            self.finished: dict[int, float] = {}

        def _decode(self, s):
            job = super()._decode(s)
            job.add_done_callback(lambda j: self.finished.setdefault(id(j), time.monotonic()))
            return job

    return Timed()


def run_stream(model: str, y: np.ndarray, tail_s: float, question) -> dict:
    """Feed ``y`` and ``tail_s`` of silence in real time; the lags and the waits after the last block."""
    from bench_streaming import realtime_feed

    from simulator.delivery.pitch_track import PitchTrack
    from simulator.pipeline.answer import analyze_audio
    from simulator.report import render_text

    streamer, track = timed_streamer(model), PitchTrack()
    started, cpu = time.monotonic(), time.process_time()
    ended = realtime_feed(np.concatenate([y, np.zeros(int(tail_s * SR), np.float32)]), streamer, track)
    busy = (time.process_time() - cpu) / (ended - started)
    inner = list(zip(streamer._jobs, streamer._stretches))  # stretches committed while the answer went on
    lags = [streamer.finished.get(id(job), ended) - (started + s.end / SR) for job, s in inner]
    transcript = streamer.finish()
    transcribed = time.monotonic()
    render_text(analyze_audio(streamer.audio(), SR, question, transcript=transcript, pitch_track=track))
    return {"lags": lags, "busy": busy, "transcript": transcribed - ended, "report": time.monotonic() - ended}


def bench_stream(models, durations, repeat: int, facts: dict) -> list[str]:
    from simulator.audio.files import load_audio
    from simulator.pipeline.answer import warm_up
    from simulator.questions import get_question

    y, _ = load_audio(ROOT / "audio_fixtures" / "good_answer.flac")
    answers = {"good answer (59.5 s)": y[: np.flatnonzero(np.abs(y) > 1e-3)[-1] + 1]}
    if LONG_STREAM_S in durations:
        with tempfile.TemporaryDirectory() as tmp:
            long, _ = load_audio(make_clips(Path(tmp), [LONG_STREAM_S])[LONG_STREAM_S])
        answers[f"joined answers ({long.size / SR:.0f} s)"] = long
    lines = [
        "### Streaming while recording (warm process, real-time feed)",
        "",
        "Lag: when a stretch committed during the answer finished decoding, after its audio ended "
        "(the pause that cuts it is part of it); CPU: the process's CPU time over the feed's wall time "
        "(2 cores: 2.0 is all of them).",
        "",
        "| answer, ending | model | lag per stretch, max (last) | CPU while recording | transcript wait | report wait |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for model in models:
        warm_up(options(model))
        for label, audio in answers.items():
            endings = STREAM_ENDINGS if audio is answers["good answer (59.5 s)"] else STREAM_ENDINGS[:1]
            for ending, tail in endings:
                runs = [run_stream(model, audio, tail, get_question()) for _ in range(repeat)]
                lags = [lag for r in runs for lag in r["lags"]]
                lag = f"{max(lags):.2f} s ({runs[-1]['lags'][-1]:.2f} s)" if lags else "–"
                cells = [lag, f"{statistics.median(r['busy'] for r in runs):.2f}"]
                cells += [
                    f"{statistics.median(r[k] for r in runs):.2f} s (max {max(r[k] for r in runs):.2f})"
                    for k in ("transcript", "report")
                ]
                lines.append(f"| {label}, {ending} | {model} | " + " | ".join(cells) + " |")
                if audio is answers["good answer (59.5 s)"]:
                    worst = max(r["report"] for r in runs)
                    got = facts.setdefault(model, {})
                    got["report_60"] = max(worst, got.get("report_60", 0.0))
    return lines + [""]


def target_lines(facts: dict) -> list[str]:
    """Each model against the targets a default model must meet."""
    checks = (
        ("analyze_60", ANALYZE_60_MAX_S, "`analyze` of a 60 s answer, new process", "s"),
        ("report_60", REPORT_WAIT_MAX_S, "report after a 60 s answer ends, worst ending", "s"),
        ("peak_180", PEAK_180_MAX_MB, "peak RSS at 180 s", "MB"),
    )
    lines = ["### Targets for the default model", ""]
    for model, got in facts.items():
        for key, limit, what, unit in checks:
            if got.get(key) is not None:
                mark = "✅" if got[key] <= limit else "❌"
                lines.append(f"- {mark} {model}: {what} ≤ {limit:g} {unit}: {got[key]:.2f} {unit}")
    return lines + [""]


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--parts", nargs="+", choices=("wer", "whole", "stream"), default=["wer", "whole", "stream"])
    p.add_argument("--models", nargs="+", choices=MODELS, default=list(MODELS))
    p.add_argument("--durations", type=int, nargs="+", default=[60, 180], metavar="S")
    p.add_argument("--repeat", type=int, default=1, metavar="N")
    p.add_argument("--child", nargs=3, metavar=("MODEL", "CLIP", "SPAWNED_AT"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        child(args.child[0], args.child[1], float(args.child[2]))
        return 0
    load = os.getloadavg()
    print(
        f"## Models: {', '.join(args.models)}\n\n- {cpu_line()}; load average (1, 5, 15 min) at the start: {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f}"
    )
    print("- faster-whisper int8, beam 5, word timestamps, 2 stretches at a time on 1 thread each\n", flush=True)
    facts: dict[str, dict[str, float]] = {}
    parts = {"wer": lambda: bench_wer(args.models)}
    parts["whole"] = lambda: bench_whole(args.models, args.durations, args.repeat, facts)
    parts["stream"] = lambda: bench_stream(args.models, args.durations, args.repeat, facts)
    for part in args.parts:
        print("\n".join(parts[part]()), flush=True)
    print("\n".join(target_lines(facts)))
    load = os.getloadavg()
    print(f"Load average (1, 5, 15 min) at the end: {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
