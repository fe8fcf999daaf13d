"""Speech that Whisper skipped: sound inside the answer with (almost) no words.

Whisper sometimes drops a stretch of speech: several seconds of sound get no
words, or one word is stretched over them. Counting only the transcript's words
would then make a normal pace look far too slow. Each sound segment of the
answer (the sound between two pauses) is compared with the speaking rate of
the rest of the answer:

- a segment of at least ``MIN_SKIPPED_S`` with no word, or
- a segment holding fewer than ``SPARSE_SHARE`` of the words that rate predicts,
  and at least ``MIN_MISSING_WORDS`` fewer,

counts as skipped, and the missing words are estimated from that rate. The
estimate is added to the word count used for ``wpm`` and reported separately,
so the report can say so.
"""

from __future__ import annotations

from simulator.delivery.lexicon import is_continuation, is_word
from simulator.delivery.phrasing import Phrasing
from simulator.delivery.results import Skipped
from simulator.model.transcript import Word

MIN_SKIPPED_S = 0.5  # s; a wordless sound at least this long is skipped speech (shorter: a breath, a click)
SPARSE_SHARE = 0.35  # a segment with fewer than this share of its expected words was partly skipped
MIN_MISSING_WORDS = 4  # ... and at least this many fewer words than expected


def _rate(counts: dict[int, int], durations: dict[int, float], keys: list[int]) -> float:
    """Words per second of sound over the given segments."""
    total = sum(durations[k] for k in keys)
    return sum(counts[k] for k in keys) / total if total > 0 else 0.0


def skipped_speech(words: list[Word], ph: Phrasing) -> list[Skipped]:
    """Sound segments of the answer where Whisper missed words, with an estimate of how many."""
    inside = [k for k, (a, b) in enumerate(ph.segments) if a >= ph.start - 1e-9 and b <= ph.end + 1e-9]
    if len(inside) < 2 or len(ph.word_segment) != len(words):
        return []
    counts = {k: 0 for k in inside}
    for i, (w, k) in enumerate(zip(words, ph.word_segment)):
        if k in counts and is_word(w.word) and not (i and is_continuation(w.word)):
            counts[k] += 1
    durations = {k: ph.segments[k][1] - ph.segments[k][0] for k in inside}
    heard = [k for k in inside if counts[k] > 0]
    rate = _rate(counts, durations, heard)
    if rate <= 0:
        return []

    def skipped(k: int) -> bool:
        expected, n = durations[k] * rate, counts[k]
        if n == 0:
            return durations[k] >= MIN_SKIPPED_S
        return n < SPARSE_SHARE * expected and expected - n >= MIN_MISSING_WORDS

    flagged = [k for k in inside if skipped(k)]
    normal = [k for k in heard if k not in flagged]
    rate = _rate(counts, durations, normal) or rate  # the rate of the well-transcribed speech
    out = [
        Skipped(
            round(float(ph.segments[k][0]), 3),
            round(float(ph.segments[k][1]), 3),
            int(round(durations[k] * rate)) - counts[k],
        )
        for k in flagged
    ]
    return [s for s in out if s.words > 0]
