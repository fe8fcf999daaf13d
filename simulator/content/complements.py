"""What a goal statement is about: the complement its goal word or verb points to.

"My goal is to <earn the CPA>", "a goal of <X>", "Where I'm headed is <X>",
"I want to <X>", "I'd like to <X>", "working toward <X>", "I see myself <X>".
Used by goals.py, which decides which of these complements are goals.
"""

from __future__ import annotations

from simulator.content.lexicon import lexicon_of
from simulator.content.ling import grammar, is_first_person, lower


def cleft_complement(tok, cleft: frozenset[str]):
    """'Where I'm headed is X', 'What I want is to X': the be-verb's complement."""
    if tok.lemma_ != "be":
        return None
    # "so where I'm headed is X" may be parsed with the clause hanging from the opening "so"
    hung = [g for c in tok.children if c.dep_ == "advmod" and c.i < tok.i for g in c.children if g.dep_ == "advcl"]
    # "What I'm working toward is getting …" may be parsed with "is" as the auxiliary and the clause on "getting"
    aux_of = tok.head if tok.dep_ in ("aux", "auxpass") and tok.head.i > tok.i else None
    hung += [c for c in aux_of.children if c.dep_ == "csubj" and c.i < tok.i] if aux_of is not None else []
    for c in [*tok.children, *hung]:
        if (
            (c.dep_ in ("csubj", "nsubj") or c in hung)
            and c.pos_ in ("VERB", "AUX")
            and (c.lemma_.lower() in cleft or _after(c) or _would_like(c))
            and is_first_person(c)
        ):
            comp = next((x for x in tok.children if x.dep_ in ("attr", "xcomp", "ccomp", "acomp") and x.i > c.i), None)
            # "What I want to do is run the night kitchen" may be parsed with "is" as the next verb's auxiliary
            return comp if comp is not None else aux_of
    return _reversed_cleft(tok, cleft)


def _would_like(verb) -> bool:
    """'What I'd like to do is …', 'what I would love is …' (not "what I like is", a liking)."""
    return verb.lemma_.lower() in lexicon_of(verb).words("goal", "needs_would") and any(
        c.dep_ == "aux" and lower(c) in grammar(verb, "would") for c in verb.children
    )


def _after(verb) -> bool:
    """'What I'm after is X': being after a thing is wanting it."""
    return verb.lemma_ == "be" and any(
        c.dep_ == "prep" and c.lower_ == "after" and all(x.tag_ == "WP" for x in c.children) for c in verb.children
    )


def _reversed_cleft(be, cleft: frozenset[str]):
    """'Becoming a master technician is what I'm working toward': the be-verb's subject, said before it."""
    said = next((c for c in be.children if c.dep_ == "ccomp" and c.i > be.i and c.lemma_.lower() in cleft), None)
    if said is None or not is_first_person(said) or not any(t.tag_ == "WP" for t in said.subtree):
        return None
    subj = next((c for c in be.children if c.dep_ in ("csubj", "nsubj") and c.i < be.i), None)
    mine = subj is not None and lower(subj) in grammar(be, "first_person")  # "I'm not sure what I want to do"
    return None if mine else subj


def _has_to(tok) -> bool:
    return any(c.lower_ == "to" for c in tok.children)


def _subject_complement(tok):
    """'My goal is to X': the complement of the be-verb after the goal noun, in order of preference."""
    for dep in ("xcomp", "ccomp", "attr", "acomp", "oprd", "advcl"):
        for child in tok.head.children:
            if child.dep_ == dep and child.i > tok.i:
                return child
    return None


def _attribute_complement(tok):
    """ "That's my goal: to be making …": an infinitive after the goal noun as attribute."""
    for child in list(tok.head.children) + list(tok.children):
        if child.dep_ in ("xcomp", "advcl", "acl", "ccomp") and child.i > tok.i and _has_to(child):
            return child
    return None


def _own_complement(tok):
    """'a goal to X', 'a goal of X': the goal noun's own infinitive or of-phrase."""
    for child in tok.children:
        if child.dep_ in ("acl", "relcl") and _has_to(child):
            return child
        found = next((sub for sub in child.children if sub.dep_ in ("pobj", "pcomp")), None)
        if child.dep_ == "prep" and child.lower_ == "of" and found is not None:
            return found
    return None


def _gerund_predicate(tok):
    """'My goal is perfecting X', 'The goal … is finishing X': parsed as a progressive verb with the goal as
    its subject, the gerund is the complement."""
    head = tok.head
    be = any(a.lemma_ == "be" for a in head.children if a.dep_ == "aux")
    return head if tok.dep_ == "nsubj" and head.tag_ == "VBG" and be else None


