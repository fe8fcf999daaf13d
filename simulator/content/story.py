"""The clauses of a told story: who acts, whether it really happened, and whether it is a concrete step.

Behavioural answers are judged on what happened, so each verb is read with
its grammar rather than matched as a word: the subject decides "I" from "we"
(and "my colleague and I" is still "I"); tense and mood decide a real past
event ("I called") from a hypothetical ("I would call", "I'll call", "if it
happened…") or a habit ("I always call"); an infinitive under "had to" or
"was asked to" is an aim, not a step taken; and the object decides a concrete
step ("called the supplier") from a vague one ("handled it").
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.content.ling import (
    CONDITIONAL,
    FUTURE,
    ONGOING,
    PAST,
    PERFECT,
    PRESENT,
    lower,
    negated,
    subject,
    verb_time,
)
from simulator.content.segment import clause_of

SELF, TEAM, OTHER = "i", "we", "other"  # who did it: the candidate, their team, anyone else
MAX_HOPS = 6  # heads climbed looking for an enclosing "if" clause


@dataclass(frozen=True)
class Clause:
    """One verb of the answer, read as part of a story."""

    head: int  # token index of the verb
    span: tuple[int, int]  # token range of its clause
    who: str  # SELF ("I") | TEAM ("we") | OTHER | "" (no subject)
    past: bool  # in the story's time (past or perfect; present in a story told in the present), not hypothetical
    told: bool  # a real event of the story: past and not negated
    action: bool  # a step the subject took: a doing verb, not a state, a feeling, an aim or a passive
    concrete: bool  # the step has a concrete object or complement: "called the supplier", not "handled it"
    steps: int  # steps it names: "did the valuation and the presentation" is two


def _words(lex, key: str) -> frozenset[str]:
    return lex.words("story", key)


def _implicit_subject(verb):
    """'I took the vitals, explained the plan and sat with her': a listed verb the parser left without a subject.

    The nearest subject before it in the sentence, skipping relative pronouns and relative clauses.
    """
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or passive(verb):
        return None
    for tok in reversed(list(verb.doc[verb.sent.start : verb.i])):
        if (
            tok.dep_ in ("nsubj", "nsubjpass")
            and tok.tag_ not in ("WDT", "WP")
            and tok.head.dep_ not in ("relcl", "acl")
        ):
            return tok
    return None


def _cleft_doer(subj):
    """'What I did was call…', 'The first thing we did was…': the doer of 'did' is the subject."""
    did = subj if subj.dep_ == "csubj" else next((c for c in subj.children if c.dep_ == "relcl"), None)
    if did is not None and did.lemma_ == "do":
        return subject(did) or subj
    return subj


def person(verb, lex) -> str:
    """SELF, TEAM or OTHER for the subject of ``verb`` ('my colleague and I' is I; 'our team', 'the team' are WE)."""
    subj = subject(verb)
    if subj is None:
        subj = _implicit_subject(verb)
    if subj is not None:
        subj = _cleft_doer(subj)
    if subj is None:
        return ""
    said = {lower(subj)} | {lower(c) for c in subj.conjuncts}
    if said & _words(lex, "me"):
        return SELF
    if said & _words(lex, "us"):
        return TEAM
    owners = lex.words("grammar", "own_possessives") | _words(lex, "group_determiners")
    if subj.lemma_.lower() in _words(lex, "groups") and any(lower(c) in owners for c in subj.children):
        return TEAM
    return OTHER


def hypothetical(verb, lex) -> bool:
    """'I would…', 'I'll…', anything said under them ('I'd make sure it <was> written down'), or inside 'if …'."""
    t = verb
    for _ in range(MAX_HOPS):
        if t.pos_ in ("VERB", "AUX") and verb_time(t) in (CONDITIONAL, FUTURE):
            return True
        if any(c.dep_ == "mark" and lower(c) in _words(lex, "conditional_marks") for c in t.children):
            return True
        if t.head.i == t.i or t.dep_ == "relcl":
            return False
        t = t.head
    return False


def narrative_present(doc, lex) -> bool:
    """'It's a Friday night and a table sends back three steaks': a story told in the present.

    Only when nothing is told in the past, a time places the story, and no habit is claimed ('I always…').
    """
    times = {verb_time(t) for t in doc if t.pos_ in ("VERB", "AUX")}
    if times & {PAST, PERFECT} or any(lower(t) in _words(lex, "habits") for t in doc):
        return False
    return any(e.label_ in ("DATE", "TIME") for e in doc.ents) or bool(lex.ph("story", "story_openers").find(doc))


def passive(verb) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def progressive(verb) -> bool:
    """'I was working nights': a state of the story, not a step."""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


def infinitive_of(verb) -> bool:
    """'to <fix>': an infinitive complement (the parser sometimes calls it an adverbial clause)."""
    return verb.dep_ in ("xcomp", "ccomp") or (verb.dep_ == "advcl" and any(lower(a) == "to" for a in verb.children))


def aim(verb, lex) -> bool:
    """'had to <fix>', 'was asked to <lead>', 'needed to <find> and <fix>': the infinitive is an aim, not a step."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    head = verb.head
    return infinitive_of(verb) and head.i != verb.i and head.lemma_.lower() in _words(lex, "aim_heads")


