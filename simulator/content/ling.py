"""Grammar helpers on spaCy tokens: who the subject is, tense, negation.

These are what keyword lists cannot do: "I completed" (past, evidence) versus
"I will complete" (a plan), "I don't want to" (negated), "I was eager to
pursue" (a past feeling, not a new goal).
"""

from __future__ import annotations

from simulator.content.lexicon import lexicon_of
from simulator.model.transcript import fold

PAST, PERFECT, PRESENT, ONGOING, FUTURE, CONDITIONAL = "past", "perfect", "present", "ongoing", "future", "conditional"
UPCOMING = frozenset({PRESENT, ONGOING, FUTURE, CONDITIONAL})
MAX_NEGATION_HOPS = 6  # heads climbed looking for a negation
MAX_DEPTH = 6  # heads climbed to find the tense a verb inherits
_DEPENDENT_DEPS = frozenset(
    {"xcomp", "pcomp", "advcl", "acl", "conj", "ccomp", "relcl"}
)  # take their time from the head
_LINK_DEPS = frozenset({"xcomp", "aux", "auxpass", "pcomp", "acomp", "oprd"})


def grammar(tok, key: str) -> frozenset[str]:
    """A ``[grammar]`` word list of the lexicon the token's answer is checked with."""
    return lexicon_of(tok).words("grammar", key)


def lower(tok) -> str:
    return fold(tok.text)


def governing_verb(token):
    """The nearest verb or auxiliary at or above ``token``."""
    t = token
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def hyphen_prefix(tok) -> bool:
    """'thru' of "thru-hiking", which spaCy may make the verb's subject: a prefix joined to its head by a hyphen."""
    doc = tok.doc
    return tok.i + 2 == tok.head.i and doc[tok.i + 1].text == "-"


def subject(verb):
    """The grammatical subject of ``verb``, inherited through xcomp/conj chains."""
    t, seen = verb, 0
    while seen < 8:
        for child in t.children:
            if child.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") and not hyphen_prefix(child):
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
    first = grammar(verb, "first_person")
    return lower(subj) in first or any(lower(c) in first for c in subj.conjuncts)


def _is_negation(child) -> bool:
    """'not', "n't", 'never', 'no' on this token; 'not only … but also' is no negation."""
    if child.dep_ == "neg":
        word = child
    elif child.dep_ in ("advmod", "det") and lower(child) in grammar(child, "negators"):
        word = child
    else:
        return False
    after = child.doc[child.i + 1 : child.i + 2]
    return not (lower(word) == "not" and any(lower(n) in grammar(child, "negation_exempt_next") for n in after))


def _negation_reaches(t) -> bool:
    """A negation on this token's head also covers the token: 'don't want to go', "don't think I'll"."""
    if t.dep_ in _LINK_DEPS or (t.dep_ == "ccomp" and t.head.lemma_ in grammar(t, "negation_raising")):
        return True
    return t.pos_ not in ("VERB", "AUX") and t.head.i != t.i and t.dep_ != "ROOT"


def negated(token) -> bool:
    """True when ``token`` sits under a negation in its clause ("I don't want to …", "never finished")."""
    t = token
    for _ in range(MAX_NEGATION_HOPS):
        if any(_is_negation(child) for child in t.children):
            return True
        if not _negation_reaches(t):
            return False
        t = t.head
    return False


def _aux(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _modal_time(verb, lows: list[str], depth: int) -> str:
    """'I would like', 'I could lead': conditional, unless it is a past perfect or reported past."""
    if "'d" in lows and verb.tag_ == "VBN":
        return PAST  # "I'd finished" = I had finished
    if (
        verb.dep_ in ("ccomp", "conj", "advcl", "relcl")
        and verb.head.i != verb.i
        and governing_verb(verb.head).tag_ == "VBD"
        and set(lows) & grammar(verb, "past_modals")  # "… so I can help your team" is still ahead
        and not (verb.dep_ == "ccomp" and verb.i < verb.head.i)  # "I'd bring X, I ran Y": a run-on, not a report
        and not (verb.dep_ == "conj" and _wish(verb))  # "I read that you're rebuilding it, and I'd want to help"
        and depth < MAX_DEPTH
    ):
        return PAST  # reported past: "I decided that I'd ask …", "the students we could serve"
    return CONDITIONAL


def _caused(verb) -> bool:
    """'have the portfolio signed off', 'want it done': the participle is a result wanted."""
    return verb.dep_ in ("ccomp", "xcomp", "oprd") and verb.head.lemma_.lower() in grammar(verb, "causatives")


def _wish(verb) -> bool:
    return verb.lemma_.lower() in grammar(verb, "wish_verbs")


def _auxiliary_time(verb, auxes: list, depth: int) -> str | None:
    """The time the auxiliaries give: will, would, have done, did, am doing; None without a telling one."""
    lows = [lower(a) for a in auxes]
    if any(a in grammar(verb, "future_aux") for a in lows):
        return FUTURE
    if any(a in grammar(verb, "modal_aux") for a in lows):
        return _modal_time(verb, lows, depth)
    if any(a.lemma_ == "have" for a in auxes) and verb.tag_ == "VBN":
        return PAST if any(a.tag_ == "VBD" for a in auxes if a.lemma_ == "have") else PERFECT
    if any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxes):
        going_to = verb.lemma_ == "go" and any(c.dep_ == "xcomp" for c in verb.children)
        return FUTURE if going_to else ONGOING
    return None


