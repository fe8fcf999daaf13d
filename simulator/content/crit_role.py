"""Rules about the job at hand: role_alignment and contribution."""

from __future__ import annotations

from functools import lru_cache

from simulator.content.base import Ctx, Verdict, distinct
from simulator.content.giving import (
    carried_over,
    for_others,
    giving,
    listener_receives,
    offered_by_reading,
    offered_nouns,
    open_offers,
    pictured_at_work,
    so_you_can,
)
from simulator.content.hobbies import holds_hobby
from simulator.content.job_refs import company_field, context_words, mentions
from simulator.content.ling import governing_verb, negated
from simulator.content.meaning import MODEL
from simulator.content.offers import cleft_offers, willing
from simulator.content.rules import OFF_GOAL, rule
from simulator.content.segment import clause_of
from simulator.content.types import DO, MET, MISSING, PARTIAL

MAX_POSTING_CHARS = 20_000  # longer postings are cut (a posting is a page, not a book)


def role_ref(ctx: Ctx) -> str:
    c = ctx.context
    role, company = (c.role or "").strip(), (c.company or "").strip()
    if role and company:
        return f"the {role} role at {company}"
    if role:
        return f"the {role} role"
    if company:
        return f"this role at {company}"
    return "this role"


@lru_cache(maxsize=8)
def _posting_terms(nlp, posting: str, noise: frozenset[str]) -> frozenset[str]:
    doc = nlp(posting[:MAX_POSTING_CHARS], disable=["parser", "ner"])
    terms = set()
    for t in doc:
        if t.pos_ in ("NOUN", "PROPN") and not t.is_stop and len(t.text) >= 3 and t.lemma_.lower() not in noise:
            terms.add(t.lemma_.lower())
    return frozenset(terms)


def _real_refs(ctx: Ctx, refs: list[int]) -> list[int]:
    """The references not made in a sentence that takes the job only as income ("this job would just be to
    cover the bills", "this position would fund it"). Measured: the role-link classifier reads such
    sentences as real links, and the money classifier reads plain career sentences as title-driven, so the
    income words decide here."""
    doc, income = ctx.doc, ctx.lex.ph("role", "income_only")
    rates = [lo for lo, _ in ctx.lex.ph("role", "pay_rate").find(doc) if lo > 0 and doc[lo - 1].like_num]
    paid = [ctx.meaning.sentence(lo) for lo in [lo for lo, _ in income.find(doc)] + rates]
    payer = ctx.lex.words("role", "payer_verbs")  # "the lanes at Redline pay the best": the employer as payer
    return [
        i for i in refs if not any(a <= i < b for a, b in paid) and governing_verb(doc[i]).lemma_.lower() not in payer
    ]


@rule(
    "role_alignment",
    kind=DO,
    outcomes=("met", "field", "income", "own_field", "weighed", "implied", "missing", OFF_GOAL),
    about_goal=True,
)
def role_alignment(ctx: Ctx) -> Verdict:
    """The goal is tied to this position, team or company."""
    lex, doc, slots = ctx.lex, ctx.doc, {"role_ref": role_ref(ctx)}
    found = ctx.role_refs
    refs = _real_refs(ctx, found)
    if refs:
        spans = distinct([clause_of(doc[i]) for i in refs])[:3]
        return Verdict(
            MET, "met", spans, {**slots, "quote": ctx.q(spans[0])}, "refers to this position, team or company"
        )
    partial_hits = [t.i for t in doc if _names_field(t, lex) and t.pos_ == "NOUN" and not negated(t)]
    posting = ctx.context.posting
    if posting and posting.strip() and ctx.nlp is not None:
        terms = _posting_terms(ctx.nlp, posting, lex.words("role", "posting_noise"))
        echoed = [t.i for t in doc if t.lemma_.lower() in terms and t.pos_ in ("NOUN", "PROPN")]
        kinds = {doc[i].lemma_.lower() for i in echoed}
        if len(kinds) >= 2 * ctx.options.posting_terms_partial:
            spans = distinct([clause_of(doc[i]) for i in echoed])[:3]
            quote = {**slots, "quote": ctx.q(spans[0])}
            return Verdict(MET, "met", spans, quote, f"echoes {len(kinds)} job-posting terms")
        if len(kinds) >= ctx.options.posting_terms_partial:
            partial_hits += echoed
    partial_hits += mentions(ctx, context_words(ctx.context.role)) + company_field(ctx)
    if found:  # only as income: a mention of the job, not a link to it
        spans = distinct([clause_of(doc[i]) for i in found])[:2]
        quote = {**slots, "quote": ctx.q(spans[0])}
        return Verdict(PARTIAL, "income", spans, quote, "mentions this job only as income")
    if partial_hits:
        spans = distinct([clause_of(doc[i]) for i in sorted(set(partial_hits))])[:2]
        quote = {**slots, "quote": ctx.q(spans[0])}
        return Verdict(PARTIAL, "field", spans, quote, "mentions the field, not this job")
    own = _own_field(ctx)
    if own is not None:
        return Verdict(PARTIAL, "own_field", [own], {**slots, "quote": ctx.q(own)}, "names the goal's field, not a job")
    return Verdict(MISSING, "missing", [], slots, "no reference to this role, team or company")


