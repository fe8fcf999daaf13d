"""Sound levels and the speech/silence threshold, shared by every detector; the recorder's live meter.

One level measure and one threshold rule serve the three places that tell
speech from silence: the recorder's end-of-answer ``SilenceDetector`` (50 ms
blocks), the transcription's ``PauseCutter`` (20 ms frames) and the delivery
analysis (``simulator.delivery.levels``: librosa RMS frames). A level is a
frame's mean power in dBFS (``power_dbfs``); the threshold is the noise floor
(a low percentile of the levels heard) plus a margin, held within bounds set
by the speech level (a higher percentile) and an absolute floor
(``ThresholdRule``), so it follows the room instead of the microphone's gain.
Each detector keeps its own options and maps them onto a rule.

Pure numpy, no device: the recorder feeds it one block at a time, and the
tests feed it synthetic levels.
"""

from __future__ import annotations

import bisect
import itertools
import math
import sys
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

SILENT_DBFS = -120.0  # dBFS; the level of digital silence: the floor of every level measured here
METER_LOW_DBFS = -60.0  # dBFS; the empty end of the meter bar
METER_WIDTH = 20  # characters
NON_TTY_EVERY_S = 10.0  # s; without a terminal, one progress line this often


def power_dbfs(power):
    """Mean power of samples in [-1, 1] as dBFS (a full-scale sine is -3 dBFS), floored at SILENT_DBFS."""
    return 10.0 * np.log10(np.maximum(power, 10.0 ** (SILENT_DBFS / 10.0)))


def block_dbfs(block: np.ndarray) -> float:
    """Level of one block in dBFS."""
    if block.size == 0:
        return SILENT_DBFS
    return float(power_dbfs(np.mean(np.square(block, dtype=np.float64))))


def frames_dbfs(samples: np.ndarray, frame: int) -> np.ndarray:
    """Levels of the consecutive ``frame``-sample frames of ``samples`` (a partial last frame is left out)."""
    usable = samples.size // frame * frame
    frames = np.asarray(samples[:usable], dtype=np.float64).reshape(-1, frame)
    return power_dbfs(np.mean(frames * frames, axis=1))


def percentile_of_sorted(values: Sequence[float], q: float) -> float:
    """``np.percentile(values, q)`` (its default linear method, to the bit) of values already
    sorted: live detectors update their threshold for every block, and np.percentile
    re-reads all the levels each time (quadratic in the answer's length)."""
    n = len(values)
    virtual = (n - 1) * (q / 100)
    if virtual >= n - 1:
        return float(values[-1])
    lo = math.floor(virtual)
    a, b = float(values[lo]), float(values[lo + 1])
    t = virtual - lo
    return b - (b - a) * (1 - t) if t >= 0.5 else a + (b - a) * t


@dataclass(frozen=True)
class ThresholdRule:
    """Where speech begins: the noise floor plus ``margin_db``, kept within bounds.

    The threshold is held at least ``min_below_speech_db`` below the speech
    level (so quiet speech is not cut), at most ``max_below_speech_db`` below
    it (so digital silence does not pull it into the dither), at least
    ``min_noise_margin_db`` above the noise floor, and never under ``min_dbfs``.
    A bound left at None is not applied.
    """

    noise_percentile: float  # %; the noise floor is this percentile of the levels
    margin_db: float  # dB above the noise floor
    speech_percentile: float = 50.0  # %; the speech level is this percentile of the levels
    min_below_speech_db: float | None = None  # dB
    max_below_speech_db: float | None = None  # dB
    min_noise_margin_db: float | None = None  # dB
    min_dbfs: float | None = None  # dBFS


@dataclass(frozen=True)
class Threshold:
    """A threshold and the two levels it was taken from (dBFS)."""

    floor_dbfs: float
    speech_dbfs: float
    dbfs: float


def speech_threshold(sorted_db: Sequence[float], rule: ThresholdRule) -> Threshold:
    """The threshold ``rule`` gives for levels ``sorted_db`` (ascending; none: digital silence)."""
    levels = sorted_db if len(sorted_db) else [SILENT_DBFS]
    floor = percentile_of_sorted(levels, rule.noise_percentile)
    speech = percentile_of_sorted(levels, rule.speech_percentile)
    threshold = floor + rule.margin_db
    if rule.min_below_speech_db is not None:
        threshold = min(threshold, speech - rule.min_below_speech_db)
    lower = (
        speech - rule.max_below_speech_db if rule.max_below_speech_db is not None else None,
        floor + rule.min_noise_margin_db if rule.min_noise_margin_db is not None else None,
        rule.min_dbfs,
    )
    return Threshold(floor, speech, max([threshold, *(b for b in lower if b is not None)]))


