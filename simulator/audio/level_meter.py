"""Live level, end-of-answer detection and the terminal level meter for the recorder.

Pure numpy, no device: the recorder feeds it one block at a time, and the
tests feed it synthetic levels.
"""

from __future__ import annotations

import shutil
import sys
from collections import deque
from dataclasses import dataclass

import numpy as np

SILENT_DBFS = -90.0  # dBFS; the level reported for digital silence (and the lowest floor)
METER_LOW_DBFS = -60.0  # dBFS; the empty end of the meter bar
METER_WIDTH = 20  # characters
NON_TTY_EVERY_S = 10.0  # s; without a terminal, one progress line this often


def block_dbfs(block: np.ndarray) -> float:
    """RMS level of a block in dBFS (full-scale sine is -3 dBFS), floored at SILENT_DBFS."""
    if block.size == 0:
        return SILENT_DBFS
    rms = float(np.sqrt(np.mean(np.square(block, dtype=np.float64))))
    if rms <= 0.0:
        return SILENT_DBFS
    return max(SILENT_DBFS, 20.0 * np.log10(rms))


@dataclass(frozen=True)
class SilenceOptions:
    """When a pause means the answer is over. Defaults suit a laptop microphone."""

    silence_stop_s: float = 3.0  # s of silence after speech that ends the recording; <= 0: never
    speech_margin_db: float = 12.0  # dB above the noise floor that counts as speech
    min_speech_dbfs: float = -50.0  # dBFS; quieter blocks never count as speech
    min_speech_s: float = 0.3  # s of speech needed before silence may end the recording
    floor_window_s: float = 10.0  # s of recent levels the noise floor is measured over
    floor_percentile: float = 10.0  # the noise floor is this percentile of recent levels
    no_speech_stop_s: float = 30.0  # s without any speech that ends the recording; <= 0: never


class SilenceDetector:
    """Tracks the noise floor and says when speech has been followed by enough silence.

    The floor is a low percentile of the recent levels, and every update
    re-judges the blocks still in that window against the current threshold:
    speech that began before the floor was known (someone talking from the
    first block on) is counted once the first pause reveals the floor.
    """

    def __init__(self, options: SilenceOptions = SilenceOptions(), *, block_s: float = 0.05):
        self.options = options
        self.block_s = block_s
        self._levels: deque[float] = deque(maxlen=max(1, int(round(options.floor_window_s / block_s))))
        self._speech_before_window_s = 0.0
        self._last_speech_end_s: float | None = None
        self.elapsed_s = 0.0
        self.speech_s = 0.0  # total speech heard so far
        self.floor_dbfs = SILENT_DBFS

    def threshold_dbfs(self) -> float:
        """The level above which a block counts as speech."""
        return max(self.floor_dbfs + self.options.speech_margin_db, self.options.min_speech_dbfs)

    @property
    def silence_s(self) -> float:
        """Seconds since the last speech (0 before any speech)."""
        return 0.0 if self._last_speech_end_s is None else self.elapsed_s - self._last_speech_end_s

    def update(self, level_dbfs: float, block_s: float | None = None) -> bool:
        """Feed one block's level; True when the answer is over (speech, then silence_stop_s of silence)."""
        dt = self.block_s if block_s is None else block_s
        if len(self._levels) == self._levels.maxlen and self._levels[0] > self.threshold_dbfs():
            self._speech_before_window_s += dt  # leaving the window judged as speech
        self._levels.append(level_dbfs)
        self.elapsed_s += dt
        levels = np.fromiter(self._levels, dtype=np.float64, count=len(self._levels))
        self.floor_dbfs = float(np.percentile(levels, self.options.floor_percentile))
        above = np.flatnonzero(levels > self.threshold_dbfs())
        self.speech_s = self._speech_before_window_s + above.size * dt
        if above.size:
            self._last_speech_end_s = self.elapsed_s - (levels.size - 1 - above[-1]) * dt
        return self.should_stop()

    def should_stop(self) -> bool:
        o = self.options
        if o.no_speech_stop_s > 0 and self.speech_s < o.min_speech_s and self.elapsed_s >= o.no_speech_stop_s:
            return True  # nobody is answering (e.g. a muted microphone)
        return o.silence_stop_s > 0 and self.speech_s >= o.min_speech_s and self.silence_s >= o.silence_stop_s - 1e-9


def meter_bar(level_dbfs: float, width: int = METER_WIDTH) -> str:
    """A text bar for a level between METER_LOW_DBFS (empty) and 0 dBFS (full)."""
    frac = (level_dbfs - METER_LOW_DBFS) / -METER_LOW_DBFS
    filled = int(round(min(max(frac, 0.0), 1.0) * width))
    return "█" * filled + "░" * (width - filled)


class TerminalMeter:
    """The recorder's default live status on stderr: level bar, elapsed time, how to stop.

    Pass an instance as ``on_status``; the recorder calls ``finish()`` at the end.
    On a terminal it redraws one line; otherwise it prints a line now and then.
    """

    def __init__(
        self,
        stream=None,
        *,
        enter_stops: bool | None = None,
        silence_stop_s: float = 3.0,
        limit_s: float | None = None,
    ):
        self.stream = stream or sys.stderr
        self.limit = "" if limit_s is None else " / {:02d}:{:02d}".format(*divmod(int(limit_s), 60))
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        if enter_stops is None:
            enter_stops = sys.stdin is not None and sys.stdin.isatty()
        hints = ["press Enter to stop"] if enter_stops else []
        if silence_stop_s > 0:
            hints.append(
                f", or stay silent {silence_stop_s:g} s" if hints else f"stay silent {silence_stop_s:g} s to stop"
            )
        self.hint = "".join(hints)
        self._next_line_s = 0.0
        self._drawn = False

    def __call__(self, elapsed_s: float, level_dbfs: float) -> None:
        m, s = divmod(int(elapsed_s), 60)
        if self.tty:
            line = f"● REC {m:02d}:{s:02d}{self.limit}  {meter_bar(level_dbfs)} {level_dbfs:4.0f} dBFS  {self.hint}"
            width = shutil.get_terminal_size().columns - 1  # never wrap: \r must redraw one line
            self.stream.write(f"\r{line[:width]}\033[K")
            self.stream.flush()
            self._drawn = True
        elif elapsed_s >= self._next_line_s:
            self.stream.write(f"Recording {m:02d}:{s:02d}{self.limit} (level {level_dbfs:.0f} dBFS; {self.hint})\n")
            self.stream.flush()
            self._next_line_s = elapsed_s + NON_TTY_EVERY_S

    def finish(self) -> None:
        if self.tty and self._drawn:
            self.stream.write("\n")
            self.stream.flush()
