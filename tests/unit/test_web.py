"""The web app without a model or a browser: the guard's decisions, the error mapping, and the routes
through Starlette's test client on sessions saved from known truth (tests/session_docs.py)."""

from __future__ import annotations

import errno
import json
import re

import numpy as np
import pytest
from starlette.testclient import TestClient, WebSocketDenialResponse

from simulator.audio.files import load_audio
from simulator.errors import (
    BadInputError,
    ConfigError,
    MockInterviewError,
    ModelError,
    NoDeviceError,
    NoSpeechError,
    SessionNotFoundError,
    StorageError,
    UnsupportedLanguageError,
)
from simulator.sessions import store
from simulator.web.api import _safe_name
from simulator.web.app import WebSettings, create_app
from simulator.web.errors import BusyError, PayloadTooLargeError, status_for
from simulator.web.guard import Guard, check_session_id
from simulator.web.server import host_warning, page_url, serve
from tests.session_docs import FIXTURES, analysis_from_truth

PORT = 8765
TOKEN = "t0ken-of-this-run"
OTHER = "another-token"
BASE = f"http://127.0.0.1:{PORT}"
WS = f"ws://127.0.0.1:{PORT}/api/record"  # the test client would name its own host otherwise


def scope(host=f"127.0.0.1:{PORT}", origin=None, token=None, cookie=None, path="/api/sessions", query=b"", kind="http"):
    headers = [(b"host", host.encode())]
    if origin is not None:
        headers.append((b"origin", origin.encode()))
    if token is not None:
        headers.append((b"authorization", f"Bearer {token}".encode()))
    if cookie is not None:
        headers.append((b"cookie", cookie.encode()))
    return {"type": kind, "path": path, "query_string": query, "headers": headers}


LOOPBACK = Guard.for_bind("127.0.0.1", PORT, TOKEN)
WILDCARD = Guard.for_bind("0.0.0.0", PORT, TOKEN)


@pytest.mark.parametrize(
    "guard, request_scope, expected",
    [
        (LOOPBACK, scope(token=TOKEN), None),
        (LOOPBACK, scope(host=f"localhost:{PORT}", token=TOKEN), None),
        (LOOPBACK, scope(host=f"[::1]:{PORT}", token=TOKEN), None),
        (LOOPBACK, scope(cookie=f"mi_token_{PORT}={TOKEN}"), None),
        (LOOPBACK, scope(origin=f"http://127.0.0.1:{PORT}", token=TOKEN), None),
        (LOOPBACK, scope(origin=f"http://localhost:{PORT}", token=TOKEN, kind="websocket"), None),
        (LOOPBACK, scope(path="/", query=b"token=anything"), None),  # the page itself checks a login token
        (LOOPBACK, scope(), 401),
        (LOOPBACK, scope(cookie=f"mi_token_9999={TOKEN}"), 401),  # another run's cookie
        (LOOPBACK, scope(cookie="garbage;;=;"), 401),
        (LOOPBACK, scope(token=OTHER), 403),
        (LOOPBACK, scope(cookie=f"mi_token_{PORT}={OTHER}"), 403),
        (LOOPBACK, scope(path="/api/sessions", query=f"token={TOKEN}".encode()), 401),  # only the page takes ?token
        (LOOPBACK, scope(host=f"evil.example:{PORT}", token=TOKEN), 403),  # DNS rebinding
        (LOOPBACK, scope(host="127.0.0.1:9999", token=TOKEN), 403),
        (LOOPBACK, scope(host="", token=TOKEN), 403),
        (LOOPBACK, scope(host=f"192.168.1.5:{PORT}", token=TOKEN), 403),
        (LOOPBACK, scope(origin="http://evil.example", token=TOKEN), 403),
        (LOOPBACK, scope(origin="null", token=TOKEN), 403),
        (LOOPBACK, scope(origin=f"https://127.0.0.1:{PORT}", token=TOKEN), 403),
        (LOOPBACK, scope(origin="http://evil.example", token=TOKEN, kind="websocket"), 403),
        (LOOPBACK, scope(origin="http://evil.example", path="/", query=f"token={TOKEN}".encode()), 403),
        (WILDCARD, scope(host=f"192.168.1.5:{PORT}", token=TOKEN), None),
        (WILDCARD, scope(host=f"evil.example:{PORT}", token=TOKEN), 403),  # a name is never trusted
        (WILDCARD, scope(host="192.168.1.5:9999", token=TOKEN), 403),
    ],
)
def test_guard_refuses_what_it_must(guard, request_scope, expected):
    refusal = guard.refusal(request_scope)
    assert (refusal.status if refusal else None) == expected


