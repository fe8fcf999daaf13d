"""The content check: parse once, apply the question's criteria, score and summarise."""

from __future__ import annotations

import re

from simulator.content.base import Ctx
from simulator.content.crit_role import role_ref
from simulator.content.kinds import KindRubric
from simulator.content.lexicon import Lexicon
from simulator.content.nlp import engine_name, get_nlp
from simulator.content.rubric import Rubric, check_question_criteria, implemented_rules, load_rubric
from simulator.content.rules import PLACEHOLDERS
from simulator.content.scoring import score, summarize, weighting
from simulator.content.segment import parse, speech_seconds, word_count
from simulator.content.shape import structure
from simulator.content.types import ContentOptions, ContentReport, CriterionResult
from simulator.errors import BadInputError

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


def _result(ctx: Ctx, rubric: Rubric, kind: KindRubric, cid: str, defaults: dict[str, str]) -> CriterionResult:
    crit = rubric.criteria[cid]
    verdict = implemented_rules()[cid].check(ctx)
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
        tip=_tip(kind.tip(cid, verdict.outcome, crit.tips[verdict.outcome]), slots),
        label=crit.label,
        reason=verdict.reason,
    )


def check_content(
    transcript, question, context, *, rubric: Rubric | None = None, options: ContentOptions = ContentOptions()
) -> ContentReport:
    """Check what the answer says against the question's rubric criteria, with its kind's tips and shape."""
    rubric = rubric or load_rubric()
    ids = tuple(question.criteria) or tuple(rubric.criteria)
    check_question_criteria(rubric, question.id, ids)
    if not transcript.words:
        raise BadInputError("The answer has no words to check; record or write a full answer.")
    nlp = get_nlp()
    parsed = parse(transcript, nlp)
    lex = _lexicon(rubric, nlp)
    lex.attach(parsed.doc)
    ctx = Ctx(
        parsed=parsed,
        lex=lex,
        context=context,
        options=options,
        word_count=word_count(transcript),
        speech_s=speech_seconds(transcript),
        nlp=nlp,
    )
    defaults = {**dict.fromkeys(PLACEHOLDERS, ""), "goal": ctx.goal_text(), "role_ref": role_ref(ctx)}
    kind = rubric.kinds.get(question.kind, KindRubric())
    results = [_result(ctx, rubric, kind, cid, defaults) for cid in ids]
    weights = weighting(rubric, ids)
    parts, in_order = structure(ctx, kind.shape)
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
        hedges=[parsed.hedge(h.start, h.end, h.phrase) for h in ctx.hedges],
        kind=question.kind,
        shape_name=kind.shape_name,
    )
