"""STAR rules for behavioural answers: star_situation, star_task, star_action and star_result.

Each judges what star.py found; the shape parts of the same names quote
where the answer covers each part, so the shape and the checklist agree.
"""

from __future__ import annotations

from simulator.content.base import Ctx, Verdict, first_found
from simulator.content.rules import part, rule
from simulator.content.types import DO, MET, PARTIAL


@rule("star_situation", kind=DO, outcomes=("met", "thin", "missing"))
def star_situation(ctx: Ctx) -> Verdict:
    """The context is set: what was going on, placed by when or where."""
    s = ctx.star
    placed = s.circumstances[:1] + s.anchors[:1] if s.circumstances and s.anchors else []
    thin_why = "what was going on, but not when or where" if s.circumstances else "only when or where"
    return first_found(
        ctx,
        [
            (placed, MET, "met", "what was going on, and when or where"),
            (s.circumstances + s.anchors + s.openers, PARTIAL, "thin", thin_why),
        ],
        "no past situation is set",
    )


@rule("star_task", kind=DO, outcomes=("met", "shared", "missing"))
def star_task(ctx: Ctx) -> Verdict:
    """The candidate's own responsibility or aim in the situation."""
    s = ctx.star
    return first_found(
        ctx,
        [
            (s.own_tasks, MET, "met", "states their own responsibility or aim"),
            (s.shared_tasks, PARTIAL, "shared", "only the team's or a general aim"),
        ],
        "no responsibility or aim stated",
    )


@rule("star_action", kind=DO, outcomes=("met", "we", "vague", "missing"))
def star_action(ctx: Ctx) -> Verdict:
    """Concrete past steps the candidate took personally ("I …"), not "we" and not "I would…"."""
    s = ctx.star
    concrete = [c.span for c in s.mine if c.concrete]
    vague = [c.span for c in s.mine if not c.concrete]
    enough = s.concrete_steps >= ctx.options.star_steps_met
    return first_found(
        ctx,
        [
            (concrete if enough else [], MET, "met", f"{s.concrete_steps} concrete steps of their own"),
            (concrete + vague, PARTIAL, "vague", "their own steps are vague or few"),
            ([c.span for c in s.ours], PARTIAL, "we", "steps told only as 'we'"),
        ],
        "no past step of their own (hypothetical or general)",
    )


@rule("star_result", kind=DO, outcomes=("met", "vague", "missing"))
def star_result(ctx: Ctx) -> Verdict:
    """The outcome, ideally measured, or a specific lesson; 'it went well' is vague."""
    s = ctx.star
    measured, concrete = s.outcomes.get("measured", []), s.outcomes.get("concrete", [])
    why = "a measured outcome" if measured else "a concrete outcome" if concrete else "a specific lesson"
    return first_found(
        ctx,
        [
            (measured + concrete + s.lessons, MET, "met", why),
            (s.outcomes.get("vague", []) + s.vague_lessons, PARTIAL, "vague", "only a vague outcome or lesson"),
        ],
        "no outcome after the actions",
    )


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