def _names_field(tok, lex) -> bool:
    """'the industry', 'this line of work', and a kind named before 'world', 'space' or 'trade' ("the hotel world")."""
    if lex.ph("role", "field").has(tok):
        return True
    kind = any(c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ", "PROPN") for c in tok.children)
    return kind and tok.lemma_.lower() in lex.words("role", "field_heads")


def _own_field(ctx: Ctx) -> tuple[int, int] | None:
    """With no role given, a goal that names its line of work is the field the answer speaks of, however vague or
    scattered the goals ("keep getting better at design"): the job it is for is unknown. Words of rank and of vague
    aims ("a senior level", "new skills") name no field."""
    c = ctx.context
    if (c.role or "").strip() or (c.company or "").strip() or (c.posting or "").strip():
        return None
    fieldless = ctx.lex.words("role", "fieldless") | ctx.lex.words("goal", "vague_lemmas")
    when = {i for t in ctx.times for i in range(t.start, t.end)}  # "one day" is no field
    for g in [*ctx.goals.goals, *ctx.goals.named]:  # "keep getting better at design" names its field too
        words = [t for t in ctx.doc[g.start : g.end] if t.i not in when and t.pos_ in ("NOUN", "PROPN")]
        names = any(t.lemma_.lower() not in fieldless for t in words)
        if names and not holds_hobby(ctx, g):
            return (g.start, g.end)
    return None


@rule("contribution", kind=DO, outcomes=("met", "vague", "weighed", "missing"))
def contribution(ctx: Ctx) -> Verdict:
    """What the candidate will bring to the team or company: giving verbs aimed at the employer, or a sentence
    naming the employer that the classifier reads as an offer."""
    slots = {"role_ref": role_ref(ctx)}
    met, vague = giving(ctx)
    pictured, vaguely = pictured_at_work(ctx)
    met += offered_nouns(ctx) + listener_receives(ctx) + pictured + so_you_can(ctx) + cleft_offers(ctx)
    if met:
        spans = distinct(met)[:3]
        return Verdict(
            MET, "met", spans, {**slots, "quote": ctx.q(spans[0])}, "says what they will bring to the employer"
        )
    read = offered_by_reading(ctx)
    if read:
        best = max(read, key=lambda c: c.score)
        span = ctx.parsed.whole(*best.span)
        quote = {**slots, "quote": ctx.q(span)}
        return Verdict(MET, "met", [span], quote, "a sentence read as an offer to the employer", MODEL, best.score)
    vague += [w for w in ctx.goals.wishes if for_others(ctx, w)]  # the goal's good: "be the one who shows up"
    vague += open_offers(ctx) + carried_over(ctx) + vaguely + willing(ctx)
    if vague:
        spans = distinct(vague)[:2]
        return Verdict(
            PARTIAL, "vague", spans, {**slots, "quote": ctx.q(spans[0])}, "helping in general, not this employer"
        )
    return Verdict(MISSING, "missing", [], slots, "nothing about what they will bring")
