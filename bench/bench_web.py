#!/usr/bin/env python3
"""How long after an answer recorded in the browser ends does its report appear?

Starts `mock-interview serve` in its own process, as a user would, and plays
an answer fixture into ``/api/record`` at real-time pace in the page's 50 ms
messages of 16-bit 16 kHz PCM. It times the wait from the end of the
recording to the saved session (the server's ``done``) and to the report page
received (``GET /sessions/{id}/report``, what the page's frame loads). Two
endings: Stop pressed 0.3 s after the last word, and the server's own silence
stop (silence is fed until it says ``stopped``). The baseline, measured in
the same run on the same server: ``POST /api/analyze`` of the same audio with
``save=true`` and then the same report page: the whole-file path, as if the
page uploaded the recording after it ended. Target: 1.5 s for a 60 s answer.

``--first`` also times each server's first answer (a new server per repeat,
waiting only for its warm-up), the one a user meets after ``serve``.
``--breakdown`` runs no server: it feeds the fixture to the server's
``LiveAnswer`` in this process, ends it 0.3 s after the last word, and times
each step after the end: the last stretch's transcript, delivery, content,
saving the session (its FLAC within), and rendering the report page.

    python bench/bench_web.py [--repeat N] [--first] [--breakdown] [FIXTURE.flac ...]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from bench_streaming import spread  # beside this script: the same median (min-max) cells
from machine import cpu_line  # bench/machine.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import soundfile as sf  # noqa: E402
from websockets.sync.client import connect  # noqa: E402

from simulator.audio.files import SAMPLE_RATE, load_audio  # noqa: E402

BLOCK = 800  # samples: the page's 50 ms messages
STOP_AFTER_S = 0.3  # s of silence after the last word before Stop is pressed
START_TIMEOUT_S = 120.0
CALL_TIMEOUT_S = 300.0
URL_LINE = re.compile(r"serving on (http://127\.0\.0\.1:(\d+))/\?token=(\S+)")


class Server:
    """`mock-interview serve --no-browser` with a throwaway data home."""

    def __init__(self):
        self.home = tempfile.TemporaryDirectory(prefix="bench-web-")
        env = dict(os.environ, MOCK_INTERVIEW_HOME=self.home.name)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "simulator", "serve", "--no-browser"],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            m = URL_LINE.search(self.proc.stdout.readline())
            if m:
                self.base, self.port, self.token = m.group(1), int(m.group(2)), m.group(3)
                break
        else:
            self.close()
            raise SystemExit("the server printed no URL")
        self.http = httpx.Client(
            base_url=self.base, headers={"authorization": f"Bearer {self.token}"}, timeout=CALL_TIMEOUT_S
        )

    def report(self, session_id: str) -> int:
        r = self.http.get(f"/sessions/{session_id}/report")
        r.raise_for_status()
        return len(r.content)

    def close(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=60)
        self.home.cleanup()


def _pcm(y: np.ndarray) -> bytes:
    return (np.clip(y, -1, 1) * 32767).astype("<i2").tobytes()


def _drain(ws) -> list[dict]:
    out = []
    while True:
        try:
            out.append(json.loads(ws.recv(timeout=0)))
        except TimeoutError:
            return out


def _until(ws, kind: str) -> dict:
    while True:
        message = json.loads(ws.recv(timeout=CALL_TIMEOUT_S))
        if message["type"] == "error":
            raise SystemExit(f"the server said: {message['error']}")
        if message["type"] == kind:
            return message


def run_live(server: Server, y: np.ndarray, ending: str) -> tuple[float, float]:
    """(wait for the session, wait for the report page) after the recording ended."""
    url = f"ws://127.0.0.1:{server.port}/api/record"
    with connect(url, additional_headers={"authorization": f"Bearer {server.token}"}, max_queue=None) as ws:
        ws.send(json.dumps({"type": "start", "question": "career-goals"}))
        _until(ws, "ready")
        audio = np.concatenate([y, np.zeros(int(STOP_AFTER_S * SAMPLE_RATE), np.float32)])
        t0, stopped = time.monotonic(), False
        for k, i in enumerate(range(0, audio.size, BLOCK)):
            time.sleep(max(0.0, t0 + k * BLOCK / SAMPLE_RATE - time.monotonic()))
            ws.send(_pcm(audio[i : i + BLOCK]))
            stopped = any(m["type"] == "stopped" for m in _drain(ws)) or stopped
        if ending == "stop":
            ws.send(json.dumps({"type": "stop"}))
        else:
            silence, k = _pcm(np.zeros(BLOCK, np.float32)), 0
            t0 = time.monotonic()
            while not stopped:
                k += 1
                time.sleep(max(0.0, t0 + k * BLOCK / SAMPLE_RATE - time.monotonic()))
                ws.send(silence)
                stopped = any(m["type"] == "stopped" for m in _drain(ws)) or stopped
        ended = time.monotonic()
        session_id = _until(ws, "done")["session_id"]
    saved = time.monotonic()
    server.report(session_id)
    return saved - ended, time.monotonic() - ended


def run_upload(server: Server, y: np.ndarray) -> tuple[float, float]:
    buffer = io.BytesIO()
    sf.write(buffer, y, SAMPLE_RATE, format="WAV", subtype="PCM_16")
    t0 = time.monotonic()
    r = server.http.post(
        "/api/analyze", data={"save": "true"}, files={"audio": ("answer.wav", buffer.getvalue(), "audio/wav")}
    )
    r.raise_for_status()
    saved = time.monotonic()
    server.report(r.json()["session_id"])
    return saved - t0, time.monotonic() - t0


ENDINGS = (("Stop 0.3 s after the last word", "stop"), ("silence stop (3 s)", "silence"))


def _speech(path: str) -> np.ndarray:
    y, _ = load_audio(path)
    return y[: np.flatnonzero(np.abs(y) > 1e-3)[-1] + 1]


def bench_fixture(server: Server, path: str, repeat: int) -> None:
    speech = _speech(path)
    base = [run_upload(server, speech) for _ in range(repeat)]
    runs = {label: [run_live(server, speech, kind) for _ in range(repeat)] for label, kind in ENDINGS}
    print(f"\n### {Path(path).name} ({speech.size / SAMPLE_RATE:.1f} s of speech), median of {repeat} (min-max)\n")
    print("| ending | wait for the saved session | wait for the report page | vs baseline |")
    print("|---|---:|---:|---:|")
    base_report = statistics.median(r[1] for r in base)
    print(
        f"| upload to `/api/analyze` after the recording (baseline) | {spread([r[0] for r in base])} | "
        f"{spread([r[1] for r in base])} | 1.0× |"
    )
    for label, rs in runs.items():
        report = statistics.median(r[1] for r in rs)
        print(
            f"| streamed over `/api/record`, {label} | {spread([r[0] for r in rs])} | {spread([r[1] for r in rs])} | "
            f"{base_report / report:.1f}× sooner |"
        )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("fixtures", nargs="*", default=[str(ROOT / "audio_fixtures/good_answer.flac")])
    p.add_argument("--repeat", type=int, default=3, metavar="N")
    p.add_argument("--first", action="store_true", help="also time each new server's first answer")
    p.add_argument("--breakdown", action="store_true", help="time the steps after the end, in this process")
    args = p.parse_args()
    print(f"{cpu_line()}, tiny.en int8; load average {load_line()} at the start")
    if args.breakdown:
        from breakdown_web import breakdown  # beside this script

        for path in args.fixtures:
            breakdown(Path(path).name, _speech(path), args.repeat)
    else:
        for path in args.fixtures:
            if args.first:
                bench_first(path, args.repeat)
            bench_warm(path, args.repeat)
    print(f"\nload average {load_line()} at the end")


def load_line() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg()) + " (1 / 5 / 15 min)"


def bench_warm(path: str, repeat: int) -> None:
    """The answers of a server that has analysed one already."""
    server = Server()
    try:
        run_upload(server, load_audio(ROOT / "audio_fixtures/pace_fast.flac")[0])  # every first call is made
        bench_fixture(server, path, repeat)
    finally:
        server.close()


def bench_first(path: str, repeat: int) -> None:
    """The first answer of a new server, once its warm-up is done (``ready`` waits for it)."""
    speech = _speech(path)
    runs = []
    for _ in range(repeat):
        server = Server()
        try:
            runs.append(run_live(server, speech, "stop"))
        finally:
            server.close()
    print(f"\n### {Path(path).name}: a new server's first answer, median of {repeat} (min-max)\n")
    print("| ending | wait for the saved session | wait for the report page |")
    print("|---|---:|---:|")
    print(f"| {ENDINGS[0][0]} | {spread([r[0] for r in runs])} | {spread([r[1] for r in runs])} |")


if __name__ == "__main__":
    main()
