"""No byte leaves the machine: the whole pipeline runs with socket creation
failing, and nothing even tries to open a socket."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, ROOT

NETBLOCK = ROOT / "tests" / "netblock"
# urllib3 (pulled in by faster-whisper's hub client) opens and binds a socket
# on ::1 at import to learn whether IPv6 exists. It sends nothing; it is the
# only socket the tool may try to create, and it copes with the failure.
LOCAL_PROBES = ("in _has_ipv6",)


def network_attempts(log: str) -> list[str]:
    entries = [e for e in log.split("\n\n") if e.strip()]
    return [e for e in entries if not any(probe in e for probe in LOCAL_PROBES)]


def run_blocked(tmp_path, *args: str) -> tuple[subprocess.CompletedProcess, str]:
    log = tmp_path / "net.log"
    log.touch()
    env = dict(
        os.environ,
        MOCK_INTERVIEW_HOME=str(tmp_path / "home"),
        NETBLOCK_LOG=str(log),
        PYTHONPATH=os.pathsep.join([str(NETBLOCK), str(ROOT)]),
    )
    result = subprocess.run(
        [sys.executable, "-m", "simulator", *args], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600
    )
    return result, network_attempts(log.read_text())


def test_the_block_really_blocks(tmp_path):
    log = tmp_path / "net.log"
    env = dict(os.environ, NETBLOCK_LOG=str(log), PYTHONPATH=str(NETBLOCK))
    code = "import urllib.request; urllib.request.urlopen('http://127.0.0.1:9', timeout=1)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode != 0 and "blocked by the privacy test" in result.stderr
    assert network_attempts(log.read_text())


@pytest.mark.parametrize(
    "args",
    [
        ["analyze", str(FIXTURES / "good_answer.flac"), "--json"],
        ["practice", "--answer", str(FIXTURES / "rushed_answer.flac"), "--no-speak", "--json"],
    ],
)
def test_pipeline_runs_offline(tmp_path, args):
    result, attempts = run_blocked(tmp_path, *args)
    assert result.returncode == 0, result.stderr
    assert attempts == [], "\n".join(attempts)
    doc = json.loads(result.stdout)
    assert len(doc["transcript"]["words"]) > 20
    assert doc["delivery"]["wpm"] > 0 and doc["content"]["score"] is not None
    if args[0] == "practice":
        session = doc["session_id"]
        home = tmp_path / "home"
        files = [p for p in home.rglob("*") if session in str(p)]
        assert files, "the practice session was stored"
        for p in home.rglob("*"):
            mode = stat.S_IMODE(p.stat().st_mode)
            assert mode & 0o077 == 0, f"{p} is readable by others ({oct(mode)})"
