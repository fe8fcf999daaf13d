#!/usr/bin/env python3
"""Cost of the content check: model import/load, and checking answers of about 100 and 300 words.

    python bench/bench_content.py

Runs in this process (start it fresh for cold numbers). Prints wall times and
resident memory; asserts nothing.
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RUNS = 20


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    base = rss_mb()
    t0 = time.perf_counter()
    from simulator.content.nlp import get_nlp

    get_nlp()
    t2 = time.perf_counter()
    loaded = rss_mb()
    from simulator.content import check_content
    from simulator.model.analysis import AnswerContext
    from simulator.model.transcript import Transcript
    from simulator.questions import get_question

    data = tomllib.loads((ROOT / "tests" / "data" / "content_labelled.toml").read_text())
    by_id = {a["id"]: a["text"] for a in data["answer"]}
    long_text = " ".join(by_id["long_logistics"].split()[:300])
    q = get_question("career-goals")
    first = time.perf_counter()
    check_content(Transcript.from_text(by_id["nurse_ccrn"]), q, AnswerContext())  # compiles the lexicons
    first = time.perf_counter() - first
    print(
        f"import spaCy + load model: {t2 - t0:.2f} s (+{loaded - base:.0f} MB RSS); first check (lexicon compile): {first:.2f} s"
    )
    for name, text in (("~130 words", by_id["nurse_ccrn"]), ("300 words", long_text)):
        times = []
        for _ in range(RUNS):
            t = time.perf_counter()
            check_content(Transcript.from_text(text), q, AnswerContext())
            times.append(time.perf_counter() - t)
        print(
            f"check {name}: median {1000 * statistics.median(times):.0f} ms, max {1000 * max(times):.0f} ms over {RUNS} runs"
        )
    print(f"peak RSS: {rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
