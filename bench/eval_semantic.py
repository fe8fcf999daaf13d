#!/usr/bin/env python3
"""Accuracy of each semantic classifier on its held-out sentences.

    python bench/eval_semantic.py          # tests/data/semantic/heldout/*.toml
    python bench/eval_semantic.py -v       # also list every sentence it gets wrong

The held-out sentences were written before any classifier was fitted, in
professions and phrasings unlike the training ones, and train_semantic.py never
fits on them. Sentences go through the run-time path (``classify``, clause
split included). Exit status is 0; this reports, it does not judge.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

TARGET = 0.90  # accuracy per classifier the task set


def auc(pos: list[float], neg: list[float]) -> float:
    """Probability that a random positive outscores a random negative (ties count half)."""
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def evaluate(task: str) -> tuple[int, int, float, list]:
    from train_semantic import load_labelled

    from simulator.content.semantic import classify

    sentences, labels = load_labelled("heldout", task)
    judged = classify(sentences, task)
    right = sum(j.positive == bool(y) for j, y in zip(judged, labels))
    wrong = [(y, j) for j, y in zip(judged, labels) if j.positive != bool(y)]
    pos = [j.score for j, y in zip(judged, labels) if y]
    neg = [j.score for j, y in zip(judged, labels) if not y]
    return right, len(labels), auc(pos, neg), wrong


def main(argv: list[str] | None = None) -> int:
    from simulator.content.semantic import TASKS, engine_name, get_model

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list every wrong sentence")
    args = ap.parse_args(argv)
    get_model()
    print(f"held-out accuracy ({engine_name()}); target {100 * TARGET:.0f}% each")
    total_right = total = 0
    misses = []
    t0 = time.perf_counter()
    for task in TASKS:
        right, n, area, wrong = evaluate(task)
        total_right, total = total_right + right, total + n
        misses += wrong
        flag = "" if right / n >= TARGET else "  below target"
        print(f"  {task:13s} {right:3d}/{n:<3d} {100 * right / n:5.1f}%  AUC {area:.3f}{flag}")
    print(f"overall: {total_right}/{total} = {100 * total_right / total:.1f}% in {time.perf_counter() - t0:.1f} s")
    if args.verbose:
        for y, j in misses:
            want = TASKS[j.task].positive if y else TASKS[j.task].negative
            print(f"  ✗ {j.task:13s} want {want:18s} got {j.label:18s} score {j.score:.2f}  {j.judged}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
