"""Frame levels of the signal (librosa RMS) and the silence threshold taken from its own noise floor.

Frames are librosa's centred RMS frames (``frame_s`` = 25 ms windows every
``hop_s`` = 10 ms, zero padded at the ends): frame ``i`` covers
``[i*hop - frame/2, i*hop + frame/2]``. A level is the frame's mean power in
dBFS after removing DC, the measure every speech/silence detector of the tool
shares (``simulator.audio.level_meter``). The signal itself is kept as it came
(mono), so that pitch measured on it equals pitch measured while recording.

The threshold is the tool's one threshold rule with the delivery options: the
noise floor (a low percentile of frame levels) plus a margin, kept at least
``min_below_speech_db`` below the speech level (a high percentile) so quiet
speech is not cut, at most ``max_below_speech_db`` below it so digital silence
does not push it into the dither, and always at least ``min_noise_margin_db``
above the noise itself. Unlike ``librosa.effects.split`` (``top_db`` below the
loudest frame), this stays right when the microphone hiss is at -50 dBFS, and
the result does not depend on the gain.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulator.audio.level_meter import power_dbfs, speech_threshold
from simulator.delivery.options import DeliveryOptions

LEVEL_BATCH = 1000  # frames per librosa.feature.rms call (10 s): its work arrays stay small for long answers


def centred_frames_segment(y: np.ndarray, first: int, count: int, width: int, step: int) -> np.ndarray:
    """The float32 samples under ``count`` frames of ``width`` samples, ``step`` apart, the
    first centred on sample ``first`` of ``y``; zeros outside ``y``, as librosa's centred frames."""
    a = first - width // 2
    segment = np.zeros((count - 1) * step + width, dtype=np.float32)
    lo, hi = max(a, 0), min(a + segment.size, y.size)
    if hi > lo:
        segment[lo - a : hi - a] = y[lo:hi]
    return segment


def to_mono(y: np.ndarray) -> np.ndarray:
    """Float32 mono: channels of (n, ch) or (ch, n) arrays averaged by librosa; finite
    float32 mono comes back as it is (not copied: a long answer is held once)."""
    import librosa

    y = np.asarray(y, dtype=np.float32)
    if not np.isfinite(y).all():
        y = np.nan_to_num(y, nan=0.0, posinf=0.0, neginf=0.0)
    if y.ndim > 2:
        raise ValueError(f"audio must be 1-D or 2-D, got shape {y.shape}")
    if y.ndim == 2 and y.shape[0] > y.shape[1]:
        y = y.T  # (samples, channels) -> librosa's (channels, samples)
    return librosa.to_mono(y)


@dataclass
class Levels:
    """Frame levels of one recording and its silence threshold."""

    y: np.ndarray  # mono float32 signal
    dc: float  # its mean, left out of every level
    sr: int
    win: int  # frame length in samples
    hop: int  # hop in samples
    db: np.ndarray  # frame level in dBFS
    floor_db: float
    speech_db: float
    threshold_db: float
    edge_db: float  # lower threshold that sound edges are followed down to

    @property
    def hop_s(self) -> float:
        return self.hop / self.sr

    @property
    def frame_s(self) -> float:
        return self.win / self.sr

    @property
    def duration_s(self) -> float:
        return self.y.size / self.sr

    @property
    def active(self) -> np.ndarray:
        """True for frames above the silence threshold."""
        return self.db >= self.threshold_db

    def frame_time(self, i) -> np.ndarray | float:
        """Centre time (s) of frame ``i``."""
        return np.asarray(i) * self.hop_s

    def window_power(self, first: int, count: int, width: int, step: int) -> np.ndarray:
        """Mean power (DC removed) of ``count`` windows of ``width`` samples, ``step`` apart,
        the first centred on sample ``first`` (zeros outside the signal)."""
        return frame_power(self.y, first, count, width, step, dc=self.dc)


def frame_power(y: np.ndarray, first: int, count: int, width: int, step: int, *, dc: float = 0.0) -> np.ndarray:
    """Mean power of ``y - dc`` in centred frames (see ``centred_frames_segment``): librosa RMS."""
    import librosa

    segment = centred_frames_segment(y, first, count, width, step)
    if dc:
        lo, hi = max(width // 2 - first, 0), min(y.size - first + width // 2, segment.size)
        segment[lo:hi] -= np.float32(dc)  # the signal, not its zero padding
    rms = librosa.feature.rms(y=segment, frame_length=width, hop_length=step, center=False)[0]
    return np.square(rms, dtype=np.float64)


def frame_levels(y: np.ndarray, *, win: int, hop: int, dc: float = 0.0) -> np.ndarray:
    """Frame levels (dBFS) of mono ``y`` without its DC: librosa's centred RMS frames, zero
    padded at the ends, measured LEVEL_BATCH frames at a time."""
    n = 1 + y.size // hop if y.size else 0
    power = [frame_power(y, a * hop, min(LEVEL_BATCH, n - a), win, hop, dc=dc) for a in range(0, n, LEVEL_BATCH)]
    return power_dbfs(np.concatenate(power)) if power else np.zeros(0)


def silence_threshold(db: np.ndarray, opts: DeliveryOptions = DeliveryOptions()) -> tuple[float, float, float, float]:
    """(noise floor, speech level, threshold, edge threshold) in dBFS for frame levels ``db``."""
    t = speech_threshold(np.sort(db), opts.threshold_rule())
    edge = max(t.floor_dbfs + opts.min_noise_margin_db, t.speech_dbfs - opts.max_below_speech_db)
    return t.floor_dbfs, t.speech_dbfs, t.dbfs, min(edge, t.dbfs)


def measure_levels(y: np.ndarray, sr: int, opts: DeliveryOptions = DeliveryOptions()) -> Levels:
    """Frame levels and the silence threshold of one recording."""
    if sr <= 0:
        raise ValueError(f"sample rate must be positive, got {sr}")
    mono = to_mono(y)
    dc = float(np.mean(mono, dtype=np.float64)) if mono.size else 0.0
    win = max(2, int(round(opts.frame_s * sr)))
    hop = max(1, int(round(opts.hop_s * sr)))
    db = frame_levels(mono, win=win, hop=hop, dc=dc)
    floor, speech, threshold, edge = silence_threshold(db, opts)
    return Levels(mono, dc, sr, win, hop, db, floor, speech, threshold, edge)