def employment(verb, lex) -> bool:
    """'I used to work there', 'I worked at a call centre': employment or habit, the setting of a story."""
    lemma = verb.lemma_.lower()
    if lemma == "use" and any(c.dep_ == "xcomp" for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "use":
        return True
    preps = {lower(c) for c in verb.children if c.dep_ == "prep"}
    no_object = not any(c.dep_ == "dobj" for c in verb.children)
    return lemma in _words(lex, "employment_verbs") and no_object and bool(preps & _words(lex, "employment_preps"))


def objects(verb) -> list:
    """What a verb acts on: objects, complements and the nouns of its prepositions."""
    out = []
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "attr", "oprd", "acomp"):
            out.append(c)
        elif c.dep_ in ("prep", "agent"):
            out += [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
    return out


def _specific(tok, lex) -> bool:
    return tok.pos_ in ("NOUN", "PROPN", "NUM", "VERB") and lower(tok) not in _words(lex, "generic_objects")


def concreteness(verb, lex) -> tuple[bool, int]:
    """Is the step concrete, and how many steps does it name ('the valuation and the presentation': two)."""
    objs = objects(verb)
    specific = [o for o in objs if _specific(o, lex)]
    specific += [c for o in [verb, *objs] for c in o.children if c.dep_ == "ccomp"]  # "made sure <everyone knew>"
    vague_verb = verb.lemma_.lower() in _words(lex, "vague_verbs")
    empty_only = bool(objs) and all(lower(o) in _words(lex, "empty_objects") for o in objs)  # "changed things"
    if (vague_verb and not specific) or empty_only:
        return False, 1
    first = next((o for o in specific if o.dep_ == "dobj"), None)
    return True, 1 + (len(first.conjuncts) if first is not None else 0)


def _topic(verb, lex) -> bool:
    """'disagreed about <whether to delay> the release', 'a way <to fix> it': an infinitive that is a topic."""
    if not any(lower(a) == "to" for a in verb.children if a.dep_ == "aux"):
        return False
    asks = any(lower(c) in _words(lex, "question_words") for c in verb.children if c.dep_ in ("mark", "advmod"))
    return verb.dep_ in ("pcomp", "acl") or asks


def _mistake(verb, lex) -> bool:
    """'I made a mistake', 'gave the wrong rate', 'misread the order': the event of the story, not a step taken."""
    if verb.lemma_.lower() in _words(lex, "mistake_verbs"):
        return True
    for o in objects(verb):
        if o.lemma_.lower() in _words(lex, "mistakes"):
            return True
        if any(c.dep_ == "amod" and lower(c) in _words(lex, "wrong") for c in o.children):
            return True
    return False


def _is_action(verb, lex) -> bool:
    """A step taken: not a state, a feeling, an aim, a topic, a passive, employment, or a mistake made."""
    made_mistake = _mistake(verb, lex)
    return (
        not made_mistake
        and not _topic(verb, lex)
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() not in _words(lex, "not_actions")
        and not passive(verb)
        and not progressive(verb)
        and not aim(verb, lex)
        and not employment(verb, lex)
    )


def read_clauses(doc, lex) -> list[Clause]:
    """Every verb (and every copula heading a clause), read as a story clause, in order."""
    story_times = (PAST, PERFECT, PRESENT, ONGOING) if narrative_present(doc, lex) else (PAST, PERFECT)
    out = []
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") or (tok.pos_ == "AUX" and tok.dep_ in ("aux", "auxpass")):
            continue
        past = verb_time(tok) in story_times and not hypothetical(tok, lex)
        action = _is_action(tok, lex)
        concrete, steps = concreteness(tok, lex) if action else (False, 0)
        told = past and not negated(tok)
        out.append(Clause(tok.i, clause_of(tok), person(tok, lex), past, told, action, concrete, steps))
    return out
