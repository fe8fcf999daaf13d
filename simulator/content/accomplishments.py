"""What the answer has done: past accomplishments, credentials held, lessons learned and experience.

A course "I completed" is an accomplishment, one "I will take" a step (plan.py); a verb in the perfect
progressive ("I've been freelancing") is experience up to now, unless it works toward a step.
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.content.ling import (
    PAST,
    PERFECT,
    governing_verb,
    is_first_person,
    is_past,
    lower,
    negated,
    subject,
    verb_time,
)
from simulator.content.plan import concrete_noun, mine, objects, topic
from simulator.content.segment import clause_of
from simulator.content.timex import perfect_progressive


@dataclass
class Accomplishment:
    span: tuple[int, int]
    specific: bool
    kind: str  # verb | credential | learned | experience


def _measured(tok) -> bool:
    """A number, date or named thing in the clause: 'logged 6,000 hours', 'rewrote the scripts last spring'."""
    lo, hi = clause_of(tok)
    return any(
        (t.like_num and lower(t) != "one")
        or t.ent_type_ in ("ORG", "PRODUCT", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "DATE")
        for t in tok.doc[lo:hi]
    )


def _past_and_mine(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") and verb_time(tok) in (PAST, PERFECT) and not negated(tok) and mine(tok)


def _not_a_result(tok, lex) -> bool:
    """'I decided to learn' (an intention) or "I've got a few things going on" (= I have)."""
    told = tok.tag_ == "VBD" and subject(tok) is not None  # "I got my A+ …, I want to…": a past of its own
    if tok.dep_ in ("xcomp", "ccomp") and tok.head.lemma_.lower() in lex.words("accomplishment", "intent_heads"):
        return not told
    have_aux = any(a.lemma_ == "have" for a in tok.children if a.dep_ == "aux")
    # "I've got two kids" may be tagged as a simple past beside its "'ve"
    return tok.lemma_.lower() == "get" and tok.tag_ in ("VBN", "VBD") and have_aux


def _experience(tok, lex) -> Accomplishment | None:
    """'I worked there for three years': time spent, not a reached goal ('I was' counts only with a length)."""
    durations = lex.words("accomplishment", "duration_words")
    lasted = any(t.like_num or t.lemma_ in durations for t in tok.subtree)
    return Accomplishment(clause_of(tok), False, "experience") if lasted or tok.lemma_.lower() != "be" else None


def _ranked(tok) -> bool:
    """'I had the highest satisfaction score on my team': a past 'have' of a superlative is a result."""
    return tok.lemma_ == "have" and any(
        c.dep_ == "dobj" and any(m.tag_ == "JJS" for m in c.children if m.dep_ == "amod") for c in tok.children
    )


def _time_spent(tok, lex) -> bool:
    """'I did eighteen months as a clerk', "I've done coordinator work": a weak verb whose object is time or work."""
    spent = lex.words("accomplishment", "duration_words") | lex.words("accomplishment", "experience_objects")
    weak = tok.lemma_.lower() in lex.words("accomplishment", "weak_verbs")
    objects = [c for c in tok.children if c.dep_ == "dobj"] or [c for c in tok.children if c.dep_ == "npadvmod"]
    lasted = [p for c in tok.children if c.dep_ == "prep" and lower(c) == "for" for p in c.subtree]
    # the tagger reads "did 18 months" either way; "I've done payroll for a couple of years" is time spent too
    return weak and (any(c.lemma_.lower() in spent for c in objects + lasted) or _line_of_work(tok, objects))


def _line_of_work(tok, objects) -> bool:
    """'I did reception', "I've done data entry": doing a bare noun, with no article, number or 'my', is the
    work one did, where "I did my AAT level 2" is something finished."""
    return tok.lemma_ == "do" and any(
        o.pos_ == "NOUN" and o.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "nummod") for c in o.children)
        for o in objects
    )


def _specific_result(tok, lex) -> bool:
    """A listed verb with an object; a weak verb ('did', 'took') needs a concrete or credential object."""
    objs = objects(tok) + [
        c for c in tok.children if c.dep_ in ("oprd", "acomp", "xcomp") and c.pos_ in ("VERB", "ADJ")
    ]
    lemma = tok.lemma_.lower()
    if lemma in lex.words("accomplishment", "always_specific"):
        return True
    if not objs or lemma not in lex.words("accomplishment", "weak_verbs"):
        return bool(objs)
    named = (lex.ph("steps", "nouns"), lex.ph("accomplishment", "credentials"))
    vague = lex.words("steps", "vague_determiners")  # "I've done some projects": which, and what came of them?
    return any(
        (concrete_noun(o) or any(ph.has(o) for ph in named)) and not any(lower(d) in vague for d in o.children)
        for o in objs
    )


def _intention(obj, lex) -> bool:
    """'three goals', 'a plan': an aim of one's own; "ran convoy movement plans" names work done."""
    named = any(c.dep_ == "compound" for c in obj.children)
    return obj.lemma_.lower() in lex.words("accomplishment", "intention_objects") and not named


