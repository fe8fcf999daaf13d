#!/usr/bin/env python3
"""Agreement of the per-kind criteria (STAR, intro, horizon, closing) with hand labels, per criterion and set.

    python bench/eval_star.py                 # every set in SETS
    python bench/eval_star.py star_heldout -v # one set; -v lists every disagreement

The sets are tests/data/<name>.toml in the format of bench/eval_content.py,
whose ``evaluate`` this reuses. Exit status is 0; this reports, it does not judge.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
# The development set of each group of rules, then the sets written before the rules met them.
SETS = (
    "star_labelled",
    "star_heldout",
    "star_fresh",
    "star_blind",
    "intro_labelled",
    "intro_heldout",
    "horizon_labelled",
    "horizon_heldout",
    "closing_labelled",
)


def _evaluate():
    spec = importlib.util.spec_from_file_location("eval_content", ROOT / "bench" / "eval_content.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.evaluate


def agreement(name: str):
    """(per criterion [agree, total], disagreements) of one labelled set."""
    per, misses, _ = _evaluate()(DATA / f"{name}.toml")
    return per, misses


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", default=list(SETS), help="set names (tests/data/NAME.toml)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    args = ap.parse_args(argv)
    for name in args.sets:
        per, misses = agreement(name)
        n_answers = max(n for _, n in per.values())
        print(f"{name} ({n_answers} answers)")
        for cid, (a, n) in per.items():
            print(f"  {cid:16s} {a:3d}/{n:<3d} {100 * a / n:5.1f}%")
        if args.verbose:
            for aid, cid, want, got, why in misses:
                print(f"    ✗ {aid:36s} {cid:15s} label={want:8s} got={got:8s} ({why})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
