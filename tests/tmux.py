"""A real terminal for tests: a detached tmux session of a given size, its screen captured as a user sees it.

Each ``Pane`` runs its own tmux server on a private socket, so tests never
touch the user's tmux. Commands are written to small scripts and run by a
short command line, so the typed line never wraps; each ends by printing a
marker with its exit code.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MARK = "@@done"  # printed after each command, with its exit code
ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
PASS_ENV = ("PATH", "HOME", "PYTHONPATH", "PULSE_SERVER", "PULSE_RUNTIME_PATH", "XDG_RUNTIME_DIR", "LANG", "LC_ALL")


def need_tmux() -> None:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (apt-get install tmux): no terminal to test the screen in")


class Pane:
    """A ``width`` x ``height`` terminal running bash; use as a context manager."""

    def __init__(self, folder: Path, *, width: int = 80, height: int = 50, env: dict[str, str] | None = None):
        need_tmux()
        self.folder, self.width, self.height = Path(folder), width, height
        self.socket = f"mi-test-{os.getpid()}-{id(self)}"
        self.env = {k: os.environ[k] for k in PASS_ENV if k in os.environ}
        self.env.update({"TERM": "xterm-256color", "PS1": "$ ", "LANG": os.environ.get("LANG", "C.UTF-8")})
        self.env.update(env or {})
        self.count = 0

    def tmux(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=30)
        if check and done.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def __enter__(self) -> Pane:
        env_args = [a for k, v in self.env.items() for a in ("-e", f"{k}={v}")]
        self.tmux(
            "-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", str(self.width), "-y", str(self.height),
            *env_args, "bash --norc --noprofile",
        )  # fmt: skip
        self.tmux("set-option", "-t", "t", "history-limit", "10000")
        return self

    def __exit__(self, *exc) -> None:
        self.tmux("kill-server", check=False)

    def start(self, command: str, *, env: dict[str, str] | None = None) -> None:
        """Type a command (run from the repository root) without waiting for it."""
        self.count += 1
        script = self.folder / f"cmd{self.count}.sh"
        exports = "".join(f"export {k}={shlex.quote(v)}\n" for k, v in (env or {}).items())
        script.write_text(f"cd {shlex.quote(str(ROOT))}\n{exports}{command}\necho {MARK} cmd{self.count} $?\n")
        self.tmux("send-keys", "-t", "t", f". {script}", "Enter")

    def wait(self, timeout: float = 300.0) -> int:
        """Wait for the running command to end; its exit code."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.screen().splitlines():
                if line.startswith(f"{MARK} cmd{self.count} "):
                    return int(line.split()[2])
            time.sleep(0.2)
        raise TimeoutError(f"no end of command after {timeout:.0f} s:\n{self.screen()}")

    def run(self, command: str, *, env: dict[str, str] | None = None, timeout: float = 300.0) -> tuple[int, str]:
        """Run a command to its end; (exit code, what it printed as the terminal shows it, wrapped lines joined)."""
        self.start(command, env=env)
        code = self.wait(timeout)
        return code, self.output()

    def screen(self, *, escapes: bool = False) -> str:
        """The visible screen, one row per line."""
        return self.tmux("capture-pane", "-p", "-t", "t", *(["-e"] if escapes else []))

    def output(self, *, escapes: bool = False) -> str:
        """The last command's output from the scrollback, lines the terminal wrapped joined back (-J)."""
        text = self.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "t", *(["-e"] if escapes else []))
        lines = text.splitlines()
        bare = [strip_escapes(line) for line in lines]
        start = max(i for i, line in enumerate(bare) if f"cmd{self.count}.sh" in line) + 1
        end = max(i for i, line in enumerate(bare) if line.startswith(f"{MARK} cmd{self.count} "))
        return "\n".join(line.rstrip() for line in lines[start:end])


def strip_escapes(text: str) -> str:
    return ESCAPE.sub("", text)


def python_command(*args: str) -> str:
    """``mock-interview ARGS`` as a shell command line, with this test run's Python."""
    return " ".join(shlex.quote(a) for a in (sys.executable, "-m", "simulator", *args))
