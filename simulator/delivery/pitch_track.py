"""Pitch measured while the answer is being recorded.

The YIN search is the costliest part of the signal analysis. A
``PitchTrack`` is fed the recording's 16 kHz blocks as they arrive, resamples
them to PITCH_SR as a stream (soxr's stream gives the very samples
``librosa.resample`` gives the whole file, whose soxr filter it is) and
measures every pitch frame whose window is complete, in batches, with the
framing a whole file gets (``pitch.yin_at``). When the answer ends,
``analyze_delivery`` takes those frames from the track and computes only the
few at the very end.

The track does not know yet which frames are speech (the silence threshold
needs the whole answer), so it measures every grid frame, pauses included.
"""

from __future__ import annotations

import numpy as np

from simulator.audio.files import SAMPLE_RATE
from simulator.delivery.levels import Levels
from simulator.delivery.options import DeliveryOptions
from simulator.delivery.pitch import PITCH_EVERY, PITCH_SR, frame_length, grid_step, yin_at

STREAM_QUALITY = "HQ"  # soxr's quality behind librosa's "soxr_hq" (pitch.RESAMPLER)

TRACK_BATCH_S = 1.0  # s; frames are measured in batches of this much audio


class PitchTrack:
    """YIN (f0, aperiodicity) of every pitch frame (every PITCH_EVERY-th level frame), as audio arrives."""

    def __init__(self, sr: int = SAMPLE_RATE, *, options: DeliveryOptions | None = None):
        import soxr

        self.sr = sr
        self.opts = options or DeliveryOptions()
        self._resampler = soxr.ResampleStream(sr, PITCH_SR, 1, dtype="float32", quality=STREAM_QUALITY)
        self._y = np.zeros(0, np.float32)  # the PITCH_SR audio the next frames need, joined at each batch
        self._origin = 0  # sample index (PITCH_SR) of self._y[0]
        self._chunks: list[np.ndarray] = []  # resampled blocks not joined yet
        self._n = 0  # PITCH_SR samples so far
        self._length = frame_length(self.opts)
        self._step = grid_step(self.opts)
        self.f0: list[np.ndarray] = []
        self.aperiodicity: list[np.ndarray] = []
        self.frames = 0  # pitch frames measured so far

    def feed(self, block: np.ndarray) -> None:
        """Add mono samples at ``sr``; measures the frames whose windows are now complete."""
        chunk = self._resampler.resample_chunk(np.asarray(block, dtype=np.float32).reshape(-1))
        self._chunks.append(chunk)
        self._n += chunk.size
        # Frame j's window is [j*step - length//2, j*step - length//2 + length).
        reach = self._length - self._length // 2
        ready = (self._n - reach) // self._step + 1 if self._n >= reach else 0
        if (ready - self.frames) * self._step < TRACK_BATCH_S * PITCH_SR:
            return
        self._y = np.concatenate([self._y, *self._chunks])  # once a batch, not once a block
        self._chunks = []
        f0, ap = yin_at(self._y, np.arange(self.frames, ready), self.opts, origin=self._origin)
        self.f0.append(f0)
        self.aperiodicity.append(ap)
        self.frames = ready
        keep_from = max(0, ready * self._step - self._length // 2)  # where the next frame's window starts
        if keep_from > self._origin:
            self._y = self._y[keep_from - self._origin :]
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
