"""What a behavioural answer covers of STAR: situation, task, action and result.

Built on the story clauses of story.py. The situation is what was going on
(a past event or state that is not one of the candidate's own steps) placed
by a time or a place, in the opening of the story. The task is an aim the
candidate owned ("I had to…", "my job was…", "I was asked to…"); the same aim
said of the team ("we had to…") is shared. Actions are the candidate's own
past steps. The result is what follows the last step: an outcome with a
measure or a before and after, a concrete event, or a lesson; evaluative
words alone ("it went well", "she was happy") make it vague.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.content.ling import PERFECT, lower, negated, subject, verb_time
from simulator.content.segment import clause_of
from simulator.content.story import (
    OTHER,
    SELF,
    TEAM,
    Clause,
    employment,
    hypothetical,
    infinitive_of,
    objects,
    passive,
    progressive,
    read_clauses,
)

MAX_OPENING_SENTENCES = 3  # sentences; the situation is set within the first ones of the story
MAX_CLIMB = 6  # heads climbed to find the step an outcome-like clause belongs to
VAGUE_REACH = 2  # tokens after an outcome clause still read for evaluative words ("it went really | well")


@dataclass
class StarFindings:
    """Token spans of what the answer covers of each STAR part."""

    clauses: list[Clause]
    circumstances: list[tuple[int, int]] = field(default_factory=list)  # what was going on
    anchors: list[tuple[int, int]] = field(default_factory=list)  # when or where, or a number or name that places it
    openers: list[tuple[int, int]] = field(default_factory=list)  # "once", "one time": a thin anchor
    own_tasks: list[tuple[int, int]] = field(default_factory=list)
    shared_tasks: list[tuple[int, int]] = field(default_factory=list)
    mine: list[Clause] = field(default_factory=list)  # the candidate's own past steps
    ours: list[Clause] = field(default_factory=list)  # steps told as "we"
    outcomes: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # kind -> spans
    lessons: list[tuple[int, int]] = field(default_factory=list)  # a specific lesson
    vague_lessons: list[tuple[int, int]] = field(default_factory=list)  # "I learned a lot"
    opening_end: int = 0  # token index where the opening (the situation) ends

    @property
    def concrete_steps(self) -> int:
        return sum(c.steps for c in self.mine if c.concrete)


def _w(lex, key: str) -> frozenset[str]:
    return lex.words("star", key)


def _sentence_of(doc, i: int) -> int:
    return next(k for k, s in enumerate(doc.sents) if s.start <= i < s.end)


# ---------------------------------------------------------------- task


def _task_noun_kind(tok, lex) -> str | None:
    """'My job was to…', 'the challenge for me was…' (own); 'our goal was…', 'the deadline was…' (shared)."""
    if not (tok.head.lemma_ == "be" or tok.dep_ in ("attr", "nsubj")):
        return None
    owner = {lower(c) for c in tok.children if c.dep_ in ("poss", "det")}
    me = lex.words("story", "me")
    for_me = any(
        lower(p) == "for" and any(lower(g) in me for g in p.children) for p in tok.children if p.dep_ == "prep"
    )
    if owner & lex.words("grammar", "own_possessives") - _w(lex, "shared_owners") or for_me:
        return "own"
    return "shared" if owner & _w(lex, "shared_owners") else None


def _task_kind(tok, clause: Clause | None, lex) -> str | None:
    """'own' or 'shared' when ``tok`` states an aim of the story, else None."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN" and lemma in _w(lex, "task_nouns"):
        return _task_noun_kind(tok, lex)
    if clause is None or not clause.past or negated(tok):
        return None
    aims = lemma in _w(lex, "aim_verbs") and any(c.pos_ == "VERB" and infinitive_of(c) for c in tok.children)
    to_me = any(lower(c) in lex.words("story", "me") for c in tok.children if c.dep_ in ("dobj", "dative"))
    to_do = any(c.pos_ == "VERB" and infinitive_of(c) for c in tok.children)  # "asked me <to sort it out>"
    assigned = lemma in _w(lex, "assign_verbs") and (passive(tok) or (to_me and to_do))
    charged = lemma == "be" and any(c.dep_ == "acomp" and lower(c) in _w(lex, "task_adjectives") for c in tok.children)
    if not (aims or assigned or charged):
        return None
    if clause.who == SELF or (assigned and to_me and not passive(tok)):
        return "own"
    subj = subject(tok)
    return "shared" if clause.who == TEAM or (subj is not None and lower(subj) in _w(lex, "shared_owners")) else None


def _find_tasks(doc, lex, by_head: dict[int, Clause], found: StarFindings) -> None:
    """Aims stated with grammar ('I had to…', 'my job was…') and with phrases ('it was up to me')."""
    for tok in doc:
        kind = _task_kind(tok, by_head.get(tok.i), lex)
        if kind:
            (found.own_tasks if kind == "own" else found.shared_tasks).append(clause_of(tok))
    for lo, _ in lex.ph("star", "own_task_phrases").find(doc):
        if not hypothetical(doc[lo].head, lex):
            found.own_tasks.append(clause_of(doc[lo]))
    for lo, _ in lex.ph("star", "shared_task_phrases").find(doc):
        found.shared_tasks.append(clause_of(doc[lo]))


