"""Rules about the plan: milestones, past_accomplishment and timeline.

The steps and accomplishments they judge are found in plan.py; a date on
"will take the test" is a timeline, a date on "completed an internship" is not.
"""

from __future__ import annotations

from simulator.content.base import Ctx, Verdict, distinct
from simulator.content.hobbies import pastime_in
from simulator.content.ling import governing_verb, is_first_person, lower, negated, subject, verb_time
from simulator.content.meaning import MODEL, inside
from simulator.content.plan import asks_listener, drifts, study_aims, tentative
from simulator.content.rules import OFF_GOAL, rule
from simulator.content.segment import clause_of
from simulator.content.types import DO, MET, MISSING, PARTIAL


def _not_someone_else(verb, lex) -> bool:
    """For time frames: anyone but another person ('which ends in June' is fine, 'he retires in May' is not)."""
    subj = subject(verb)
    return subj is None or lower(subj) not in lex.words("grammar", "other_people")


def _scheduled(ctx: Ctx) -> list:
    """The classifier's calls reading a sentence with a step word or a date ahead as a step scheduled or under
    way. Its "no" is not used: it says no to vague steps ("take some courses") as well as to non-steps, and
    demoting the rules' concrete steps with it lost agreement with the labels."""
    meaning, doc = ctx.meaning, ctx.doc
    # a step word said of what is done ("I've written for my college paper") is no cue; a date ahead still is
    nouns = [lo for lo, _ in ctx.lex.ph("steps", "nouns").find(doc)]
    cues = [i for i in nouns if verb_time(governing_verb(doc[i])) not in ("past", "perfect")]
    cues = [i for i in cues if not tentative(governing_verb(doc[i]))]  # "maybe I'll take the exam": not scheduled
    times = [t for t in ctx.times if t.upcoming and not t.vague and not t.frequency]
    times = [t for t in times if not _dates_a_goal(ctx, t)]  # "Director within the next two years" is the goal's date
    times = [t for t in times if not _plans_nothing(ctx, doc[t.verb_i])]  # "I'll figure the rest out after January"
    cues += [t.start for t in times if _not_someone_else(doc[t.verb_i], ctx.lex)]  # not "you'll talk to this week"
    aside = ctx.set_aside + ctx.taken_back  # "outside of work I'm training for a half in October": no career step
    cues = [i for i in cues if not any(a <= i < b for a, b in aside)]
    return meaning.positive("milestone", [meaning.sentence(i) for i in cues])


def _plans_nothing(ctx: Ctx, verb) -> bool:
    """An idiom of drifting, or a question put to the interviewer: its date times no plan of the speaker's."""
    return drifts(ctx, clause_of(verb)) or asks_listener(verb.sent)


def _dates_a_goal(ctx: Ctx, t) -> bool:
    """'I'm aiming for Director within the next two years': a date on the goal itself is its timeline, no step."""
    goals = ctx.goals.goals + ctx.goals.named  # not steps, nor goals that point back ("I want to take it in May")
    return any(g.start <= t.start < g.end or t.verb_i in (g.trigger_i, g.head_i) for g in goals)


def _not_listed_goals(ctx: Ctx) -> tuple[list, dict]:
    """The steps, without those in a sentence the classifiers read as a goal statement and as no milestone: "I
    want to get into management, learn French, and run the Boston Marathon" lists goals, not steps."""
    meaning, aside = ctx.meaning, ctx.set_aside  # "outside of work I'm training for a half in October": no step
    steps = [s for s in ctx.steps if not any(a <= s.head_i < b for a, b in aside)]
    lists = [c for c in meaning.positive("goal", goal_step_sentences(ctx)) if meaning.negative("milestone", [c.span])]
    kept = [s for s in steps if not s.concrete or inside(s.head_i, lists) is None]  # "take some courses" stays vague
    return kept, ({"signal": MODEL, "signal_score": round(max(c.score for c in lists), 3)} if lists else {})


def goal_step_sentences(ctx: Ctx) -> list[tuple[int, int]]:
    """The sentences holding both a goal statement and a concrete step: the ones the goal classifier reads."""
    meaning = ctx.meaning
    stated = {meaning.sentence(g.trigger_i) for g in ctx.goals.mentions}
    return [meaning.sentence(s.head_i) for s in ctx.steps if s.concrete and meaning.sentence(s.head_i) in stated]


@rule("milestones", kind=DO, outcomes=("met", "vague", "weighed", "missing", OFF_GOAL), about_goal=True)
def milestones(ctx: Ctx) -> Verdict:
    """Concrete upcoming steps: a named course, exam or certification, or a sentence the classifier reads as a
    step scheduled or under way ("the exam is scheduled for August ninth")."""
    steps, signal = _not_listed_goals(ctx)
    concrete = sorted((s for s in steps if s.concrete), key=lambda s: s.time is None)
    if concrete:
        spans = [s.span for s in concrete]
        return Verdict(MET, "met", spans, {"quote": ctx.q(spans[0])}, f"{len(concrete)} concrete upcoming step(s)")
    found = _scheduled(ctx)
    if found:
        best = max(found, key=lambda c: c.score)
        span = _clause_with_cue(ctx, best.span)
        return Verdict(MET, "met", [span], {"quote": ctx.q(span)}, "a step read as scheduled", MODEL, best.score)
    if steps:
        spans = [s.span for s in steps[:2]]
        return Verdict(PARTIAL, "vague", spans, {"quote": ctx.q(spans[0])}, "upcoming steps, none concrete", **signal)
    # with four goals or more, "learn French" is one more goal on the list rather than a step toward one
    aims = study_aims(ctx) if ctx.goals.count <= ctx.options.goals_partial else []
    if aims:
        return Verdict(PARTIAL, "vague", aims[:2], {"quote": ctx.q(aims[0])}, "a study plan, no step named", **signal)
    return Verdict(MISSING, "missing", [], {}, "no upcoming step found", **signal)


