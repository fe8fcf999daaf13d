"""Rules about the goal itself: single_focus and goal_why."""

from __future__ import annotations

from simulator.content.base import Ctx, Verdict, q
from simulator.content.types import MET, MISSING, PARTIAL
from simulator.content.why import MONEY, STRONG, SUBSTANTIVE, THIN


def _goal_list(goals) -> str:
    return ", ".join(q(g.text) for g in goals[:4])


def single_focus(ctx: Ctx) -> Verdict:
    """One goal, maybe two: count the distinct goals stated."""
    found, opts = ctx.goals, ctx.options
    spans = [(g.start, g.end) for g in found.goals[:4]]
    n = found.count
    slots = {"goals": _goal_list(found.goals), "count": str(n if n < 99 else "many")}
    if found.stated_count and found.stated_at and found.stated_count > len(found.goals):
        spans.insert(0, found.stated_at)
        if found.stated_count == 99:
            slots["count"] = "a lot of" if not found.goals else f"{max(len(found.goals), 4)}+"
    if n == 0:
        plans = ctx.steps
        if plans:
            first = plans[0]
            return Verdict(PARTIAL, "implicit", [first.span], {"step": q(ctx.quote(first.span))}, "no goal statement, but plans are described")
        return Verdict(MISSING, "none", [], slots, "no goal statement found")
    if n > opts.goals_partial:
        return Verdict(MISSING, "many", spans, slots, f"{slots['count']} distinct goals")
    if n == opts.goals_partial:
        return Verdict(PARTIAL, "three", spans, slots, "three distinct goals")
    main = found.main
    if all(g.generic for g in found.goals):
        return Verdict(PARTIAL, "generic", spans, {"goal": q(main.text)}, "the only goal stated is generic")
    return Verdict(MET, "met", [(main.start, main.end)], {}, f"{len(found.goals)} goal(s) stated")


def goal_why(ctx: Ctx) -> Verdict:
    """Why the goal matters, and what success or impact looks like."""
    why = ctx.why
    strong = [r for r in why.reasons if r.kind == STRONG]
    substantive = [r for r in why.reasons if r.kind == SUBSTANTIVE]
    thin = [r for r in why.reasons if r.kind == THIN]
    money = [r for r in why.reasons if r.kind == MONEY]
    ben_impacts = [(a, b) for a, b, ben in why.impacts if ben]
    any_impact = [(a, b) for a, b, _ in why.impacts]
    if why.success:
        span = why.success[0]
        return Verdict(MET, "met", [span], {"quote": q(ctx.quote(span))}, "says what success looks like")
    if strong or (substantive and any_impact) or (why.values and ben_impacts):
        r = (strong or substantive)[0] if (strong or substantive) else None
        spans = [(r.start, r.end)] if r else [why.values[0], ben_impacts[0]]
        return Verdict(MET, "met", spans, {"quote": q(ctx.quote(spans[0]))}, "gives a reason with its impact or value")
    if substantive or thin or why.values:
        span = (substantive + thin)[0] if (substantive or thin) else None
        span = (span.start, span.end) if span else why.values[0]
        return Verdict(PARTIAL, "thin", [span], {"quote": q(ctx.quote(span))}, "a reason, but no impact or value")
    if ben_impacts:
        span = ben_impacts[0]
        span = _clause(ctx, span)
        return Verdict(PARTIAL, "impact_only", [span], {"quote": q(ctx.quote(span))}, "an impact, but no reason")
    if money:
        span = (money[0].start, money[0].end)
        return Verdict(PARTIAL, "money", [span], {"quote": q(ctx.quote(span))}, "the only reason is money")
    return Verdict(MISSING, "missing", [], {}, "no reason or impact found")


def _clause(ctx: Ctx, span: tuple[int, int]) -> tuple[int, int]:
    from simulator.content.segment import clause_of

    return clause_of(ctx.doc[span[0]])
