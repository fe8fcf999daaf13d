"""Finding the goals an answer states, for single_focus and the other rules.

A goal is the complement of a goal statement made by the speaker about their
own future: "My goal is to <earn the CPA license>", "I want to <become a
data analyst>", "I'd like to <lead a team>", "I'm working toward <a PMP>".
Negated ("I don't want to …") and past ("I wanted to …") statements are not
goals. Goals listed together ("get promoted, learn coding and run a
marathon") count separately; goals chained by "then"/"eventually" form one
path; steps ("take a course") are not counted while a real goal is present.
not_goals.py judges which complements are not goals; goal_count.py reads stated counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.content.complements import (
    cleft_complement,
    dislocated,
    early_in_job,
    is_goal_noun,
    no_destination,
    noun_complement,
    noun_trigger_ok,
    restated,
    verb_complement,
)
from simulator.content.goal_count import count_word, quantity, stated_count
from simulator.content.ling import content_lemmas, governing_verb, is_first_person, lower, negated, verb_time
from simulator.content.not_goals import (
    before_a_move,
    first_years_spent,
    impact_in_goal,
    not_a_goal,
    past_move,
    plan_after_goal,
)
from simulator.content.segment import clause_span

MAX_GOAL_WORDS = 14
SAME_GOAL_OVERLAP = 0.5  # share of content words two goal phrases share to be the same goal
STEM = 5  # characters compared when matching goal words: "pharmacist" ~ "pharmacy"
ANNOUNCING_WORDS = 3  # tokens of a sentence that only announces the goal to come ("Goal's simple.", "My goal?")
OPENING_WORDS = 6  # words of an opening sentence that only counts the goals to come ("There's a few things, really.")


@dataclass
class Goal:
    head_i: int  # token index of the goal's head word (verb or noun)
    trigger_i: int  # the goal word or verb that introduced it
    start: int
    end: int
    text: str
    lemmas: frozenset[str]
    generic: bool = False
    step: bool = False  # "take a course": a step rather than a goal
    onward: bool = False  # "after that I'd like to …": the next stage of the path before it, not a rival goal


@dataclass
class GoalFindings:
    goals: list[Goal]  # distinct goals, in order of mention
    mentions: list[Goal]  # every goal statement (duplicates included)
    stated_count: int | None = None  # "I have three goals" -> 3; "a lot of goals" -> MANY
    stated_at: tuple[int, int] | None = None
    wishes: list[tuple[int, int]] = field(default_factory=list)  # "I want my work to prevent that": impact pictures
    heads: set[int] = field(default_factory=set)  # every goal head, chained path items included
    model_score: float | None = None  # when the goal is a sentence the classifier read as one: its probability
    named: list[Goal] = field(default_factory=list)  # distinct goals, generic ones included: "grow" is a topic too

    @property
    def count(self) -> int:
        return max(len(self.goals), self.stated_count or 0)

    @property
    def main(self) -> Goal | None:
        specific = [g for g in self.goals if not g.generic]
        return (specific or self.goals or [None])[0]


def _is_step(comp, toks, lex) -> bool:
    """'take a course', 'learn more': a step toward a goal rather than a goal."""
    verb = comp.lemma_.lower()
    if verb in lex.words("steps", "verbs") and any(lex.ph("steps", "nouns").has(t) for t in toks if t.pos_ == "NOUN"):
        return True
    objects = [t for t in toks if t.head.i == comp.i and t.dep_ in ("dobj", "advmod", "npadvmod")]
    vague = lex.words("steps", "vague_objects")
    return verb in lex.words("goal", "growth_verbs") and any(lower(o) in vague for o in objects)


def _done_first(comp, toks) -> bool:
    """'get through training first, then …': what is to be done first is a step toward what comes after."""
    return any(lower(t) == "first" and t.dep_ == "advmod" for t in [*toks, *comp.children])


def _goal_from(parsed, comp, trigger, lex) -> Goal:
    said_before = dislocated(comp)  # "Becoming a surveyor, that's what I'm working towards": the goal said first
    stop = comp.i - 1 if said_before is not None else len(parsed.doc)  # the comma before the resumptive "that"
    comp = said_before or comp
    lo, full = clause_span(comp) if comp.pos_ in ("VERB", "AUX") else _np_span(comp)
    if any(c.dep_ == "nsubj" and is_goal_noun(c, lex) for c in comp.children) or _after_cleft(comp):
        lo = comp.i  # "my real goal is | perfecting X", "what I want to do is | run the night kitchen"
    phrases = lex.ph("specificity", "generic").find(parsed.doc[lo:full])
    leads = [_destination(parsed.doc, end) for _, end in phrases]
    full = max([full, *leads])
    hi = min(full, lo + MAX_GOAL_WORDS, stop)
    toks = parsed.doc[lo:hi]
    lemmas = frozenset(content_lemmas(toks) - lex.words("goal", "empty_lemmas"))
    generic = not all(leads) or not lemmas or lemmas <= lex.words("goal", "vague_lemmas") or no_destination(comp, lex)
    text = " ".join(t.text for t in toks if not t.is_punct or t.text in ("'", "’"))
    text = text[3:] if text.lower().startswith("to ") else text
    return Goal(
        head_i=comp.i,
        trigger_i=trigger.i,
        start=lo,
        end=hi,
        text=text.replace(" '", "'").replace(" ’", "’").replace(" n't", "n't"),
        lemmas=lemmas,
        generic=generic,
        step=_is_step(comp, toks, lex)
        or _done_first(comp, toks)
        or before_a_move(comp, lex)
        or first_years_spent(comp, lex),
    )


def _after_cleft(comp) -> bool:
    """The goal is said after its cleft, parsed as the verb's own: "what I want to do | is | run …"."""
    return any(
        c.dep_ in ("csubj", "aux", "auxpass") and (c.dep_ == "csubj" or any(g.dep_ == "csubj" for g in c.children))
        for c in comp.children
        if c.i < comp.i
    )


