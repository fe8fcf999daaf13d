"""What the answer plans and has done: upcoming steps and past accomplishments.

Finders for the plan rules (crit_plan.py) and the answer's structure. Tense
decides which is which: a course "I will take" is a step, a course "I
completed" is an accomplishment; a step in the perfect counts only when it
commits to something still ahead ("I've enrolled in …").
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.content.ling import (
    PAST,
    PERFECT,
    UPCOMING,
    content_lemmas,
    governing_verb,
    is_first_person,
    is_past,
    lower,
    negated,
    subject,
    verb_time,
)
from simulator.content.segment import clause_of

# Perfect-tense verbs that commit to something still ahead: "I've enrolled in …".
COMMIT_VERBS = frozenset(
    {
        "enroll",
        "enrol",
        "register",
        "sign",
        "book",
        "schedule",
        "start",
        "begin",
        "create",
        "set",
        "apply",
        "join",
        "plan",
        "arrange",
        "commit",
    }
)
VAGUE_DETERMINERS = frozenset({"some", "any", "more", "few", "several", "various", "certain", "other"})
VAGUE_MODIFIERS = frozenset(
    {
        "some",
        "more",
        "few",
        "online",
        "other",
        "new",
        "different",
        "relevant",
        "additional",
        "extra",
        "various",
        "several",
        "any",
        "many",
        "a",
        "couple",
        "certain",
        "further",
        "useful",
        "good",
        "right",
    }
)
INTENT_HEADS = frozenset(
    {"want", "plan", "hope", "try", "decide", "need", "intend", "aim", "wish", "mean", "expect", "would", "like"}
)
EXPERIENCE_VERBS = frozenset({"work", "spend", "be", "have", "stay"})
COLLECTIVE = frozenset(
    {
        "team",
        "group",
        "department",
        "project",
        "work",
        "company",
        "startup",
        "class",
        "crew",
        "unit",
        "squad",
        "store",
        "shop",
        "business",
        "office",
        "lab",
        "app",
        "product",
        "paper",
        "research",
    }
)
SELF_DEVELOPMENT = frozenset(
    {"learn", "study", "develop", "improve", "gain", "keep", "expand", "grow", "practice", "practise", "read"}
)
NOT_ACTIONS = frozenset(
    {"be", "have", "become", "feel", "think", "know", "need", "see", "get", "go", "want", "like", "love", "hope"}
)
RESTATE_OVERLAP = 0.6  # share of a step's content words that repeat the goal
GENERIC_OBJECTS = frozenset(
    {
        "thing",
        "things",
        "stuff",
        "lot",
        "lots",
        "bunch",
        "plenty",
        "ton",
        "it",
        "that",
        "this",
        "everything",
        "something",
        "anything",
        "much",
    }
)


@dataclass
class Step:
    span: tuple[int, int]
    head_i: int
    concrete: bool
    time: object | None = None  # timex.TimeExpr with a real date, if the step has one


@dataclass
class Accomplishment:
    span: tuple[int, int]
    specific: bool
    kind: str  # verb | credential | learned | experience


def _mine(verb) -> bool:
    """The speaker (or their team or project) is the one acting."""
    subj = subject(verb)
    if subj is None or is_first_person(verb):
        return True
    return subj.lemma_.lower() in COLLECTIVE and any(lower(c) in ("my", "our") for c in subj.children)


def _step_time(ctx, verb) -> object | None:
    for t in ctx.times:
        if t.upcoming and not t.vague and not t.frequency and t.verb_i == verb.i:
            return t
    return None


def _concrete_noun(tok) -> bool:
    if tok.pos_ == "PROPN" or tok.ent_type_ or (tok.text.isupper() and len(tok.text) > 1):
        return True
    if any(c.dep_ == "det" and lower(c) in VAGUE_DETERMINERS for c in tok.children):
        return False  # "some online classes", "more training"
    for c in tok.children:
        low = lower(c)
        if c.dep_ in ("compound", "amod", "nummod", "npadvmod") and low not in VAGUE_MODIFIERS:
            return True
        if (
            c.dep_ == "prep"
            and low in ("in", "on", "for", "with", "about")
            and any(g.pos_ in ("NOUN", "PROPN") for g in c.children)
        ):
            return True
    return False


def _upcoming_step_verb(verb) -> bool:
    t = verb_time(verb)
    return t in UPCOMING or (t == PERFECT and verb.lemma_.lower() in COMMIT_VERBS)


def find_steps(ctx) -> list[Step]:
    """Upcoming or ongoing steps (not the goal statement itself), in order."""
    lex, doc = ctx.lex, ctx.doc
    nouns, step_verbs = lex.ph("steps", "nouns"), lex.ph("steps", "verbs")
    tails = lex.ph("steps", "vague_tails").find(doc)
    step_heads = {g.head_i for g in ctx.goals.mentions if g.step}
    main = ctx.goals.main
    skip = {i for g in ctx.goals.mentions if g is main or not g.step for i in range(g.start, g.end)}
    steps: dict[int, Step] = {}
    for tok in doc:
        if tok.i in skip or negated(tok):
            continue
        if tok.pos_ == "NOUN" and nouns.has(tok):
            verb = governing_verb(tok)
        elif tok.pos_ == "VERB" and step_verbs.has(tok) and _has_object(tok):
            verb = tok
        else:
            continue
        if (
            verb.i in steps
            or verb.i in ctx.goals.heads - step_heads
            or verb.lemma_ == "be"
            or not _upcoming_step_verb(verb)
            or not _mine(verb)
            or negated(verb)
        ):
            continue
        span = clause_of(tok)
        if main and _restates(content_lemmas(doc[span[0] : span[1]]), main.lemmas):
            continue  # "to ensure I earn my CPA": the goal again, not a step toward it
        when = _step_time(ctx, verb)
        if tok.pos_ == "NOUN":
            concrete = _concrete_noun(tok)
        elif tok.lemma_.lower() in SELF_DEVELOPMENT:  # "learn more about X" is vague; "learn Python" is not
            concrete = any(
                o.pos_ == "PROPN" or o.ent_type_ or (o.text.isupper() and len(o.text) > 1) for o in _objects(tok)
            )
        else:
            concrete = any(_concrete_noun(o) for o in _objects(tok))
        if any(span[0] <= lo <= span[1] + 1 for lo, _ in tails):
            concrete, when = False, None  # "a leadership course or something"
        steps[verb.i] = Step(span=span, head_i=tok.i, concrete=concrete or when is not None, time=when)
    for t in ctx.times:  # "I'm entering the regional competition in April": any dated action still ahead
        verb = doc[t.verb_i]
        if verb.i in steps or verb.i in skip or not t.upcoming or t.vague or t.frequency:
            continue
        if (
            verb.pos_ == "VERB"
            and verb.lemma_.lower() not in NOT_ACTIONS | lex.words("goal", "verbs")
            and _mine(verb)
            and not negated(verb)
        ):
            span = clause_of(verb)
            if not (main and _restates(content_lemmas(doc[span[0] : span[1]]) - _time_words(doc, t), main.lemmas)):
                steps[verb.i] = Step(span=span, head_i=verb.i, concrete=True, time=t)
    return sorted(steps.values(), key=lambda s: s.span[0])


def _time_words(doc, t) -> set[str]:
    return {x.lemma_.lower() for x in doc[t.start : t.end]}


def _restates(step: set[str], goal: frozenset[str]) -> bool:
    return bool(step) and bool(goal) and len(step & goal) / len(step) >= RESTATE_OVERLAP


def _objects(verb) -> list:
    """Objects of a verb, without vague ones ('a lot of work') and times ('over the years')."""
    out = []
    for c in verb.children:
        if c.dep_ in ("dobj", "attr", "oprd"):
            out.append(c)
        elif c.dep_ == "prep":
            out += [g for g in c.children if g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME")]
    return [o for o in out if lower(o) not in GENERIC_OBJECTS]


def _has_object(verb) -> bool:
    return bool(_objects(verb))


def _measured(tok) -> bool:
    """A number, date or named thing in the clause: 'logged 6,000 hours', 'rewrote the scripts last spring'."""
    lo, hi = clause_of(tok)
    return any(
        (t.like_num and lower(t) not in ("one",))
        or t.ent_type_ in ("ORG", "PRODUCT", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "DATE")
        for t in tok.doc[lo:hi]
    )


def _accomplishment_verb(ctx, tok) -> Accomplishment | None:
    lex = ctx.lex
    if tok.pos_ not in ("VERB", "AUX") or verb_time(tok) not in (PAST, PERFECT) or negated(tok) or not _mine(tok):
        return None
    if tok.dep_ in ("xcomp", "ccomp") and tok.head.lemma_.lower() in INTENT_HEADS:
        return None  # "I decided to learn", "I wanted to finish": an intention, not a result
    lemma = tok.lemma_.lower()
    if (
        lemma == "get"
        and tok.tag_ == "VBN"
        and any(a.lemma_ == "have" for a in tok.children if a.dep_ == "aux")
        and verb_time(tok) == PERFECT
    ):
        return None  # "I've got a few things going on" = I have
    if lemma in EXPERIENCE_VERBS:
        duration = any(t.like_num or t.lemma_ in ("year", "month") for t in tok.subtree)
        return Accomplishment(clause_of(tok), False, "experience") if duration or lemma != "be" else None
    listed = lex.ph("accomplishment", "verbs").has(tok)
    if not listed:
        if lemma in lex.words("accomplishment", "non_verbs") or not (_objects(tok) and _measured(tok)):
            return None
        return Accomplishment(clause_of(tok), True, "verb")
    objs = _objects(tok) + [
        c for c in tok.children if c.dep_ in ("oprd", "acomp", "xcomp") and c.pos_ in ("VERB", "ADJ")
    ]
    weak = tok.lemma_.lower() in lex.words("accomplishment", "weak_verbs")
    specific = bool(objs) and (
        not weak
        or any(
            _concrete_noun(o) or lex.ph("steps", "nouns").has(o) or lex.ph("accomplishment", "credentials").has(o)
            for o in objs
        )
    )
    if tok.lemma_.lower() in ("graduate", "qualify"):
        specific = True
    return Accomplishment(clause_of(tok), specific, "verb")


def _credential(ctx, tok) -> Accomplishment | None:
    if tok.pos_ != "NOUN" or not ctx.lex.ph("accomplishment", "credentials").has(tok) or negated(tok):
        return None
    verb = governing_verb(tok)
    held = any(lower(c) in ("my", "our") for c in tok.children if c.dep_ == "poss") or (
        verb.lemma_ in ("have", "hold") and is_first_person(verb)
    )
    if (
        not held
        or (verb.lemma_ not in ("be", "have", "hold") and not is_past(verb))
        or verb_time(verb) not in ("present", PAST, PERFECT)
    ):
        return None
    return Accomplishment(clause_of(tok), _concrete_noun(tok), "credential")


def find_accomplishments(ctx) -> list[Accomplishment]:
    lex, doc = ctx.lex, ctx.doc
    out: list[Accomplishment] = []
    for tok in doc:
        found = _accomplishment_verb(ctx, tok) or _credential(ctx, tok)
        if found:
            out.append(found)
    for lo, _ in lex.ph("accomplishment", "learned").find(doc):
        if not negated(doc[lo]) and verb_time(governing_verb(doc[lo])) != "future":
            out.append(Accomplishment(clause_of(doc[lo]), True, "learned"))
    for lo, _ in lex.ph("accomplishment", "experience").find(doc):
        verb = governing_verb(doc[lo])
        if not negated(doc[lo]) and (is_past(verb) or verb.lemma_ in ("have", "be", "bring")) and _mine(verb):
            out.append(Accomplishment(clause_of(doc[lo]), False, "experience"))
    return sorted(out, key=lambda a: a.span[0])
