"""STAR rules for behavioural answers: star_situation, star_task, star_action and star_result.

Each judges what star.py found; the shape parts of the same names quote
where the answer covers each part, so the shape and the checklist agree.
"""

from __future__ import annotations

from simulator.content.base import Ctx, Verdict, quoted
from simulator.content.rules import part, rule
from simulator.content.types import DO, MET, MISSING, PARTIAL


@rule("star_situation", kind=DO, outcomes=("met", "thin", "missing"))
def star_situation(ctx: Ctx) -> Verdict:
    """The context is set: what was going on, placed by when or where."""
    s = ctx.star
    if s.circumstances and s.anchors:
        return quoted(ctx, MET, "met", s.circumstances[:1] + s.anchors[:1], "what was going on, and when or where")
    if s.circumstances or s.anchors or s.openers:
        reason = "what was going on, but not when or where" if s.circumstances else "only when or where"
        return quoted(ctx, PARTIAL, "thin", s.circumstances + s.anchors + s.openers, reason)
    return quoted(ctx, MISSING, "missing", [], "no past situation is set")


@rule("star_task", kind=DO, outcomes=("met", "shared", "missing"))
def star_task(ctx: Ctx) -> Verdict:
    """The candidate's own responsibility or aim in the situation."""
    s = ctx.star
    if s.own_tasks:
        return quoted(ctx, MET, "met", s.own_tasks, "states their own responsibility or aim")
    if s.shared_tasks:
        return quoted(ctx, PARTIAL, "shared", s.shared_tasks, "only the team's or a general aim")
    return quoted(ctx, MISSING, "missing", [], "no responsibility or aim stated")


@rule("star_action", kind=DO, outcomes=("met", "we", "vague", "missing"))
def star_action(ctx: Ctx) -> Verdict:
    """Concrete past steps the candidate took personally ("I …"), not "we" and not "I would…"."""
    s = ctx.star
    concrete = [c.span for c in s.mine if c.concrete]
    if s.concrete_steps >= ctx.options.star_steps_met:
        return quoted(ctx, MET, "met", concrete, f"{s.concrete_steps} concrete steps of their own")
    if s.mine:
        spans = concrete + [c.span for c in s.mine if not c.concrete]
        return quoted(ctx, PARTIAL, "vague", spans, "their own steps are vague or too few")
    if s.ours:
        return quoted(ctx, PARTIAL, "we", [c.span for c in s.ours], "steps told only as 'we'")
    return quoted(ctx, MISSING, "missing", [], "no past step of their own (hypothetical or general)")


@rule("star_result", kind=DO, outcomes=("met", "vague", "missing"))
def star_result(ctx: Ctx) -> Verdict:
    """The outcome, ideally measured, or a specific lesson; 'it went well' is vague."""
    s = ctx.star
    measured, concrete = s.outcomes.get("measured", []), s.outcomes.get("concrete", [])
    if measured or concrete or s.lessons:
        why = "a measured outcome" if measured else "a concrete outcome" if concrete else "a specific lesson"
        return quoted(ctx, MET, "met", measured + concrete + s.lessons, why)
    vague = s.outcomes.get("vague", []) + s.vague_lessons
    if vague:
        return quoted(ctx, PARTIAL, "vague", vague, "only a vague outcome or lesson")
    return quoted(ctx, MISSING, "missing", [], "no outcome after the actions")


def _first(spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    return min(spans) if spans else None


@part("situation")
def situation_part(ctx: Ctx):
    return _first(ctx.star.circumstances or ctx.star.anchors)


@part("task")
def task_part(ctx: Ctx):
    return _first(ctx.star.own_tasks or ctx.star.shared_tasks)


@part("action")
def action_part(ctx: Ctx):
    return _first([c.span for c in ctx.star.mine or ctx.star.ours])


@part("result")
def result_part(ctx: Ctx):
    s = ctx.star
    return _first([sp for kind in s.outcomes.values() for sp in kind] + s.lessons + s.vague_lessons)
