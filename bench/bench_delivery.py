#!/usr/bin/env python3
"""Time the delivery analysis of a 60 s answer, next to librosa baselines run in the same process.

    python bench/bench_delivery.py            # uses audio_fixtures/good_answer.flac (60 s)
    python bench/bench_delivery.py --runs 9 --file my_answer.wav

The answer is transcribed once (not timed). Then, in this warm process, each
step runs once untimed and ``--runs`` times timed (median reported):

- ``analyze_delivery`` as a whole and its stages (levels and pitch are librosa's
  ``feature.rms`` and ``yin``, in batches);
- baselines: ``librosa.effects.split`` with its defaults (the pause finder the
  issue warns about), ``librosa.yin`` over the whole signal with the speech
  range and its default 2048-sample frames, and ``librosa.pyin`` (whose voicing
  our pitch does without) with its default C2-C7 range and with the speech
  range (on a 10 s excerpt, scaled to the full length).

It prints times and the ratio of each baseline to our analysis, plus the cost
of the first call in a fresh interpreter (imports included, numba's cache as
configured: filled by ``make setup``) for both. No assertions: numbers depend
on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from machine import cpu_line  # bench/machine.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PYIN_EXCERPT_S = 10.0  # s; pyin is slow, so it runs on an excerpt and is scaled up


def timed(fn, runs: int) -> float:
    fn()  # warm
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def stages(y, sr, transcript, runs: int) -> dict[str, float]:
    from simulator.delivery import DeliveryOptions
    from simulator.delivery.analyze import speech_frames
    from simulator.delivery.fillers import find_fillers
    from simulator.delivery.levels import measure_levels
    from simulator.delivery.pauses import find_silences
    from simulator.delivery.phrasing import phrase
    from simulator.delivery.pitch import measure_pitch
    from simulator.delivery.volume import measure_volume

    o = DeliveryOptions()
    levels = measure_levels(y, sr, o)
    silences = find_silences(levels)
    ph = phrase(transcript.words, silences, levels.duration_s)
    speech = speech_frames(levels, ph.start, ph.end)
    return {
        "levels + threshold": timed(lambda: measure_levels(y, sr, o), runs),
        "silences": timed(lambda: find_silences(levels), runs),
        "words to segments": timed(lambda: phrase(transcript.words, silences, levels.duration_s), runs),
        "pitch (librosa.yin, voiced frames)": timed(lambda: measure_pitch(levels, speech, o), runs),
        "volume": timed(lambda: measure_volume(y, levels, speech, transcript.words, ph.start, ph.end, o), runs),
        "fillers": timed(lambda: find_fillers(transcript.words), runs),
    }


def baselines(y, sr, runs: int) -> dict[str, float]:
    import librosa

    n = int(PYIN_EXCERPT_S * sr)
    scale = y.size / n
    return {
        "librosa.effects.split (defaults)": timed(lambda: librosa.effects.split(y), runs),
        "librosa.yin 65-400 Hz, whole signal": timed(lambda: librosa.yin(y, fmin=65, fmax=400, sr=sr), runs),
        "librosa.pyin 65-400 Hz (scaled)": scale * timed(lambda: librosa.pyin(y[:n], fmin=65, fmax=400, sr=sr), 1),
        "librosa.pyin C2-C7 default (scaled)": scale
        * timed(lambda: librosa.pyin(y[:n], fmin=librosa.note_to_hz("C2"), fmax=librosa.note_to_hz("C7"), sr=sr), 1),
    }


FRESH_OURS = """
import time, numpy as np, soundfile as sf
t0 = time.perf_counter()
from simulator.delivery import analyze_delivery
from simulator.model.transcript import Transcript, Word
y, sr = sf.read({path!r}, dtype="float32")
words = [Word("w", 0.5 + 0.4 * i, 0.8 + 0.4 * i) for i in range(int((y.size / sr - 1) / 0.4))]
analyze_delivery(y, sr, Transcript("w", words))
print(time.perf_counter() - t0)
"""
FRESH_LIBROSA = """
import time, soundfile as sf
t0 = time.perf_counter()
import librosa
y, sr = sf.read({path!r}, dtype="float32")
librosa.effects.split(y); librosa.yin(y, fmin=65, fmax=400, sr=sr)
print(time.perf_counter() - t0)
"""


def fresh(code: str, path: Path) -> float:
    """Seconds for ``code`` in a new interpreter (imports and first calls included)."""
    out = subprocess.run(
        [sys.executable, "-c", code.format(path=str(path))], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return float(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=ROOT / "audio_fixtures" / "good_answer.flac")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    from simulator.asr.transcribe import transcribe
    from simulator.audio.files import load_audio
    from simulator.delivery import analyze_delivery
    from simulator.paths import configure_numba_cache

    configure_numba_cache()
    y, sr = load_audio(args.file)
    transcript = transcribe(y, sr)
    t0 = time.perf_counter()
    analyze_delivery(y, sr, transcript)
    first = time.perf_counter() - t0
    ours = timed(lambda: analyze_delivery(y, sr, transcript), args.runs)
    print(cpu_line())
    print(
        f"delivery analysis of {args.file.name} ({y.size / sr:.1f} s, {len(transcript.words)} words), "
        f"median of {args.runs} warm runs"
    )
    print(f"  {'analyze_delivery (warm)':<40} {1000 * ours:8.1f} ms")
    print(f"  {'analyze_delivery (first call in process)':<40} {1000 * first:8.1f} ms")
    for name, t in stages(y, sr, transcript, args.runs).items():
        print(f"    {name:<38} {1000 * t:8.1f} ms")
    print("baselines in the same process (warm), ratio = baseline / analyze_delivery")
    for name, t in baselines(y, sr, args.runs).items():
        print(f"  {name:<40} {1000 * t:8.1f} ms  x{t / ours:6.1f}")
    ours_fresh, lib_fresh = fresh(FRESH_OURS, args.file), fresh(FRESH_LIBROSA, args.file)
    print("first call in a fresh interpreter (imports included; numba cache as configured)")
    print(f"  {'simulator.delivery analyze_delivery':<40} {1000 * ours_fresh:8.1f} ms")
    print(f"  {'librosa import + split + yin':<40} {1000 * lib_fresh:8.1f} ms  x{lib_fresh / ours_fresh:6.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