def _destination(doc, hi: int) -> int:
    """'move up to shift supervisor': where a generic phrase ending at ``hi`` leads (the end of its noun), or 0."""
    if hi >= len(doc) or lower(doc[hi]) not in ("to", "into"):
        return 0
    nouns = []
    for t in doc[hi + 1 : hi + 4]:  # the parser may read "to shift supervisor" as an infinitive
        if t.is_punct:
            break
        if t.pos_ in ("NOUN", "PROPN"):
            nouns.append(t.i + 1)
    return max(nouns, default=0)


def _np_span(tok) -> tuple[int, int]:
    idx = [t.i for t in tok.subtree]
    return min(idx), max(idx) + 1


def _onward(trigger, prev: Goal, lex) -> bool:
    """'after that I'd like to …' opens the next stage of the path before it; 'my other goal' a rival one."""
    window = trigger.doc[max(prev.end, trigger.i - 4) : trigger.i]
    other = any(lower(c) in ("other", "another") for c in trigger.children)
    return bool(lex.ph("goal", "sequence").find(window)) and not other


def _chained(comp, prev, lex) -> bool:
    """True when a listed goal continues a path ('…, and then lead a team') or does more with the same thing
    ('restore my grandfather's sailboat and sail it up the coast')."""
    seq = lex.ph("goal", "sequence")
    window = comp.doc[max(prev.i + 1, comp.i - 4) : comp.i]
    return (
        _said_before(comp, lex)
        or bool(seq.find(window))
        or any(seq.has(c) for c in comp.children if c.dep_ == "advmod")
    )


def _ahead(tok) -> bool:
    return verb_time(tok) not in ("past", "perfect")


def _is_goal_verb(tok, lex) -> bool:
    """'I want to', 'we hope to': a goal verb of the speaker's, not negated, not past, not in a relative clause."""
    return (
        tok.lemma_.lower() in lex.words("goal", "verbs")
        and tok.pos_ in ("VERB", "AUX", "ADJ")
        and tok.dep_ not in ("relcl", "acl", "csubj")
        and is_first_person(tok)
        and not negated(tok)
        and _ahead(tok)
    )


def _ordinal_item(tok, lex):
    """'There are two things I'm working toward. The first is becoming …': a listed goal named by its place."""
    first = next((c for c in tok.children if c.dep_ == "nsubj" and lower(c) in lex.words("goal", "ordinals")), None)
    if (
        first is None
        or not _ahead(tok)
        or not any(lower(t) in lex.words("goal", "list_nouns") for t in tok.sent.doc[: tok.i])
    ):
        return None
    if tok.lemma_ == "be":
        return next((c for c in tok.children if c.dep_ in ("attr", "xcomp")), None)
    return tok if tok.tag_ == "VBG" and any(a.lemma_ == "be" for a in tok.children if a.dep_ == "aux") else None


