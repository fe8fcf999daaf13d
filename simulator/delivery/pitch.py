"""Voice pitch with YIN, over voiced speech frames only.

This is the YIN estimator (de Cheveigné & Kawahara 2002), the algorithm behind
``librosa.yin``, written with numpy so that it runs only on the frames that
matter (frames above the silence threshold, inside the answer), returns the
aperiodicity that ``librosa.yin`` does not (so unvoiced frames are dropped:
pitch is "computed only on voiced frames"), and needs no numba compilation.
The search range is the speech range (65-400 Hz by default), not librosa's
C2-C7 default, and the signal is first resampled to 8 kHz, which is plenty for
a 400 Hz ceiling. tests/test_delivery_signal.py checks it against librosa.yin.
"""

from __future__ import annotations

import math

import numpy as np

from simulator.delivery.levels import Levels
from simulator.delivery.options import DeliveryOptions
from simulator.delivery.results import Pitch

PITCH_SR = 8000  # Hz; pitch is searched on a copy at this rate
YIN_WINDOW_S = 0.030  # s; YIN integration window (at least one longest period)
YIN_DIP = 0.10  # first dip of the normalised difference below this is the period (the paper's threshold)
OCTAVE_GUARD_ST = 10.0  # semitones; voiced frames further than this from the median are octave errors
MIN_VOICED_S = 0.5  # s; less voiced speech than this gives no pitch figures
PITCH_EVERY = 2  # pitch is measured on every 2nd level frame (20 ms apart): plenty for statistics
YIN_BATCH = 256  # frames per YIN batch: bounds the FFT work arrays to a few MB


def fast_len(n: int) -> int:
    """The smallest 2-3-5-smooth integer >= n (FFT sizes numpy handles fastest)."""
    best = 1 << max(0, (n - 1).bit_length())
    p5 = 1
    while p5 < best:
        p35 = p5
        while p35 < best:
            m = p35
            while m < n:
                m *= 2
            best = min(best, m)
            p35 *= 3
        p5 *= 5
    return best


def yin(frames: np.ndarray, sr: int, *, fmin: float, fmax: float) -> tuple[np.ndarray, np.ndarray]:
    """(f0 in Hz, aperiodicity 0..1) of each row of ``frames``.

    Rows must hold at least ``window + sr/fmin`` samples; the first ``window``
    samples are compared with every lag up to the longest period.
    """
    tau_min = max(2, int(math.floor(sr / fmax)))
    tau_max = int(math.ceil(sr / fmin))
    length = frames.shape[1]
    win = length - tau_max - 1
    if win < tau_max // 2 or frames.shape[0] == 0:
        return np.zeros(frames.shape[0]), np.ones(frames.shape[0])
    x = frames.astype(np.float64, copy=False)
    nfft = fast_len(length + win)
    spec = np.fft.rfft(x, nfft)
    head = np.fft.rfft(x[:, :win], nfft)
    acf = np.fft.irfft(np.conj(head) * spec, nfft)[:, : tau_max + 2]
    csum = np.concatenate([np.zeros((x.shape[0], 1)), np.cumsum(x * x, axis=1)], axis=1)
    lags = np.arange(tau_max + 2)
    energy = csum[:, lags + win] - csum[:, lags]  # energy of x[tau : tau + win]
    diff = np.maximum(energy[:, :1] + energy - 2 * acf, 0.0)
    cmnd = np.ones_like(diff)
    running = np.cumsum(diff[:, 1:], axis=1)
    cmnd[:, 1:] = diff[:, 1:] * lags[1:] / np.maximum(running, 1e-20)
    return _pick_period(cmnd, sr, tau_min, tau_max)


def _pick_period(cmnd: np.ndarray, sr: int, tau_min: int, tau_max: int) -> tuple[np.ndarray, np.ndarray]:
    """The first local minimum below YIN_DIP (else the global minimum), parabolically refined."""
    rows = np.arange(cmnd.shape[0])
    seg = cmnd[:, tau_min : tau_max + 1]
    interior = np.zeros_like(seg, dtype=bool)
    interior[:, 1:-1] = (seg[:, 1:-1] <= seg[:, :-2]) & (seg[:, 1:-1] <= seg[:, 2:])
    dips = interior & (seg < YIN_DIP)
    has_dip = dips.any(axis=1)
    k = np.where(has_dip, dips.argmax(axis=1), seg.argmin(axis=1))
    tau = k + tau_min
    left = cmnd[rows, np.maximum(tau - 1, 1)]
    mid = cmnd[rows, tau]
    right = cmnd[rows, np.minimum(tau + 1, cmnd.shape[1] - 1)]
    denom = left - 2 * mid + right
    shift = np.where(np.abs(denom) > 1e-12, 0.5 * (left - right) / np.where(denom == 0, 1, denom), 0.0)
    shift = np.clip(shift, -1.0, 1.0)
    return sr / (tau + shift), np.clip(mid, 0.0, 1.0)