def _clause_with_cue(ctx: Ctx, sentence: tuple[int, int]) -> tuple[int, int]:
    """The clause of a sentence that holds its step word or date: what to quote for a step the classifier found."""
    times = [t.start for t in ctx.times if sentence[0] <= t.start < sentence[1] and t.upcoming]
    nouns = [lo for lo, _ in ctx.lex.ph("steps", "nouns").find(ctx.doc[sentence[0] : sentence[1]])]
    cue = (nouns + times + [sentence[0]])[0]
    return clause_of(ctx.doc[cue])


@rule("past_accomplishment", kind=DO, outcomes=("met", "vague", "weighed", "missing", OFF_GOAL))
def past_accomplishment(ctx: Ctx) -> Verdict:
    """A goal already reached, offered as evidence, or what was learned from it; a pastime's is only general."""
    found = ctx.accomplishments
    done = [a for a in found if a.specific and a.kind in ("verb", "credential") and not pastime_in(ctx, a.span)]
    learned = [a for a in found if a.kind == "learned"]
    if done or (learned and any(a.kind != "learned" for a in found)):
        spans = distinct([a.span for a in done + learned])[:3]
        return Verdict(MET, "met", spans, {"quote": ctx.q(spans[0])}, "a reached goal told in the past tense")
    if found:
        spans = distinct([a.span for a in found])[:2]
        return Verdict(PARTIAL, "vague", spans, {"quote": ctx.q(spans[0])}, "only general experience or lessons")
    return Verdict(MISSING, "missing", [], {}, "no past accomplishment found")


def _frames_ahead(ctx: Ctx, t) -> bool:
    """A time for something the speaker still has ahead: not a rhythm, a length, or someone else's plan."""
    doc, verb = ctx.doc, ctx.doc[t.verb_i]
    lasting = _duration(doc, t, ctx.lex) and not t.vague  # "to stay for a long time" is still a vague horizon
    if not t.upcoming or t.frequency or lasting or not _not_someone_else(verb, ctx.lex):
        return False
    if negated(verb) or _plans_nothing(ctx, verb):  # "I don't really do long-term plans", "get through this year"
        return False
    if verb.pos_ not in ("VERB", "AUX") and not ctx.in_goal(t.start):
        return False
    # a vague time on a plain present ("I like it most days") is no time frame at all; on a wish of the speaker's
    # ("Long term I want to be the person who …") it is a horizon
    wish = verb.lemma_.lower() in ctx.lex.words("goal", "aim_verbs") and is_first_person(verb)
    return not (t.vague and verb_time(verb) == "present" and not _in_goal_sentence(ctx, t.start) and not wish)


@rule("timeline", kind=DO, outcomes=("met", "vague", "missing", OFF_GOAL), about_goal=True)
def timeline(ctx: Ctx) -> Verdict:
    """A time frame attached to an upcoming step or to the goal."""
    aside = ctx.set_aside + ctx.taken_back  # a pastime's date is no time frame for the career, nor a joke's
    ahead = [t for t in ctx.times if _frames_ahead(ctx, t) and not any(a <= t.start < b for a, b in aside)]
    real = [t for t in ahead if not t.vague and not _hedged_twice(ctx, t)]
    step = ctx.steps[0] if ctx.steps else None
    slots = {"step": f" ({ctx.q(step.span)})" if step else ""}
    if real:
        spans = [(t.start, t.end) for t in real[:3]]
        return Verdict(MET, "met", spans, {**slots, "quote": ctx.q(spans[0])}, "a dated upcoming step or goal")
    if ahead:
        spans = [(t.start, t.end) for t in ahead[:2]]
        return Verdict(PARTIAL, "vague", spans, {**slots, "quote": ctx.q(spans[0])}, "only vague timing")
    return Verdict(MISSING, "missing", [], slots, "no time frame for what lies ahead")


def _in_goal_sentence(ctx: Ctx, i: int) -> bool:
    sent = ctx.doc[i].sent
    return any(sent.start <= g.trigger_i < sent.end for g in ctx.goals.mentions)


def _hedged_twice(ctx: Ctx, t) -> bool:
    """'at some point, hopefully this year': a hedged date beside a vague time in its sentence commits to nothing.
    A hedged date alone ('probably next spring') is still a time frame, as the blind labels read it; the hedge
    counts against confident language."""
    doc, lex = ctx.doc, ctx.lex
    if not any(lower(x) in lex.words("time", "hedged") for x in doc[max(0, t.start - 2) : t.start]):
        return False
    sent = doc[t.start].sent
    return any(o.vague and sent.start <= o.start < sent.end for o in ctx.times)


def _duration(doc, t, lex) -> bool:
    """'for two hours', 'two hours a day': how long, not by when ('for August ninth' names a day)."""
    span = {lower(x) for x in doc[t.start : t.end]}
    if span & (lex.words("time", "months") | lex.words("time", "explicit_future")):
        return False  # "for the next year", "booked for the 14th of next month": a period or day ahead
    preps = lex.words("time", "duration_preps")
    before = doc[t.start - 1] if t.start > 0 else None
    return (
        lower(doc[t.start]) in preps
        or (before is not None and lower(before) in preps)
        or any(lower(x) in lex.words("time", "duration_units") for x in doc[t.start : t.end])
    )