def _redone(tok, lex) -> bool:
    """'rewrote', 're-ran': a listed action done again is the same kind of result."""
    lemma = tok.lemma_.lower()
    return lemma.startswith("re") and lemma[2:].lstrip("-") in lex.words("accomplishment", "verbs")


def _accomplishment_verb(ctx, tok) -> Accomplishment | None:
    lex = ctx.lex
    if not _past_and_mine(tok) or _not_a_result(tok, lex):
        return None
    lemma = tok.lemma_.lower()
    if _ranked(tok):
        return Accomplishment(clause_of(tok), True, "verb")
    if lemma in lex.words("accomplishment", "experience_verbs") or _time_spent(tok, lex):
        return _experience(tok, lex)
    if any(_intention(o, lex) for o in objects(tok)):
        return None  # "I've set myself three goals": an intention, not a result
    if lex.ph("accomplishment", "verbs").has(tok) or _redone(tok, lex):
        return Accomplishment(clause_of(tok), _specific_result(tok, lex), "verb")
    if lemma in lex.words("accomplishment", "founding_verbs") and any(
        lex.ph("accomplishment", "founded").has(o) for o in objects(tok)
    ):
        return Accomplishment(clause_of(tok), True, "verb")
    if lemma in lex.words("accomplishment", "non_verbs") or not (objects(tok) and _measured(tok)):
        return None
    return Accomplishment(clause_of(tok), True, "verb")


def _so_far(ctx, tok) -> Accomplishment | None:
    """'I've been freelancing for five years': activity up to now is experience, unless it works toward a step."""
    if tok.pos_ != "VERB" or not perfect_progressive(tok) or negated(tok) or not mine(tok):
        return None
    if tok.lemma_.lower() in ctx.lex.words("accomplishment", "non_verbs"):
        return None
    span = clause_of(tok)
    if any(ctx.lex.ph("steps", "nouns").has(t) for t in ctx.doc[span[0] : span[1]]):
        return None  # "I've been studying for the CPA exam": a step under way
    return Accomplishment(span, False, "experience")


def _held_training(tok, lex) -> bool:
    """'my GWO Basic Safety Training': a named course held is a credential."""
    return tok.pos_ == "PROPN" and lex.ph("steps", "nouns").has(tok) and any(c.dep_ == "compound" for c in tok.children)


def _credential(ctx, tok) -> Accomplishment | None:
    lex = ctx.lex
    named = _held_training(tok, lex)
    listed = tok.pos_ == "NOUN" and lex.ph("accomplishment", "credentials").has(tok)
    if not (listed or named) or negated(tok):
        return None
    verb = governing_verb(tok)
    own = lex.words("grammar", "own_possessives")
    held = any(lower(c) in own for c in tok.children if c.dep_ == "poss") or (
        verb.lemma_ in lex.words("accomplishment", "holding_verbs") and is_first_person(verb)
    )
    if (
        not held
        or (verb.lemma_ not in lex.words("accomplishment", "credential_verbs") and not is_past(verb))
        or verb_time(verb) not in ("present", PAST, PERFECT)
    ):
        return None
    field = any(topic(c) for c in verb.children if c.i > tok.i)  # "I have my bachelor's | in communication sciences"
    return Accomplishment(clause_of(tok), named or field or concrete_noun(tok), "credential")