# ---------------------------------------------------------------- situation


def _opening(doc, found: StarFindings, lex) -> tuple[int, int, int, int]:
    """The opening of the story, [lo, hi), where the situation is set; the end of its first sentence; its limit.

    It starts at the first sentence that has a verb ("Sure." is no story) and ends at the first
    task or step of the candidate's own, or at a sentence that gives the result ("In the end…"),
    within MAX_OPENING_SENTENCES sentences.
    """
    sents = list(doc.sents)
    verbs = {c.head for c in found.clauses}
    first = next((k for k, s in enumerate(sents) if any(s.start <= v < s.end for v in verbs)), 0)
    lo = sents[first].start
    cap = sents[min(first + MAX_OPENING_SENTENCES, len(sents)) - 1].end
    outcome_said = [s.start for s in sents[first + 1 :] if lex.ph("star", "result_markers").find(s)]
    return lo, min([m for m in _marks(found) + outcome_said if m >= lo] + [cap]), sents[first].end, cap


def _marks(found: StarFindings) -> list[int]:
    """Where the candidate's task or own steps begin: the end of the situation."""
    return [s[0] for s in found.own_tasks + found.shared_tasks] + [c.span[0] for c in found.mine]


def _place(tok, lex, steps: set[int], times: set[int]) -> bool:
    """'at the bistro', 'on a night shift', 'as the night manager': a where or a who of the story.

    Not where a step was done ('we looked at the logs'), unless fronted to set the scene ('At a gaming company, we…').
    """
    if tok.dep_ != "prep" or lower(tok) not in _w(lex, "place_preps"):
        return False
    if tok.head.i in steps and tok.i > tok.head.i:
        return False
    return any(
        g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN") and not g.ent_type_ and g.i not in times for g in tok.children
    )


def _anchors(ctx, lo: int, hi: int, told: set[int], steps: set[int]) -> list[tuple[int, int]]:
    """When and where, in sentences of [lo, hi) that tell something: a date or time, a place, an employer, a role."""
    doc, lex = ctx.doc, ctx.lex
    later, out = _w(lex, "not_anchors"), []
    in_times = {i for t in ctx.times for i in range(t.start, t.end)}
    for t in ctx.times:
        if lo <= t.start < hi and not (t.vague or t.frequency) and _sentence_of(doc, t.start) in told:
            if not {lower(x) for x in doc[t.start : t.end]} & later:
                out.append((t.start, t.end))
    for tok in doc[lo:hi]:
        placed = _place(tok, lex, steps, in_times) or tok.ent_type_ in _w(lex, "place_entities")
        if placed and _sentence_of(doc, tok.i) in told:
            out.append(clause_of(tok))
    return out


def _doings(doc, found: StarFindings, lex) -> set[int]:
    """Verbs of things the candidate or their team did ('we looked at the logs'), not settings ('I was working')."""
    return {
        c.head
        for c in found.clauses
        if c.told and c.who in (SELF, TEAM) and doc[c.head].pos_ == "VERB"
        if doc[c.head].lemma_.lower() not in lex.words("story", "states")
        if not (progressive(doc[c.head]) or employment(doc[c.head], lex))
    }


def _detailed(span, doc, lex) -> bool:
    """'his delivery was three days late', 'the Leeds depot lost power': a number or a name places it too."""
    toks = doc[span[0] : span[1]]
    return _measured(span, doc, lex) or any(t.ent_type_ in _w(lex, "place_entities") for t in toks)


def _find_situation(ctx, found: StarFindings) -> None:
    """What was going on and when or where, in the opening.

    When the opening sentence is placed but tells only the candidate's own step ("In my first month as a
    payroll clerk, I entered the wrong rate"), that step is the event, and the opening runs on to the next one.
    """
    doc, lex = ctx.doc, ctx.lex
    # what happened then, not "I have worked in retail for years": the present perfect tells no event
    events = [c for c in found.clauses if c.told and verb_time(doc[c.head]) != PERFECT]
    told = {_sentence_of(doc, c.head) for c in events}
    mine = {c.head for c in found.mine}
    lo, hi, first_end, cap = _opening(doc, found, lex)

    def going_on(lo: int, hi: int, event_end: int) -> list[tuple[int, int]]:
        return [c.span for c in events if lo <= c.head < hi and (c.head not in mine or c.head < event_end)]

    circumstances = going_on(lo, hi, lo)
    if not circumstances and hi < first_end and _anchors(ctx, lo, first_end, told, set()):
        hi = min([m for m in _marks(found) if m >= first_end] + [cap])
        circumstances = going_on(lo, hi, first_end)
    found.circumstances += circumstances
    found.opening_end = hi
    found.anchors += _anchors(ctx, lo, hi, told, _doings(doc, found, lex))
    found.anchors += [span for span in circumstances if _detailed(span, doc, lex)]
    found.openers += [(a, b) for a, b in lex.ph("star", "openers").find(doc) if lo <= a < max(hi, first_end)]


