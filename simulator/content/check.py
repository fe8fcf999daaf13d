"""The content check: parse once, apply the question's criteria, score and summarise."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from simulator.content import crit_avoid, crit_goal, crit_plan, crit_role, crit_style
from simulator.content.base import Ctx, Verdict
from simulator.content.lexicon import Lexicon
from simulator.content.nlp import engine_name, get_nlp
from simulator.content.rubric import Rubric, check_question_criteria, load_rubric
from simulator.content.scoring import score, structure, summarize, weighting
from simulator.content.segment import parse, speech_seconds, word_count
from simulator.content.types import ContentOptions, ContentReport, CriterionResult
from simulator.errors import BadInputError

log = logging.getLogger(__name__)

RULE_FUNCTIONS: dict[str, Callable[[Ctx], Verdict]] = {
    "single_focus": crit_goal.single_focus,
    "goal_why": crit_goal.goal_why,
    "role_alignment": crit_role.role_alignment,
    "contribution": crit_role.contribution,
    "milestones": crit_plan.milestones,
    "past_accomplishment": crit_plan.past_accomplishment,
    "timeline": crit_plan.timeline,
    "confident_language": crit_style.confident_language,
    "specificity": crit_style.specificity,
    "succinct": crit_style.succinct,
    "no_boasting": crit_avoid.no_boasting,
    "professional_goal": crit_avoid.professional_goal,
    "motivation_not_money": crit_avoid.motivation_not_money,
}
_compiled: dict[int, Lexicon] = {}


def _lexicon(rubric: Rubric, nlp) -> Lexicon:
    key = id(rubric.lexicon)
    if key not in _compiled:
        _compiled[key] = Lexicon(rubric.lexicon, nlp.tokenizer)
    return _compiled[key]


def _tip(template: str, slots: dict[str, str]) -> str:
    text = template.format(**slots)
    text = re.sub(r"\s+", " ", text).replace(" ,", ",").replace("()", "").strip()
    return text[0].upper() + text[1:] if text else text


def _result(ctx: Ctx, rubric: Rubric, cid: str, defaults: dict[str, str]) -> CriterionResult:
    crit = rubric.criteria[cid]
    verdict = RULE_FUNCTIONS[cid](ctx)
    evidence, seen = [], set()
    for span in verdict.spans:
        ev = ctx.parsed.evidence(*span)
        if ev.text and ev.text not in seen:
            seen.add(ev.text)
            evidence.append(ev)
    slots = {**defaults, **{k: v for k, v in verdict.slots.items() if v is not None}}
    if not slots.get("quote") and evidence:
        slots["quote"] = f"“{evidence[0].text}”"
    return CriterionResult(
        id=cid,
        kind=crit.kind,
        status=verdict.status,
        evidence=evidence,
        tip=_tip(crit.tips[verdict.outcome], slots),
        label=crit.label,
        reason=verdict.reason,
    )


def check_content(
    transcript, question, context, *, rubric: Rubric | None = None, options: ContentOptions = ContentOptions()
) -> ContentReport:
    """Check what the answer says against the question's rubric criteria."""
    rubric = rubric or load_rubric()
    ids = tuple(question.criteria) or tuple(rubric.criteria)
    check_question_criteria(rubric, question.id, ids)
    if not transcript.words:
        raise BadInputError("The answer has no words to check; record or write a full answer.")
    nlp = get_nlp()
    parsed = parse(transcript, nlp)
    ctx = Ctx(
        parsed=parsed,
        lex=_lexicon(rubric, nlp),
        context=context,
        options=options,
        word_count=word_count(transcript),
        speech_s=speech_seconds(transcript),
        nlp=nlp,
    )
    defaults = {
        p: "" for p in ("quote", "count", "goals", "words", "seconds", "hedges", "examples", "term", "step", "when")
    }
    defaults.update(goal=ctx.goal_text(), role_ref=crit_role.role_ref(ctx))
    results = [_result(ctx, rubric, cid, defaults) for cid in ids]
    weights = weighting(rubric, ids)
    parts, in_order = structure(ctx, parsed)
    return ContentReport(
        score=score(results, weights),
        weighting=weights,
        criteria=results,
        summary=summarize(results, weights),
        structure=parts,
        in_recommended_order=in_order,
        question_id=question.id,
        word_count=ctx.word_count,
        speech_s=ctx.speech_s,
        options=options,
        engine=engine_name(),
    )
