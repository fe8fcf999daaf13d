"""The closing rule ``real_question``: the candidate asks the interviewer something real.

The closing answer ("Do you have any questions for us?") gets light feedback:
this criterion and confident_language only (kinds.toml [kind.closing]).
"""

from __future__ import annotations

from simulator.content.asking import ABOUT_ME, PERKS, REAL, find_questions
from simulator.content.base import Ctx, Verdict, quoted
from simulator.content.rules import rule
from simulator.content.types import DO, MET, MISSING, PARTIAL

MAX_SPANS = 2  # evidence quotes per verdict


@rule("real_question", kind=DO, outcomes=("met", "perks", "about_me", "missing"))
def real_question(ctx: Ctx) -> Verdict:
    """Asks about the work, the team, the company or the next steps; not only pay, perks or 'how did I do'."""
    asked = find_questions(ctx).questions
    for kind, status, reason in (
        (REAL, MET, "asks about the work, the team or the next steps"),
        (PERKS, PARTIAL, "asks only about pay or perks"),
        (ABOUT_ME, PARTIAL, "asks only how they did"),
    ):
        spans = asked.get(kind, [])
        if spans:
            return quoted(ctx, status, "met" if kind == REAL else kind, spans, reason, limit=MAX_SPANS)
    return quoted(ctx, MISSING, "missing", [], "asks no question")
