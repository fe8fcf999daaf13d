"""The virtual sound card for device tests: a session fixture and play/capture helpers.

scripts/virtual-audio.sh starts a headless PulseAudio with two null sinks:
"speaker" (default sink: the tool speaks there) and "mic" (its monitor is the
default source: tests play answers into it). The CI runs the script before
pytest; the fixture starts it too when needed, and skips the device tests,
with the reason, only when it cannot be started.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = ROOT / "scripts" / "virtual-audio.sh"
SPEAKER_SINK = "speaker"
MIC_SINK = "mic"
CAPTURE_SR = 16_000
PRACTICE_TIMEOUT_S = 600  # a practice run: the question, the answer, its transcription and the report


def _pactl(*args: str) -> str | None:
    try:
        res = subprocess.run(["pactl", *args], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return res.stdout if res.returncode == 0 else None


def virtual_audio_ready() -> bool:
    info = _pactl("info")
    sinks = _pactl("list", "short", "sinks") or ""
    names = {line.split("\t")[1] for line in sinks.splitlines() if "\t" in line}
    return bool(info) and {SPEAKER_SINK, MIC_SINK} <= names and f"Default Source: {MIC_SINK}.monitor" in info


@pytest.fixture(scope="session")
def virtual_audio() -> None:
    """The virtual sound card is up (started here if needed); sounddevice sees it."""
    missing = [tool for tool in ("pulseaudio", "pactl", "pacat", "paplay", "parec") if not shutil.which(tool)]
    if missing:
        pytest.skip(
            f"virtual audio device unavailable: {', '.join(missing)} not installed "
            "(apt-get install pulseaudio pulseaudio-utils)"
        )
    if not virtual_audio_ready():
        res = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, timeout=60)
        if not virtual_audio_ready():
            pytest.skip(
                f"virtual audio device could not be started by {SCRIPT.name}: "
                f"{(res.stderr or res.stdout).strip()[-300:]}"
            )
    if "sounddevice" in sys.modules:  # PortAudio lists devices once; refresh after a start
        sd = sys.modules["sounddevice"]
        sd._terminate()
        sd._initialize()


def run_practice(home: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """``mock-interview practice --json ARGS`` in a new process with its own home, its stdin closed."""
    env = dict(os.environ, MOCK_INTERVIEW_HOME=str(home), **(env or {}))
    cmd = [sys.executable, "-m", "simulator", "practice", "--json", *args]
    return subprocess.run(
        cmd, capture_output=True, text=True, env=env, cwd=ROOT, stdin=subprocess.DEVNULL, timeout=PRACTICE_TIMEOUT_S
    )


def play_into_mic(path: Path, sink: str = MIC_SINK) -> subprocess.Popen:
    """Start playing an audio file into the "mic" sink (what the recorder hears), or into another ``sink``."""
    return subprocess.Popen(
        ["paplay", f"--device={sink}", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


@pytest.fixture
def private_mic(virtual_audio):
    """A null sink of this test's own whose monitor is the microphone: other tests' sounds never mix in.

    Processes started with ``env`` (PULSE_SOURCE, PULSE_SINK) record from it
    and play into a sink of their own (``speaker``, heard with
    ``SpeakerCapture(path, sink=speaker)``); ``play_into_mic(path, sink)`` speaks
    into it. A silent keep-alive stream keeps its capture running.
    """
    sink = f"mi_private_{os.getpid()}_{time.monotonic_ns() % 1_000_000}"
    out = f"{sink}_out"
    modules = [_pactl("load-module", "module-null-sink", f"sink_name={name}", "norewinds=1") for name in (sink, out)]
    if not all(modules):
        pytest.skip("could not load a private null sink on the virtual sound card")
    keepalive = subprocess.Popen(
        ["pacat", "--playback", f"--device={sink}", "/dev/zero"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        yield {"sink": sink, "speaker": out, "env": {"PULSE_SOURCE": f"{sink}.monitor", "PULSE_SINK": out}}
    finally:
        keepalive.terminate()
        keepalive.wait(timeout=10)
        for module in modules:
            _pactl("unload-module", module.strip())


class SpeakerCapture:
    """Records what is played into the "speaker" sink (via its monitor) while in the with-block."""

    def __init__(self, path: Path, *, sink: str = SPEAKER_SINK):
        self.path = path
        self.sink = sink
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> SpeakerCapture:
        self.file = open(self.path, "wb")
        self.proc = subprocess.Popen(
            [
                "parec",
                f"--device={self.sink}.monitor",
                "--raw",
                "--format=float32le",
                f"--rate={CAPTURE_SR}",
                "--channels=1",
                "--latency-msec=20",
            ],
            stdout=self.file,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(0.3)  # let the capture stream connect
        return self

    def __exit__(self, *exc) -> None:
        time.sleep(0.3)
        self.proc.terminate()
        self.proc.wait(timeout=10)
        self.file.close()

    def audio(self) -> np.ndarray:
        return np.fromfile(self.path, dtype="<f4")


def sounding_span(y: np.ndarray, sr: int, *, level: float = 0.01) -> float:
    """Seconds from the first to the last sample above ``level`` (0 when silent)."""
    idx = np.flatnonzero(np.abs(y) > level)
    return 0.0 if idx.size == 0 else (idx[-1] - idx[0]) / sr