def _moved_figure(ctx, tok) -> Accomplishment | None:
    """'our check-in score went from 8.1 to 8.7 after I pushed for a pre-arrival text': a figure moved, in the past,
    on something of the speaker's or by the speaker's doing, is a measured result."""
    if tok.pos_ != "VERB" or not is_past(tok) or negated(tok):
        return None
    preps = [p for p in tok.children if p.dep_ == "prep" and any(o.like_num for o in p.children)]
    ends = {lower(p) for p in preps} | {lower(t) for p in preps if lower(p) == "from" for t in p.subtree}
    if not {"from", "to"} <= ends:  # the parser may hang "to six" inside "from forty"
        return None
    own = ctx.lex.words("grammar", "own_possessives")
    subj = subject(tok)
    ours = subj is not None and any(lower(c) in own for c in subj.children)
    doing = any(c.dep_ == "advcl" and is_first_person(c) for c in tok.children)
    # "I moved us onto ParentPay in 2022, and the arrears went from forty to six": the figure moved by what I did
    doing = doing or (tok.dep_ == "conj" and is_past(tok.head) and is_first_person(tok.head) and not negated(tok.head))
    return Accomplishment(clause_of(tok), True, "verb") if ours or doing or is_first_person(tok) else None


def _made_me(tok) -> Accomplishment | None:
    """'they made me crew trainer last fall': a post given to the speaker is a goal reached ("made me feel welcome"
    names a feeling, "made me the person I am" no post)."""
    if tok.lemma_.lower() != "make" or not is_past(tok) or negated(tok):
        return None
    posts = [c for c in tok.children if c.pos_ == "NOUN" and c.dep_ in ("ccomp", "oprd", "xcomp", "dobj")]
    me = [t for t in [*tok.children, *(g for p in posts for g in p.children)] if lower(t) == "me"]
    if me and any(not any(g.dep_ == "relcl" for g in p.children) for p in posts):
        return Accomplishment(clause_of(tok), True, "verb")
    return None


def _clean_record(tok) -> Accomplishment | None:
    """'I've had zero spills or overfuels in three years on the apron': a record of none, kept, is a measured
    result."""
    if tok.pos_ != "NOUN" or not any(lower(c) == "zero" for c in tok.children):
        return None
    verb = governing_verb(tok)
    kept = verb.pos_ in ("VERB", "AUX") and verb_time(verb) in (PAST, PERFECT) and mine(verb)
    return Accomplishment(clause_of(tok), True, "verb") if kept else None


def _plans_in(sent) -> bool:
    """'After two years in the role I'll apply …', '… I want to apply …': the sentence plans ahead, so "after two years"
    is still to come; "After twenty-four years in the Army I'm looking for a new challenge" is time served."""
    verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and is_first_person(t)]
    return any(verb_time(t) in ("future", "conditional") or any(c.dep_ == "xcomp" for c in t.children) for t in verbs)


def find_accomplishments(ctx) -> list[Accomplishment]:
    lex, doc = ctx.lex, ctx.doc
    out: list[Accomplishment] = []
    for tok in doc:
        found = (
            _accomplishment_verb(ctx, tok)
            or _credential(ctx, tok)
            or _so_far(ctx, tok)
            or _moved_figure(ctx, tok)
            or _made_me(tok)
            or _clean_record(tok)
        )
        if found:
            out.append(found)
    for lo, _ in lex.ph("accomplishment", "learned").find(doc):
        if not negated(doc[lo]) and verb_time(governing_verb(doc[lo])) != "future":
            out.append(Accomplishment(clause_of(doc[lo]), True, "learned"))
    claims = lex.words("accomplishment", "experience_claims")
    for lo, _ in lex.ph("accomplishment", "experience").find(doc):
        verb = governing_verb(doc[lo])
        after = lower(doc[lo].head) == "after" and not _plans_in(doc[lo].sent)
        if not negated(doc[lo]) and (is_past(verb) or verb.lemma_ in claims or after) and mine(verb):
            out.append(Accomplishment(clause_of(doc[lo]), False, "experience"))
    return sorted(out, key=lambda a: a.span[0])
