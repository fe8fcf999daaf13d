"""Replay: the follow-along model, key parsing, and real playback on the virtual sound card."""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from simulator.audio.files import load_audio
from simulator.cli import replay
from simulator.report.style import Style
from simulator.sessions import store
from tests.session_docs import FIXTURES, analysis_from_truth

ROOT = Path(__file__).resolve().parents[2]
SHORT_S = 8.95  # s of the rushed answer: two phrases around a 2.6 s long pause
ENV_S = 0.05  # s; envelope frame for comparing what was heard with the answer
ENV_SMOOTH = 5  # frames (0.25 s) of moving average: tolerates the sound server's jitter on a busy machine


@pytest.mark.parametrize(
    "data, actions",
    [
        (b" ", ["pause"]),
        (b"q", ["quit"]),
        (b"\x1b[C\x1b[D", ["forward", "back"]),
        (b"\x1bOC", ["forward"]),  # application cursor mode
        (b"x\x1b[A ", ["pause"]),  # unknown keys and arrow-up are ignored
        (b"\x03", ["quit"]),
        (b"", []),
    ],
)
def test_parse_keys(data, actions):
    assert replay.parse_keys(data) == actions


def test_lines_break_at_sentences_and_long_pauses():
    lines = replay.lines(analysis_from_truth("rushed_answer"))
    kinds = ["pause" if line.tokens[0].kind == "pause" else "words" for line in lines]
    assert kinds.count("pause") == 3
    assert [line.start for line in lines if line.tokens[0].kind == "pause"] == pytest.approx(
        [4.6585, 8.9231, 13.5558], abs=0.01
    )
    assert all(sum(t.kind == "word" for t in line.tokens) <= replay.MAX_LINE_WORDS for line in lines)
    fillers = [t.text for line in lines for t in line.tokens if t.filler]
    assert fillers == ["Um,", "uh,", "um,"]


def test_a_narrow_terminal_shows_a_window_around_the_current_word():
    line = replay.lines(analysis_from_truth("good_answer"))[0]
    now = line.tokens[-2]
    text = replay.render_line(line, Style(False), now=now, width=30)
    assert len(text) <= 30 and now.text in text


# --- on the virtual sound card ---------------------------------------------------------


