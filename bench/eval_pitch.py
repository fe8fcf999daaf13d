#!/usr/bin/env python3
"""Measure the pitch figures against voices of known pitch.

    python bench/eval_pitch.py            # synthetic voices, then the spoken fixtures
    python bench/eval_pitch.py --json

Synthetic voices: harmonic "vowels" (a random spectral envelope per syllable,
four syllables a second), whose f0 follows a known contour (a flat voice, a
glide, a rise-fall) around a known centre, with unvoiced noise bursts between
some syllables (fricatives: they must not count) and, in one variant, hiss at
-45 dBFS. The truth is the contour's median and 10th-90th percentile range over
the voiced samples, and the monotone verdict that range gives. Printed: the
median's error (%), the range's error (semitones), whether the verdict is
right, and the voiced time found. Then the spoken fixtures (espeak-ng, no
pitch truth): their figures, to compare one version of the code with another.
Numbers only; nothing is asserted (tests/unit/test_delivery_signal.py does that).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SR = 16_000
DURATION_S = 6.0
SYLLABLE_S = 0.25
CENTRES_HZ = (85.0, 120.0, 180.0, 240.0)
CONTOURS = ("flat", "glide", "rise-fall")
SPANS_ST = (1.5, 3.0, 6.0, 10.0)  # peak-to-peak semitones of the glide and rise-fall contours
MONOTONE_ST = 4.0  # the default monotone_range_st


def contour(kind: str, span_st: float, n: int) -> np.ndarray:
    """Semitones relative to the centre, per sample."""
    x = np.linspace(0.0, 1.0, n)
    if kind == "flat":
        return 0.15 * np.sin(2 * np.pi * 5.0 * x * DURATION_S)  # a little jitter
    if kind == "glide":
        return span_st * (x - 0.5)
    return span_st * np.sin(np.pi * 3 * x) / 2  # three rises and falls


def voice(centre: float, kind: str, span: float, *, hiss_dbfs: float | None, seed: int):
    """(signal, voiced mask per sample, f0 per sample)."""
    rng = np.random.default_rng(seed)
    n = int(DURATION_S * SR)
    f0 = centre * 2 ** (contour(kind, span, n) / 12)
    phase = 2 * np.pi * np.cumsum(f0) / SR
    per = int(SYLLABLE_S * SR)
    y = np.zeros(n)
    voiced = np.zeros(n, bool)
    for k, a in enumerate(range(0, n, per)):
        b = min(n, a + per)
        if k % 4 == 3:  # a fricative: noise, no voicing
            y[a + per // 4 : b - per // 4] = 0.05 * rng.standard_normal(b - a - 2 * (per // 4))
            continue
        amps = rng.uniform(0.2, 1.0, 12) / np.arange(1, 13)
        tone = sum(amp * np.sin(h * phase[a:b]) for h, amp in enumerate(amps, 1))
        env = np.sin(np.pi * np.arange(b - a) / (b - a)) ** 0.5
        y[a:b] = 0.3 * tone * env / np.max(np.abs(tone))
        voiced[a + per // 8 : b - per // 8] = True  # the louder middle of the syllable
    if hiss_dbfs is not None:
        y = y + rng.normal(0, 10 ** (hiss_dbfs / 20), n)
    lead = np.zeros(int(0.5 * SR))
    pad = np.zeros(int(0.5 * SR), bool)
    return (
        np.concatenate([lead, y, lead]).astype(np.float32),
        np.concatenate([pad, voiced, pad]),
        np.concatenate([np.zeros(lead.size), f0, np.zeros(lead.size)]),
    )


def measure(y: np.ndarray, sr: int):
    from simulator.delivery.levels import measure_levels
    from simulator.delivery.pitch import measure_pitch

    levels = measure_levels(y, sr)
    return measure_pitch(levels, levels.active)


def synthetic_rows() -> list[dict]:
    rows = []
    seed = 0
    for hiss in (None, -45.0):
        for centre in CENTRES_HZ:
            for kind in CONTOURS:
                for span in SPANS_ST if kind != "flat" else (0.0,):
                    seed += 1
                    y, voiced, f0 = voice(centre, kind, span, hiss_dbfs=hiss, seed=seed)
                    true = f0[voiced]
                    p10, p50, p90 = np.percentile(true, [10, 50, 90])
                    true_range = 12 * np.log2(p90 / p10)
                    t0 = time.perf_counter()
                    pitch = measure(y, SR)
                    rows.append(
                        {
                            "voice": f"{centre:.0f} Hz {kind} {span:g} st" + (" hiss" if hiss else ""),
                            "true_median": float(p50),
                            "true_range": float(true_range),
                            "median": pitch.median_hz,
                            "range": pitch.range_semitones,
                            "monotone_ok": pitch.monotone == bool(true_range < MONOTONE_ST),
                            "voiced_s": pitch.voiced_s,
                            "true_voiced_s": float(voiced.sum() / SR),
                            "seconds": time.perf_counter() - t0,
                        }
                    )
    return rows


def fixture_rows() -> list[dict]:
    from simulator.audio.files import load_audio

    rows = []
    for path in sorted((ROOT / "audio_fixtures").glob("*.flac")):
        y, sr = load_audio(path)
        pitch = measure(y, sr)
        rows.append(
            {
                "fixture": path.stem,
                "median": pitch.median_hz,
                "range": pitch.range_semitones,
                "monotone": pitch.monotone,
                "voiced_s": pitch.voiced_s,
            }
        )
    return rows


def summary(rows: list[dict]) -> list[str]:
    found = [r for r in rows if r["median"] is not None]
    med = [abs(r["median"] - r["true_median"]) / r["true_median"] for r in found]
    rng = [abs(r["range"] - r["true_range"]) for r in found]
    return [
        f"voices with pitch figures: {len(found)}/{len(rows)}",
        f"median error: mean {100 * np.mean(med):.2f}%, max {100 * np.max(med):.2f}%",
        f"range error: mean {np.mean(rng):.2f} st, max {np.max(rng):.2f} st",
        f"monotone verdict right: {sum(r['monotone_ok'] for r in rows)}/{len(rows)}",
        f"voiced time found / true: {sum(r['voiced_s'] for r in found) / sum(r['true_voiced_s'] for r in found):.2f}",
        f"pitch time per {DURATION_S + 1:.0f} s voice: mean {1000 * np.mean([r['seconds'] for r in rows]):.0f} ms",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the rows as JSON too")
    args = parser.parse_args(argv)
    from simulator.paths import configure_numba_cache

    configure_numba_cache()
    rows = synthetic_rows()
    for r in rows:
        med = "-" if r["median"] is None else f"{r['median']:6.1f}"
        rng = "-" if r["range"] is None else f"{r['range']:5.2f}"
        print(
            f"{r['voice']:<28} median {med} vs {r['true_median']:6.1f} Hz  range {rng} vs {r['true_range']:5.2f} st  "
            f"monotone {'ok' if r['monotone_ok'] else 'WRONG'}  voiced {r['voiced_s']:.2f}/{r['true_voiced_s']:.2f} s"
        )
    print("\n".join(summary(rows)))
    fixtures = fixture_rows()
    print()
    for r in fixtures:
        print(
            f"{r['fixture']:<16} median {r['median']} Hz  range {r['range']} st  monotone {r['monotone']}  voiced {r['voiced_s']} s"
        )
    if args.json:
        print(json.dumps({"synthetic": rows, "fixtures": fixtures}, indent=1, default=float))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
