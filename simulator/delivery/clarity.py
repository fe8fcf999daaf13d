"""Clarity: how sure Whisper was of each word.

Whisper's word probability drops on mumbled, swallowed or unclear words, so
the mean probability and the words below ``unsure_probability`` point to
stretches worth saying more clearly. Hesitation sounds are left out: Whisper
is always unsure of "um", and that is counted as a filler already. Two or more
unsure words in a row form an unclear stretch.
"""

from __future__ import annotations

from simulator.delivery.lexicon import is_word
from simulator.delivery.options import DeliveryOptions
from simulator.delivery.results import Clarity, UnclearStretch, UnsureWord
from simulator.hesitations import is_hesitation
from simulator.model.transcript import Word

MIN_STRETCH_WORDS = 2  # consecutive unsure words that make an unclear stretch


def measure_clarity(words: list[Word], opts: DeliveryOptions = DeliveryOptions()) -> Clarity:
    """Mean word probability, the unsure words, and the unclear stretches."""
    spoken = [w for w in words if is_word(w.word) and not is_hesitation(w.word)]
    if not spoken:
        return Clarity(mean_probability=None, clear=True)
    mean = sum(w.probability for w in spoken) / len(spoken)
    unsure = [
        UnsureWord(w.word, w.start, round(w.probability, 3)) for w in spoken if w.probability < opts.unsure_probability
    ]
    stretches: list[UnclearStretch] = []
    run: list[Word] = []
    for w in spoken + [None]:  # sentinel flushes the last run
        if w is not None and w.probability < opts.unsure_probability:
            run.append(w)
            continue
        if len(run) >= MIN_STRETCH_WORDS:
            stretches.append(UnclearStretch(run[0].start, run[-1].end, " ".join(x.word for x in run)))
        run = []
    return Clarity(
        mean_probability=round(mean, 3),
        unsure_words=unsure,
        unclear_stretches=stretches,
        clear=mean >= opts.clarity_min_probability,
    )
