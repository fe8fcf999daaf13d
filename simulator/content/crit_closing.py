"""The closing rule ``real_question``: the candidate asks the interviewer something real.

The closing answer ("Do you have any questions for us?") gets light feedback:
this criterion and confident_language only (kinds.toml [kind.closing]).
"""

from __future__ import annotations

from simulator.content.asking import ABOUT_ME, PERKS, REAL, find_questions
from simulator.content.base import Ctx, Verdict, first_found
from simulator.content.rules import rule
from simulator.content.types import DO, MET, PARTIAL

MAX_SPANS = 2  # evidence quotes per verdict


@rule("real_question", kind=DO, outcomes=("met", "perks", "about_me", "missing"))
def real_question(ctx: Ctx) -> Verdict:
    """Asks about the work, the team, the company or the next steps; not only pay, perks or 'how did I do'."""
    asked = find_questions(ctx).questions
    return first_found(
        ctx,
        [
            (asked.get(REAL, [])[:MAX_SPANS], MET, "met", "asks about the work, the team or the next steps"),
            (asked.get(PERKS, [])[:MAX_SPANS], PARTIAL, PERKS, "asks only about pay or perks"),
            (asked.get(ABOUT_ME, [])[:MAX_SPANS], PARTIAL, ABOUT_ME, "asks only how they did"),
        ],
        "asks no question",
    )