@pytest.mark.parametrize(
    "value, ok",
    [
        ("20261125-213301-ab12", True),
        ("20261125-213301-AB12", False),
        ("20261125-213301-ab1", False),
        ("20261125-213301", False),
        ("last", False),
        ("..", False),
        ("../../etc/passwd", False),
        ("20261125-213301-ab12/../../x", False),
        ("20261125-213301-ab12\n", False),
        ("", False),
    ],
)
def test_session_ids_are_whole_store_ids(value, ok):
    if ok:
        assert check_session_id(value) == value
    else:
        with pytest.raises(BadInputError):
            check_session_id(value)


@pytest.mark.parametrize(
    "error, status",
    [
        (BadInputError("x"), 400),
        (ConfigError("no question"), 400),
        (NoSpeechError("silent"), 422),
        (UnsupportedLanguageError("french"), 422),
        (PayloadTooLargeError("big"), 413),
        (SessionNotFoundError("gone"), 404),
        (BusyError("busy"), 409),
        (NoDeviceError("no tts"), 503),
        (ModelError("no model"), 503),
        (StorageError("damaged index"), 500),
        (MockInterviewError("other"), 500),
        (RuntimeError("bug"), 500),
    ],
)
def test_each_error_class_has_its_status(error, status):
    assert status_for(error) == status


def test_a_full_disk_is_507():
    error = StorageError("Could not save the session")
    error.__cause__ = OSError(errno.ENOSPC, "No space left on device")
    assert status_for(error) == 507


@pytest.mark.parametrize(
    "filename, expected",
    [
        ("answer.m4a", "answer.m4a"),
        ("../../etc/passwd", "passwd"),
        ("/abs/path/take 2.wav", "take_2.wav"),
        ("..", "answer"),
        (".hidden.flac", "hidden.flac"),
        ("", "answer"),
        (None, "answer"),
    ],
)
def test_upload_names_are_plain_file_names(filename, expected):
    assert _safe_name(filename) == expected


@pytest.mark.parametrize(
    "host, url, warned",
    [
        ("127.0.0.1", f"http://127.0.0.1:{PORT}/?token={TOKEN}", False),
        ("localhost", f"http://localhost:{PORT}/?token={TOKEN}", False),
        ("::1", f"http://[::1]:{PORT}/?token={TOKEN}", False),
        ("0.0.0.0", f"http://127.0.0.1:{PORT}/?token={TOKEN}", True),
        ("192.168.1.5", f"http://192.168.1.5:{PORT}/?token={TOKEN}", True),
    ],
)
def test_the_printed_url_and_the_warning_for_other_hosts(host, url, warned):
    assert page_url(host, PORT, TOKEN) == url
    assert (host_warning(host, PORT) is not None) == warned


def test_a_taken_port_is_a_one_line_error():
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        with pytest.raises(BadInputError, match=f"Cannot listen on 127.0.0.1:{port} .*choose another --port"):
            serve(port=port, open_browser=False)


@pytest.mark.parametrize(
    "model, message",
    [
        ("nosuch", "--model nosuch: no such model"),
        ("/no/such/folder", "--model /no/such/folder: no such model"),
    ],
)
def test_serve_names_a_missing_model_before_it_listens(model, message, capsys):
    from simulator.cli.app import main
    from simulator.errors import EXIT_BAD_INPUT

    assert main(["serve", "--no-browser", "--model", model]) == EXIT_BAD_INPUT
    out = capsys.readouterr()
    assert message in out.err and out.err.count("\n") == 1 and "serving on" not in out.out


# --- the routes ---------------------------------------------------------------------


@pytest.fixture
def client():
    app = create_app(WebSettings("127.0.0.1", PORT, TOKEN, max_upload_bytes=200_000, warm=False))
    with TestClient(app, base_url=BASE, follow_redirects=False) as c:
        yield c


