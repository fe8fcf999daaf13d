"""A small progress indicator on stderr while the model works.

On a terminal it is a transient Rich spinner with the stage and the elapsed
time, started at the first stage, so nothing is drawn before there is work to
name (the recording screen is never overwritten); otherwise it prints one
line per stage, so logs stay readable.
"""

from __future__ import annotations

import sys

SPINNER = "dots"  # the Rich spinner shown while the model works


class Spinner:
    """Use as a context manager; call it with a stage name to show (or update) the stage."""

    def __init__(self, stream=None, enabled: bool = True):
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = enabled and bool(getattr(self.stream, "isatty", lambda: False)())
        self.label = ""
        self._progress = None
        self._task = None

    def __call__(self, stage: str) -> None:
        self.label = stage
        if not self.enabled:
            return
        if not self.tty:
            print(f"{stage}…", file=self.stream, flush=True)
        elif self._progress is None:
            self._start(stage)
        else:
            self._progress.update(self._task, description=stage)

    def _start(self, stage: str) -> None:
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        from simulator.report.style import console

        self._progress = Progress(
            SpinnerColumn(SPINNER),
            TextColumn("{task.description}…"),
            TimeElapsedColumn(),
            console=console(self.stream),
            transient=True,
        )
        self._task = self._progress.add_task(stage, total=None)
        self._progress.start()

    def __enter__(self) -> Spinner:
        return self

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