class LevelHistory:
    """The levels heard so far (or the latest ``window`` of them), in order and sorted."""

    def __init__(self, window: int | None = None):
        self.recent: deque[float] = deque(maxlen=window)
        self.sorted: list[float] = []

    def __len__(self) -> int:
        return len(self.recent)

    def add(self, db: float) -> None:
        if self.recent.maxlen is not None and len(self.recent) == self.recent.maxlen:
            del self.sorted[bisect.bisect_left(self.sorted, self.recent[0])]
        self.recent.append(db)
        bisect.insort(self.sorted, db)

    def latest(self, n: int) -> list[float]:
        """The last ``n`` levels, oldest first."""
        return list(itertools.islice(self.recent, max(0, len(self.recent) - n), None))

    def threshold(self, rule: ThresholdRule) -> Threshold:
        return speech_threshold(self.sorted, rule)


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

    def rule(self) -> ThresholdRule:
        return ThresholdRule(self.floor_percentile, self.speech_margin_db, min_dbfs=self.min_speech_dbfs)


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
        self._rule = options.rule()
        self._levels = LevelHistory(window=max(1, int(round(options.floor_window_s / block_s))))
        self._threshold = speech_threshold([], self._rule)
        self._speech_before_window_s = 0.0
        self._last_speech_end_s: float | None = None
        self.elapsed_s = 0.0
        self.speech_s = 0.0  # total speech heard so far

    @property
    def floor_dbfs(self) -> float:
        return self._threshold.floor_dbfs

    def threshold_dbfs(self) -> float:
        """The level above which a block counts as speech."""
        return self._threshold.dbfs

    @property
    def silence_s(self) -> float:
        """Seconds since the last speech (0 before any speech)."""
        return 0.0 if self._last_speech_end_s is None else self.elapsed_s - self._last_speech_end_s

    def update(self, level_dbfs: float, block_s: float | None = None) -> bool:
        """Feed one block's level; True when the answer is over (speech, then silence_stop_s of silence)."""
        dt = self.block_s if block_s is None else block_s
        recent = self._levels.recent
        if len(recent) == recent.maxlen and recent[0] > self.threshold_dbfs():
            self._speech_before_window_s += dt  # leaving the window judged as speech
        self._levels.add(level_dbfs)
        self.elapsed_s += dt
        self._threshold = self._levels.threshold(self._rule)
        levels = np.fromiter(recent, dtype=np.float64, count=len(recent))
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


STOP_MESSAGES = {  # why a recording stopped, as the recording screen says it
    "silence": "Recording stopped after {silence:g} s of silence ({length} recorded).",
    "no_speech": "Recording stopped: no speech was heard ({length} recorded).",
    "enter": "Recording stopped with Enter ({length} recorded).",
    "max": "Recording stopped at the {limit} time limit: the answer was cut off.",
    "stop_event": "Recording stopped ({length} recorded).",
    None: "Recording interrupted at {length}; the take is kept.",
}


def _clock(seconds: float) -> str:
    m, s = divmod(int(seconds), 60)
    return f"{m}:{s:02d}"


class TerminalMeter:
    """The recorder's live status on stderr: level bar, elapsed time and limit, and how to stop.

    Pass an instance as ``on_status``; the recorder calls ``finish(reason,
    duration_s)`` at the end. On a terminal the status is one Rich Live area
    that only this meter draws, replaced at the end by one line saying why the
    recording stopped; otherwise it prints a line now and then.
    """

    def __init__(
        self,
        stream=None,
        *,
        enter_stops: bool | None = None,
        silence_stop_s: float = 3.0,
        max_s: float | None = None,
    ):
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        if enter_stops is None:
            enter_stops = sys.stdin is not None and sys.stdin.isatty()
        ways = ["Enter"] if enter_stops else []
        if silence_stop_s > 0:
            ways.append(f"{silence_stop_s:g} s of silence")
        self.hint = f"{' or '.join(ways)} stops" if ways else "Ctrl-C stops"
        self.silence_stop_s = silence_stop_s
        self.max_s = max_s
        self.notice = ""  # a word to the speaker on the status line (e.g. the time left), set by ``notify``
        self.elapsed_s = 0.0
        self._next_line_s = 0.0
        self._live = None
        self._console = None

    def status(self, elapsed_s: float, level_dbfs: float) -> str:
        """The status line: "● REC 0:12 / 3:00  ██████░░░░ -23 dBFS  Enter or 3 s of silence stops"."""
        notice = f"  {self.notice}" if self.notice else ""  # early on the line: a narrow terminal cuts the end
        bar = f"{meter_bar(level_dbfs)} {level_dbfs:4.0f} dBFS"
        return f"● REC {_clock(elapsed_s)}{self._limit()}{notice}  {bar}  {self.hint}"

    def _limit(self) -> str:
        return f" / {_clock(self.max_s)}" if self.max_s else ""

    def notify(self, text: str) -> None:
        """Tell the speaker something while recording: on the live status line on a terminal, else a line."""
        if self.tty:
            self.notice = text
        else:
            self.stream.write(text + "\n")
            self.stream.flush()

    def __call__(self, elapsed_s: float, level_dbfs: float) -> None:
        self.elapsed_s = elapsed_s
        if self.tty:
            self._draw(self.status(elapsed_s, level_dbfs))
        elif elapsed_s >= self._next_line_s:
            self.stream.write(
                f"Recording {_clock(elapsed_s)}{self._limit()} (level {level_dbfs:.0f} dBFS; {self.hint})\n"
            )
            self.stream.flush()
            self._next_line_s = elapsed_s + NON_TTY_EVERY_S

    def _draw(self, line: str) -> None:
        from rich.text import Text

        text = Text(line, no_wrap=True, overflow="ellipsis")
        if self._live is None:
            from rich.live import Live

            from simulator.report.style import console

            self._console = console(self.stream)
            self._live = Live(text, console=self._console, auto_refresh=False, transient=True)
            self._live.start(refresh=True)
        else:
            self._live.update(text, refresh=True)

    def stop_message(self, reason: str | None, duration_s: float | None = None) -> str:
        length = _clock(self.elapsed_s if duration_s is None else duration_s)
        limit = _clock(self.max_s) if self.max_s else length
        return STOP_MESSAGES.get(reason, STOP_MESSAGES["stop_event"]).format(
            silence=self.silence_stop_s, length=length, limit=limit
        )

    def finish(self, reason: str | None = None, duration_s: float | None = None) -> None:
        """Close the live area and say why the recording stopped (``reason`` None: it was interrupted)."""
        if self._live is not None:
            self._live.stop()
            self._live = None
        self.stream.write(self.stop_message(reason, duration_s) + "\n")
        self.stream.flush()
