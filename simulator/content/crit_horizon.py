"""The five-years rule ``horizon``: the answer looks years ahead, not only to next year.

It sits beside the plan rules (milestones, timeline in crit_plan.py), which judge
the steps and their dates; this one judges how far ahead the answer reaches.
"""

from __future__ import annotations

from simulator.content.base import Ctx, Verdict, quoted
from simulator.content.horizon import find_horizon
from simulator.content.rules import rule
from simulator.content.types import DO, MET, MISSING, PARTIAL


@rule("horizon", kind=DO, outcomes=("met", "near", "vague", "no_time", "missing"))
def horizon(ctx: Ctx) -> Verdict:
    """A horizon that reaches years ahead: 'in five years', 'by 2035', 'long term', 'I see myself…'."""
    far = ctx.options.horizon_years_met
    found = find_horizon(ctx, far_years=far)
    if found.far:
        return quoted(ctx, MET, "met", found.far, f"looks {far:g} or more years ahead")
    if found.near:
        return quoted(ctx, PARTIAL, "near", found.near, f"looks at most {found.farthest:.1f} years ahead")
    if found.vague:
        return quoted(ctx, PARTIAL, "vague", found.vague, "looks ahead only vaguely")
    goals = [(g.start, g.end) for g in ctx.goals.mentions]
    if goals:
        return quoted(ctx, PARTIAL, "no_time", goals, "a goal with no time")
    return quoted(ctx, MISSING, "missing", [], "nothing about the years ahead")
