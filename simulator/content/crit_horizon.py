"""The five-years rule ``horizon``: the answer looks years ahead, not only to next year.

It sits beside the plan rules (milestones, timeline in crit_plan.py), which judge
the steps and their dates; this one judges how far ahead the answer reaches.
"""

from __future__ import annotations

from simulator.content.base import Ctx, Verdict, first_found
from simulator.content.horizon import find_horizon
from simulator.content.rules import rule
from simulator.content.types import DO, MET, PARTIAL


@rule("horizon", kind=DO, outcomes=("met", "near", "vague", "no_time", "missing"))
def horizon(ctx: Ctx) -> Verdict:
    """A horizon that reaches years ahead: 'in five years', 'by 2035', 'long term', 'I see myself…'."""
    far = ctx.options.horizon_years_met
    found = find_horizon(ctx, far_years=far)
    return first_found(
        ctx,
        [
            (found.far, MET, "met", f"looks {far:g} or more years ahead"),
            (found.near, PARTIAL, "near", f"looks at most {found.farthest:.1f} years ahead"),
            (found.vague, PARTIAL, "vague", "looks ahead only vaguely"),
            ([(g.start, g.end) for g in ctx.goals.mentions], PARTIAL, "no_time", "a goal with no time"),
        ],
        "nothing about the years ahead",
    )
