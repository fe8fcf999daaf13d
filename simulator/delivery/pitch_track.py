"""Pitch measured while the answer is being recorded.

The YIN search is the costliest part of the signal analysis. A
``PitchTrack`` is fed the recording's 16 kHz blocks as they arrive, resamples
them to PITCH_SR as a stream (soxr gives the same samples as resampling the
whole file at once) and measures every frame of the PITCH_EVERY grid whose
window is complete. When the answer ends, ``analyze_delivery`` takes those
frames from the track and computes only the few at the very end.

The track does not know yet which frames are speech (the silence threshold
needs the whole answer), so it measures every grid frame, pauses included.
"""

from __future__ import annotations

import math

import numpy as np

from simulator.audio.files import SAMPLE_RATE
from simulator.delivery.levels import Levels
from simulator.delivery.options import DeliveryOptions
from simulator.delivery.pitch import PITCH_EVERY, PITCH_SR, window_length, yin_at

TRACK_BATCH_S = 1.0  # s; frames are measured in batches of this much audio


class PitchTrack:
    """YIN (f0, aperiodicity) of every PITCH_EVERY-th level frame, as audio arrives."""

    def __init__(self, sr: int = SAMPLE_RATE, *, options: DeliveryOptions | None = None):
        import soxr

        self.sr = sr
        self.opts = options or DeliveryOptions()
        self._resampler = soxr.ResampleStream(sr, PITCH_SR, 1, dtype="float64")
        self._y8 = np.zeros(0)  # the PITCH_SR audio the next frames need, joined at each batch
        self._origin = 0  # sample index (PITCH_SR) of self._y8[0]
        self._chunks: list[np.ndarray] = []  # resampled blocks not joined yet
        self._n8 = 0
        self._length = window_length(self.opts)
        self._step_s = self.opts.hop_s * PITCH_EVERY  # s between measured frames
        self.f0: list[np.ndarray] = []
        self.aperiodicity: list[np.ndarray] = []
        self.frames = 0  # grid frames measured so far: level frames 0, PITCH_EVERY, ...

    def feed(self, block: np.ndarray) -> None:
        """Add 16 kHz mono samples; measures the frames whose windows are now complete."""
        out = self._resampler.resample_chunk(np.asarray(block, dtype=np.float64).reshape(-1))
        self._chunks.append(out)
        self._n8 += out.size
        # A frame is complete when its window ends inside the audio received so far.
        last_centre = self._n8 - (self._length - self._length // 2)
        ready = math.floor(last_centre / (self._step_s * PITCH_SR)) + 1 if last_centre >= 0 else 0
        if (ready - self.frames) * self._step_s < TRACK_BATCH_S:
            return
        self._y8 = np.concatenate([self._y8, *self._chunks])  # once a batch, not once a block
        self._chunks = []
        times = np.arange(self.frames, ready) * self._step_s
        f0, ap = yin_at(self._y8, times, self.opts, origin=self._origin)
        self.f0.append(f0)
        self.aperiodicity.append(ap)
        self.frames = ready
        # Keep only what the next frame's window reaches back to.
        keep_from = max(0, int(round(ready * self._step_s * PITCH_SR)) - self._length // 2 - 1)
        if keep_from > self._origin:
            self._y8 = self._y8[keep_from - self._origin :]
            self._origin = keep_from

    def usable_for(self, levels: Levels, opts: DeliveryOptions) -> bool:
        """True when these levels come from the audio fed here, analysed with the same settings."""
        same = (opts.hop_s, opts.pitch_fmin_hz, opts.pitch_fmax_hz) == (
            self.opts.hop_s,
            self.opts.pitch_fmin_hz,
            self.opts.pitch_fmax_hz,
        )
        return same and levels.sr == self.sr and levels.hop_s == self.opts.hop_s

    def fill(self, idx: np.ndarray, f0: np.ndarray, aperiodicity: np.ndarray) -> np.ndarray:
        """Write the measured values of level frames ``idx`` into the arrays; returns the mask still to do."""
        if not self.f0:
            return np.ones(idx.size, dtype=bool)
        all_f0, all_ap = np.concatenate(self.f0), np.concatenate(self.aperiodicity)
        grid = idx // PITCH_EVERY
        have = grid < self.frames
        f0[have], aperiodicity[have] = all_f0[grid[have]], all_ap[grid[have]]
        return ~have
