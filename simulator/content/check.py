"""The content check: parse once, apply the question's criteria, score and summarise."""

from __future__ import annotations

import re

from simulator.content import avoid_model, stack
from simulator.content.base import Ctx, Verdict
from simulator.content.crit_role import role_ref
from simulator.content.kinds import KindRubric
from simulator.content.lexicon import Lexicon
from simulator.content.nlp import engine_name, get_nlp
from simulator.content.rubric import Rubric, check_question_criteria, implemented_rules, load_rubric
from simulator.content.rules import OFF_GOAL, PLACEHOLDERS
from simulator.content.scoring import score, summarize, weighting
from simulator.content.segment import parse, speech_seconds, word_count
from simulator.content.shape import structure
from simulator.content.types import (
    AVOID,
    FLAGGED,
    MET,
    MISSING,
    PARTIAL,
    ContentOptions,
    ContentReport,
    CriterionResult,
)
from simulator.errors import BadInputError

OTHER_GOAL = "a goal tied to this job"  # what goal tips point at once the stated goal is flagged
# The criteria that credit only a career goal and the plan toward it: when the only goal stated is a pastime,
# its race date or training is no milestone, no timeline and no career focus.
CAREER_ONLY = ("single_focus", "milestones", "timeline")

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


def _result(
    ctx: Ctx, rubric: Rubric, kind: KindRubric, cid: str, verdict: Verdict, defaults: dict[str, str]
) -> CriterionResult:
    crit = rubric.criteria[cid]
    evidence, seen = [], set()
    for span in verdict.spans:
        ev = ctx.parsed.evidence(*span)
        if ev.text and ev.text not in seen:
            seen.add(ev.text)
            evidence.append(ev)
    slots = {**defaults, **{k: v for k, v in verdict.slots.items() if v is not None}}
    if not slots.get("quote") and evidence:
        slots["quote"] = ctx.q(verdict.spans[0])
    return CriterionResult(
        id=cid,
        kind=crit.kind,
        status=verdict.status,
        evidence=evidence,
        tip=_tip(kind.tip(cid, verdict.outcome, crit.tips[verdict.outcome]), slots),
        label=crit.label,
        reason=verdict.reason,
        signal=verdict.signal,
        signal_score=verdict.signal_score,
    )


