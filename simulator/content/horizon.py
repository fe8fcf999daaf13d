"""How far ahead an answer looks: the years each time expression ahead reaches.

"In five years", "five to ten years from now" and "by 2035" are measured in
years (the largest number said; a year against today); "next year" is one,
months and weeks are less; "a few years" counts as a few. Phrases that take
up a long horizon without a number ("long term", "by then", "I see myself…")
reach it too; "eventually" and "one day" reach nowhere in particular.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from simulator.content.ling import lower
from simulator.content.timex import YEAR

MONTHS_PER_YEAR = 12
WEEKS_PER_YEAR = 52
FEW = 3.0  # "a few years", "several years"
COUPLE = 2.0  # "a couple of years"
WITHIN_A_YEAR = 0.5  # years; "next spring", "by June": a season or a month ahead


@dataclass
class HorizonFindings:
    far: list[tuple[int, int]] = field(default_factory=list)  # reaches the horizon (years ahead)
    near: list[tuple[int, int]] = field(default_factory=list)  # a year or two ahead at most
    vague: list[tuple[int, int]] = field(default_factory=list)  # ahead, but no telling how far
    farthest: float = 0.0  # years


def _w(lex, key: str) -> frozenset[str]:
    return lex.words("horizon", key)


def _number(tok, lex) -> float | None:
    words = lex.data("horizon", "numbers")  # position + 1 is the value: "one" = 1
    low = lower(tok).replace(",", "")
    if low.isdigit():
        return float(low)
    return float(words.index(low) + 1) if low in words else None


def years_ahead(toks, lex, *, this_year: int) -> float | None:
    """Years a time expression reaches, or None when it names no length ('eventually', 'in the future')."""
    lemmas = {t.lemma_.lower() for t in toks}
    years = [int(t.text) - this_year for t in toks if YEAR.match(t.text)]
    if years:
        return float(max(years))
    numbers = [n for n in (_number(t, lex) for t in toks) if n is not None]
    numbers += [FEW for t in toks if lower(t) in _w(lex, "few")] + [
        COUPLE for t in toks if lower(t) in _w(lex, "couple")
    ]
    count = max(numbers, default=1.0)
    if lemmas & _w(lex, "decade_units"):
        return count * 10
    if lemmas & _w(lex, "year_units"):
        return count
    if lemmas & _w(lex, "month_units"):
        return count / MONTHS_PER_YEAR
    if lemmas & _w(lex, "week_units"):
        return count / WEEKS_PER_YEAR
    if lemmas & (lex.words("time", "frame_units") | lex.words("time", "months")):
        return WITHIN_A_YEAR
    return None


def _duration(doc, t, lex) -> bool:
    """'for five years', 'five years of experience': how long something lasts, not how far ahead."""
    before = lower(doc[t.start - 1]) if t.start > 0 else ""
    after = lower(doc[t.end]) if t.end < len(doc) else ""
    first = lower(doc[t.start])
    return bool({before, first} & _w(lex, "duration_before")) or after in _w(lex, "duration_after")


def find_horizon(ctx, *, far_years: float) -> HorizonFindings:
    """Time expressions ahead, sorted into far (at least ``far_years``), near and vague."""
    doc, lex, found = ctx.doc, ctx.lex, HorizonFindings()
    this_year = _dt.date.today().year
    for t in ctx.times:
        if not t.upcoming or t.frequency or _duration(doc, t, lex):
            continue
        span = (t.start, t.end)
        reach = years_ahead(doc[t.start : t.end], lex, this_year=this_year)
        if reach is None:
            found.vague.append(span)
            continue
        found.farthest = max(found.farthest, reach)
        (found.far if reach >= far_years else found.near).append(span)
    found.far += lex.ph("horizon", "long_phrases").find(doc)
    found.far.sort()
    return found
