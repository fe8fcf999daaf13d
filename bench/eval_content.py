#!/usr/bin/env python3
"""Agreement of the content check with hand labels, per criterion and overall.

    python bench/eval_content.py                       # tests/data/content_labelled.toml
    python bench/eval_content.py other.toml -v         # show every disagreement

The labelled file holds [[answer]] tables: id, question, optional role,
company, posting, text, and [answer.labels] mapping criterion id -> status.
Exit status is 0; this reports, it does not judge.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT = ROOT / "tests" / "data" / "content_labelled.toml"


def evaluate(path: Path):
    from simulator.content import check_content
    from simulator.model.analysis import AnswerContext
    from simulator.model.transcript import Transcript
    from simulator.questions import get_question

    data = tomllib.loads(path.read_text())
    per = defaultdict(lambda: [0, 0])  # criterion -> [agree, total]
    misses, timings = [], []
    for ans in data["answer"]:
        q = get_question(ans.get("question", "career-goals"))
        ctx = AnswerContext(role=ans.get("role"), company=ans.get("company"), posting=ans.get("posting"))
        t0 = time.perf_counter()
        report = check_content(Transcript.from_text(ans["text"]), q, ctx)
        timings.append(time.perf_counter() - t0)
        got = {c.id: c for c in report.criteria}
        for cid, want in ans["labels"].items():
            res = got[cid]
            per[cid][1] += 1
            if res.status == want:
                per[cid][0] += 1
            else:
                misses.append((ans["id"], cid, want, res.status, res.reason))
    return per, misses, timings


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    from simulator.content.nlp import get_nlp

    get_nlp()
    load_s = time.perf_counter() - t0
    per, misses, timings = evaluate(args.path)
    agree = sum(a for a, _ in per.values())
    total = sum(n for _, n in per.values())
    print(f"labelled set: {args.path.relative_to(ROOT) if args.path.is_relative_to(ROOT) else args.path}")
    print(f"{'criterion':24s} agree/total")
    for cid, (a, n) in per.items():
        print(f"  {cid:22s} {a:3d}/{n:<3d} {100 * a / n:5.1f}%")
    print(f"overall: {agree}/{total} = {100 * agree / total:.1f}% agreement over {len(timings)} answers")
    timings.sort()
    print(
        f"model load {load_s:.2f} s; check per answer: median {1000 * timings[len(timings) // 2]:.0f} ms, max {1000 * timings[-1]:.0f} ms"
    )
    if args.verbose or len(misses) <= 25:
        for aid, cid, want, got, why in misses:
            print(f"  ✗ {aid:24s} {cid:22s} label={want:8s} got={got:8s} ({why})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