def _complement(tok, lex):
    """What the goal statement triggered by ``tok`` is about, or None when ``tok`` triggers none."""
    listed = _ordinal_item(tok, lex)
    if listed is not None:
        return listed
    if is_goal_noun(tok, lex):
        gov = governing_verb(tok)
        ok = noun_trigger_ok(tok, lex) and not negated(gov) and _ahead(gov)
        return noun_complement(tok) if ok else None
    if tok.lemma_ == "be" and _ahead(tok):
        comp = cleft_complement(tok, lex.words("goal", "cleft_verbs"))
        if comp is not None:
            return comp
    return verb_complement(tok, lex) if _is_goal_verb(tok, lex) else None


def _note_stated_count(tok, lex, found: GoalFindings) -> None:
    """'I have three goals', 'a lot of things I want to do': how many goals the speaker says they have."""
    if is_goal_noun(tok, lex):
        n = stated_count(tok, lex)
        if n and (found.stated_count is None or n > found.stated_count):
            found.stated_count, found.stated_at = n, (max(0, tok.i - 4), tok.i + 1)
    if not (tok.lemma_.lower() in lex.words("goal", "verbs") and tok.dep_ == "relcl"):
        return
    listed = tok.head
    said = [quantity(c, lex) for c in listed.subtree] + [quantity(a, lex) for a in listed.ancestors]
    said += [count_word(c, lex) for c in listed.children if c.dep_ == "nummod"]  # "three things I'm working toward"
    quantified = [n for n in said if n]  # "a few things I'm working on" is a handful, "a lot of things" many
    if lower(listed) in lex.words("goal", "list_nouns") and quantified and is_first_person(tok):
        found.stated_count, found.stated_at = max(quantified), (max(0, listed.i - 3), tok.i + 1)


def _add_goals(parsed, tok, comp, lex, found: GoalFindings) -> None:
    """The goal ``comp`` and the goals listed with it, unless chained into one path."""
    first = len(found.mentions)
    _add_listed(parsed, tok, comp, lex, found)
    listed = found.mentions[first:]
    listed[0].onward = first > 0 and _onward(tok, found.mentions[first - 1], lex)
    if early_in_job(tok, lex) or plan_after_goal(tok, found.mentions[:first], lex):
        for g in listed:  # "in my first six months I'd want to take on-call, write runbooks": first steps
            g.step = True
    done_first = [i for i, g in enumerate(listed) if g.step and _done_first(parsed.doc[g.head_i], [])]
    for g in listed[: max(done_first, default=-1) + 1]:  # "X and Y first": "first" ends the whole list
        g.step = True


def _add_listed(parsed, tok, comp, lex, found: GoalFindings) -> None:
    found.mentions.append(_goal_from(parsed, comp, tok, lex))
    found.wishes += impact_in_goal(comp, lex)
    verbs = lex.words("goal", "verbs")
    extra = [c for c in tok.conjuncts if c.i > tok.i and subject_of_own(c) is None and c.lemma_.lower() not in verbs]
    extra += _list_items(tok, comp)
    found.heads |= {comp.i} | {c.i for c in comp.conjuncts} | {c.i for c in extra}
    prev = comp
    for conj in sorted(set(comp.conjuncts) | set(extra), key=lambda t: t.i):
        if (
            conj.i > comp.i
            and conj.pos_ in ("VERB", "AUX", "NOUN", "PROPN")
            and not not_a_goal(conj, lex, found.wishes)
            and not _manner(conj, comp)
        ):
            if not _chained(conj, prev, lex) and not restated(conj, lex):
                found.mentions.append(_goal_from(parsed, conj, tok, lex))
            prev = conj


def find_goals(parsed, lex) -> GoalFindings:
    found = GoalFindings(goals=[], mentions=[])
    for tok in parsed.doc:
        _note_stated_count(tok, lex, found)
        comp = _complement(tok, lex)
        comp = past_move(comp, lex) if comp is not None else None
        if comp is not None and not not_a_goal(comp, lex, found.wishes):
            _add_goals(parsed, tok, comp, lex, found)
    _opening_count(parsed.doc, lex, found)
    # "That's what I want", "this is what I want to do": a goal of no words of its own points at one already said
    own = [g for g in found.mentions if not _pointer(parsed.doc, g, lex)]
    found.goals = _distinct(own or found.mentions)
    found.named = _distinct([g for g in own if not g.step], keep_generic=True)
    return found


