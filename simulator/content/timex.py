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

from simulator.content.ling import PERFECT, PRESENT, UPCOMING, governing_verb, lower, verb_time

YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True)
class TimeExpr:
    start: int  # token indices [start, end)
    end: int
    text: str
    vague: bool  # "eventually", "in a few years"
    frequency: bool  # "each week": a rhythm, not a deadline
    upcoming: bool  # attaches to a verb that is still ahead
    verb_i: int  # index of the governing verb


def _is_time_word(tok, lex) -> bool:
    low = lower(tok)
    if low in lex.words("time", "months"):
        return low not in lex.words("time", "month_verbs") or tok.pos_ not in ("VERB", "AUX")
    return bool(YEAR.match(low)) or tok.lemma_.lower() in lex.words("time", "units")


def _expand(tok, lex):
    """The noun phrase around a time word, with its time preposition if any."""
    head = tok
    if head.dep_ in ("compound", "nummod", "amod", "npadvmod") and head.head.i > head.i and _close(head, head.head):
        head = head.head
    idx = [t.i for t in head.subtree if abs(t.i - head.i) <= 6]
    lo, hi = min(idx), max(idx)
    if head.dep_ == "pobj" and lower(head.head) in lex.words("time", "prepositions") and head.head.i == lo - 1:
        lo -= 1
    return lo, hi + 1


def _close(a, b) -> bool:
    return abs(a.i - b.i) <= 3


def find_time_expressions(doc, lex) -> list[TimeExpr]:
    """Every time expression in the answer, deduplicated, in order."""
    preps = lex.words("time", "prepositions")
    spans: list[tuple[int, int, bool]] = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            lo = ent.start - 1 if ent.start > 0 and lower(doc[ent.start - 1]) in preps else ent.start
            spans.append((lo, ent.end, False))
    for tok in doc:
        if _is_time_word(tok, lex) and not any(a <= tok.i < b for a, b, _ in spans):
            lo, hi = _expand(tok, lex)
            spans.append((lo, hi, False))
    spans = _with_age_deadlines(doc, lex, spans)
    ahead = lex.words("time", "explicit_future")
    for lo, hi in lex.ph("time", "vague").find(doc):
        # "one day" is a DATE entity, but a vague one; "sometime next year" still names the year
        inside = [k for k, (a, b, _) in enumerate(spans) if a <= lo < b]
        for k in inside:
            a, b, _ = spans[k]
            spans[k] = (a, b, not ahead & {lower(t) for t in doc[a:b]})
        if not inside:
            spans.append((lo, hi, True))
    idioms = lex.ph("time", "idioms").find(doc)  # "at the end of the day" means "all in all", not a time
    out = []
    for lo, hi, vague in sorted(spans):
        if (out and lo < out[-1].end) or any(a <= lo < b for a, b in idioms):
            continue
        out.append(_describe(doc, lo, hi, vague, lex))
    return out


def _with_age_deadlines(doc, lex, spans: list) -> list:
    """'by the time I'm thirty-five', 'before I turn 40': an age the speaker will reach is a date ahead (the
    entity recogniser finds at most the number)."""
    for lo, hi in lex.ph("time", "age_deadlines").find(doc):
        end = hi
        while end < len(doc) and (doc[end].like_num or (doc[end].text == "-" and end > hi)):
            end += 1
        if end > hi:
            spans = [s for s in spans if not lo <= s[0] < end] + [(lo, end, False)]
    return spans


def _is_vague(toks, lows: set[str], lex) -> bool:
    """'in a few years', 'someday': no number, month, year or frame word pins it down."""
    named = lex.words("time", "months") | lex.words("time", "holidays") | lex.words("time", "counts")
    anchored = any(t.like_num or lower(t) in named or YEAR.match(lower(t)) for t in toks)
    anchored = anchored or bool(lows & lex.words("time", "frame_words"))
    fuzzy = bool(lows & lex.words("time", "vague_quantities")) and not any(t.like_num for t in toks)
    return fuzzy or not (anchored or lows & lex.words("time", "frame_units"))


