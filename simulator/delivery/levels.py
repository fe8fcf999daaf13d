"""Frame levels of the signal and the silence threshold taken from its own noise floor.

Frames are short (``frame_s`` = 25 ms windows every ``hop_s`` = 10 ms) and
centred: frame ``i`` covers ``[i*hop - frame/2, i*hop + frame/2]``. Levels are
RMS in dBFS after removing DC, computed from a running sum of squares so any
window can be measured in O(1), at any sample rate.

The threshold is the noise floor (a low percentile of frame levels) plus a
margin, kept at least ``min_below_speech_db`` below the speech level (a high
percentile) so quiet speech is not cut, at most ``max_below_speech_db`` below
it so digital silence does not push it into the dither, and always at least
``min_noise_margin_db`` above the noise itself. Unlike ``librosa.effects.split``
(``top_db`` below the loudest frame), this stays right when the microphone hiss
is at -50 dBFS, and the result does not depend on the gain.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulator.delivery.options import DeliveryOptions

FLOOR_DB = -120.0  # dBFS given to frames of digital silence
TINY_POWER = 10 ** (FLOOR_DB / 10)


def to_mono(y: np.ndarray) -> np.ndarray:
    """A float64 mono copy: averages channels of (n, ch) or (ch, n) arrays."""
    y = np.asarray(y, dtype=np.float64)
    if y.ndim == 2:
        y = y.mean(axis=1 if y.shape[0] > y.shape[1] else 0)
    elif y.ndim != 1:
        raise ValueError(f"audio must be 1-D or 2-D, got shape {y.shape}")
    y = np.nan_to_num(y, nan=0.0, posinf=0.0, neginf=0.0)
    return y - y.mean() if y.size else y


@dataclass
class Levels:
    """Frame levels of one recording and its silence threshold."""

    y: np.ndarray  # mono float64 signal, DC removed
    sr: int
    win: int  # frame length in samples
    hop: int  # hop in samples
    cumsum: np.ndarray  # running sum of squares, cumsum[k] = sum(y[:k]**2)
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

    def window_power(self, centres: np.ndarray, width: int) -> np.ndarray:
        """Mean power of ``width``-sample windows centred on sample indices ``centres``."""
        a = np.clip(centres - width // 2, 0, self.y.size)
        b = np.clip(centres - width // 2 + width, 0, self.y.size)
        return (self.cumsum[b] - self.cumsum[a]) / width

    def level_db(self, start_s: float, end_s: float) -> float:
        """RMS level (dBFS) of the signal between two times."""
        a = int(np.clip(round(start_s * self.sr), 0, self.y.size))
        b = int(np.clip(round(end_s * self.sr), 0, self.y.size))
        if b <= a:
            return FLOOR_DB
        return float(10 * np.log10(max((self.cumsum[b] - self.cumsum[a]) / (b - a), TINY_POWER)))


def frame_levels(
    y: np.ndarray, sr: int, *, frame_s: float = 0.025, hop_s: float = 0.010
) -> tuple[np.ndarray, np.ndarray, int, int, np.ndarray]:
    """(mono signal, frame dBFS, window, hop, running sum of squares): centred RMS frames."""
    mono = to_mono(y)
    win = max(2, int(round(frame_s * sr)))
    hop = max(1, int(round(hop_s * sr)))
    cumsum = np.concatenate([[0.0], np.cumsum(mono * mono)])
    n_frames = 1 + mono.size // hop if mono.size else 0
    centres = np.arange(n_frames) * hop
    a = np.clip(centres - win // 2, 0, mono.size)
    b = np.clip(centres - win // 2 + win, 0, mono.size)
    power = np.maximum((cumsum[b] - cumsum[a]) / win, TINY_POWER)  # zero padding at the edges
    return mono, 10 * np.log10(power), win, hop, cumsum


def silence_threshold(db: np.ndarray, opts: DeliveryOptions = DeliveryOptions()) -> tuple[float, float, float, float]:
    """(noise floor, speech level, threshold, edge threshold) in dBFS for frame levels ``db``."""
    if db.size == 0:
        return FLOOR_DB, FLOOR_DB, FLOOR_DB + opts.min_noise_margin_db, FLOOR_DB + opts.min_noise_margin_db
    floor = float(np.percentile(db, opts.noise_percentile))
    speech = float(np.percentile(db, opts.speech_percentile))
    threshold = floor + opts.noise_margin_db
    threshold = min(threshold, speech - opts.min_below_speech_db)  # low SNR: do not cut into speech
    threshold = max(threshold, speech - opts.max_below_speech_db)  # digital silence: ignore the dither
    threshold = max(threshold, floor + opts.min_noise_margin_db)  # but always above the noise
    edge = max(floor + opts.min_noise_margin_db, speech - opts.max_below_speech_db)
    return floor, speech, threshold, min(edge, threshold)


def measure_levels(y: np.ndarray, sr: int, opts: DeliveryOptions = DeliveryOptions()) -> Levels:
    """Frame levels and the silence threshold of one recording."""
    if sr <= 0:
        raise ValueError(f"sample rate must be positive, got {sr}")
    mono, db, win, hop, cumsum = frame_levels(y, sr, frame_s=opts.frame_s, hop_s=opts.hop_s)
    floor, speech, threshold, edge = silence_threshold(db, opts)
    return Levels(mono, sr, win, hop, cumsum, db, floor, speech, threshold, edge)