def _opening_count(doc, lex, found: GoalFindings) -> None:
    """'A few things, actually. First, …', "there's a few things honestly": an opening that only counts what
    follows states how many goals the answer lists."""
    if found.stated_count is not None or not len(doc):
        return
    first = next(iter(doc.sents))
    if sum(t.is_alpha for t in first) > OPENING_WORDS:
        return
    for tok in first:
        n = stated_count(tok, lex) if lower(tok) in lex.words("goal", "list_nouns") else None
        if n:
            found.stated_count, found.stated_at = n, (first.start, first.end)
            return


def toward_this_job(found: GoalFindings, refs: list[int]) -> GoalFindings:
    """'stay on as one of your LPN visit nurses', 'work here': a goal placed at this employer ties the answer to the
    role; it is one more goal only when no other is left."""

    def placed(g: Goal) -> bool:
        return any(g.start <= i < g.end for i in refs)

    rest = [g for g in found.goals if not placed(g)]
    if rest and len(rest) < len(found.goals):
        found.goals = rest
        found.named = [g for g in found.named if not placed(g)]
    return found


def _pointer(doc, goal: Goal, lex) -> bool:
    """A goal that points back: a pronoun, a bare "do", or a verb whose object is "what" ("That's what I want",
    "this is what I want to do", "that's what I want to pass on")."""
    head = doc[goal.head_i]
    if any(c.dep_ == "dobj" and c.lower_ == "what" for c in head.children):
        return True
    if _again(head, lex) or _that_one(head, lex):
        return True
    return goal.end - goal.start == 1 and (head.pos_ in ("PRON", "DET") or head.lemma_.lower() == "do")


def _that_one(head, lex) -> bool:
    """'families need one professional who follows up, and I want to be that person': a "that" noun is one said."""
    return head.lemma_ == "be" and any(
        c.dep_ == "attr" and any(d.dep_ == "det" and lower(d) in lex.words("grammar", "pointers") for d in c.children)
        for c in head.children
    )


def _said_before(verb, lex) -> bool:
    """The verb's object is a thing already said: "sail it", "start it in April"."""
    return any(c.dep_ == "dobj" and lower(c) in lex.words("grammar", "pointers") for c in verb.children)


def _again(head, lex) -> bool:
    """'I'm hoping to start it in April': the goal said before, now with a date ("make it to head chef" goes on)."""
    onward = any(c.dep_ == "prep" and c.lower_ in ("to", "into") for c in head.children)
    return not onward and _said_before(head, lex)


def add_goal_read_by_model(ctx, found: GoalFindings) -> GoalFindings:
    """With no goal statement the rules can parse, the sentence the classifier reads most surely as the speaker's
    goal becomes the goal: one goal, since it reads sentences, not lists. Only sentences holding goal words are
    read (the classifier also takes "I'm a lab assistant and I like working with samples" for a goal)."""
    if found.mentions or found.stated_count:
        return found
    cues = ctx.lex.ph("goal", "model_cues")
    cued = [ctx.meaning.sentence(lo) for lo, _ in cues.find(ctx.doc)]  # "I like working with samples" is no goal
    drift = ctx.lex.ph("goal", "drift")  # "my goal honestly I just take it week by week" plans nothing
    cued = [s for s in cued if not drift.find(ctx.doc[s[0] : s[1]])]
    announced = _announced(ctx, cued)
    cued = [s for s in cued + announced if ctx.doc[s[1] - 1].text != "?"]  # "Career goals?" asks, states nothing
    cued = [s for s in cued if not drift.find(ctx.doc[s[0] : s[1]])]
    calls = ctx.meaning.positive("goal", cued)
    named = [s for s in announced if s in cued and _names_a_goal(ctx.doc[s[0] : s[1]], ctx.lex)]
    named = [s for s in named if not any(a <= s[0] < b for a, b in ctx.taken_back)]  # "Your job. Ha. No, joking."
    if not calls and not named:
        return found
    best = max(calls, key=lambda c: c.score) if calls else None
    span = best.span if best else named[0]  # the classifier reads few verbless goals: "Head driver by June."
    root = ctx.doc[span[0] : span[1]].root
    goal = _goal_from(ctx.parsed, root, root, ctx.lex)
    found.mentions, found.goals, found.model_score = [goal], [goal], best.score if best else None
    found.heads |= {root.i}
    return found


