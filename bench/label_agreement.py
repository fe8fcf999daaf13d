#!/usr/bin/env python3
"""How far two careful human readers of the rubric agree, beside how far the content check agrees with each.

    python bench/label_agreement.py          # every set in tests/data/second_labels

Each file in tests/data/second_labels holds a second labeller's labels for the answers of the set of the same
name in tests/data, written from the rubric and the article without seeing the first labels or the tool. Human
agreement is the ceiling the tool's agreement can be read against. Exit status is 0; this reports.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # eval_content, beside this file
SECOND = ROOT / "tests" / "data" / "second_labels"
PAIRS = ("first~second", "tool~first", "tool~second")


def _labels(path: Path) -> dict[str, dict]:
    return {a["id"]: a for a in tomllib.loads(path.read_text())["answer"]}


def agreement(first: Path, second: Path) -> dict[str, list[int]]:
    """criterion -> [first~second, tool~first, tool~second, answers] over the answers both files label."""
    from eval_content import evaluate

    ev, b = evaluate(first), _labels(second)
    per = defaultdict(lambda: [0, 0, 0, 0])
    for aid, ans in _labels(first).items():
        got = {c.id: c.status for c in ev.reports[aid].criteria}
        for cid, want in ans.get("labels", {}).items():
            other = b[aid]["labels"][cid]
            row = per[cid]
            row[0] += want == other
            row[1] += got[cid] == want
            row[2] += got[cid] == other
            row[3] += 1
    return per


def _print(name: str, per: dict[str, list[int]]) -> None:
    print(f"{name:22s} " + " ".join(f"{p:>13s}" for p in PAIRS))
    total = [sum(r[k] for r in per.values()) for k in range(4)]
    for cid, row in [*per.items(), ("overall", total)]:
        print(f"  {cid:20s} " + " ".join(f"{100 * row[k] / row[3]:12.1f}%" for k in range(3)))


def main() -> int:
    pooled = defaultdict(lambda: [0, 0, 0, 0])
    for second in sorted(SECOND.glob("*.toml")):
        per = agreement(ROOT / "tests" / "data" / second.name, second)
        _print(second.stem, per)
        for cid, row in per.items():
            pooled[cid] = [a + b for a, b in zip(pooled[cid], row, strict=True)]
    _print("pooled", pooled)
    return 0


if __name__ == "__main__":
    sys.exit(main())
