"""Where to cut an answer into stretches for transcription: inside pauses only.

The same cutter serves a live recording (``streaming``, fed block by block as
the audio arrives) and a whole file (``plan_stretches``, fed the same 50 ms
blocks in one go), so both transcribe the same stretches.

Frames are 20 ms; a frame is quiet when its level is below a threshold taken
from the levels heard so far (above the noise floor, well below the typical
speech level: the tool's one level measure and threshold rule, in
``simulator.audio.level_meter``). Every silence that lasts ``guess_pause_s`` gets a cut point in
its middle so far. Once it has lasted ``cut_pause_s`` and at least
``min_chunk_s`` has piled up since the last cut (in either order: a long
silence that began a little early still counts), the audio is cut there. A
stretch that reaches ``max_chunk_s`` without such a pause is cut, before
Whisper's 30 s window fills, at its latest shorter pause (or, with none, its
quietest recent frame: a cut inside a phrase costs Whisper the words around
it). When the answer ends, a last stretch with little speech is joined to the
one before (``with_short_tail``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from simulator.audio.files import SAMPLE_RATE
from simulator.audio.level_meter import LevelHistory, ThresholdRule, frames_dbfs

FLOOR_PERCENTILE = 5  # the noise floor is this percentile of the frame levels so far
TYPICAL_PERCENTILE = 50  # the typical level is this percentile of the frame levels so far
MAX_CUT_LOOKBACK_S = 3.0  # s; a forced cut is made in the quietest frame this far back
FEED_BLOCK_S = 0.05  # s; the recorder's block length, used when cutting a whole file


@dataclass(frozen=True)
class StreamOptions:
    """When to cut the incoming audio into stretches for transcription."""

    frame_s: float = 0.02  # s; energy frame length
    guess_pause_s: float = 0.25  # s; a silence this long may end the answer: decode what is pending
    cut_pause_s: float = 0.5  # s; a silence this long is a natural place to cut
    min_chunk_s: float = 12.0  # s; shorter stretches give the model too little context
    max_chunk_s: float = 25.0  # s; cut anyway before Whisper's 30 s window fills
    speech_margin_db: float = 12.0  # dB above the noise floor that counts as speech
    below_typical_db: float = 15.0  # dB; the threshold stays this far below the median level
    min_threshold_dbfs: float = -60.0  # dBFS; floor for the speech threshold (digital silence)

    def rule(self) -> ThresholdRule:
        return ThresholdRule(
            FLOOR_PERCENTILE,
            self.speech_margin_db,
            TYPICAL_PERCENTILE,
            min_below_speech_db=self.below_typical_db,
            min_dbfs=self.min_threshold_dbfs,
        )


@dataclass(frozen=True)
class Stretch:
    """Samples [start, end) of the answer; speech in it ends at ``speech_end``."""

    start: int
    end: int
    speech_end: int


@dataclass(frozen=True)
class Event:
    """``kind`` is "guess" (the answer may end at ``at``) or "cut" (a stretch ends at ``at``)."""

    kind: str
    at: int  # sample index
    speech_end: int  # sample index where the speech before ``at`` ends


class PauseCutter:
    """Feed 16 kHz mono blocks; each ``feed`` returns the guess and cut events it found."""

    def __init__(self, sr: int = SAMPLE_RATE, options: StreamOptions = StreamOptions()):
        self.sr = sr
        self.so = options
        self._frame = int(round(options.frame_s * sr))
        self._guess_frames = math.ceil(options.guess_pause_s / options.frame_s)
        self._cut_frames = math.ceil(options.cut_pause_s / options.frame_s)
        self._rule = options.rule()
        self._pending = np.zeros(0, np.float32)  # samples not yet framed
        self.levels = LevelHistory()  # every frame's level so far
        self._quiet_run = 0  # consecutive quiet frames at the end
        self._pause_point: int | None = None  # cut point of the current silence
        self._last_pause: Event | None = None  # the latest guess since the last cut
        self.n = 0  # samples received
        self.last_cut = 0  # sample index
        self.speech_since_cut = False
        self.speech_end = 0  # sample index where the latest sound ended

    def threshold_db(self) -> float:
        """Speech threshold: above the noise floor, and well below the typical level."""
        return self.levels.threshold(self._rule).dbfs

    def feed(self, block: np.ndarray) -> list[Event]:
        block = np.asarray(block, dtype=np.float32).reshape(-1)
        first_frame = (self.n - self._pending.size) // self._frame
        self.n += block.size
        data = np.concatenate([self._pending, block])
        usable = data.size // self._frame * self._frame
        self._pending = data[usable:]
        if not usable:
            return []
        dbs = frames_dbfs(data[:usable], self._frame)
        for db in dbs.tolist():
            self.levels.add(db)
        threshold = self.threshold_db()
        events: list[Event] = []
        for k, db in enumerate(dbs):
            event = self._on_frame(first_frame + k, bool(db < threshold))
            if event is not None:
                events.append(event)
        return events

    def _on_frame(self, index: int, quiet: bool) -> Event | None:
        end = (index + 1) * self._frame
        if not quiet:
            self._quiet_run, self._pause_point = 0, None
            self.speech_since_cut, self.speech_end = True, end
        else:
            self._quiet_run += 1
        if not self.speech_since_cut:
            return None
        if self._quiet_run == self._guess_frames:
            self._pause_point = end - (self._quiet_run * self._frame) // 2  # the middle of the silence so far
            self._last_pause = Event("guess", self._pause_point, self.speech_end)
            return self._last_pause
        if self._quiet_run >= self._cut_frames and (end - self.last_cut) / self.sr >= self.so.min_chunk_s:
            # A pause between sentences after enough speech, including one that began
            # before the stretch was long enough and is still going on.
            return self._cut(self._pause_point, self.speech_end)
        if self._quiet_run < self._cut_frames and (end - self.last_cut) / self.sr >= self.so.max_chunk_s:
            if self._last_pause is not None:
                return self._cut(self._last_pause.at, self._last_pause.speech_end)
            at = self._quietest_recent(end)
            return self._cut(at, min(self.speech_end, at))
        return None

    def final_stretch(self) -> Stretch:
        """The last stretch of a recording that stops now: from the last cut to
        the guess point in the silence after the latest sound, once that
        silence has lasted ``guess_pause_s``, else to the end of what was fed.
        A file's plan and a live stop both end the answer here."""
        p = self._last_pause
        end = p.at if p is not None and p.speech_end == self.speech_end else self.n
        return Stretch(self.last_cut, end, max(self.speech_end, self.last_cut))

    def _quietest_recent(self, end: int) -> int:
        recent = self.levels.latest(int(MAX_CUT_LOOKBACK_S / self.so.frame_s))
        k = int(np.argmin(recent))
        return end - (len(recent) - k) * self._frame + self._frame // 2

    def _cut(self, at: int, speech_end: int) -> Event:
        self.last_cut, self._last_pause = at, None
        self.speech_since_cut = self.speech_end > at  # a cut before the latest sound leaves speech pending
        return Event("cut", at, speech_end)


