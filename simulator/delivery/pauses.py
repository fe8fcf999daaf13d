"""Silent pauses measured on the signal.

Frames below the silence threshold (see ``levels``) form silent runs. A run's
edges are first estimated from the frame grid (a frame stays loud while any
part of its window holds loud sound, so the edges are moved in by half a
window and half a hop, which is what ``librosa.effects.split`` does not do),
then placed to about a millisecond with 5 ms librosa RMS windows scanned
around them.
Sound blips shorter than ``min_sound_s`` well inside a silence (clicks) do
not split it; near speech they are stop releases and count as speech.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulator.delivery.levels import Levels

REFINE_WIN_S = 0.005  # s; short window used to place pause edges
REFINE_STEP_S = 0.001  # s; scan step of that window
MAX_CLOSURE_S = 0.15  # s; stop closures are shorter: a burst this close to speech is part of it
EDGE_EXTEND_S = 0.15  # s; furthest an edge follows a quiet tail below the threshold


@dataclass(frozen=True)
class Silence:
    start: float
    end: float

    @property
    def duration(self) -> float:
        return self.end - self.start


def runs(mask: np.ndarray) -> list[tuple[int, int, bool]]:
    """Runs of equal values as (first index, end index exclusive, value)."""
    if mask.size == 0:
        return []
    change = np.flatnonzero(mask[1:] != mask[:-1]) + 1
    starts = np.concatenate([[0], change])
    ends = np.concatenate([change, [mask.size]])
    return [(int(a), int(b), bool(mask[a])) for a, b in zip(starts, ends)]


def drop_blips(active: np.ndarray, win: int, hop: int, sr: int, min_sound_s: float) -> np.ndarray:
    """``active`` with isolated clicks removed.

    A sound run shorter than ``min_sound_s`` is dropped when silence of at
    least MAX_CLOSURE_S lies on both sides of it; closer to speech it is the
    release of a stop consonant ("week.") and is kept.
    """
    out = active.copy()
    spans = runs(active)
    for k, (a, b, loud) in enumerate(spans):
        if not loud or k == 0 or k == len(spans) - 1:
            continue
        sound_s = ((b - a) * hop - win) / sr  # a burst of d seconds lights about (d + window) / hop frames
        gaps_s = [((q - p) * hop + win) / sr for p, q, _ in (spans[k - 1], spans[k + 1])]
        if sound_s < min_sound_s and min(gaps_s) >= MAX_CLOSURE_S:
            out[a:b] = False
    return out


def _edge(levels: Levels, lo_s: float, hi_s: float, *, forward: bool) -> float | None:
    """Place a sound edge to about a millisecond.

    Scans 5 ms windows in [lo_s, hi_s] for the last (``forward``: the sound ends
    after it) or first (the sound starts) window above the silence threshold,
    then follows the sound outwards while it stays above the lower edge
    threshold (hysteresis), at most ``EDGE_EXTEND_S``. Returns the edge time.
    """
    sr = levels.sr
    width = max(2, int(round(REFINE_WIN_S * sr)))
    step = max(1, int(round(REFINE_STEP_S * sr)))
    reach = int(round(EDGE_EXTEND_S * sr))
    lo, hi = int(lo_s * sr), int(hi_s * sr)
    centres = np.arange(lo - reach if not forward else lo, (hi + reach if forward else hi) + 1, step)
    centres = centres[(centres >= 0) & (centres <= levels.y.size)]
    if centres.size == 0:
        return None
    power = levels.window_power(int(centres[0]), centres.size, width, step)
    inside = (centres >= lo) & (centres <= hi)
    loud = np.flatnonzero(inside & (power >= 10 ** (levels.threshold_db / 10)))
    if loud.size == 0:
        return None
    quiet = power < 10 ** (levels.edge_db / 10)
    if forward:
        k = int(loud[-1])
        after = np.flatnonzero(quiet[k:])
        k = k + (int(after[0]) - 1 if after.size else centres.size - 1 - k)
        return (centres[k] + width / 2) / sr
    k = int(loud[0])
    before = np.flatnonzero(quiet[: k + 1])
    k = int(before[-1]) + 1 if before.size else 0
    return (centres[k] - width / 2) / sr


def find_silences(levels: Levels, *, min_silence_s: float = 0.25, min_sound_s: float = 0.03) -> list[Silence]:
    """Every silence of at least ``min_silence_s``, including leading and trailing silence."""
    active = drop_blips(levels.active, levels.win, levels.hop, levels.sr, min_sound_s)
    n = active.size
    half, hop_s, dur = levels.frame_s / 2, levels.hop_s, levels.duration_s
    out: list[Silence] = []
    for a, b, loud in runs(active):
        if loud:
            continue
        t_first, t_last = a * hop_s, (b - 1) * hop_s  # centres of the first and last silent frames
        start = 0.0 if a == 0 else t_first - half - hop_s / 2
        end = dur if b == n else t_last + half + hop_s / 2
        if end - start < min_silence_s - 2 * hop_s:  # cannot reach the minimum even after refining
            continue
        if a > 0:
            refined = _edge(levels, t_first - hop_s - half, t_first + half, forward=True)
            start = start if refined is None else refined
        if b < n:
            refined = _edge(levels, t_last - half, t_last + hop_s + half, forward=False)
            end = end if refined is None else refined
        start, end = max(0.0, start), min(dur, end)
        if end - start >= min_silence_s:
            out.append(Silence(round(start, 3), round(end, 3)))
    return out


def sound_segments(silences: list[Silence], duration_s: float) -> list[tuple[float, float]]:
    """The stretches between silences: (start, end) of each run of sound."""
    segments, t = [], 0.0
    for s in silences:
        if s.start > t:
            segments.append((t, s.start))
        t = max(t, s.end)
    if t < duration_s:
        segments.append((t, duration_s))
    return segments
