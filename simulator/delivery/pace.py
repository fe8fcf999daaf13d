"""Speaking rate: words per minute overall, between pauses, and over time.

- ``wpm`` counts words over the answer's span (first sound to last sound of
  its words, found on the signal), pauses included.
- ``articulation_wpm`` counts them over the same span minus the pauses.
- ``pace_series`` slides a ``pace_window_s`` window in ``pace_step_s`` steps and
  counts the words whose middle falls inside it; the last window ends at the
  answer's end so the whole answer is covered. A short answer gives one point.

Every spoken token counts as a word, hesitation sounds included; pieces that
Whisper split off a word ("full" "-time") count once. Words in speech that
Whisper skipped are estimated (see ``coverage``) and counted too.
"""

from __future__ import annotations

import numpy as np

from simulator.delivery.lexicon import is_continuation, is_word
from simulator.delivery.options import DeliveryOptions
from simulator.delivery.results import PacePoint
from simulator.model.transcript import Word


def word_times(words: list[Word]) -> np.ndarray:
    """Middle time (s) of each counted word."""
    mids = [
        (w.start + max(w.end, w.start)) / 2
        for i, w in enumerate(words)
        if w.start is not None and w.end is not None and is_word(w.word) and not (i and is_continuation(w.word))
    ]
    return np.asarray(mids, dtype=float)


def per_minute(count: float, seconds: float) -> float:
    return float(60.0 * count / seconds) if seconds > 0 else 0.0


def pace_series(
    words: list[Word], start: float, end: float, opts: DeliveryOptions = DeliveryOptions(), *, extra=()
) -> list[PacePoint]:
    """Words per minute in a sliding window over [start, end].

    ``extra`` holds stretches Whisper skipped (``coverage.Skipped``): their
    estimated words are spread evenly over them.
    """
    mids = word_times(words)
    spread = [s.start + (j + 0.5) * (s.end - s.start) / s.words for s in extra for j in range(s.words)]
    if spread:
        mids = np.sort(np.concatenate([mids, spread]))
    span = end - start
    if span <= 0 or mids.size == 0:
        return []
    if span <= opts.pace_window_s:
        return [PacePoint(t=round(float(start + span / 2), 2), wpm=round(per_minute(int(mids.size), span), 1))]
    half = opts.pace_window_s / 2
    centres = list(np.arange(start + half, end - half, opts.pace_step_s))
    if not centres or end - half - centres[-1] > 1e-6:
        centres.append(end - half)
    points = []
    for c in centres:
        n = int(np.count_nonzero((mids >= c - half) & (mids < c + half)))
        points.append(PacePoint(t=round(float(c), 2), wpm=round(per_minute(n, opts.pace_window_s), 1)))
    return points