def _overlaps(ctx: Ctx, spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> bool:
    whole = [ctx.parsed.whole(*s) for s in others]
    return any(a < d and c < b for a, b in (ctx.parsed.whole(*s) for s in spans) for c, d in whole)


def _redirect(ctx: Ctx, verdicts: dict[str, Verdict]) -> tuple[bool, set[str]]:
    """Whether the stated goal itself is flagged (a hobby, money), and the criteria whose words are the flagged
    point: their tips point away from it (the rule's off-goal outcome) and the summary does not praise them."""
    flagged = [s for cid, v in verdicts.items() if v.status == FLAGGED for s in v.spans]
    if not flagged:
        return False, set()
    hobby = verdicts.get("professional_goal")
    if hobby is not None and hobby.status == FLAGGED:  # every mention of the hobby is the flagged point
        flagged += [s for phrases, _ in ctx.lex.hobbies for s in phrases.find(ctx.doc)]
    goals = [(g.start, g.end) for g in ctx.goals.mentions]
    goal_flagged = (
        _overlaps(ctx, goals, flagged)
        if goals
        else any(verdicts[c].status == FLAGGED for c in ("professional_goal", "motivation_not_money") if c in verdicts)
    )
    rules = implemented_rules()
    tainted = set()
    for cid, v in verdicts.items():
        if v.status == FLAGGED or rules[cid].kind == AVOID:
            continue
        if (goal_flagged and rules[cid].about_goal) or _overlaps(ctx, v.spans, flagged):
            tainted.add(cid)
    return goal_flagged, tainted


def _no_career_goal(ctx: Ctx, verdicts: dict[str, Verdict]) -> None:
    """When the flagged pastime is the only goal, the criteria about a career goal find none (the reading of
    five of the six independent labellers; the rubric's off-goal tips already ask for a career goal); a job named
    is then only partly tied (partial 12 times in the labelled sets, met twice)."""
    from simulator.content.hobbies import career_goal_stated

    hobby = verdicts.get("professional_goal")
    if hobby is None or hobby.status != FLAGGED or career_goal_stated(ctx):
        return
    for cid in CAREER_ONLY:
        if cid in verdicts:
            verdicts[cid] = Verdict(MISSING, OFF_GOAL, [], {}, "the only goal stated is a pastime")
    role = verdicts.get("role_alignment")  # the job named, but no career goal for it to be a step toward
    if role is not None and role.status == MET:
        verdicts["role_alignment"] = Verdict(PARTIAL, OFF_GOAL, role.spans, role.slots, "names this job, not a goal")


def _no_goal_at_all(verdicts: dict[str, Verdict]) -> None:
    """With no goal stated and no plan described, "doing this job well" ties nothing to the job and "I'll see how
    this year goes" dates nothing: of such answers the rules read as tied, labellers read 13 as missing, 6 as
    partial and 3 as met; of those given a time frame, 11 of 12 as missing (a step read as scheduled is a plan)."""
    focus = verdicts.get("single_focus")
    if focus is None or focus.status != MISSING or focus.outcome != "none" or focus.spans:
        return
    role = verdicts.get("role_alignment")
    if role is not None and role.status == MET:
        verdicts["role_alignment"] = Verdict(MISSING, "missing", [], role.slots, "names this job, but states no goal")
    step = verdicts.get("milestones")
    if step is not None and step.status == MET:  # a step read as scheduled ("I'll get my ticket by spring") is a plan
        return
    for cid in ("timeline", "milestones"):
        v = verdicts.get(cid)
        if v is not None and v.status != MISSING:
            verdicts[cid] = Verdict(MISSING, "missing", [], v.slots, "no goal stated for it to serve")


def _paid_link(ctx: Ctx, verdicts: dict[str, Verdict]) -> None:
    """When pay is the only driver, the job is wanted for what it pays: of such answers the rules read as tied to the
    job, labellers read 19 as partly tied and 8 as tied. A title wanted is a goal the job leads to (21 tied, 11
    partly), so a title alone leaves the link as it is."""
    money, role = verdicts.get("motivation_not_money"), verdicts.get("role_alignment")
    paid = money is not None and money.status == FLAGGED and bool(ctx.why.money)
    if paid and role is not None and role.status == MET:
        verdicts["role_alignment"] = Verdict(PARTIAL, "income", role.spans, role.slots, "ties this job to the pay only")


def _gaps(parts) -> str:
    """The parts of the shape the answer left out, for a tip that asks for more ("the plan and the timeline"), so a
    short answer is never told to add what it already has."""
    names = [f"the {p.label.lower()}" for p in parts if not p.found]
    if not names:
        return "the part you said least about"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _prefetch(ctx: Ctx, ids: tuple[str, ...]) -> None:
    """The sentences the pay, hobby, bragging and listed-goal checks will read, embedded in one batch (a call of
    the embedder costs several milliseconds beyond its sentences)."""
    from simulator.content.crit_avoid import bragging_cues
    from simulator.content.crit_plan import goal_step_sentences
    from simulator.content.hobbies import goal_sentences_besides

    sentence = ctx.meaning.sentence
    wanted = {
        "money": [sentence(lo) for lo, _ in ctx.money_hits] if {"motivation_not_money", "goal_why"} & set(ids) else [],
        "hobby": [sentence(lo) for lo, _ in ctx.hobbies] + goal_sentences_besides(ctx)
        if "professional_goal" in ids
        else [],
        "boasting": [sentence(i) for i in bragging_cues(ctx)[0]] if "no_boasting" in ids else [],
        "goal": goal_step_sentences(ctx) if "milestones" in ids else [],
    }
    ctx.meaning.prefetch(wanted)


def answer_context(transcript, context, *, rubric: Rubric, options: ContentOptions = ContentOptions()) -> Ctx:
    """The parsed answer and what every rule shares (also what bench/train_goal_why.py fits on)."""
    if not transcript.words:
        raise BadInputError("The answer has no words to check; record or write a full answer.")
    nlp = get_nlp()
    parsed = parse(transcript, nlp, unsure_below=options.unsure_probability)
    lex = _lexicon(rubric, nlp)
    lex.attach(parsed.doc, parsed.unsure_tokens)
    return Ctx(
        parsed=parsed,
        lex=lex,
        context=context,
        options=options,
        word_count=word_count(transcript),
        speech_s=speech_seconds(transcript),
        nlp=nlp,
    )


def rule_verdicts(ctx: Ctx, ids: tuple[str, ...]) -> tuple[dict[str, Verdict], bool, set[str]]:
    """Each criterion's verdict by its rule, with the flags the answer-level avoid model adds (also what
    bench/train_stack.py fits on), whether the stated goal is the flagged point, and the criteria whose words are."""
    rules = implemented_rules()
    _prefetch(ctx, ids)
    verdicts = {cid: rules[cid].check(ctx) for cid in ids}
    avoid_model.raise_flags(ctx, verdicts)
    goal_flagged, tainted = _redirect(ctx, verdicts)
    _no_career_goal(ctx, verdicts)
    _no_goal_at_all(verdicts)
    _paid_link(ctx, verdicts)
    return verdicts, goal_flagged, tainted


def check_content(
    transcript, question, context, *, rubric: Rubric | None = None, options: ContentOptions = ContentOptions()
) -> ContentReport:
    """Check what the answer says against the question's rubric criteria, with its kind's tips and shape."""
    rubric = rubric or load_rubric()
    ids = tuple(question.criteria) or tuple(rubric.criteria)
    check_question_criteria(rubric, question.id, ids)
    ctx = answer_context(transcript, context, rubric=rubric, options=options)
    rules = implemented_rules()
    verdicts, goal_flagged, tainted = rule_verdicts(ctx, ids)
    if options.reweigh:
        stack.reweigh(ctx, verdicts, keep=tainted | {cid for cid, v in verdicts.items() if v.outcome == OFF_GOAL})
    goal = OTHER_GOAL if goal_flagged else ctx.goal_text()
    defaults = {**dict.fromkeys(PLACEHOLDERS, ""), "goal": goal, "role_ref": role_ref(ctx)}
    for cid in tainted & {c for c in ids if OFF_GOAL in rules[c].outcomes}:
        verdicts[cid].outcome = OFF_GOAL
    kind = rubric.kinds.get(question.kind, KindRubric())
    parts, in_order = structure(ctx, kind.shape)
    defaults["gaps"] = _gaps(parts)
    results = [_result(ctx, rubric, kind, cid, verdicts[cid], defaults) for cid in ids]
    weights = weighting(rubric, ids)
    return ContentReport(
        score=score(results, weights),
        weighting=weights,
        criteria=results,
        summary=summarize(results, weights, not_praised=tainted),
        structure=parts,
        in_recommended_order=in_order,
        question_id=question.id,
        word_count=ctx.word_count,
        speech_s=ctx.speech_s,
        options=options,
        engine=engine_name(),
        hedges=[ctx.parsed.hedge(h.start, h.end, h.phrase) for h in ctx.hedges],
        kind=question.kind,
        shape_name=kind.shape_name,
    )
