"""Goal-shaped complements that are not goals: talk about the answer, wishes for others, pictures of impact, and
steps put like goals (what is wanted before a move, what a plan lists after a goal).

goals.py finds goal statements; this module judges which of their complements are real goals of the speaker's.
"""

from __future__ import annotations

from simulator.content.complements import is_goal_noun
from simulator.content.ling import content_lemmas, governing_verb, hyphen_prefix, is_first_person, lower
from simulator.content.segment import clause_span


def impact_in_goal(comp, lex) -> list[tuple[int, int]]:
    """People the goal serves: 'an advocate for people who …', 'who makes the EHR work for nurses'."""
    ben = lex.ph("why", "beneficiaries")
    out = []
    for t in comp.subtree:
        if not ben.has(t) or t.pos_ not in ("NOUN", "PROPN") or t.i == comp.i:
            continue
        head = t.head
        if (head.lower_ == "for" and head.dep_ == "prep") or head.lemma_.lower() in lex.words("goal", "impact_verbs"):
            out.append(clause_span(governing_verb(t)))
    return out


def _talk_about_answer(comp, lex) -> bool:
    """'I want to mention …', 'I'd like to be honest': talk about the answer, not a goal."""
    return comp.i in {lo for lo, _ in lex.ph("goal", "not_goals").find(comp.doc[comp.i : comp.i + 3])}


def _someone_elses(comp, lex) -> bool:
    """'I want my work to prevent that': the complement has a subject other than the speaker."""
    own = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass") and not hyphen_prefix(c)), None)
    if own is not None and (is_goal_noun(own, lex) or lower(own) in lex.words("goal", "ordinals")):
        return False  # "my goal is perfecting X", "the first is becoming X": parsed with that as the gerund's subject
    return own is not None and lower(own) not in lex.words("goal", "own_complement_subjects")


def _points_back(comp, lex) -> bool:
    """'start that journey': refers back, not a new goal."""
    obj = next((c for c in comp.children if c.dep_ in ("dobj", "pobj")), None)
    if obj is None or len(list(obj.children)) != 1:
        return False
    return any(lower(d) in lex.words("grammar", "pointers") for d in obj.children if d.dep_ == "det")


def _pictures_impact(comp, lex) -> bool:
    """'help people get better care', 'make a difference' (not 'make money'): the impact of the goal."""
    making_money = comp.lemma_ == "make" and not any(
        c.lemma_ in lex.words("goal", "impact_objects") or c.dep_ in ("ccomp", "xcomp") for c in comp.children
    )
    return (
        comp.lemma_.lower() in lex.words("goal", "impact_verbs")
        and not making_money
        and any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative") for c in comp.children)
    )


def _impact_role(comp, lex) -> bool:
    """'be the person who catches it', 'be the tech who shows up': a picture of impact, not a separate goal (with
    "the", any worker described by what they do is the kind of worker, not a post)."""
    if comp.lemma_ != "be":
        return False
    attr = next((c for c in comp.children if c.dep_ in ("attr", "acomp")), None)
    if attr is None:
        return False
    the = any(lower(c) == "the" for c in attr.children if c.dep_ == "det")
    if the and any(lower(c) == "one" and c.dep_ == "nummod" for c in attr.children):
        return True  # "be the one teaching cooks", parsed as a noun "teaching cooks" counted by "one"
    if not any(c.dep_ in ("relcl", "acl") for c in attr.children):
        return False
    best = attr.tag_ == "JJS" or any(c.tag_ == "JJS" for c in attr.children)  # "the best teacher I can be": a wish
    return lex.ph("goal", "impact_roles").has(attr) or (the and attr.pos_ == "NOUN" and not best)


def _holding(comp, lex) -> bool:
    """'stay in customer service for now': where the speaker is for the time being, not where they are going."""
    if comp.lemma_.lower() not in lex.words("goal", "holding_verbs"):
        return False
    return bool(lex.ph("goal", "for_now").find(comp.doc[comp.i : comp.sent.end]))


