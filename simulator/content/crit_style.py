"""Rules about how the answer is put: confident_language, specificity, succinct."""

from __future__ import annotations

import math

from simulator.content.base import Ctx, Verdict, q
from simulator.content.ling import lower
from simulator.content.ramble import find_rambling
from simulator.content.rules import OFF_GOAL, rule
from simulator.content.types import DO, MET, MISSING, PARTIAL
from simulator.hesitations import is_hesitation

MAX_LISTED = 4  # details quoted in a tip ("such as …")


@rule("confident_language", kind=DO, outcomes=("met", "some", "many"))
def confident_language(ctx: Ctx) -> Verdict:
    """'when I…', not 'if I…'; few hedges (per 150 words). The tip lists every hedge it counts."""
    opts = ctx.options
    hedges = [(h.start, h.end) for h in ctx.hedges]
    windows = max(1.0, ctx.word_count / opts.hedge_window_words)
    listed = ", ".join(q(ctx.doc[a:b].text) for a, b in hedges)
    slots = {"hedges": listed, "count": str(len(hedges))}
    reason = f"{len(hedges)} hedge(s) in {ctx.word_count} words"
    if len(hedges) <= math.floor(opts.hedges_met * windows):
        return Verdict(MET, "met", hedges, slots, reason)
    if len(hedges) <= math.floor(opts.hedges_partial * windows):
        return Verdict(PARTIAL, "some", hedges, slots, reason)
    return Verdict(MISSING, "many", hedges, slots, reason)


def _vague_ordinal(span, lex) -> bool:
    """'first' in "the first step" or "go after first": an ordinal that names nothing ("second grade" does)."""
    if "ORDINAL" not in (span.label_, span.root.ent_type_):
        return False
    head = span.root.head
    modifies = span.root.dep_ in ("amod", "nummod") and head.pos_ in ("NOUN", "PROPN")
    return not modifies or head.lemma_.lower() in lex.words("specificity", "vague_ordinal_heads")


def find_specifics(ctx: Ctx) -> list[tuple[int, int]]:
    """Distinct names, numbers, dates and acronyms, as token spans."""
    lex, doc = ctx.lex, ctx.doc
    labels, weak = lex.words("specificity", "entity_labels"), lex.words("specificity", "weak_numbers")
    not_acronyms = lex.words("specificity", "not_acronyms")
    said = lex.words("specificity", "interjections")
    spans: list[tuple[int, int]] = []
    vague = {lo for lo, _ in lex.ph("time", "vague").find(doc)}
    for ent in doc.ents:
        fuzzy = any(lower(t) in lex.words("specificity", "fuzzy_quantities") for t in ent)  # "a few years"
        fuzzy = fuzzy or any(t.vague and t.start <= ent.start < t.end + 1 for t in ctx.times)  # "over the years"
        if (
            ent.label_.upper() in {x.upper() for x in labels}
            and ent.text.lower() not in weak
            and not fuzzy
            and not _vague_ordinal(ent, lex)
            and not any(ent.start <= v < ent.end for v in vague)
            and not all(lower(t) in said or is_hesitation(t.text) for t in ent)  # "Nah" tagged as a person
        ):
            spans.append((ent.start, ent.end))
    for tok in doc:
        covered = any(a <= tok.i < b for a, b in spans)
        acronym = (
            tok.text.isupper()
            and tok.is_alpha
            and len(tok.text) >= 2
            and tok.text.lower() not in not_acronyms
            and not is_hesitation(tok.text)
        )
        proper = tok.pos_ == "PROPN" and not tok.is_sent_start and tok.text[:1].isupper() and lower(tok) not in said
        number = tok.like_num and lower(tok) not in weak and not _vague_ordinal(doc[tok.i : tok.i + 1], lex)
        if covered or not (acronym or proper or number):
            continue
        if proper and spans and spans[-1][1] == tok.i and doc[tok.i - 1].pos_ == "PROPN":
            spans[-1] = (spans[-1][0], tok.i + 1)  # "Holiday Inn" is one name
        else:
            spans.append((tok.i, tok.i + 1))
    seen, out = set(), []
    for s in sorted(spans):
        key = doc[s[0] : s[1]].text.lower()
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


@rule("specificity", kind=DO, outcomes=("met", "few", "generic", "none", OFF_GOAL))
def specificity(ctx: Ctx) -> Verdict:
    """Concrete names, numbers and dates rather than generic phrases; one detail, net of them, is none (labellers
    read one detail alone as missing in 119 answers and partial in 26)."""
    specifics = find_specifics(ctx)
    generic = ctx.lex.ph("specificity", "generic").find(ctx.doc)
    examples = ", ".join(q(ctx.doc[a:b].text) for a, b in specifics[:MAX_LISTED])
    gen_quote = ", ".join(q(ctx.doc[a:b].text) for a, b in generic[:3]) or ctx.goal_text()
    n = len(specifics)
    reason = f"{n} concrete detail(s), {len(generic)} generic phrase(s)"
    if n == 0:
        return Verdict(MISSING, "none", generic[:3], {"quote": gen_quote}, reason)
    o = ctx.options
    slots = {"examples": examples, "quote": gen_quote}
    if n < o.specifics_met and n - len(generic) < o.specifics_partial:
        return (
            Verdict(MISSING, "generic", generic[:3], slots, reason)
            if generic
            else Verdict(MISSING, "few", specifics, slots, reason)
        )
    if n < o.specifics_met:
        return Verdict(PARTIAL, "few", specifics + generic[:2], slots, reason)
    if n - len(generic) < o.specifics_met:  # a generic phrase offsets a detail: 3 beside 1 was met in 2 labels of 8
        return Verdict(PARTIAL, "generic", generic[:3], slots, reason)
    return Verdict(MET, "met", specifics[:MAX_LISTED], {"examples": examples}, reason)


@rule("succinct", kind=DO, outcomes=("met", "short", "long", "very_short", "very_long", "rambles"))
def succinct(ctx: Ctx) -> Verdict:
    """About 45-120 s of speech, or 90-300 words for text, said without rambling; much shorter lacks substance.

    Rambling (repeats, run-on sentences, too many goals) makes an answer of the right length partial and a
    long one as bad as a very long one: the interviewer hears it as longer than it is.
    """
    o = ctx.options
    words, secs = ctx.word_count, ctx.speech_s
    ramble = find_rambling(ctx)
    slots = {"words": str(words), "seconds": f" ({secs:.0f} s)" if secs is not None else ""}
    slots["rambling"] = ramble.describe()
    value, lo, hi, unit = (
        (secs, o.min_speech_s, o.max_speech_s, "s") if secs is not None else (words, o.min_words, o.max_words, "words")
    )
    reason = f"{value:.0f} {unit}; target about {lo:g}-{hi:g} {unit}"
    reason += f"; rambles: {slots['rambling']}" if ramble else ""
    spans = ramble.run_ons[:1]
    if value < lo * o.much_shorter:
        return Verdict(MISSING, "very_short", [], slots, reason)
    if value < lo:  # every independent labeller reads "about 90 words" as a floor: 82 words is a little thin
        return Verdict(PARTIAL, "short", [], slots, reason)
    if value > hi * o.much_longer or (value > hi * (1 + o.tolerance) and ramble):
        slots["rambling"] = f" ({slots['rambling']})" if ramble else ""
        return Verdict(MISSING, "very_long", spans, slots, reason)
    if value > hi * (1 + o.tolerance):
        return Verdict(PARTIAL, "long", [], slots, reason)
    if ramble:
        return Verdict(PARTIAL, "rambles", spans, slots, reason)
    return Verdict(MET, "met", [], slots, reason)