def headline(tok):
    """'Goal: chartered scientist.': a goal noun opening its sentence before a colon heads what follows it."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ":" or tok.i - tok.sent.start > 1:
        return None
    return next((c for c in tok.children if c.dep_ == "appos" and c.i > tok.i), None)


def noun_complement(tok):
    """'My goal is to X' / 'I have a goal of X' / 'My goal is perfecting X' -> the head of X."""
    said = headline(tok)
    if said is not None:
        return said
    gerund = _gerund_predicate(tok)
    if gerund is not None:
        return gerund
    on_be = tok.head.lemma_ == "be"
    if tok.dep_ in ("nsubj", "nsubjpass") and on_be:
        found = _subject_complement(tok)
        if found is not None:
            return found
    if tok.dep_ == "attr" and on_be:
        found = _attribute_complement(tok)
        if found is not None:
            return found
    return _own_complement(tok)


def noun_trigger_ok(tok, lex) -> bool:
    if headline(tok) is not None:
        return True
    dets = {lower(c) for c in tok.children if c.dep_ in ("poss", "det")}
    if dets & lex.words("goal", "others_possessives"):
        return False
    if tok.head.lower_ == "of" and tok.head.head.lower_ in lex.words("goal", "partitives"):
        return True
    counted = any(c.dep_ == "nummod" and lower(c) in lex.words("goal", "number_words") for c in tok.children)
    # clipped speech drops the determiner of a goal opening its sentence: "Goal is the ADR licence this year"
    bare = tok.i == tok.sent.start and tok.tag_ == "NN" and tok.dep_ == "nsubj" and tok.head.lemma_ == "be"
    dets_ok = bool(dets & lex.words("goal", "determiners"))
    return dets_ok or counted or bare or any(c.dep_ == "amod" for c in tok.children)


def _toward_object(tok, lex):
    """'working toward X' -> X."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in lex.words("goal", "toward"):
            return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    return None


def _seen_as(tok, lex):
    """'I see myself leading a team', 'see myself as a manager' -> the picture."""
    selves, preps = lex.words("grammar", "reflexive_first"), lex.words("goal", "seen_as")
    clausal = ("ccomp", "xcomp", "advcl", "oprd")
    for c in tok.children:
        if c.dep_ in clausal and any(s.lower_ in selves for s in c.children):
            return c
    if not any(c.lower_ in selves for c in tok.children):
        return None
    after = [c for c in tok.children if c.i > tok.i]  # "In the future I see myself in …": not the fronted time
    return next((c for c in after if c.dep_ in clausal or (c.dep_ == "prep" and c.lower_ in preps)), None)


def verb_complement(tok, lex):
    """'I want to X' / 'I'd like to X' / 'working toward X' / 'see myself X' -> the head of X."""
    lemma = tok.lemma_.lower()
    would = lex.words("grammar", "would")
    if lemma in lex.words("goal", "needs_would") and not any(
        lower(a) in would for a in tok.children if a.dep_ == "aux"
    ):
        return None
    if lemma == "work":
        return _toward_object(tok, lex)
    if lemma == "see":
        return _seen_as(tok, lex)
    if lemma == "look" and tok.tag_ != "VBG":
        return None
    # after the verb: "I got into the trade …; I want to be …" may be parsed with the earlier clause as a ccomp
    clause = next(
        (c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") and c.i > tok.i), None
    )
    if clause is None and lemma == "want":  # "I want the SVP title", "I want my own place": the thing is the goal
        return next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i and _wanted_thing(c, lex)), None)
    return clause


def _wanted_thing(noun, lex) -> bool:
    """A rank or pay wanted (a goal, if a flagged one), or a place of one's own ("my own place", "my own crew")."""
    span = noun.doc[noun.left_edge.i : noun.i + 1]
    own = any(c.dep_ == "amod" and c.lower_ == "own" for c in noun.children)
    paid = lex.ph("avoid", "titles").find(span) or lex.ph("avoid", "money").find(span)
    return noun.pos_ == "NOUN" and (own or bool(paid))


def no_destination(comp, lex) -> bool:
    """A goal that names no place to reach: doing more of the same ('keep doing creative work', 'continue to grow')
    or being a better version of what one is ('become a better leader', 'a stronger, more confident manager')."""
    if comp.lemma_.lower() in lex.words("goal", "continuing_verbs") and any(
        c.dep_ in ("xcomp", "dobj") for c in comp.children
    ):
        return True
    if _rising_in_place(comp, lex):
        return True
    if comp.lemma_ not in ("be", "become"):
        return False
    attr = next((c for c in comp.children if c.dep_ == "attr"), None)
    mods = [] if attr is None else [c for c in attr.children if c.dep_ == "amod"]
    return bool(mods) and any(m.tag_ == "JJR" or any(lower(a) == "more" for a in m.children) for m in mods)


