"""Rules about how the answer is put: confident_language, specificity, succinct."""

from __future__ import annotations

import math

from simulator.content.base import Ctx, Verdict, q
from simulator.content.ling import governing_verb, is_past, lower, negated
from simulator.content.types import MET, MISSING, PARTIAL
from simulator.hesitations import is_hesitation

NOUN_DETS = frozenset(
    {
        "that",
        "this",
        "what",
        "a",
        "an",
        "the",
        "some",
        "any",
        "every",
        "these",
        "those",
        "which",
        "all",
        "each",
        "no",
        "one",
        "same",
        "different",
        "another",
    }
)
ACRONYM_SKIP = frozenset({"I", "OK", "A", "AM", "PM", "US"})  # and every hesitation sound ("UM")
MAX_LISTED = 4  # hedges / details quoted in a tip
HEDGE_CONTEXT = 3  # tokens quoted either side of a hedge


def _think_hedge(doc, lo: int, hi: int) -> bool:
    """'I think' / 'I guess' hedge when they frame another clause, not 'I think critically'."""
    verb = doc[hi - 1]
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children) or verb.dep_ in ("parataxis", "advcl"):
        return True
    nxt = doc[hi] if hi < len(doc) else None
    return nxt is None or nxt.is_punct or lower(nxt) in ("that", "i", "it", "we", "this", "maybe")


def _keep_hedge(ctx: Ctx, lo: int, hi: int) -> bool:
    doc = ctx.doc
    words = [lower(t) for t in doc[lo:hi]]
    if words[:2] in (["kind", "of"], ["sort", "of"]):
        prev = lower(doc[lo - 1]) if lo > 0 else ""
        return prev not in NOUN_DETS and not (lo > 0 and doc[lo - 1].pos_ == "ADJ")
    if words[-1] in ("think", "guess", "suppose") or words[:2] in (["i", "think"], ["i", "guess"], ["i", "suppose"]):
        return _think_hedge(doc, lo, hi)
    if doc[lo].lemma_.lower() == "try":
        return not is_past(doc[lo])
    if words[0] in ("maybe", "perhaps", "possibly", "probably"):
        return True
    return True


def _filler_like(tok) -> bool:
    """'like' as a filler or approximator, not the verb ('I'd like') or preposition ('a role like this')."""
    if lower(tok) != "like" or tok.pos_ in ("VERB", "AUX"):
        return False
    if tok.pos_ in ("ADP", "SCONJ") and any(c.dep_ in ("pobj", "pcomp") for c in tok.children):
        return False
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and lower(prev) in (
        "would",
        "'d",
        "feel",
        "look",
        "looks",
        "sounds",
        "seem",
        "something",
        "just",
    ):
        return lower(prev) == "just"
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (
        tok.pos_ in ("INTJ", "X")
        or tok.dep_ in ("intj", "discourse")
        or (prev is not None and prev.is_punct)
        or bool(nxt and nxt.like_num)
    )


def _conditionals(ctx: Ctx) -> list[tuple[int, int]]:
    """'if I pass …', 'if everything goes well': doubt about one's own success."""
    lex, doc = ctx.lex, ctx.doc
    subjects = lex.words("hedges", "conditional_subjects")
    exempt = {lo for lo, _ in lex.ph("hedges", "conditional_exempt").find(doc)} | {
        hi - 1 for _, hi in lex.ph("hedges", "conditional_exempt").find(doc)
    }
    out = []
    for tok in doc:
        if lower(tok) != "if" or tok.i in exempt:
            continue
        verb = tok.head if tok.dep_ == "mark" else governing_verb(tok)
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subj is not None and lower(subj) in subjects:
            out.append((tok.i, min(verb.i + 1, tok.sent.end)))
    return out


def find_hedges(ctx: Ctx) -> list[tuple[int, int]]:
    lex, doc = ctx.lex, ctx.doc
    spans = [s for s in lex.ph("hedges", "phrases").find(doc) if _keep_hedge(ctx, *s)]
    spans += [(t.i, t.i + 1) for t in doc if _filler_like(t)]
    spans += [(t.i, t.i + 1) for t in doc if t.lemma_.lower() == "doubt" and not negated(t) and not _no_doubt(t)]
    spans += _conditionals(ctx)
    out: list[tuple[int, int]] = []
    for s in sorted(spans):
        if not out or s[0] >= out[-1][1]:
            out.append(s)
    return out


def _no_doubt(tok) -> bool:
    prev = [lower(t) for t in tok.doc[max(0, tok.i - 2) : tok.i]]
    return "no" in prev or "without" in prev


