"""Rules for "Tell me about yourself": present, past and future_fit (Present -> Past -> Future).

The shape parts of the same names quote where the answer covers each one.
"""

from __future__ import annotations

from simulator.content.base import Ctx, Verdict, first_found
from simulator.content.crit_role import role_alignment
from simulator.content.ling import lower
from simulator.content.rules import part, rule
from simulator.content.types import DO, MET, PARTIAL

_KEY = "simulator.content.intro"  # where the findings are kept on the parsed answer


def intro(ctx: Ctx):
    """The intro findings of this answer, computed once per parsed answer (this role is found by role_alignment)."""
    store = ctx.doc.user_data
    if _KEY not in store:
        from simulator.content.intro import find_intro

        verdict = role_alignment(ctx)
        spans = [s for s in verdict.spans if _names_this_job(ctx, s)] if verdict.status == MET else []
        store[_KEY] = find_intro(ctx, spans)
    return store[_KEY]


def _names_this_job(ctx: Ctx, span: tuple[int, int]) -> bool:
    """'this role', 'your team', 'here at', the company's name; 'the support team' may be a past employer's."""
    lex, toks = ctx.lex, ctx.doc[span[0] : span[1]]
    pointers = lex.words("role", "determiners") | lex.words("contribution", "you")
    company = (ctx.context.company or "").lower().split()
    said = {lower(t) for t in toks}
    return bool(said & pointers) or bool(lex.ph("role", "phrases").find(toks)) or bool(company and company[0] in said)


@rule("present", kind=DO, outcomes=("met", "vague", "missing"))
def present(ctx: Ctx) -> Verdict:
    """The current role or studies."""
    found = intro(ctx)
    return first_found(
        ctx,
        [
            (found.present, MET, "met", "names the current role or studies"),
            (found.vague_present, PARTIAL, "vague", "the present, without a role or studies"),
        ],
        "nothing about the current role or studies",
    )


@rule("past", kind=DO, outcomes=("met", "no_achievement", "missing"))
def past(ctx: Ctx) -> Verdict:
    """Relevant past experience, with one specific achievement."""
    found = intro(ctx)
    return first_found(
        ctx,
        [
            (found.achievements, MET, "met", "past experience with an achievement"),
            (found.past, PARTIAL, "no_achievement", "past experience, no specific achievement"),
        ],
        "no earlier work or study",
    )


@rule("future_fit", kind=DO, outcomes=("met", "no_reason", "not_tied", "missing"))
def future_fit(ctx: Ctx) -> Verdict:
    """Why this role is the next step: this role, team or company, with a reason or an aim."""
    found = intro(ctx)
    return first_found(
        ctx,
        [
            (found.fit, MET, "met", "ties this role to a reason or aim"),
            (found.roles, PARTIAL, "no_reason", "names this role without saying why"),
            (found.ahead, PARTIAL, "not_tied", "an aim not tied to this role"),
        ],
        "nothing about what comes next",
    )


def _first(spans):
    return min(spans) if spans else None


@part("present")
def present_part(ctx: Ctx):
    return _first(intro(ctx).present or intro(ctx).vague_present)


@part("past")
def past_part(ctx: Ctx):
    return _first(intro(ctx).achievements + intro(ctx).past)


@part("future")
def future_part(ctx: Ctx):
    return _first(intro(ctx).fit or intro(ctx).roles or intro(ctx).ahead)