def window_length(opts: DeliveryOptions) -> int:
    """Samples (at PITCH_SR) of the YIN window of one frame."""
    tau_max = int(math.ceil(PITCH_SR / opts.pitch_fmin_hz))
    return max(int(round(YIN_WINDOW_S * PITCH_SR)) + tau_max + 1, 2 * tau_max + 1)


def pitch_frames(mask: np.ndarray) -> np.ndarray:
    """Indices of the level frames pitch is measured on: those of ``mask`` on the PITCH_EVERY grid."""
    idx = np.flatnonzero(mask)
    return idx[idx % PITCH_EVERY == 0]


def yin_at(
    y8: np.ndarray, times_s: np.ndarray, opts: DeliveryOptions, *, origin: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """(f0, aperiodicity) of windows centred on ``times_s`` in ``y8`` (PITCH_SR audio, zeros outside);
    ``y8[0]`` is sample ``origin`` of the answer."""
    length = window_length(opts)
    pad = np.pad(y8, (length, length))
    starts = np.round(np.asarray(times_s) * PITCH_SR).astype(np.int64) - origin - length // 2 + length
    offsets = np.arange(length)[None, :]
    f0, aperiodicity = [np.zeros(0)], [np.ones(0)]
    for i in range(0, starts.size, YIN_BATCH):  # batches keep memory flat for long answers
        frames = pad[starts[i : i + YIN_BATCH, None] + offsets]
        batch_f0, batch_ap = yin(frames, PITCH_SR, fmin=opts.pitch_fmin_hz, fmax=opts.pitch_fmax_hz)
        f0.append(batch_f0)
        aperiodicity.append(batch_ap)
    return np.concatenate(f0), np.concatenate(aperiodicity)


def frame_pitch(
    levels: Levels, mask: np.ndarray, opts: DeliveryOptions = DeliveryOptions(), *, known=None
) -> tuple[np.ndarray, np.ndarray]:
    """(f0, aperiodicity) for the level frames ``pitch_frames(mask)``.

    ``known`` (a ``PitchTrack`` filled while the answer was recorded) supplies
    the frames it already measured; only the others are computed here.
    """
    idx = pitch_frames(mask)
    f0, aperiodicity = np.zeros(idx.size), np.ones(idx.size)
    todo = np.ones(idx.size, dtype=bool)
    if known is not None and known.usable_for(levels, opts):
        todo = known.fill(idx, f0, aperiodicity)
    if todo.any():
        y = levels.y
        if levels.sr != PITCH_SR:
            import soxr

            y = soxr.resample(y, levels.sr, PITCH_SR)
        f0[todo], aperiodicity[todo] = yin_at(y, levels.frame_time(idx[todo]), opts)
    return f0, aperiodicity


def measure_pitch(
    levels: Levels, speech_mask: np.ndarray, opts: DeliveryOptions = DeliveryOptions(), *, known=None
) -> Pitch:
    """Median pitch and its 10th-90th percentile range over voiced frames."""
    f0, aperiodicity = frame_pitch(levels, speech_mask, opts, known=known)
    voiced = f0[(aperiodicity <= opts.voicing_threshold) & (f0 >= opts.pitch_fmin_hz) & (f0 <= opts.pitch_fmax_hz)]
    if voiced.size:
        centre = np.median(voiced)
        voiced = voiced[np.abs(12 * np.log2(voiced / centre)) <= OCTAVE_GUARD_ST]
    voiced_s = voiced.size * levels.hop_s * PITCH_EVERY
    if voiced_s < MIN_VOICED_S:
        return Pitch(median_hz=None, range_semitones=None, monotone=False, voiced_s=round(voiced_s, 2))
    p10, p50, p90 = np.percentile(voiced, [10, 50, 90])
    span = 12 * math.log2(p90 / p10)
    return Pitch(
        median_hz=round(float(p50), 1),
        range_semitones=round(span, 2),
        monotone=bool(span < opts.monotone_range_st),
        p10_hz=round(float(p10), 1),
        p90_hz=round(float(p90), 1),
        voiced_s=round(voiced_s, 2),
    )