def plan_stretches(y: np.ndarray, sr: int = SAMPLE_RATE, *, options: StreamOptions = StreamOptions()) -> list[Stretch]:
    """The stretches a live recording of ``y`` would be cut into. The last ends
    where a live recording stopped after it would be decoded up to: its guess
    point in the silence after the last sound (or the end of ``y``)."""
    cutter = PauseCutter(sr, options)
    block = int(round(FEED_BLOCK_S * sr))
    stretches: list[Stretch] = []
    start = 0
    for i in range(0, y.size, block):
        for event in cutter.feed(y[i : i + block]):
            if event.kind == "cut":
                stretches.append(Stretch(start, event.at, event.speech_end))
                start = event.at
    if cutter.speech_since_cut or not stretches:  # what a live recording decodes when it stops
        last = cutter.final_stretch()
        if stretches:
            last = with_short_tail(stretches[-1], last, sr, options=options)
            if last.start != start:
                stretches.pop()
        stretches.append(last)
    return stretches


def with_short_tail(
    before: Stretch, last: Stretch, sr: int = SAMPLE_RATE, *, options: StreamOptions = StreamOptions()
) -> Stretch:
    """The answer's ``last`` stretch, joined to the one ``before`` it when its speech
    is shorter than ``min_chunk_s`` and both fit in ``max_chunk_s``. A few seconds
    on their own give Whisper too little context; the closing words of a 17 s
    answer came out garbled ("that I read it")."""
    short = (last.speech_end - last.start) / sr < options.min_chunk_s
    if short and (last.speech_end - before.start) / sr <= options.max_chunk_s:
        return Stretch(before.start, last.end, last.speech_end)
    return last
