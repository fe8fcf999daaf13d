"""The transcript as tokens for every renderer: words with their marks, and the measured pauses between them.

Fillers and hedges are marked from the indexes the analysis recorded
(``word_index``/``n_words``); no renderer matches words against a lexicon.
Pauses are the ones the delivery analysis measured on the signal, drawn
before the word the analysis put after them, so a transcript shows silences
where they were and never inside a word the recogniser stretched over one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from simulator.delivery.results import HESITATION

if TYPE_CHECKING:
    from simulator.content.types import Hedge
    from simulator.delivery.results import DeliveryReport, Filler, Pause
    from simulator.model.analysis import Analysis
    from simulator.model.transcript import Transcript

WORD, PAUSE = "word", "pause"
SHOW_PAUSE_S = 0.5  # s; shorter pauses are not drawn in transcripts (replay, HTML)


@dataclass(frozen=True)
class Token:
    """A transcript word, or a measured pause between two words."""

    kind: str  # WORD | PAUSE
    text: str  # the word as transcribed; for a pause its length, "2.6 s"
    start: float | None
    end: float | None
    filler: bool = False
    hedge: bool = False
    long: bool = False  # a pause at least the analysis' long_pause_s
    hesitation: bool = False  # a pause in mid-phrase
    duration: float = 0.0  # s; a pause's measured length


def marked(spans: Iterable[Filler | Hedge], n_words: int) -> set[int]:
    """Indexes of the transcript words the spans cover ("you know" covers two)."""
    out: set[int] = set()
    for span in spans:
        out.update(i for i in range(span.word_index, span.word_index + span.n_words) if 0 <= i < n_words)
    return out


def _pause_token(p: Pause, long_pause_s: float) -> Token:
    return Token(
        PAUSE,
        f"{p.duration:.1f} s",
        p.start,
        p.end,
        long=p.duration >= long_pause_s,
        hesitation=p.kind == HESITATION,
        duration=p.duration,
    )


def _fits(p: Pause, words: Sequence) -> bool:
    """True when the pause's recorded ``word_index`` agrees with the word times around it.

    The delivery analysis decides which side of a pause a word stretched over
    it belongs to; word times alone put a pause inside such a word ("Last
    [0.8 s] spring"). An index that does not fit the times (a transcript
    changed since) is not trusted.
    """
    i = p.word_index
    if i is None or not 0 <= i < len(words):
        return False
    lo = words[i - 1].start if i > 0 else 0.0
    hi = words[i].end
    return lo is not None and hi is not None and lo <= p.start and p.end <= hi


def _slot_by_time(p: Pause, words: Sequence) -> int:
    """The index of the first word starting after the pause's middle (len(words): after the last word)."""
    middle = (p.start + p.end) / 2
    return next((i for i, w in enumerate(words) if w.start is not None and middle <= w.start), len(words))


def transcript_tokens(
    transcript: Transcript,
    delivery: DeliveryReport | None = None,
    hedges: Sequence[Hedge] = (),
    *,
    min_pause_s: float = SHOW_PAUSE_S,
) -> list[Token]:
    """Words in order, with each pause of at least ``min_pause_s`` before the word the analysis put after it.

    That is the pause's ``word_index`` where it fits the word times, else the
    first word starting after the pause's middle. Pauses left after the last
    timed word (the transcript missed the end of the speech) come last rather
    than being dropped.
    """
    words = transcript.words
    fillers = marked(delivery.fillers, len(words)) if delivery else set()
    hedged = marked(hedges, len(words))
    slots: dict[int, list[Token]] = {}
    if delivery is not None:
        long_s = delivery.options.long_pause_s
        for p in sorted((p for p in delivery.pauses if p.duration >= min_pause_s), key=lambda p: p.start):
            slot = p.word_index if _fits(p, words) else _slot_by_time(p, words)
            slots.setdefault(slot, []).append(_pause_token(p, long_s))
    out: list[Token] = []
    for i, w in enumerate(words):
        out += slots.pop(i, [])
        out.append(Token(WORD, w.word.strip(), w.start, w.end, filler=i in fillers, hedge=i in hedged))
    return out + [tok for slot in sorted(slots) for tok in slots[slot]]


def tokens(analysis: Analysis, *, min_pause_s: float = SHOW_PAUSE_S) -> list[Token]:
    """The analysis' transcript with its fillers, hedges and pauses."""
    hedges = analysis.content.hedges if analysis.content is not None else ()
    return transcript_tokens(analysis.transcript, analysis.delivery, hedges, min_pause_s=min_pause_s)
