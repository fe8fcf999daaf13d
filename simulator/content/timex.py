"""Time expressions, and which verb (step) each one belongs to.

A time expression counts toward a timeline only when the verb it attaches to
is still ahead ("will take the test in three weeks"), not when it dates a past
event ("completed an internship last summer"). Found with spaCy's DATE/TIME
entities plus a few token patterns for what the small model misses in
lower-case speech transcripts ("by march", "in 3 weeks").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from simulator.content.ling import UPCOMING, governing_verb, lower, verb_time

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
TIME_PREPS = frozenset(
    {"in", "within", "by", "before", "over", "after", "during", "until", "till", "inside", "around", "through"}
)
FRAME_WORDS = frozenset({"next", "this", "coming", "following", "upcoming", "end", "start", "beginning", "middle"})
PAST_WORDS = frozenset({"last", "ago", "previous", "past", "earlier", "former", "prior"})
FUTURE_WORDS = frozenset({"next", "coming", "upcoming", "following", "within", "by", "before"})
EXPLICIT_FUTURE = frozenset({"next", "coming", "upcoming"})
FREQUENCY_WORDS = frozenset(
    {"each", "every", "per", "daily", "weekly", "monthly", "yearly", "annually", "twice", "once", "hourly"}
)
VAGUE_QUANT = frozenset({"few", "several", "some", "many", "future"})
YEAR = re.compile(r"^(19|20)\d\d$")
MONTHS_MAY_EXCLUDE = frozenset({"may", "march"})  # also verbs: need a time preposition or a number


@dataclass(frozen=True)
class TimeExpr:
    start: int  # token indices [start, end)
    end: int
    text: str
    vague: bool  # "eventually", "in a few years"
    frequency: bool  # "each week": a rhythm, not a deadline
    upcoming: bool  # attaches to a verb that is still ahead
    verb_i: int  # index of the governing verb


def _is_time_word(tok, units: frozenset[str]) -> bool:
    low = lower(tok)
    if low in MONTHS:
        if low in MONTHS_MAY_EXCLUDE and tok.pos_ in ("VERB", "AUX"):
            return False
        return True
    return bool(YEAR.match(low)) or tok.lemma_.lower() in units


def _expand(tok):
    """The noun phrase around a time word, with its time preposition if any."""
    head = tok
    if head.dep_ in ("compound", "nummod", "amod", "npadvmod") and head.head.i > head.i and _close(head, head.head):
        head = head.head
    idx = [t.i for t in head.subtree if abs(t.i - head.i) <= 6]
    lo, hi = min(idx), max(idx)
    if head.dep_ == "pobj" and lower(head.head) in TIME_PREPS and head.head.i == lo - 1:
        lo -= 1
    return lo, hi + 1


def _close(a, b) -> bool:
    return abs(a.i - b.i) <= 3


def find_time_expressions(doc, lex) -> list[TimeExpr]:
    """Every time expression in the answer, deduplicated, in order."""
    units = lex.words("time", "units")
    spans: list[tuple[int, int, bool]] = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            lo = ent.start - 1 if ent.start > 0 and lower(doc[ent.start - 1]) in TIME_PREPS else ent.start
            spans.append((lo, ent.end, False))
    for tok in doc:
        if _is_time_word(tok, units) and not any(a <= tok.i < b for a, b, _ in spans):
            lo, hi = _expand(tok)
            spans.append((lo, hi, False))
    for lo, hi in lex.ph("time", "vague").find(doc):
        inside = [k for k, (a, b, _) in enumerate(spans) if a <= lo < b]
        for k in inside:  # "one day" is a DATE entity, but a vague one
            spans[k] = (spans[k][0], spans[k][1], True)
        if not inside:
            spans.append((lo, hi, True))
    out = []
    for lo, hi, vague in sorted(spans):
        if out and lo < out[-1].end:
            continue
        out.append(_describe(doc, lo, hi, vague))
    return out


def _describe(doc, lo: int, hi: int, vague: bool) -> TimeExpr:
    toks = doc[lo:hi]
    lows = {lower(t) for t in toks}
    verb = governing_verb(toks.root)
    frequency = bool(lows & FREQUENCY_WORDS) or (bool(lows & {"a", "an"}) and lo > 0 and doc[lo - 1].like_num)
    has_anchor = any(t.like_num or lower(t) in MONTHS or YEAR.match(lower(t)) for t in toks) or bool(lows & FRAME_WORDS)
    vague = (
        vague
        or (bool(lows & VAGUE_QUANT) and not any(t.like_num for t in toks))
        or not (
            has_anchor
            or lows & {"year", "month", "week", "summer", "spring", "fall", "autumn", "winter", "semester", "quarter"}
        )
    )
    if lows & PAST_WORDS:
        upcoming = False
    elif lows & EXPLICIT_FUTURE and verb_time(verb) != "past":
        upcoming = True  # "I've booked the exam for next October"
    elif lows & FUTURE_WORDS and verb_time(verb) not in ("past", "perfect"):
        upcoming = True
    else:
        upcoming = verb_time(verb) in UPCOMING
    text = toks.text
    return TimeExpr(start=lo, end=hi, text=text, vague=vague, frequency=frequency, upcoming=upcoming, verb_i=verb.i)