def _drifting(comp, lex) -> bool:
    """'my goal, I just take it week by week': an idiom of living without a plan names no goal (said inside the
    complement, or between the goal word and it, as unpunctuated transcripts get parsed)."""
    lo, hi = min(comp.left_edge.i, comp.head.i), comp.right_edge.i + 1
    return any(lo <= a < hi for a, _ in lex.ph("goal", "drift").find(comp.doc[comp.sent.start : comp.sent.end]))


def past_move(comp, lex):
    """'to come back and be supervisor again': a movement with no destination leads into the verb beside it, which
    is what the goal is about."""
    where = ("dobj", "prep", "attr", "acomp", "xcomp", "ccomp", "advcl")
    if comp.lemma_.lower() not in lex.words("goal", "moves") or any(c.dep_ in where for c in comp.children):
        return comp
    return next((c for c in comp.conjuncts if c.i > comp.i), comp)


def _empty(comp) -> bool:
    """A bare verb with nothing it is about: 'I want to do it'."""
    return (
        not content_lemmas(comp.doc[comp.i : comp.i + 4])
        and comp.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("dobj", "attr", "prep", "xcomp") for c in comp.children)
    )


def _open_question(comp) -> bool:
    """'I'm not sure what I want to do', 'I know what I want to be: …': a wh-word as the goal names none."""
    return any(c.dep_ in ("dobj", "attr") and c.tag_ in ("WP", "WDT") for c in comp.children)


def _done_for_others(comp, lex) -> bool:
    """'I want to do that for other people': what was done for the speaker, wished for others, is an impact."""
    ben = lex.ph("why", "beneficiaries")
    return any(
        c.dep_ == "prep" and lower(c) == "for" and any(ben.has(o) for o in c.children if o.dep_ == "pobj")
        for c in comp.children
    )


def _refused(comp) -> bool:
    """'stay in home care, not go to a hospital': what the speaker says they will not do is no goal."""
    return any(c.dep_ == "neg" for c in comp.children)


def not_a_goal(comp, lex, wishes: list) -> bool:
    """Complements that are not goals: talk about the answer, wishes for others, impact pictures.

    Wishes for others and impact pictures are kept in ``wishes``: goal_why credits them.
    """
    if _talk_about_answer(comp, lex):
        if _done_for_others(comp, lex):
            wishes.append(clause_span(comp))
        return True
    if _someone_elses(comp, lex):
        wishes.append(clause_span(comp))
        return True
    if _points_back(comp, lex) or _holding(comp, lex) or _drifting(comp, lex) or _refused(comp):
        return True
    if _pictures_impact(comp, lex) or _impact_role(comp, lex):
        wishes.append(clause_span(comp))
        return True
    return _empty(comp) or _open_question(comp)


def before_a_move(comp, lex) -> bool:
    """'hit quota three quarters in a row before I apply for the AE track': what is wanted before a move of one's
    own toward something named is a step toward it ('before I turn thirty' or 'before I retire' names no thing)."""
    for clause in comp.children:
        marks = [lower(c) for c in clause.children if c.dep_ == "mark"]
        if clause.dep_ != "advcl" or not set(marks) & lex.words("steps", "before_markers"):
            continue
        named = [t for t in clause.subtree if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("nsubj", "npadvmod")]
        if is_first_person(clause) and named:
            return True
    return False


def first_years_spent(comp, lex) -> bool:
    """'spend the first few years getting solid at assessments': how the first stretch is spent is a way in."""
    spent = comp.lemma_.lower() in lex.words("steps", "spending_verbs")
    return spent and any(c.dep_ == "dobj" and any(lower(m) == "first" for m in c.children) for c in comp.children)


def plan_after_goal(trigger, before: list, lex) -> bool:
    """'I want to be on six figures by thirty … the plan is to bill as much as possible': what a plan lists after a
    goal already named is the way there, not more goals."""
    named = any(not g.step and not g.generic for g in before)
    return named and lower(trigger) in lex.words("goal", "plan_nouns")