def auth(**extra) -> dict:
    return {"authorization": f"Bearer {TOKEN}", **extra}


@pytest.fixture
def saved(isolated_home):
    y, sr = load_audio(FIXTURES / "rushed_answer.flac")
    return store.save_session(analysis_from_truth("rushed_answer", score=34.0), y, sr)


def test_login_sets_a_private_cookie_and_redirects_to_the_clean_url(client):
    r = client.get(f"/?token={TOKEN}")
    assert r.status_code == 303 and r.headers["location"] == "/"
    cookie = r.headers["set-cookie"].lower()
    assert f"mi_token_{PORT}={TOKEN}".lower() in cookie and "httponly" in cookie and "samesite=strict" in cookie
    page = client.get("/")  # the client keeps the cookie
    assert page.status_code == 200 and "<h1>Mock interview practice</h1>" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/api/questions").status_code == 200


def test_a_wrong_login_token_sets_no_cookie(client):
    r = client.get(f"/?token={OTHER}")
    assert r.status_code == 403 and "set-cookie" not in r.headers
    assert client.get("/").status_code == 401


def test_questions_and_errors_as_json(client):
    questions = client.get("/api/questions", headers=auth()).json()
    assert sum(q["default"] for q in questions) == 1 and {"id", "text"} <= set(questions[0])
    r = client.get("/api/questions/no-such-question/speech", headers=auth())
    assert r.status_code == 400 and "No question 'no-such-question'" in r.json()["error"]
    assert client.get("/api/nothing-here", headers=auth()).status_code == 404


def test_sessions_list_load_audio_report_delete(client, saved):
    rows = client.get("/api/sessions", headers=auth()).json()
    assert [r["id"] for r in rows] == [saved] and rows[0]["has_audio"] and rows[0]["content_score"] == 34.0
    doc = client.get(f"/api/sessions/{saved}", headers=auth()).json()
    assert doc["session_id"] == saved and doc["transcript"]["words"]
    audio = client.get(f"/api/sessions/{saved}/audio", headers=auth())
    assert audio.headers["content-type"] == "audio/flac"
    assert audio.content == store.load_session(saved).audio_path.read_bytes()
    report = client.get(f"/sessions/{saved}/report", headers=auth())
    spans = re.findall(r'<span class="w[ "]', report.text)  # one per word: the report renderer's page
    assert report.status_code == 200 and len(spans) == len(doc["transcript"]["words"])
    history = client.get("/api/history", headers=auth()).json()
    assert history[0]["sessions"] == 1 and history[0]["read"].startswith("Only one session")
    assert client.delete(f"/api/sessions/{saved}", headers=auth(origin=BASE)).json() == {"deleted": saved}
    assert store.list_sessions() == []
    assert client.get(f"/api/sessions/{saved}", headers=auth()).status_code == 404


def test_a_foreign_origin_cannot_delete(client, saved):
    r = client.delete(f"/api/sessions/{saved}", headers=auth(origin="http://evil.example"))
    assert r.status_code == 403 and [s.id for s in store.list_sessions()] == [saved]


@pytest.mark.parametrize(
    "path, status",
    [
        ("/api/sessions/%2E%2E", 400),  # httpx would resolve a literal ".."
        ("/api/sessions/last", 400),
        ("/api/sessions/2026", 400),
        ("/api/sessions/%2e%2e/audio", 400),
        ("/api/sessions/..%2F..%2Fetc%2Fpasswd", 404),
        ("/sessions/..%2Fsessions.db/report", 404),
        ("/api/sessions/20261125-213301-ab12", 404),
    ],
)
def test_client_paths_never_reach_the_filesystem(client, saved, path, status):
    r = client.get(path, headers=auth())
    assert r.status_code == status and set(r.json()) == {"error"}


def test_uploads_over_the_limit_are_413(client):
    r = client.post("/api/analyze", headers=auth(), files={"audio": ("a.wav", b"\0" * 300_000, "audio/wav")})
    assert r.status_code == 413 and "limit is 0 MB" in r.json()["error"]


