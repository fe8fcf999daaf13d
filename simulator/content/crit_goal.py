"""Rules about the goal itself: single_focus and goal_why."""

from __future__ import annotations

from simulator.content.base import Ctx, Verdict, q
from simulator.content.goal_count import MANY
from simulator.content.ling import lower, negated
from simulator.content.meaning import MODEL
from simulator.content.rules import IMPLIED, OFF_GOAL, rule
from simulator.content.types import DO, MET, MISSING, PARTIAL
from simulator.content.why import MONEY, STRONG, SUBSTANTIVE, THIN


def _goal_list(goals) -> str:
    return ", ".join(q(g.text) for g in goals)


def _no_direction(ctx: Ctx) -> list[tuple[int, int]]:
    """'I'm open to anything', 'keeping my options open' (not negated, unless the phrase is a negation: 'not fussy'):
    the speaker says no goal is picked."""
    doc = ctx.doc
    return [
        (lo, hi)
        for lo, hi in ctx.lex.ph("goal", "no_direction").find(doc)
        if lower(doc[lo]) == "not" or not negated(doc[lo])
    ]


@rule(
    "single_focus",
    kind=DO,
    outcomes=("met", "generic", "weighed", "vague_many", "implicit", "none", "three", "stated", "many", OFF_GOAL),
    about_goal=True,
)
def single_focus(ctx: Ctx) -> Verdict:
    """One goal, maybe two: count the distinct goals stated."""
    found, opts = ctx.goals, ctx.options
    spans = [(g.start, g.end) for g in found.goals]
    n = found.count
    # the count says how many goals the list holds; a larger number the speaker gave is said in words
    slots = {"goals": _goal_list(found.goals), "count": str(len(found.goals))}
    if found.stated_count and found.stated_at and found.stated_count > len(found.goals):
        spans.insert(0, found.stated_at)
        slots["count"] = "a lot of" if found.stated_count == MANY else "several"
    undecided = _no_direction(ctx)
    if undecided:
        return Verdict(MISSING, "none", undecided[:1], slots, "says no direction is picked yet")
    if n == 0:
        if ctx.steps:
            first = ctx.steps[0]
            return Verdict(
                PARTIAL,
                "implicit",
                [first.span],
                {"step": ctx.q(first.span)},
                "no goal statement, but plans are described",
            )
        return Verdict(MISSING, "none", [], slots, "no goal statement found")
    main = found.main  # None when a count was said ("I have two goals") and none of them could be parsed
    if (
        main is not None
        and all(g.generic for g in found.goals)
        and not (found.stated_count and found.stated_count > opts.goals_partial)
    ):
        return Verdict(PARTIAL, "generic", spans[:2], {"goal": q(main.text)}, "the only goals stated are generic")
    if len(found.named) > max(n, opts.goals_partial):  # vague aims beside real ones are more topics
        spans = [(g.start, g.end) for g in found.named]
        slots = {"goals": _goal_list(found.named), "count": str(len(found.named))}
        undecided = ctx.lex.ph("goal", "undecided").find(ctx.doc)  # "I haven't decided": no direction picked
        if sum(not g.generic for g in found.named) < opts.goals_partial and not undecided:
            return Verdict(PARTIAL, "vague_many", spans, slots, f"{slots['count']} aims, most of them general")
        n = len(found.named)
    if n > opts.goals_partial:  # labellers read four goals as too many, not as none: partial 14 times, missing 3
        status = MISSING if found.stated_count == MANY else PARTIAL  # "I have a lot of goals" was missing 7 of 7
        return Verdict(status, "many", spans, slots, f"{slots['count']} distinct goals")
    if n == opts.goals_partial:  # a count said aloud ("I've got three things I'm working toward") is kept
        said = (found.stated_count or 0) >= n
        outcome, reason = ("stated", "says there are three goals") if said else ("three", "three distinct goals")
        return Verdict(PARTIAL, outcome, spans, slots, reason)
    by_model = (MODEL, found.model_score) if found.model_score is not None else ()
    said = [(main.start, main.end)] if main is not None else spans
    return Verdict(MET, "met", said, {}, f"{n} goal(s) stated", *by_model)


@rule(
    "goal_why", kind=DO, outcomes=("met", "thin", "impact_only", "money", IMPLIED, "missing", OFF_GOAL), about_goal=True
)
def goal_why(ctx: Ctx) -> Verdict:
    """Why the goal matters, and what success or impact looks like: the rules find the evidence, and the answer-level
    model (why_model.py) weighs it when they found any, or reads a reason they missed as partial when it is sure."""
    from simulator.content import why_model

    verdict = goal_why_by_rules(ctx)
    if why_model.raisable(ctx, verdict):
        status, score = why_model.judge(ctx, verdict.status)
        if status == PARTIAL and score >= why_model.RAISE_PROB:
            return Verdict(PARTIAL, IMPLIED, [], {}, "a reason the whole answer implies but never states", MODEL, score)
        return verdict
    if not why_model.asked(ctx, verdict):
        return verdict
    status, score = why_model.judge(ctx, verdict.status)
    if status == verdict.status:
        return verdict
    if status == MET:
        return Verdict(MET, "met", verdict.spans, {"quote": ctx.q(verdict.spans[0])}, _WEIGHED[MET], MODEL, score)
    if status == PARTIAL:
        return Verdict(
            PARTIAL, "thin", verdict.spans[:1], {"quote": ctx.q(verdict.spans[0])}, _WEIGHED[PARTIAL], MODEL, score
        )
    return Verdict(MISSING, "missing", [], {}, _WEIGHED[MISSING], MODEL, score)


