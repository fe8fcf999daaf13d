#!/usr/bin/env python3
"""Agreement of the content check with hand labels, per criterion and overall, and score bands.

    python bench/eval_content.py                       # tests/data/content_labelled.toml
    python bench/eval_content.py other.toml -v         # show every disagreement
    python bench/eval_content.py tests/data/score_bands.toml   # also: share of answers inside their band
    python bench/eval_content.py --all                 # one line per set in tests/data, then every criterion pooled

A labelled file holds [[answer]] tables: id, question, optional role,
company, posting, text, optional [answer.labels] mapping criterion id ->
status, and optional band (strong, vague, non_answer, avoid: see BANDS).
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
# band -> (lowest, highest) score inside it; docs/content.md "Score" defines them.
BANDS = {"strong": (75, 100), "vague": (0, 50), "non_answer": (0, 30), "avoid": (0, 55)}


class Evaluation:
    """What one labelled file gave (a plain class: tests load this file without registering it as a module)."""

    def __init__(self) -> None:
        self.per = defaultdict(lambda: [0, 0])  # criterion -> [agree, total]
        self.misses = []  # (answer id, criterion, label, got, reason)
        self.timings = []  # s per check
        self.bands = []  # (answer id, band, score, inside)
        self.reports = {}  # answer id -> ContentReport

    def __iter__(self):  # per, misses, timings = evaluate(path)
        return iter((self.per, self.misses, self.timings))


def in_band(band: str, score: int) -> bool:
    lo, hi = BANDS[band]
    return lo <= score <= hi


def evaluate(path: Path) -> Evaluation:
    from simulator.content import check_content
    from simulator.model.analysis import AnswerContext
    from simulator.model.transcript import Transcript
    from simulator.questions import get_question

    data = tomllib.loads(path.read_text())
    out = Evaluation()
    for ans in data["answer"]:
        q = get_question(ans.get("question", "career-goals"))
        ctx = AnswerContext(role=ans.get("role"), company=ans.get("company"), posting=ans.get("posting"))
        t0 = time.perf_counter()
        report = check_content(Transcript.from_text(ans["text"]), q, ctx)
        out.timings.append(time.perf_counter() - t0)
        out.reports[ans["id"]] = report
        got = {c.id: c for c in report.criteria}
        for cid, want in ans.get("labels", {}).items():
            res = got[cid]
            out.per[cid][1] += 1
            if res.status == want:
                out.per[cid][0] += 1
            else:
                out.misses.append((ans["id"], cid, want, res.status, res.reason))
        if "band" in ans:
            out.bands.append((ans["id"], ans["band"], report.score, in_band(ans["band"], report.score)))
    return out


def _print_agreement(ev: Evaluation, verbose: bool) -> None:
    agree = sum(a for a, _ in ev.per.values())
    total = sum(n for _, n in ev.per.values())
    print(f"{'criterion':24s} agree/total")
    for cid, (a, n) in ev.per.items():
        print(f"  {cid:22s} {a:3d}/{n:<3d} {100 * a / n:5.1f}%")
    print(f"overall: {agree}/{total} = {100 * agree / total:.1f}% agreement over {len(ev.timings)} answers")
    if verbose or len(ev.misses) <= 25:
        for aid, cid, want, got, why in ev.misses:
            print(f"  ✗ {aid:24s} {cid:22s} label={want:8s} got={got:8s} ({why})")


def _print_bands(ev: Evaluation, verbose: bool) -> None:
    inside = sum(ok for *_, ok in ev.bands)
    print(f"score bands: {inside}/{len(ev.bands)} = {100 * inside / len(ev.bands):.1f}% inside their band")
    for band, (lo, hi) in BANDS.items():
        rows = [r for r in ev.bands if r[1] == band]
        if rows:
            scores = ", ".join(str(s) for _, _, s, _ in rows)
            print(f"  {band:11s} {lo:3d}-{hi:<3d} {sum(r[3] for r in rows):2d}/{len(rows):<2d} scores: {scores}")
    for aid, band, score, ok in ev.bands:
        if verbose or not ok:
            print(f"  {'✓' if ok else '✗'} {aid:26s} {band:11s} score {score}")


def _summary_line(name: str, ev: Evaluation) -> str:
    """One set in one line: its agreement, its weakest criterion and its bands."""
    parts = [f"{name:28s}"]
    if ev.per:
        agree = sum(a for a, _ in ev.per.values())
        total = sum(n for _, n in ev.per.values())
        low_id, (a, n) = min(ev.per.items(), key=lambda kv: kv[1][0] / kv[1][1])
        parts.append(f"{agree:4d}/{total:<4d} {100 * agree / total:5.1f}%  lowest {low_id} {100 * a / n:.1f}%")
    if ev.bands:
        inside = sum(ok for *_, ok in ev.bands)
        parts.append(f"bands {inside}/{len(ev.bands)}")
    return "  ".join(parts)


def _evaluate_all(verbose: bool) -> None:
    """Every labelled set in tests/data; the criteria pooled over all of them."""
    pooled = defaultdict(lambda: [0, 0])
    for path in sorted((ROOT / "tests" / "data").glob("*.toml")):
        ev = evaluate(path)
        if not (ev.per or ev.bands):
            continue
        print(_summary_line(path.stem, ev))
        for cid, (a, n) in ev.per.items():
            pooled[cid][0] += a
            pooled[cid][1] += n
        if verbose:
            for aid, cid, want, got, why in ev.misses:
                print(f"    ✗ {aid:24s} {cid:22s} label={want:8s} got={got:8s} ({why})")
    print("every set pooled:")
    for cid, (a, n) in sorted(pooled.items(), key=lambda kv: kv[1][0] / kv[1][1]):
        print(f"  {cid:22s} {a:4d}/{n:<4d} {100 * a / n:5.1f}%")
    agree, total = sum(a for a, _ in pooled.values()), sum(n for _, n in pooled.values())
    print(f"overall: {agree}/{total} = {100 * agree / total:.1f}%")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("-v", "--verbose", action="store_true", help="list every disagreement and every band")
    ap.add_argument("--all", action="store_true", help="every labelled set in tests/data, one line each")
    args = ap.parse_args(argv)
    if args.all:
        _evaluate_all(args.verbose)
        return 0
    t0 = time.perf_counter()
    from simulator.content.nlp import get_nlp

    get_nlp()
    load_s = time.perf_counter() - t0
    ev = evaluate(args.path)
    print(f"labelled set: {args.path.relative_to(ROOT) if args.path.is_relative_to(ROOT) else args.path}")
    if ev.per:
        _print_agreement(ev, args.verbose)
    if ev.bands:
        _print_bands(ev, args.verbose)
    timings = sorted(ev.timings)
    print(
        f"model load {load_s:.2f} s; check per answer: median {1000 * timings[len(timings) // 2]:.0f} ms, "
        f"max {1000 * timings[-1]:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
