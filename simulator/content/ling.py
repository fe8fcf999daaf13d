"""Grammar helpers on spaCy tokens: who the subject is, tense, negation.

These are what keyword lists cannot do: "I completed" (past, evidence) versus
"I will complete" (a plan), "I don't want to" (negated), "I was eager to
pursue" (a past feeling, not a new goal).
"""

from __future__ import annotations

from simulator.model.transcript import fold

PAST, PERFECT, PRESENT, ONGOING, FUTURE, CONDITIONAL = "past", "perfect", "present", "ongoing", "future", "conditional"
UPCOMING = frozenset({PRESENT, ONGOING, FUTURE, CONDITIONAL})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "myself", "ourselves"})
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "’ll"})
# Verbs whose infinitive complement is something still to do: "plan to take".
PROSPECTIVE = frozenset(
    {
        "want",
        "plan",
        "hope",
        "aim",
        "intend",
        "expect",
        "go",
        "try",
        "need",
        "like",
        "love",
        "wish",
        "aspire",
        "schedule",
        "set",
        "prepare",
        "commit",
        "decide",
        "mean",
        "look",
        "seek",
        "strive",
        "work",
        "be",
        "ensure",
        "make",
        "get",
        "start",
        "begin",
        "continue",
        "keep",
        "able",
        "ready",
    }
)
READY = frozenset(
    {
        "prepare",
        "prepared",
        "ready",
        "able",
        "eager",
        "equip",
        "equipped",
        "position",
        "positioned",
        "qualify",
        "qualified",
        "excited",
        "keen",
        "set",
    }
)
# Verbs whose past tense looks like the present: "I set a goal … and I cut shrinkage".
SAME_PAST_FORM = frozenset(
    {
        "cut",
        "put",
        "set",
        "hit",
        "let",
        "shut",
        "cost",
        "hurt",
        "quit",
        "spread",
        "read",
        "bet",
        "split",
        "burst",
        "cast",
        "upset",
        "shed",
        "beat",
    }
)
NEGATORS = frozenset({"not", "n't", "never", "no", "nor", "neither", "without", "nothing", "nobody", "none"})
_LINK_DEPS = frozenset({"xcomp", "aux", "auxpass", "pcomp", "acomp", "oprd"})


def lower(tok) -> str:
    return fold(tok.text)


def governing_verb(token):
    """The nearest verb or auxiliary at or above ``token``."""
    t = token
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def subject(verb):
    """The grammatical subject of ``verb``, inherited through xcomp/conj chains."""
    t, seen = verb, 0
    while seen < 8:
        for child in t.children:
            if child.dep_ in ("nsubj", "nsubjpass", "expl", "csubj"):
                return child
        if t.dep_ in ("xcomp", "conj", "pcomp", "acomp", "advcl") and t.head.i != t.i:
            t, seen = governing_verb(t.head), seen + 1
            continue
        return None
    return None


def is_first_person(verb) -> bool:
    """True when the subject of ``verb`` is I/we (or "my team and I")."""
    subj = subject(verb)
    if subj is None:
        return False
    if lower(subj) in FIRST_PERSON:
        return True
    return any(lower(c) in FIRST_PERSON for c in subj.conjuncts)


def negated(token) -> bool:
    """True when ``token`` sits under a negation in its clause ("I don't want to …", "never finished")."""
    t, hops = token, 0
    while hops < 6:
        for child in t.children:
            if child.dep_ == "neg" or (
                child.dep_ in ("advmod", "det", "preconj") and lower(child) in ("never", "no", "not")
            ):
                if child.dep_ == "preconj" or (
                    lower(child) == "not" and any(lower(n) == "only" for n in child.doc[child.i + 1 : child.i + 2])
                ):
                    continue  # "not only … but also" is not a negation
                return True
        if t.dep_ in _LINK_DEPS or (t.dep_ in ("ccomp",) and t.head.lemma_ in ("think", "believe")):
            t, hops = t.head, hops + 1
            continue
        if t.pos_ not in ("VERB", "AUX") and t.head.i != t.i and t.dep_ not in ("ROOT",):
            t, hops = t.head, hops + 1
            continue
        return False
    return False


def _aux(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def verb_time(verb, depth: int = 0) -> str:
    """Tense/aspect of a clause: past, perfect, present, ongoing, future or conditional."""
    auxes = _aux(verb)
    lows = [lower(a) for a in auxes]
    if any(a in FUTURE_AUX for a in lows):
        return FUTURE
    if any(a in ("would", "'d", "should", "could", "might", "may", "can", "must") for a in lows):
        if "'d" in lows and verb.tag_ == "VBN":
            return PAST  # "I'd finished" = I had finished
        if (
            verb.dep_ in ("ccomp", "conj", "advcl", "relcl")
            and verb.head.i != verb.i
            and governing_verb(verb.head).tag_ == "VBD"
            and depth < 6
        ):
            return PAST  # reported past: "I decided that I'd ask …", "the students we could serve"
        return CONDITIONAL
    if any(a.lemma_ == "have" for a in auxes) and verb.tag_ == "VBN":
        return PAST if any(a.tag_ == "VBD" for a in auxes if a.lemma_ == "have") else PERFECT
    if any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes):
        if verb.lemma_ == "go" and any(c.dep_ == "xcomp" for c in verb.children):
            return FUTURE
        return ONGOING
    if verb.tag_ == "VBD":
        return PAST
    if (
        verb.dep_ == "conj"
        and not auxes
        and lower(verb) in SAME_PAST_FORM
        and verb.head.pos_ in ("VERB", "AUX")
        and depth < 6
    ):
        return verb_time(verb.head, depth + 1)  # "I set a goal … and I cut shrinkage": same tense as the first verb
    if (
        "to" in lows
        or verb.tag_ in ("VBG", "VBN", "VB")
        and verb.dep_ in ("xcomp", "pcomp", "advcl", "acl", "conj", "ccomp", "relcl")
    ):
        return _inherited(verb, depth)
    return PRESENT


def _inherited(verb, depth: int) -> str:
    head = verb.head
    if head.i == verb.i or depth > 6:
        return PRESENT
    if head.pos_ not in ("VERB", "AUX"):
        head = governing_verb(head)
        if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
            return FUTURE if verb.tag_ == "VB" else PRESENT
    if verb.tag_ == "VB" and head.lemma_.lower() in READY and any(lower(a) == "to" for a in verb.children):
        return FUTURE  # "prepared to contribute", "ready to lead": still ahead whatever the tagger says
    parent = verb_time(head, depth + 1)
    if verb.dep_ == "conj":
        return parent
    if parent in (PAST, PERFECT):
        return PAST
    if head.lemma_ in PROSPECTIVE or verb.tag_ == "VB":
        return FUTURE if parent != CONDITIONAL else CONDITIONAL
    return parent


def is_upcoming(verb) -> bool:
    return verb_time(verb) in UPCOMING


def is_past(verb) -> bool:
    return verb_time(verb) in (PAST, PERFECT)


def content_lemmas(tokens) -> set[str]:
    return {
        t.lemma_.lower()
        for t in tokens
        if t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
    }
