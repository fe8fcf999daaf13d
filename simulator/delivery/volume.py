"""Loudness while speaking: level, clipping, and sentence endings that fall away.

Levels are measured on the speech frames of the answer (frames above the
silence threshold between its first and last sound), so pauses do not pull the
figure down. ``trailing_off`` compares, per sentence, the median level of its
last ``trailing_window_s`` of speech with the median level of the whole
sentence; the median of these drops over the sentences of at least
``min_sentence_words`` words must reach ``trailing_off_db``.
"""

from __future__ import annotations

import math

import numpy as np

from simulator.audio.level_meter import SILENT_DBFS
from simulator.delivery.levels import Levels
from simulator.delivery.lexicon import SENTENCE_END, ends_with
from simulator.delivery.options import DeliveryOptions
from simulator.delivery.results import Volume
from simulator.hesitations import is_hesitation
from simulator.model.transcript import Word

MIN_SENTENCES = 2  # sentences needed before trailing off is judged
MIN_SENTENCE_FRAMES = 10  # speech frames a sentence needs to be measured


def sentences(words: list[Word]) -> list[list[Word]]:
    """Split timed words into sentences at . ? ! (the last one may be unfinished)."""
    out, current = [], []
    for w in words:
        if w.start is None or w.end is None:
            continue
        current.append(w)
        if ends_with(w.word, SENTENCE_END):
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def ending_drops(levels: Levels, speech: np.ndarray, words: list[Word], opts: DeliveryOptions) -> list[float]:
    """Per sentence: median level of the sentence minus median level of its last stretch (dB)."""
    times = levels.frame_time(np.arange(levels.db.size))
    tail_frames = max(1, int(round(opts.trailing_window_s / levels.hop_s)))
    drops = []
    for sentence in sentences(words):
        if sum(not is_hesitation(w.word) for w in sentence) < opts.min_sentence_words:
            continue
        inside = speech & (times >= sentence[0].start) & (times <= sentence[-1].end)
        db = levels.db[inside]
        if db.size < max(MIN_SENTENCE_FRAMES, 2 * tail_frames):
            continue
        drops.append(float(np.median(db) - np.median(db[-tail_frames:])))
    return drops


def clipped_fraction(y: np.ndarray, sr: int, start: float, end: float, clip_level: float) -> float:
    """Share of samples (any channel) between two times at or above ``clip_level``."""
    y = np.asarray(y)
    frames = y if y.ndim == 1 else (y if y.shape[0] > y.shape[1] else y.T)
    a, b = int(max(0, start * sr)), int(min(frames.shape[0], math.ceil(end * sr)))
    if b <= a:
        return 0.0
    part = np.abs(frames[a:b])
    hit = part >= clip_level if part.ndim == 1 else (part >= clip_level).any(axis=1)
    return float(np.count_nonzero(hit)) / (b - a)


def measure_volume(
    y: np.ndarray,
    levels: Levels,
    speech: np.ndarray,
    words: list[Word],
    start: float,
    end: float,
    opts: DeliveryOptions = DeliveryOptions(),
) -> Volume:
    """Volume figures for the answer between ``start`` and ``end`` (s); ``speech`` masks its loud frames."""
    db = levels.db[speech]
    mean_dbfs = float(10 * np.log10(np.mean(10 ** (db / 10)))) if db.size else None
    a, b = int(start * levels.sr), int(math.ceil(end * levels.sr))
    peak = float(np.max(np.abs(levels.y[a:b] - levels.dc))) if b > a else 0.0
    peak_dbfs = max(20 * math.log10(peak), SILENT_DBFS) if peak > 0 else SILENT_DBFS
    clipped = clipped_fraction(y, levels.sr, start, end, opts.clip_level)
    drops = ending_drops(levels, speech, words, opts)
    drop = float(np.median(drops)) if drops else None
    return Volume(
        mean_dbfs=None if mean_dbfs is None else round(mean_dbfs, 1),
        too_quiet=bool(mean_dbfs is not None and mean_dbfs < opts.too_quiet_dbfs),
        clipping=bool(clipped > opts.max_clipped_fraction),
        trailing_off=bool(len(drops) >= MIN_SENTENCES and drop is not None and drop >= opts.trailing_off_db),
        peak_dbfs=round(peak_dbfs, 1),
        clipped_fraction=round(clipped, 5),
        ending_drop_db=None if drop is None else round(drop, 1),
        noise_floor_dbfs=round(levels.floor_db, 1),
        silence_threshold_dbfs=round(levels.threshold_db, 1),
    )
