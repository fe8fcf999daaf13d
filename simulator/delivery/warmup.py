"""Compile librosa's numba functions once, into the numba cache the app reads at run time.

librosa compiles its numba functions on first use (tens of seconds on a
2-core machine), then loads them from numba's on-disk cache. ``make setup``
runs this, so no user pays the compilation in a session::

    python -m simulator.delivery.warmup            # warm and report the timings
    python -m simulator.delivery.warmup --measure  # also time a cold compile vs the cache in fresh processes

The cache is ``NUMBA_CACHE_DIR`` if set, else ``<cache_home()>/numba``
(``configure_numba_cache``), the folder ``analyze_delivery`` points numba at
too; the tests use the same folder (tests/conftest.py). ``warm_librosa``
(the import, and one delivery analysis of a 1 s signal) is what the pipeline
runs while the question plays or the answer is decoded.
Importing this module is cheap.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

from simulator.audio.files import SAMPLE_RATE
from simulator.paths import NUMBA_ENV, configure_numba_cache

WARM_S = 1.0  # s; length of the warm-up signal


def _signal():
    import numpy as np

    t = np.arange(int(WARM_S * SAMPLE_RATE)) / SAMPLE_RATE
    y = 0.3 * np.sin(2 * np.pi * 140 * t) * (np.sin(2 * np.pi * 2 * t) > 0)  # 140 Hz bursts with gaps
    return (y + 0.001 * np.random.default_rng(0).standard_normal(t.size)).astype(np.float32)


def _import_librosa() -> None:
    """Import the parts of librosa the analysis uses (numba loads their compiled code here)."""
    import librosa

    for name in ("feature", "util", "yin", "autocorrelate", "resample", "to_mono"):
        getattr(librosa, name)  # librosa imports its submodules on first access


def _delivery(y) -> None:
    """Run the delivery analysis once on the warm-up signal: every librosa call it makes, as it makes it."""
    from simulator.delivery import analyze_delivery
    from simulator.model.transcript import Transcript, Word

    words = [Word("warm", 0.0, 0.24), Word("up.", 0.5, 0.74)]
    analyze_delivery(y, SAMPLE_RATE, Transcript("warm up.", words))


def warm_librosa() -> None:
    """Import librosa and run the delivery analysis once, so the answer's analysis waits for neither."""
    configure_numba_cache()
    _import_librosa()
    _delivery(_signal())


def _rss_mb() -> float:
    """The process's resident memory now (Linux), else 0."""
    try:
        with open("/proc/self/status") as status:
            return next(int(ln.split()[1]) / 1024 for ln in status if ln.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return 0.0


def warm() -> dict[str, dict[str, float]]:
    """Time the import and two runs of the analysis, and what each added to the resident memory;
    return {step: {"first_s": ..., "warm_s": ..., "rss_mb": ...}}."""
    configure_numba_cache()
    y = _signal()
    timings: dict[str, dict[str, float]] = {}
    rss, t0 = _rss_mb(), time.perf_counter()
    _import_librosa()
    timings["import librosa"] = {"first_s": time.perf_counter() - t0, "warm_s": 0.0, "rss_mb": _rss_mb() - rss}
    runs, rss = [], _rss_mb()
    for _ in range(2):
        t0 = time.perf_counter()
        _delivery(y)
        runs.append(time.perf_counter() - t0)
    timings["delivery analysis"] = {"first_s": runs[0], "warm_s": runs[1], "rss_mb": _rss_mb() - rss}
    return timings


def _fresh_process(cache_dir: str) -> dict[str, dict[str, float]]:
    """Run ``warm()`` in a new interpreter with the given numba cache folder."""
    env = dict(os.environ, **{NUMBA_ENV: cache_dir})
    out = subprocess.run(
        [sys.executable, "-m", "simulator.delivery.warmup", "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def measure() -> dict[str, dict[str, dict[str, float]]]:
    """Cold compile (empty cache) vs loading from the cache, each in a fresh process."""
    with tempfile.TemporaryDirectory(prefix="numba-cache-") as tmp:
        cold = _fresh_process(tmp)
        cached = _fresh_process(tmp)
    return {"empty cache": cold, "filled cache": cached}


def _table(timings: dict[str, dict[str, float]]) -> str:
    lines = [f"{'step':<36} {'first call':>11} {'warm call':>10} {'resident memory':>16}"]
    for name, t in timings.items():
        lines.append(f"{name:<36} {t['first_s']:>10.3f}s {t['warm_s']:>9.3f}s {t['rss_mb']:>+13.0f} MB")
    total = sum(t["first_s"] for t in timings.values())
    lines.append(f"{'total first-call cost':<36} {total:>10.3f}s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m simulator.delivery.warmup", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the timings as JSON")
    parser.add_argument("--measure", action="store_true", help="compare an empty and a filled cache in fresh processes")
    args = parser.parse_args(argv)
    if args.measure:
        result = measure()
        if args.json:
            print(json.dumps(result, indent=2))
        else:
            for label, timings in result.items():
                print(f"fresh process, {label}:\n{_table(timings)}\n")
        return 0
    timings = warm()
    if args.json:
        print(json.dumps(timings))
    else:
        print(f"numba cache: {os.environ.get(NUMBA_ENV)}")
        print(_table(timings))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