def _same_past_as_head(verb, auxes: list, depth: int) -> bool:
    """'I set a goal … and I cut shrinkage': a conjoined verb whose past looks like its present."""
    return (
        verb.dep_ == "conj"
        and not auxes
        and lower(verb) in grammar(verb, "same_past_form")
        and verb.head.pos_ in ("VERB", "AUX")
        and depth < MAX_DEPTH
    )


def verb_time(verb, depth: int = 0) -> str:
    """Tense/aspect of a clause: past, perfect, present, ongoing, future or conditional."""
    auxes = _aux(verb)
    told = _auxiliary_time(verb, auxes, depth)
    if told is not None:
        return told
    misread_past = not auxes and verb.tag_ in ("VBP", "VBN") and lower(verb) in grammar(verb, "past_only_form")
    # "my research project compared two rates": a participle with a subject of its own and no auxiliary is a past
    misread_past = misread_past or (
        not auxes and verb.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in verb.children) and not _caused(verb)
    )
    if verb.tag_ == "VBD" or misread_past or (not auxes and _dated_back(verb)):
        return PAST
    if _same_past_as_head(verb, auxes, depth):
        return verb_time(verb.head, depth + 1)
    nonfinite = verb.tag_ in ("VBG", "VBN", "VB") and verb.dep_ in (
        "xcomp",
        "pcomp",
        "advcl",
        "acl",
        "conj",
        "ccomp",
        "relcl",
    )
    own_tense = any(a.tag_ in ("VBZ", "VBP") for a in auxes)  # "… and part two is booked for October"
    if "to" in [lower(a) for a in auxes] or (nonfinite and not own_tense):
        return _inherited(verb, depth)
    return PRESENT


def _dated_back(verb) -> bool:
    """'Last year I finish ESL level 4', 'two years ago I pass the test': a bare present dated in the past is a past,
    as second-language speakers often say it."""
    if verb.tag_ not in ("VBP", "VBZ", "VB"):
        return False
    marks = grammar(verb, "past_markers")
    return any(c.dep_ in ("npadvmod", "advmod") and any(lower(t) in marks for t in c.subtree) for c in verb.children)


def _inherited(verb, depth: int) -> str:
    head = verb.head
    if head.i == verb.i or depth > MAX_DEPTH:
        return PRESENT
    if head.pos_ not in ("VERB", "AUX"):
        head = governing_verb(head)
        if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
            return FUTURE if verb.tag_ == "VB" else PRESENT
    ready = head.lemma_.lower() in grammar(verb, "ready")
    if verb.tag_ == "VB" and ready and any(lower(a) == "to" for a in verb.children):
        return FUTURE  # "prepared to contribute", "ready to lead": still ahead whatever the tagger says
    parent = verb_time(head, depth + 1)
    if parent == PERFECT and _caused(verb) and head.lemma_.lower() == "get":
        return PRESENT  # "I've got SQE2 booked for October": "have got" is a present "have"
    if verb.dep_ == "conj" or (verb.tag_ == "VBG" and head.lemma_ == "go"):
        return parent  # "I go fishing on weekends": the activity itself, as often as one goes
    if parent in (PAST, PERFECT):
        return PAST
    if head.lemma_ in grammar(verb, "prospective") or verb.tag_ == "VB":
        return FUTURE if parent != CONDITIONAL else CONDITIONAL
    return parent


def is_past(verb) -> bool:
    return verb_time(verb) in (PAST, PERFECT)


def content_lemmas(tokens) -> set[str]:
    return {
        t.lemma_.lower()
        for t in tokens
        if t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
    }
