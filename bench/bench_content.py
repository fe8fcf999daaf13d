#!/usr/bin/env python3
"""Cost of the content check: model import/load, and checking answers of about 100 and 300 words.

A behavioural answer (checked on STAR) is timed beside the career-goals answer of the same length, as a ratio.

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
    from simulator.content import ContentOptions, check_content
    from simulator.content.semantic import _cache, clear_cache
    from simulator.model.analysis import AnswerContext
    from simulator.model.transcript import Transcript
    from simulator.questions import get_question

    data = tomllib.loads((ROOT / "tests" / "data" / "content_labelled.toml").read_text())
    by_id = {a["id"]: a["text"] for a in data["answer"]}
    long_text = " ".join(by_id["long_logistics"].split()[:300])
    q = get_question("career-goals")
    RULES_ONLY = ContentOptions(semantic=False)  # noqa: N806 - the baseline's options

    def cached_sentences() -> int:
        return len(_cache)

    first = time.perf_counter()
    check_content(Transcript.from_text(by_id["nurse_ccrn"]), q, AnswerContext())  # compiles the lexicons
    first = time.perf_counter() - first
    print(
        f"import spaCy + load model: {t2 - t0:.2f} s (+{loaded - base:.0f} MB RSS); first check (lexicon compile and "
        f"sentence model load): {first:.2f} s (+{rss_mb() - loaded:.0f} MB RSS)"
    )
    star = tomllib.loads((ROOT / "tests" / "data" / "star_labelled.toml").read_text())["answer"]
    behavioural = next(a for a in star if a["id"] == "pm_scope_creep")
    bands = {
        a["id"]: a["text"] for a in tomllib.loads((ROOT / "tests" / "data" / "score_bands.toml").read_text())["answer"]
    }
    cues = ("money_stock_phrase", "advisor_comp_but", "lazy_cooks_putdown", "novel_hobby", "cover_the_bills")
    cue_text = " ".join(" ".join(bands[i] for i in cues).split()[:300])  # every sentence sent to a classifier
    cases = (
        ("~130 words", by_id["nurse_ccrn"], q),
        ("300 words", long_text, q),
        ("300 words dense with pay, hobby and put-down cues", cue_text, q),
        ("behavioural ~120 words (STAR)", behavioural["text"], get_question(behavioural["question"])),
    )
    medians = {}
    for name, text, question in cases:
        times, rules, embedded = [], [], 0
        for _ in range(RUNS):
            clear_cache()
            t = time.perf_counter()
            check_content(Transcript.from_text(text), question, AnswerContext())
            times.append(time.perf_counter() - t)
            embedded = cached_sentences()
            t = time.perf_counter()
            check_content(Transcript.from_text(text), question, AnswerContext(), options=RULES_ONLY)
            rules.append(time.perf_counter() - t)
        medians[name] = statistics.median(times)
        print(
            f"check {name}: median {1000 * medians[name]:.0f} ms, max {1000 * max(times):.0f} ms over {RUNS} runs, "
            f"{embedded} sentences embedded; rules alone median {1000 * statistics.median(rules):.0f} ms "
            f"({medians[name] / statistics.median(rules):.2f}x)"
        )
    ratio = medians["behavioural ~120 words (STAR)"] / medians["~130 words"]
    print(f"behavioural / career-goals check time: {ratio:.2f}")
    print(f"peak RSS: {rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