def _announced(ctx, cued: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'Goal's simple. Head driver on your crew within two seasons.': a cued sentence of ``ANNOUNCING_WORDS`` or
    fewer announces the goal, so the sentence after it is read too; one that opens by pointing back ("Team leader.
    That's the goal, inside eighteen months.") names the goal in the sentence before it."""
    doc, out = ctx.doc, []
    pointers = ctx.lex.words("grammar", "pointers")
    for lo, hi in cued:
        if sum(not t.is_punct for t in doc[lo:hi]) <= ANNOUNCING_WORDS and hi < len(doc):
            out.append(ctx.meaning.sentence(hi))
        elif lower(doc[lo]) in pointers and lo > 0 and doc[lo].head.lemma_ == "be":
            out.append(ctx.meaning.sentence(lo - 1))
    return out


def _names_a_goal(span, lex) -> bool:
    """'Head driver on your crew within two seasons.': a short verbless phrase, not negated, names the goal."""
    words = sum(t.is_alpha for t in span)
    negated = any(t.dep_ == "neg" or t.lower_ in lex.words("grammar", "negators") for t in span)
    return span.root.pos_ in ("NOUN", "PROPN") and words <= MAX_GOAL_WORDS and not negated


def _list_items(trigger, comp) -> list:
    """'I want to get my MBA, learn to code, become …': comma-listed verbs the parser attached loosely."""
    items, anchors = [], {trigger.i, comp.i}
    for t in comp.doc[comp.i + 1 : trigger.sent.end]:
        if t.pos_ != "VERB" or subject_of_own(t) is not None or t.head.i not in anchors:
            continue
        if t.dep_ in ("conj", "dep", "advcl") and any(
            p.text in (",", "and", "or") for p in t.doc[max(comp.i, t.i - 3) : t.i]
        ):
            items.append(t)
            anchors.add(t.i)
    return items


def _manner(item, comp) -> bool:
    """'become a backend engineer, ideally working on APIs': a participle hung on a goal that is not itself a gerund
    says how or where the goal is pursued; in a list of gerunds ('doing …, learning …') it is one more item."""
    manner = item.dep_ == "advcl" and item.tag_ == "VBG" and comp.tag_ != "VBG"
    # "to qualify as a solicitor, and working as a paralegal here would give me …": a gerund beside an infinitive is
    # the subject of the next clause, not one more goal (listed goals share their verb form)
    gerund_subject = item.dep_ == "conj" and item.tag_ == "VBG" and comp.tag_ == "VB"
    return manner or gerund_subject


def subject_of_own(verb):
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)


def _acronym(a: Goal, b: Goal) -> bool:
    """'the professional target is AE': a goal said as the initials of another goal's words is that goal."""
    short, full = (a, b) if len(a.text) < len(b.text) else (b, a)
    letters = short.text.replace(".", "")
    if not (2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()):
        return False
    initials = "".join(w[0] for w in full.text.lower().split() if len(w) > 2)
    return letters.lower() in initials


def _same(a: Goal, b: Goal) -> bool:
    if _acronym(a, b):
        return True
    if not a.lemmas or not b.lemmas:
        return a.text.lower() == b.text.lower()
    sa, sb = {w[:STEM] for w in a.lemmas}, {w[:STEM] for w in b.lemmas}
    return (
        len(sa & sb) / min(len(sa), len(sb)) >= SAME_GOAL_OVERLAP
        or a.start <= b.start < a.end
        or b.start <= a.start < b.end
    )


def _distinct(mentions: list[Goal], *, keep_generic: bool = False) -> list[Goal]:
    real = [g for g in mentions if not g.step and not g.onward and (keep_generic or not g.generic)]
    real = real or [g for g in mentions if not g.step] or mentions
    out: list[Goal] = []
    for g in real:
        if not any(_same(g, o) for o in out):
            out.append(g)
    return out