@pytest.fixture(scope="module")
def virtual_audio():
    """A private null sink on the virtual sound card, so other tests' sounds never mix in."""
    script = ROOT / "scripts" / "virtual-audio.sh"
    if not script.exists():
        pytest.skip("scripts/virtual-audio.sh is absent: no virtual sound card to replay on")
    if shutil.which("parec") is None or shutil.which("pactl") is None:
        pytest.skip("pulseaudio-utils is not installed: cannot hear what replay plays")
    done = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        pytest.skip(f"the virtual sound card did not start: {done.stderr.strip()[-300:]}")
    sink = f"mi_replay_test_{os.getpid()}"
    module = subprocess.run(
        ["pactl", "load-module", "module-null-sink", f"sink_name={sink}", "norewinds=1"],
        capture_output=True,
        text=True,
        timeout=10,
        check=True,
    ).stdout.strip()
    keepalive = subprocess.Popen(
        ["pacat", "--playback", f"--device={sink}", "/dev/zero"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        yield sink
    finally:
        keepalive.terminate()
        keepalive.wait(timeout=10)
        subprocess.run(["pactl", "unload-module", module], capture_output=True, timeout=10)


@pytest.fixture
def short_session(isolated_home):
    y, sr = load_audio(FIXTURES / "rushed_answer.flac")
    sid = store.save_session(analysis_from_truth("rushed_answer", until_s=SHORT_S), y[: int(SHORT_S * sr)], sr)
    return store.load_session(sid), y[: int(SHORT_S * sr)], sr


def _envelope(y: np.ndarray, sr: int) -> np.ndarray:
    n = int(ENV_S * sr)
    frames = y[: y.size // n * n].reshape(-1, n)
    rms = np.sqrt((frames.astype(np.float64) ** 2).mean(axis=1))
    return np.convolve(rms, np.ones(ENV_SMOOTH) / ENV_SMOOTH, mode="same")


def _cli_env(home: Path, sink: str) -> dict:
    return dict(os.environ, MOCK_INTERVIEW_HOME=str(home), PYTHONUNBUFFERED="1", PULSE_SINK=sink)


@pytest.mark.audio_device
def test_replay_plays_the_question_then_the_answer(virtual_audio, short_session, isolated_home):
    session, y, sr = short_session
    raw = isolated_home.parent / "heard.raw"
    with open(raw, "wb") as sink_file:  # a file, not a pipe: a full pipe would stall the capture
        capture = subprocess.Popen(
            [
                "parec",
                f"--device={virtual_audio}.monitor",
                "--format=s16le",
                "--rate=16000",
                "--channels=1",
                "--latency-msec=20",
            ],
            stdout=sink_file,
        )
    try:
        time.sleep(0.3)
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "simulator", "replay", "last"],
            env=_cli_env(isolated_home, virtual_audio),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=90,
        )
        took = time.monotonic() - started
        time.sleep(0.3)
    finally:
        capture.terminate()
        capture.wait(timeout=10)
    assert done.returncode == 0, done.stderr
    out = done.stdout.splitlines()
    assert out[0].startswith(f"Replay of session {session.id}")
    assert [line for line in out if line.startswith("[")] == [
        "[0:00.4] [Um,] so, my goals, I have a lot of them, like, I want to,",
        "[0:02.7] [uh,] get promoted, and maybe learn coding, and also run a marathon.",
        "[0:04.7] ‖‖ long pause 2.6 s",
        "[0:07.3] And basically I just want, like, a bigger salary,",
    ]
    assert out[-1] == "Replay finished (0:08)."
    assert SHORT_S < took < SHORT_S + 25  # real-time playback after the spoken question

    heard = np.fromfile(raw, dtype="<i2").astype(np.float32) / 32768
    env_heard, env_answer = _envelope(heard, 16000), _envelope(y, sr)
    assert env_heard.size > env_answer.size, "less sound was captured than the answer lasts"
    lag = _best_lag(env_heard, env_answer, range(0, env_heard.size - env_answer.size))
    # Each third of the answer is heard (aligned on its own within ±0.5 s: a dropped buffer shifts the rest).
    for part in np.array_split(np.arange(env_answer.size), 3):
        local = _best_lag(env_heard[part[0] :], env_answer[part], range(max(lag - 10, 0), lag + 11))
        r = np.corrcoef(env_heard[part[0] + local : part[-1] + 1 + local], env_answer[part])[0, 1]
        assert r > 0.8, f"answer frames {part[0]}-{part[-1]} not heard as played (r={r:.2f})"
    pause = slice(lag + int(5.0 / ENV_S), lag + int(7.0 / ENV_S))  # inside the 4.66-7.26 s long pause
    assert env_heard[pause].max() < 0.01, "the long pause was not silent"
    assert lag * ENV_S > 1.0 and (env_heard[:lag] > 0.01).mean() > 0.3, "the question was not spoken before the answer"


def _best_lag(heard: np.ndarray, answer: np.ndarray, lags) -> int:
    n = answer.size
    scores = {lag: np.corrcoef(heard[lag : lag + n], answer)[0, 1] for lag in lags if lag + n <= heard.size}
    return max(scores, key=lambda k: scores[k])


def _read_until(fd: int, buf: bytearray, pattern: bytes, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if re.search(pattern, bytes(buf)):
            return True
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                buf.extend(os.read(fd, 4096))
            except OSError:
                return bool(re.search(pattern, bytes(buf)))
    return bool(re.search(pattern, bytes(buf)))


def _last_clock(buf: bytearray) -> int:
    found = re.findall(rb"\r\x1b\[K(\d+):(\d\d)/", bytes(buf))
    return int(found[-1][0]) * 60 + int(found[-1][1]) if found else -1


@pytest.mark.audio_device
def test_keys_pause_seek_and_quit_on_a_terminal(virtual_audio, short_session, isolated_home):
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "simulator", "replay", "last", "--no-speak"],
        env=_cli_env(isolated_home, virtual_audio),
        stdin=slave,
        stdout=slave,
        stderr=slave,
    )
    os.close(slave)
    buf = bytearray()
    try:
        assert _read_until(master, buf, rb"\r\x1b\[K0:00/0:08", 30), bytes(buf)[-500:]
        assert b"\x1b[7m" in buf or _read_until(master, buf, rb"\x1b\[7m", 3)  # the current word is highlighted
        os.write(master, b" ")
        assert _read_until(master, buf, rb"paused", 3)
        time.sleep(0.3)
        _read_until(master, buf, rb"$^", 0.2)
        paused_at = _last_clock(buf)
        time.sleep(1.5)
        _read_until(master, buf, rb"$^", 0.2)
        assert _last_clock(buf) == paused_at  # no progress while paused
        os.write(master, b" \x1b[C")  # resume, then 5 s forward
        time.sleep(0.8)
        _read_until(master, buf, rb"$^", 0.2)
        assert _last_clock(buf) >= paused_at + 5
        os.write(master, b"q")
        proc.wait(timeout=5)
        assert proc.returncode == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