def test_an_upload_without_audio_is_400(client):
    r = client.post("/api/analyze", headers=auth(), data={"question": "career-goals"})
    assert r.status_code == 400 and "'audio'" in r.json()["error"]


def test_a_silent_upload_is_422_with_the_cli_message(client, tmp_path):
    import soundfile as sf

    path = tmp_path / "quiet.wav"
    sf.write(path, np.zeros(16_000 * 2, np.float32), 16_000)
    r = client.post("/api/analyze", headers=auth(), files={"audio": ("quiet.wav", path.read_bytes(), "audio/wav")})
    assert r.status_code == 422
    assert r.json()["error"] == "No speech detected in quiet.wav: it is silent. Check the microphone and record again."


def test_the_websocket_needs_the_token_and_this_origin(client):
    for headers, status in (
        ({}, 401),
        (auth(origin="http://evil.example"), 403),
        ({"cookie": f"mi_token_{PORT}=x"}, 403),
    ):
        with pytest.raises(WebSocketDenialResponse) as refused, client.websocket_connect(WS, headers=headers):
            pass
        assert refused.value.status_code == status


def _pcm(seconds: float, amplitude: float = 0.0) -> bytes:
    t = np.arange(int(seconds * 16_000)) / 16_000
    return (amplitude * np.sin(2 * np.pi * 220 * t) * 32767).astype("<i2").tobytes()


def test_a_silent_recording_ends_with_the_no_speech_error_and_keeps_its_file(client, isolated_home):
    from simulator.audio.level_meter import SILENT_DBFS

    with client.websocket_connect(WS, headers=auth(origin=BASE)) as ws:
        ws.send_text(json.dumps({"type": "start", "question": "career-goals", "role": "analyst"}))
        assert ws.receive_json()["type"] == "ready"
        for _ in range(10):
            ws.send_bytes(_pcm(0.1))
            level = ws.receive_json()
        assert level["type"] == "level" and level["dbfs"] == SILENT_DBFS and level["elapsed_s"] == pytest.approx(1.0)
        ws.send_text(json.dumps({"type": "stop"}))
        assert ws.receive_json() == {"type": "stopped", "reason": "stop", "elapsed_s": pytest.approx(1.0)}
        error = ws.receive_json()
    assert error["type"] == "error" and error["status"] == 422 and "No speech detected" in error["error"]
    kept = list((isolated_home / "recordings").glob("*.wav"))
    assert len(kept) == 1 and load_audio(kept[0])[0].size == 16_000  # the started recording is not lost


def test_a_recording_stops_itself_at_the_length_limit(isolated_home):
    app = create_app(WebSettings("127.0.0.1", PORT, TOKEN, max_record_s=0.25, warm=False))
    with TestClient(app, base_url=BASE) as client, client.websocket_connect(WS, headers=auth()) as ws:
        ws.send_text(json.dumps({"type": "start"}))
        assert ws.receive_json()["type"] == "ready"
        ws.send_bytes(_pcm(0.2, 0.3))
        ws.receive_json()
        ws.send_bytes(_pcm(0.2, 0.3))
        assert ws.receive_json()["type"] == "level"
        stopped = ws.receive_json()
        assert stopped["reason"] == "max" and stopped["elapsed_s"] == pytest.approx(0.25)


@pytest.mark.parametrize(
    "first, message",
    [
        ("not json", "must start an answer"),
        (json.dumps({"type": "stop"}), "must start an answer"),
        (json.dumps({"type": "start", "question": "nope"}), "No question 'nope'"),
    ],
)
def test_a_bad_start_message_is_refused_in_one_line(client, first, message):
    with client.websocket_connect(WS, headers=auth()) as ws:
        ws.send_text(first)
        error = ws.receive_json()
    assert error["type"] == "error" and error["status"] == 400 and message in error["error"]


def test_a_malformed_audio_block_is_refused(client):
    with client.websocket_connect(WS, headers=auth()) as ws:
        ws.send_text(json.dumps({"type": "start"}))
        assert ws.receive_json()["type"] == "ready"
        ws.send_bytes(b"\x01\x02\x03")  # not whole 16-bit samples
        error = ws.receive_json()
    assert error["type"] == "error" and error["status"] == 400 and "malformed audio block" in error["error"]