_WEIGHED = {
    MET: "gives a reason the whole answer bears out",
    PARTIAL: "a reason, but read as thin in the whole answer",
    MISSING: "what reads as a reason does not explain the goal",
}


def goal_why_by_rules(ctx: Ctx) -> Verdict:
    """The rules' verdict on goal_why, with the reason, value or impact they found."""
    why = ctx.why
    if ctx.goals.count == 0 and not ctx.steps:
        return Verdict(MISSING, "missing", [], {}, "no current goal to give a reason for")
    strong = [(r.start, r.end) for r in why.reasons if r.kind in (STRONG, SUBSTANTIVE)]
    thin = [(r.start, r.end) for r in why.reasons if r.kind == THIN]
    money = [(r.start, r.end) for r in why.reasons if r.kind == MONEY]
    rich_values = [(a, b) for a, b, rich in why.values if rich]
    thin_values = [(a, b) for a, b, rich in why.values if not rich]
    ben_impacts = [(a, b) for a, b, ben in why.impacts if ben]
    met = why.success + strong + [_clause(ctx, v) for v in rich_values] + [_impact_clause(ctx, i) for i in ben_impacts]
    if met:
        spans = _merged(met)[:2]
        return Verdict(
            MET, "met", spans, {"quote": ctx.q(spans[0])}, "gives a reason, a value or the impact it will have"
        )
    if thin or thin_values:  # a liking beside "keep growing" is thin too ("I'm really passionate about retail")
        span = (thin or [_clause(ctx, v) for v in thin_values])[0]
        return Verdict(PARTIAL, "thin", [span], {"quote": ctx.q(span)}, "a reason, but a thin one")
    impacts = [(a, b) for a, b, _ in why.impacts]
    if impacts:
        span = _impact_clause(ctx, impacts[0])
        return Verdict(
            PARTIAL, "impact_only", [span], {"quote": ctx.q(span)}, "an impact, but no reason or beneficiary"
        )
    money = money or _driven_by_pay_or_title(ctx)
    if money:
        return Verdict(PARTIAL, "money", money[:1], {"quote": ctx.q(money[0])}, "the only reason is money")
    return Verdict(MISSING, "missing", [], {}, "no reason or impact found")


def _driven_by_pay_or_title(ctx: Ctx) -> list[tuple[int, int]]:
    """'I want people to see GM on my name tag': pay or a title wanted for itself is the motive given, even with no
    reason word, for one career goal (not for a scatter of goals or a pastime)."""
    lex = ctx.lex
    wants = (lex.words("goal", "verbs") - lex.words("goal", "needs_would")) | lex.words("goal", "nouns")

    def wanted(i: int) -> bool:  # "I want people to see GM on my name tag", "the income I've been working toward",
        near = [*ctx.doc[i].ancestors, *ctx.doc[i].subtree]  # not "I take commissions as they come"
        return ctx.in_goal(i) or any(a.lemma_.lower() in wants and not negated(a) for a in near)

    said = [a for a, _ in ctx.why.money + ctx.why.titles if wanted(a)]
    if not said or ctx.goals.count > ctx.options.goals_partial or ctx.hobbies:
        return []
    return [_clause(ctx, (said[0], said[0] + 1))]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans as one, in order: a goal quoted up to "helps product teams" and its impact clause."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(set(spans)):
        if out and lo < out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def _clause(ctx: Ctx, span: tuple[int, int]) -> tuple[int, int]:
    from simulator.content.segment import clause_of

    return clause_of(ctx.doc[span[0]])


def _impact_clause(ctx: Ctx, span: tuple[int, int]) -> tuple[int, int]:
    """The impact's clause with the complement that says what it does: "who help
    product teams make better decisions", where the clause alone is "who help"."""
    from simulator.content.ling import governing_verb

    doc = ctx.doc
    lo, hi = _clause(ctx, span)
    verb = governing_verb(doc[span[0]])
    ends = [t.i for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for t in c.subtree]
    hi = max([hi, *(e + 1 for e in ends)])
    if verb.lemma_ in ctx.lex.words("why", "bare_infinitive_verbs") and hi < len(doc) and doc[hi].tag_ in ("VB", "VBP"):
        # "help teams make better decisions" parsed with "make" hanging elsewhere
        hi = max([hi, *(t.i + 1 for t in doc[hi].subtree if t.i >= hi and not t.is_punct)])
    return lo, hi
