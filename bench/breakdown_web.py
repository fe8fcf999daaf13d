"""Where the wait after Stop goes in the web app: ``bench_web.py --breakdown``.

Runs the server's ``LiveAnswer`` in this process (no HTTP, no event loop):
the fixture is fed at real time in the page's 50 ms messages, Stop comes
0.3 s after the last word, and each step after it is timed by wrapping the
function that does it. The first answer after the warm-up is shown apart,
since a user meets it right after ``serve``.
"""

from __future__ import annotations

import functools
import gc
import os
import statistics
import tempfile
import time

import numpy as np

from simulator.audio.files import SAMPLE_RATE
from simulator.web.live import PCM_BYTES

STEPS = (  # (label, module, attribute): each is timed around its calls
    ("last stretch's transcript", "simulator.asr.streaming", "StreamingTranscriber.finish"),
    ("delivery", "simulator.pipeline.answer", "add_delivery"),
    ("content", "simulator.pipeline.answer", "check_answer_content"),
    ("FLAC written", "simulator.sessions.store", "_write_answer_audio"),
    ("session saved (FLAC, JSON, index)", "simulator.sessions.store", "save_session"),
    ("report page rendered", "simulator.report.html", "session_html"),
)
STOP_AFTER_S = 0.3  # s of silence after the last word before Stop
BLOCK_S = 0.05  # s; the page's messages


def _wrap(times: dict, label: str, module: str, attribute: str) -> None:
    import importlib

    owner = importlib.import_module(module)
    *path, name = attribute.split(".")
    for part in path:
        owner = getattr(owner, part)
    inner = getattr(owner, name)

    @functools.wraps(inner)
    def timed(*a, **kw):
        t = time.perf_counter()
        try:
            return inner(*a, **kw)
        finally:
            times[label] = times.get(label, 0.0) + time.perf_counter() - t

    setattr(owner, name, timed)


def _answer(pcm: bytes, settings, question, times: dict) -> None:
    from simulator.model.analysis import AnswerContext
    from simulator.report.html import session_html
    from simulator.sessions.store import load_session
    from simulator.web.live import LiveAnswer

    live, step = LiveAnswer(settings), int(BLOCK_S * SAMPLE_RATE) * PCM_BYTES
    t0 = time.monotonic()
    for k, i in enumerate(range(0, len(pcm), step)):
        time.sleep(max(0.0, t0 + k * BLOCK_S - time.monotonic()))
        live.feed(pcm[i : i + step])
    times.clear()
    collections = gc.get_stats()[2]["collections"]
    ended = time.perf_counter()
    session_id = live.finish(question, AnswerContext())
    session_html(load_session(session_id))
    times["total"] = time.perf_counter() - ended
    times["full collections"] = gc.get_stats()[2]["collections"] - collections


def breakdown(name: str, speech: np.ndarray, repeat: int) -> None:
    """``speech``: the fixture at 16 kHz up to its last word; ``repeat`` answers after the first."""
    os.environ["MOCK_INTERVIEW_HOME"] = tempfile.mkdtemp(prefix="bench-web-")
    from simulator.questions import get_question
    from simulator.web.app import WebSettings
    from simulator.web.live import start_warm_up

    y = np.concatenate([speech, np.zeros(int(STOP_AFTER_S * SAMPLE_RATE), np.float32)])
    pcm = (np.clip(y, -1, 1) * 32767).astype("<i2").tobytes()
    settings = WebSettings("127.0.0.1", 0, "bench")
    times: dict = {}
    for step in STEPS:
        _wrap(times, *step)
    start_warm_up(settings.options).result()
    runs = []
    for _ in range(repeat + 1):
        _answer(pcm, settings, get_question("career-goals"), times)
        runs.append(dict(times))
    _table(name, y.size / SAMPLE_RATE, runs)


def _table(name: str, duration_s: float, runs: list[dict]) -> None:
    first, rest = runs[0], runs[1:]
    print(f"\n### {name} ({duration_s:.1f} s fed), Stop {STOP_AFTER_S} s after the last word, in one process\n")
    print(f"| step after Stop | first answer | later answers, median of {len(rest)} (min-max) |")
    print("|---|---:|---:|")
    for label in [s[0] for s in STEPS] + ["total", "full collections"]:
        values = [r.get(label, 0.0) for r in rest]
        cell = f"{statistics.median(values):.3f} s ({min(values):.3f}-{max(values):.3f})"
        if label == "full collections":
            print(f"| {label} | {first.get(label, 0)} | {sum(values)} in all |")
        else:
            print(f"| {label} | {first.get(label, 0.0):.3f} s | {cell} |")
