"""Which words sit between which pauses, where the answer starts and ends, and
whether each pause falls at a boundary or in mid-phrase.

Whisper's word times are approximate: a word next to a pause is often
stretched over it, in either direction. So words are matched to the *sound
segments* found on the signal, not the other way round: each word goes to the
segment it overlaps most (its start counts double, since Whisper's starts are
more reliable than its ends), keeping the words in order (a small dynamic
programme). A word stretched over a pause is nudged to the side it is usually
spoken on: words that open a clause ("and", "because") after the pause, any
other word before it ("to |pause| finish", "a |pause| team"). The answer then
runs from the start of the first word's segment to the end of the last word's
segment: leading and trailing silence, and sounds with no words before or after the answer, are not part of it.

Pause kinds (first matching rule wins; hesitation sounds like "um" are skipped
when looking for the neighbouring words, since transcripts put commas around them):

1. the word before ends a sentence (. ? !)                    -> boundary
2. the word before cannot end a phrase ("to", "the", "my", "will", "I"...) or
   trails off ("to...")                                        -> hesitation
3. the word after opens a clause ("and", "because", "so", "which"...) -> boundary
4. the word before ends in ; or : (or in a comma, and the word after is a
   subject such as "I", "we", "it's")                          -> boundary
5. anything else                                               -> hesitation

A comma alone is not trusted: Whisper writes one at most mid-phrase pauses.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulator.delivery.lexicon import (
    SENTENCE_END,
    delivery_words,
    ends_with,
    norm,
    trails_off,
)
from simulator.delivery.pauses import Silence
from simulator.delivery.results import BOUNDARY, HESITATION
from simulator.hesitations import is_hesitation
from simulator.model.transcript import Word

START_HALF_WINDOW_S = 0.1  # s; a word's start is taken as this window around Whisper's start time
START_WEIGHT = 2.0  # the start window's overlap counts this much more than the word's own span
SPAN_BONUS_S = 0.3  # s of overlap credited to the likely side of a word stretched over a pause
SPAN_SLACK_S = 0.05  # s; a word within this of two segments is taken as stretched over the pause
DISTANCE_PENALTY = 1e-3  # per s; breaks ties for words that overlap no segment: nearest wins


@dataclass(frozen=True)
class Phrasing:
    """Words matched to sound segments, and the answer's span."""

    segments: list[tuple[float, float]]
    word_segment: list[int]  # segment index of each word
    start: float  # the answer's first sound (s)
    end: float  # the answer's last sound (s)


def _overlap(a: np.ndarray, b: np.ndarray, seg: np.ndarray) -> np.ndarray:
    """(n_words, n_segments) overlap in seconds of intervals [a, b] with segments."""
    lo = np.maximum(a[:, None], seg[None, :, 0])
    hi = np.minimum(b[:, None], seg[None, :, 1])
    return np.clip(hi - lo, 0.0, None)


def assign_words(words: list[Word], segments: list[tuple[float, float]]) -> list[int]:
    """Segment index of each (timed) word: in order, maximising the weighted overlap."""
    if not words:
        return []
    if not segments:
        return [0] * len(words)
    seg = np.asarray(segments, dtype=float)
    starts = np.array([w.start for w in words], dtype=float)
    ends = np.maximum(np.array([w.end for w in words], dtype=float), starts)
    score = _overlap(starts, ends, seg) + START_WEIGHT * _overlap(
        starts - START_HALF_WINDOW_S, starts + START_HALF_WINDOW_S, seg
    )
    touches = _overlap(starts - SPAN_SLACK_S, ends + SPAN_SLACK_S, seg) > 0
    openers = delivery_words().clause_openers
    for i in np.flatnonzero(touches.sum(axis=1) >= 2):  # stretched over a pause: prefer its usual side
        ks = np.flatnonzero(touches[i])
        score[i, ks[-1] if norm(words[i].word) in openers else ks[0]] += SPAN_BONUS_S
    centres = (starts + ends) / 2
    gap = np.maximum(seg[None, :, 0] - centres[:, None], centres[:, None] - seg[None, :, 1])
    score -= DISTANCE_PENALTY * np.clip(gap, 0.0, None)
    n, m = score.shape
    back = np.zeros((n, m), dtype=np.int64)
    best = score[0].copy()
    idx = np.arange(m)
    for i in range(1, n):
        run = np.maximum.accumulate(best)  # best total with the previous word in a segment <= k
        back[i] = np.maximum.accumulate(np.where(best >= run, idx, 0))  # ... and which segment
        best = score[i] + run
    out = [int(np.argmax(best))]
    for i in range(n - 1, 0, -1):
        out.append(int(back[i][out[-1]]))
    return out[::-1]


def phrase(words: list[Word], silences: list[Silence], duration_s: float) -> Phrasing:
    """Match words to the sound between silences and find the answer's span."""
    from simulator.delivery.pauses import sound_segments

    segments = sound_segments(silences, duration_s)
    timed = [w for w in words if w.start is not None and w.end is not None]
    if not segments:
        return Phrasing(segments, [], 0.0, 0.0)
    if len(timed) != len(words) or not words:
        # No usable word times: the answer is all the sound there is.
        return Phrasing(segments, [0] * len(words), segments[0][0], segments[-1][1])
    ws = assign_words(words, segments)
    return Phrasing(segments, ws, segments[ws[0]][0], segments[ws[-1]][1])


def _neighbour(words: list[Word], i: int, step: int) -> int | None:
    """Index of the nearest non-hesitation word from ``i`` in direction ``step``."""
    while 0 <= i < len(words):
        if not is_hesitation(words[i].word):
            return i
        i += step
    return None


def pause_kind(words: list[Word], before: int | None, after: int | None) -> str:
    """BOUNDARY or HESITATION for a pause between words ``before`` and ``after`` (indices)."""
    prev = _neighbour(words, before, -1) if before is not None else None
    nxt = _neighbour(words, after, +1) if after is not None else None
    if prev is None or nxt is None:
        return BOUNDARY  # nothing said on one side: the answer's edge
    p, n, lex = words[prev].word, words[nxt].word, delivery_words()
    if ends_with(p, SENTENCE_END):
        return BOUNDARY
    if norm(p) in lex.needs_continuation or trails_off(p):
        return HESITATION
    if norm(n) in lex.clause_openers:
        return BOUNDARY
    if ends_with(p, ";:") or (ends_with(p, ",") and norm(n) in lex.subject_pronouns):
        return BOUNDARY
    return HESITATION


def words_around(phrasing: Phrasing, k: int) -> tuple[int | None, int | None]:
    """Indices of the last word in segments <= k and the first word in segments > k."""
    ws = phrasing.word_segment
    before = max((i for i, s in enumerate(ws) if s <= k), default=None)
    after = min((i for i, s in enumerate(ws) if s > k), default=None)
    return before, after
