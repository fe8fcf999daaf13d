"""A small progress indicator on stderr while the model works.

On a terminal it animates a spinner with the elapsed time; otherwise it
prints one line per stage, so logs stay readable.
"""

from __future__ import annotations

import itertools
import sys
import threading
import time


class Spinner:
    """Use as a context manager; call it with a stage name to update the label."""

    FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
    INTERVAL_S = 0.1

    def __init__(self, stream=None, enabled: bool = True):
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = enabled and self.stream.isatty()
        self.label = ""
        self._t0 = time.monotonic()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __call__(self, stage: str) -> None:
        self.label = stage
        if self.enabled and not self.tty:
            print(f"{stage}…", file=self.stream, flush=True)

    def _run(self) -> None:
        for frame in itertools.cycle(self.FRAMES):
            if self._stop.wait(self.INTERVAL_S):
                break
            elapsed = time.monotonic() - self._t0
            self.stream.write(f"\r{frame} {self.label}… {elapsed:4.1f}s\033[K")
            self.stream.flush()

    def __enter__(self) -> Spinner:
        if self.tty:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join()
            self.stream.write("\r\033[K")
            self.stream.flush()