def perfect_progressive(verb) -> bool:
    """'I've been saving for two years': time counted up to now."""
    auxes = {lower(c) for c in verb.children if c.dep_ == "aux"}
    return verb.tag_ == "VBG" and "been" in auxes and bool(auxes & {"have", "'ve", "has", "'s"})


def _is_upcoming(verb, lows: set[str], lex) -> bool:
    """The time lies ahead: said with 'next'/'by'/… on a verb that is not past, or on a verb still ahead."""
    tense = verb_time(verb)
    if lows & lex.words("time", "past_words"):
        return False
    if perfect_progressive(verb) and not lows & lex.words("time", "explicit_future"):
        return False
    if lows & lex.words("time", "explicit_future"):
        return True  # "I've booked the exam for next October", "I had the race booked for next October"
    if tense in (PERFECT, PRESENT) and verb.lemma_.lower() in lex.words("steps", "commit_verbs"):
        return True  # "I've signed up for the race in September", "module three is booked for November": ahead
    if lows & lex.words("time", "future_words") and tense not in ("past", "perfect"):
        return True
    return tense in UPCOMING


def _rate_follows(doc, hi: int, lex) -> bool:
    """'a week' / 'per month' right after the expression: it was a count of a rhythm."""
    nxt = doc[hi : hi + 2]
    return len(nxt) == 2 and lower(nxt[0]) in lex.words("time", "per_articles") and _is_time_word(nxt[1], lex)


def _paced(doc, hi: int, lex) -> bool:
    """'one week at a time': a pace, not a deadline."""
    return " ".join(lower(t) for t in doc[hi : hi + 3]) in lex.words("time", "pacing_tails")


def _counted(tok) -> bool:
    """'two' in "two hours a day", or 'exams' in "two practice exams a week": a count before "a <unit>"."""
    return tok.like_num or (tok.pos_ == "NOUN" and any(c.like_num for c in tok.children))


def _spent(doc, lo: int, hi: int, lows: set[str], lex) -> bool:
    """'eight years in retail', 'after twenty years in the Army': a count of time spent somewhere is experience."""
    ahead = lex.words("time", "future_words") | {"in"}  # "in two years at the company" may still lie ahead
    if lows & ahead or not any(t.like_num for t in doc[lo:hi]) or hi + 1 >= len(doc):
        return False
    return lower(doc[hi]) in lex.words("time", "experience_preps") and not doc[hi + 1].like_num


def _describe(doc, lo: int, hi: int, vague: bool, lex) -> TimeExpr:
    toks = doc[lo:hi]
    lows = {lower(t) for t in toks}
    verb = governing_verb(toks.root)
    counted = any(t.like_num for t in toks[:-1]) or (lo > 0 and _counted(doc[lo - 1]))  # "six days a week"
    # "two hours a day", "two exams a week"; "three and a half years" counts no rhythm
    per = counted and any(
        _is_time_word(t.nbor(), lex) for t in toks[:-1] if lower(t) in lex.words("time", "per_articles")
    )
    per = per or _rate_follows(doc, hi, lex)  # "six days" | "a week", split by the entity recogniser
    per = per or _paced(doc, hi, lex)
    # "I see the next five years as …": the time is what is viewed, not when something happens
    viewed = toks.root.dep_ == "dobj" and verb.lemma_.lower() in lex.words("time", "viewing_verbs")
    viewed = viewed or (hi < len(doc) and lower(doc[hi]) == "now")  # "a gate agent, two years now": time so far
    viewed = viewed or _spent(doc, lo, hi, lows, lex)
    return TimeExpr(
        start=lo,
        end=hi,
        text=toks.text,
        vague=vague or _is_vague(toks, lows, lex),
        frequency=bool(lows & lex.words("time", "frequency")) or per,
        upcoming=not viewed and _is_upcoming(verb, lows, lex),
        verb_i=verb.i,
    )