def confident_language(ctx: Ctx) -> Verdict:
    """'when I…', not 'if I…'; few hedges (per 150 words)."""
    opts = ctx.options
    hedges = find_hedges(ctx)
    windows = max(1.0, ctx.word_count / opts.hedge_window_words)
    listed = ", ".join(q(ctx.quote(s)) for s in hedges[:MAX_LISTED])
    slots = {"hedges": listed, "count": str(len(hedges))}
    doc = ctx.doc
    spans = [
        (max(doc[a].sent.start, a - HEDGE_CONTEXT), min(doc[a].sent.end, b + HEDGE_CONTEXT))
        for a, b in hedges[:MAX_LISTED]
    ]
    if len(hedges) <= math.floor(opts.hedges_met * windows):
        return Verdict(MET, "met", spans, slots, f"{len(hedges)} hedge(s) in {ctx.word_count} words")
    if len(hedges) <= math.floor(opts.hedges_partial * windows):
        return Verdict(PARTIAL, "some", spans, slots, f"{len(hedges)} hedges in {ctx.word_count} words")
    return Verdict(MISSING, "many", spans, slots, f"{len(hedges)} hedges in {ctx.word_count} words")


def find_specifics(ctx: Ctx) -> list[tuple[int, int]]:
    """Distinct names, numbers, dates and acronyms, as token spans."""
    lex, doc = ctx.lex, ctx.doc
    labels, weak = lex.words("specificity", "entity_labels"), lex.words("specificity", "weak_numbers")
    spans: list[tuple[int, int]] = []
    vague = {lo for lo, _ in lex.ph("time", "vague").find(doc)}
    for ent in doc.ents:
        fuzzy = any(lower(t) in ("few", "several", "some", "many", "couple") for t in ent)  # "a few years"
        fuzzy = fuzzy or any(t.vague and t.start <= ent.start < t.end + 1 for t in ctx.times)  # "over the years"
        if (
            ent.label_.upper() in {x.upper() for x in labels}
            and ent.text.lower() not in weak
            and not fuzzy
            and not any(ent.start <= v < ent.end for v in vague)
        ):
            spans.append((ent.start, ent.end))
    for tok in doc:
        covered = any(a <= tok.i < b for a, b in spans)
        acronym = (
            tok.text.isupper()
            and tok.is_alpha
            and len(tok.text) >= 2
            and tok.text not in ACRONYM_SKIP
            and not is_hesitation(tok.text)
        )
        proper = tok.pos_ == "PROPN" and not tok.is_sent_start and tok.text[:1].isupper()
        number = tok.like_num and lower(tok) not in weak
        if not covered and (acronym or proper or number):
            spans.append((tok.i, tok.i + 1))
    seen, out = set(), []
    for s in sorted(spans):
        key = doc[s[0] : s[1]].text.lower()
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def specificity(ctx: Ctx) -> Verdict:
    """Concrete names, numbers and dates rather than generic phrases."""
    specifics = find_specifics(ctx)
    generic = ctx.lex.ph("specificity", "generic").find(ctx.doc)
    examples = ", ".join(q(ctx.doc[a:b].text) for a, b in specifics[:MAX_LISTED])
    gen_quote = ", ".join(q(ctx.doc[a:b].text) for a, b in generic[:3]) or ctx.goal_text()
    n = len(specifics)
    reason = f"{n} concrete detail(s), {len(generic)} generic phrase(s)"
    if n == 0:
        return Verdict(MISSING, "none", generic[:3], {"quote": gen_quote}, reason)
    if n < ctx.options.specifics_met:
        return Verdict(PARTIAL, "few", specifics + generic[:2], {"examples": examples, "quote": gen_quote}, reason)
    if len(generic) > n:
        return Verdict(PARTIAL, "generic", generic[:3], {"examples": examples, "quote": gen_quote}, reason)
    return Verdict(MET, "met", specifics[:MAX_LISTED], {"examples": examples}, reason)


def succinct(ctx: Ctx) -> Verdict:
    """About 45-120 s of speech, or 90-300 words for text; much shorter lacks substance."""
    o = ctx.options
    words, secs = ctx.word_count, ctx.speech_s
    slots = {"words": str(words), "seconds": f" ({secs:.0f} s)" if secs is not None else ""}
    value, lo, hi, unit = (
        (secs, o.min_speech_s, o.max_speech_s, "s") if secs is not None else (words, o.min_words, o.max_words, "words")
    )
    reason = f"{value:.0f} {unit}; target about {lo:g}-{hi:g} {unit}"
    if value < lo * o.much_shorter:
        return Verdict(MISSING, "very_short", [], slots, reason)
    if value < lo * (1 - o.tolerance):
        return Verdict(PARTIAL, "short", [], slots, reason)
    if value > hi * o.much_longer:
        return Verdict(MISSING, "very_long", [], slots, reason)
    if value > hi * (1 + o.tolerance):
        return Verdict(PARTIAL, "long", [], slots, reason)
    return Verdict(MET, "met", [], slots, reason)