def _rising_in_place(comp, lex) -> bool:
    """'grow in the hotel world', 'grow as a creative', 'work my way up in hospitality': rising where one is, with
    no rung named ("move up to shift supervisor" and "develop into a lead" name one)."""
    way_up = comp.lemma_.lower() == "work" and any(c.dep_ == "dobj" and lower(c) == "way" for c in comp.children)
    if comp.lemma_.lower() not in lex.words("goal", "rising_verbs") and not way_up:
        return False
    if any(c.dep_ in ("dobj", "xcomp", "ccomp", "attr", "oprd") and lower(c) != "way" for c in comp.children):
        return False
    # anywhere after the verb: the parser hangs "to" of "move up to shift supervisor" on "up", or reads an infinitive
    return not any(t.i > comp.i and lower(t) in lex.words("goal", "destination_preps") for t in comp.subtree)


def early_in_job(verb, lex) -> bool:
    """'In my first six months I'd want to …': what the speaker means to do in the first weeks or months of the job
    is a plan of first steps, not a goal."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for when in (o for o in prep.children if o.dep_ == "pobj"):
            first = any(lower(m) == "first" for m in when.children)
            if first and when.lemma_.lower() in lex.words("goal", "early_units"):
                return True
    return False


def is_goal_noun(tok, lex) -> bool:
    """'my goal', 'the aim', and 'the big one' or 'the main thing' said as one ("the big one for me is …")."""
    if tok.pos_ != "NOUN":
        return False
    if tok.lemma_.lower() in lex.words("goal", "nouns"):
        return True
    if lower(tok) not in lex.words("goal", "framing_heads"):
        return False
    if any(c.dep_ == "amod" and lower(c) in lex.words("goal", "framing_adjectives") for c in tok.children):
        return any(_for_me(c, lex) or _wanted(c, lex) for c in tok.children)
    return any(_aimed_at(c, lex) for c in tok.children)


def _aimed_at(relcl, lex) -> bool:
    """'the thing I'm working toward', 'the thing I'm most focused on', 'the one thing I want': aimed at, so a goal
    noun with no "big" or "main" ("the thing I like about it" is no goal, nor is "the thing I want to stress")."""
    if relcl.dep_ != "relcl" or not is_first_person(relcl):
        return False
    toward = any(c.dep_ == "prep" and lower(c) in lex.words("goal", "toward") for c in relcl.children)
    focused = any(c.dep_ == "acomp" and lower(c) in lex.words("goal", "focus_words") for c in relcl.children)
    said = any(c.dep_ in ("xcomp", "ccomp") for c in relcl.children)  # "the thing I want to stress / you to know"
    return toward or focused or (relcl.lemma_.lower() in lex.words("goal", "aim_verbs") and not said)


def _for_me(prep, lex) -> bool:
    """'the big one for me'."""
    me = lex.words("grammar", "first_person")
    return prep.dep_ == "prep" and lower(prep) == "for" and any(lower(c) in me for c in prep.children)


def _wanted(relcl, lex) -> bool:
    """'the main thing I want', 'the big one I'm working towards'."""
    wants = lex.words("goal", "verbs") | lex.words("goal", "cleft_verbs")
    return relcl.dep_ == "relcl" and relcl.lemma_.lower() in wants and is_first_person(relcl)


DISLOCATED_DEPS = ("advcl", "nsubj", "csubj", "dep", "npadvmod")  # how spaCy hangs "X," before "that's what I want"


def dislocated(comp):
    """'Becoming a chartered surveyor, that's what I'm working towards': the phrase a resumptive "that" (or "this")
    stands for, said before it and set off by a comma; None when ``comp`` is no such pronoun."""
    if comp.lower_ not in ("that", "this") or comp.dep_ != "nsubj" or comp.i == 0 or comp.nbor(-1).text != ",":
        return None
    return next((c for c in comp.head.children if c.i < comp.i and c.dep_ in DISLOCATED_DEPS), None)


def restated(item, lex) -> bool:
    """'get into real estate investing, maybe buy a rental property': an item after a bare comma, opened by a hedge,
    says what the goal before it may look like; "…, and maybe open a bakery" is one more goal."""
    hedged = [c for c in item.children if c.dep_ == "advmod" and c.i < item.i and lex.ph("hedges", "phrases").has(c)]
    before = item.doc[hedged[0].i - 1] if hedged and hedged[0].i > 0 else None
    return before is not None and before.text == ","