# ---------------------------------------------------------------- result


def _measured(span, doc, lex) -> bool:
    """A number, a named measure, or a before and after ('on time', 'no longer', 'within an hour') in the span."""
    toks = doc[span[0] : span[1]]
    weak = lex.words("specificity", "weak_numbers")
    return (
        any(t.like_num and lower(t) not in weak for t in toks)
        or any(t.ent_type_ in _w(lex, "measure_entities") for t in toks)
        or any(lower(t) in _w(lex, "measured_words") for t in toks)
        or bool(lex.ph("star", "measured_phrases").find(toks))
    )


def _outcome_kind(c: Clause, doc, lex, times: set[int]) -> str | None:
    """'measured', 'concrete' or 'vague' for a clause told after the steps; None when it is no outcome."""
    verb = doc[c.head]
    if not c.past:
        return None
    toks = doc[c.span[0] : min(c.span[1] + VAGUE_REACH, len(doc))]
    if any(t.lemma_.lower() in _w(lex, "vague_outcomes") or lower(t) in _w(lex, "vague_outcomes") for t in toks):
        return "measured" if _measured(c.span, doc, lex) else "vague"
    if _measured(c.span, doc, lex) or negated(verb):
        return "measured"
    if verb.lemma_ == "be" and not any(t.pos_ in ("NOUN", "PROPN", "ADJ") for t in toks if t.i != verb.i):
        return None
    if _empty_subject(verb, lex, times):
        return "vague"  # "things improved", "it changed"
    state = c.who == TEAM and verb.lemma_.lower() in lex.words("story", "states")  # "we were back online"
    return "concrete" if c.who == OTHER or state or verb.lemma_.lower() in _w(lex, "outcome_verbs") else None


def _empty_subject(verb, lex, times: set[int]) -> bool:
    """An outcome said of nothing in particular, with nothing named after it: 'things changed after that'."""
    subj = subject(verb)
    named = [o for o in objects(verb) if o.pos_ in ("NOUN", "PROPN") and o.i not in times]
    return subj is not None and lower(subj) in _w(lex, "empty_subjects") and not named


def _find_lessons(doc, lex, start: int, found: StarFindings) -> set[int]:
    """Lessons told from token ``start`` on, specific or vague; returns the tokens they cover."""
    taken = set()
    vague = lex.ph("star", "vague_lessons")
    for lo, _ in lex.ph("star", "lessons").find(doc):
        if lo < start:
            continue
        span = clause_of(doc[lo])
        taken |= set(range(*span))
        (found.vague_lessons if vague.find(doc[span[0] : span[1]]) else found.lessons).append(span)
    return taken


def _part_of_step(verb, steps: set[int]) -> bool:
    """'we got <it done>', 'cancelled the orders <that came in>': part of a step, not an outcome.

    A verb conjoined to a step ('I restarted it and <the system came back>') is its own clause.
    """
    t = verb
    for _ in range(MAX_CLIMB):
        if t.dep_ in ("conj", "parataxis", "ROOT") or t.head.i == t.i:
            return False
        if t.head.i in steps:
            return True
        t = t.head
    return False


def _find_result(ctx, found: StarFindings) -> None:
    """Outcomes after the candidate's last step (the team's last step when all is told as "we"), and lessons."""
    doc, lex = ctx.doc, ctx.lex
    times = {i for t in ctx.times for i in range(t.start, t.end)}
    outcome_verbs = _w(lex, "outcome_verbs")
    steps = [c for c in found.mine or found.ours if doc[c.head].lemma_.lower() not in outcome_verbs]
    heads = {c.head for c in found.mine + found.ours}
    if steps:
        after = max(c.span[1] for c in steps)
    elif found.circumstances:
        after = found.opening_end  # no steps: what follows the situation ("the problem was solved in the end")
    else:
        return
    in_lessons = _find_lessons(doc, lex, min(heads | {after}), found)
    tasks = set(found.own_tasks + found.shared_tasks)
    for c in found.clauses:
        verb = doc[c.head]
        if c.head < after or c.head in in_lessons or c.span in tasks or _part_of_step(verb, heads):
            continue
        kind = _outcome_kind(c, doc, lex, times)
        if kind:
            found.outcomes.setdefault(kind, []).append(c.span)


def find_star(ctx) -> StarFindings:
    """The answer's STAR parts, as token spans."""
    doc, lex = ctx.doc, ctx.lex
    found = StarFindings(clauses=read_clauses(doc, lex))
    by_head = {c.head: c for c in found.clauses}
    _find_tasks(doc, lex, by_head, found)
    lesson_words = {lo for lo, _ in lex.ph("star", "lessons").find(doc)}
    for c in found.clauses:
        if c.told and c.action and c.who in (SELF, TEAM) and not any(c.span[0] <= i < c.span[1] for i in lesson_words):
            (found.mine if c.who == SELF else found.ours).append(c)
    _find_situation(ctx, found)
    _find_result(ctx, found)
    return found
