"""Voice pitch with ``librosa.yin``, over voiced speech frames only.

Pitch is measured on YIN frames centred on every PITCH_EVERY-th level frame
(20 ms apart: plenty for statistics), over the speech range (65-400 Hz by
default, not librosa's C2-C7), on a copy of the signal resampled to 8 kHz
(``librosa.resample``, soxr): plenty for a 400 Hz ceiling, and a sixth of the
work of 16 kHz (bench/bench_delivery.py). ``librosa.yin`` gives no
voicing, and ``librosa.pyin``'s (an HMM over pitch bins) costs far more than
yin (bench/bench_delivery.py), so the tool's own rule decides which frames are
voiced: the signal must repeat itself at the period yin found (its normalised
autocorrelation at that lag). A whole file and the live ``PitchTrack`` frame
the same 8 kHz samples the same way, in batches that bound the work arrays, so
both give the same numbers.
"""

from __future__ import annotations

import math

import numpy as np

from simulator.delivery.levels import Levels, centred_frames_segment
from simulator.delivery.options import DeliveryOptions
from simulator.delivery.results import Pitch

PITCH_SR = 8000  # Hz; pitch is measured on a copy at this rate
YIN_FRAME_S = 0.048  # s; YIN frame: three periods of the lowest pitch searched (65 Hz), so yin can compare two
OCTAVE_GUARD_ST = 10.0  # semitones; voiced frames further than this from the median are octave errors
MIN_VOICED_S = 0.5  # s; less voiced speech than this gives no pitch figures
RESAMPLER = "soxr_hq"  # librosa's soxr at its HQ quality; the live track streams the same filter
PITCH_EVERY = 2  # pitch is measured on every 2nd level frame (20 ms apart): plenty for statistics
MIN_PART_ENERGY = 1e-3  # share of a frame's energy each compared part needs before its correlation is trusted
YIN_BATCH = 512  # frames per librosa.yin call (10 s of audio): bounds its work arrays to a few MB


def frame_length(opts: DeliveryOptions) -> int:
    """Samples (at PITCH_SR) of one YIN frame: YIN_FRAME_S, and always two longest periods."""
    return max(int(round(YIN_FRAME_S * PITCH_SR)), 2 * int(math.ceil(PITCH_SR / opts.pitch_fmin_hz)) + 2)


def grid_step(opts: DeliveryOptions) -> int:
    """Samples (at PITCH_SR) between the centres of two pitch frames."""
    return PITCH_EVERY * max(1, int(round(opts.hop_s * PITCH_SR)))


def aperiodicity(frames: np.ndarray, period: np.ndarray) -> np.ndarray:
    """1 - the normalised autocorrelation of each row of ``frames`` at its ``period``
    (samples; fractional periods take the better of the two whole lags around them)."""
    import librosa

    n = frames.shape[1]
    acf = librosa.autocorrelate(frames, max_size=n, axis=-1)
    energy = np.cumsum(np.square(frames, dtype=np.float64), axis=1)  # energy[k] = sum(x[: k + 1] ** 2)
    rows = np.arange(frames.shape[0])
    best = np.ones(frames.shape[0])
    for rounding in (np.floor, np.ceil):
        lag = np.clip(rounding(period), 1, n - 1).astype(np.int64)
        head = energy[rows, n - 1 - lag]  # x[: n - lag]
        tail = energy[:, -1] - energy[rows, lag - 1]  # x[lag:]
        measurable = np.minimum(head, tail) > MIN_PART_ENERGY * energy[:, -1]  # else FFT noise over ~nothing
        r = np.where(measurable, acf[rows, lag] / np.sqrt(np.maximum(head * tail, 1e-30)), 0.0)
        best = np.minimum(best, 1.0 - r)
    return np.clip(best, 0.0, 1.0)


def _yin_run(
    y: np.ndarray, first: int, stop: int, rows: np.ndarray, opts: DeliveryOptions, origin: int
) -> tuple[np.ndarray, np.ndarray]:
    """(f0, aperiodicity) of grid frames ``first + rows``: librosa.yin runs over the consecutive
    frames ``first``..``stop - 1``, the voicing check only on the rows asked for."""
    import librosa

    length, step = frame_length(opts), grid_step(opts)
    segment = centred_frames_segment(y, first * step - origin, stop - first, length, step)
    f0 = librosa.yin(
        segment,
        fmin=opts.pitch_fmin_hz,
        fmax=opts.pitch_fmax_hz,
        sr=PITCH_SR,
        frame_length=length,
        hop_length=step,
        center=False,
    )[rows]
    frames = librosa.util.frame(segment, frame_length=length, hop_length=step, axis=0)[rows]
    return f0, aperiodicity(frames, PITCH_SR / f0)


def yin_at(y: np.ndarray, grid: np.ndarray, opts: DeliveryOptions, *, origin: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(f0, aperiodicity) of the pitch frames ``grid`` (ascending; frame ``j`` is centred on
    sample ``j * grid_step``); ``y`` holds PITCH_SR audio from sample ``origin`` of the answer on."""
    grid = np.asarray(grid, dtype=np.int64)
    f0, ap = np.zeros(grid.size), np.ones(grid.size)
    i = 0
    while i < grid.size:  # one librosa call per batch of frames, skipping stretches with none asked for
        first = int(grid[i])
        stop = min(first + YIN_BATCH, int(grid[-1]) + 1)
        j = int(np.searchsorted(grid, stop))
        f0[i:j], ap[i:j] = _yin_run(y, first, stop, grid[i:j] - first, opts, origin)
        i = j
    return f0, ap


def pitch_frames(mask: np.ndarray) -> np.ndarray:
    """Indices of the level frames pitch is measured on: those of ``mask`` on the PITCH_EVERY grid."""
    idx = np.flatnonzero(mask)
    return idx[idx % PITCH_EVERY == 0]


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
            import librosa

            y = librosa.resample(y, orig_sr=levels.sr, target_sr=PITCH_SR, res_type=RESAMPLER)
        f0[todo], aperiodicity[todo] = yin_at(y, idx[todo] // PITCH_EVERY, opts)
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
