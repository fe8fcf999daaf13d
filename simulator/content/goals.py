"""Finding the goals an answer states, for single_focus and the other rules.

A goal is the complement of a goal statement made by the speaker about their
own future: "My goal is to <earn the CPA license>", "I want to <become a
data analyst>", "I'd like to <lead a team>", "I'm working toward <a PMP>".
Negated ("I don't want to …") and past ("I wanted to …") statements are not
goals. Goals listed together ("get promoted, learn coding and run a
marathon") count separately; goals chained by "then"/"eventually" form one
path; steps ("take a course") are not counted while a real goal is present.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.content.ling import content_lemmas, governing_verb, is_first_person, lower, negated, verb_time
from simulator.content.segment import clause_span

MAX_GOAL_WORDS = 14
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4, "5": 5}
OTHERS_POSS = frozenset({"your", "their", "his", "her", "its"})
SAME_GOAL_OVERLAP = 0.5  # share of content words two goal phrases share to be the same goal
STEM = 5  # characters compared when matching goal words: "pharmacist" ~ "pharmacy"
IMPACT_VERBS = frozenset({"help", "serve", "support", "protect", "empower", "save", "mentor", "teach", "make"})
SELF_DEVELOPMENT = frozenset({"learn", "study", "develop", "improve", "build", "gain", "get", "keep", "expand", "grow"})


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


@dataclass
class GoalFindings:
    goals: list[Goal]  # distinct goals, in order of mention
    mentions: list[Goal]  # every goal statement (duplicates included)
    stated_count: int | None = None  # "I have three goals" -> 3; "a lot of goals" -> 99
    stated_at: tuple[int, int] | None = None
    wishes: list[tuple[int, int]] = field(default_factory=list)  # "I want my work to prevent that": impact pictures
    heads: set[int] = field(default_factory=set)  # every goal head, chained path items included

    @property
    def count(self) -> int:
        return max(len(self.goals), self.stated_count or 0)

    @property
    def main(self) -> Goal | None:
        specific = [g for g in self.goals if not g.generic]
        return (specific or self.goals or [None])[0]


def _cleft_complement(tok, cleft: frozenset[str]):
    """'Where I'm headed is X', 'What I want is to X': the be-verb's complement."""
    if tok.lemma_ != "be":
        return None
    for c in tok.children:
        if (
            c.dep_ in ("csubj", "nsubj")
            and c.pos_ in ("VERB", "AUX")
            and c.lemma_.lower() in cleft
            and is_first_person(c)
        ):
            return next((x for x in tok.children if x.dep_ in ("attr", "xcomp", "ccomp", "acomp") and x.i > c.i), None)
    return None


def _noun_complement(tok):
    """'My goal is to X' / 'I have a goal of X' -> the head of X."""
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be":
        for dep in ("xcomp", "ccomp", "attr", "acomp", "oprd", "advcl"):
            for child in head.children:
                if child.dep_ == dep and child.i > tok.i:
                    return child
    if tok.dep_ == "attr" and head.lemma_ == "be":  # "That's my goal: to be making …"
        for child in list(head.children) + list(tok.children):
            if (
                child.dep_ in ("xcomp", "advcl", "acl", "ccomp")
                and child.i > tok.i
                and any(c.lower_ == "to" for c in child.children)
            ):
                return child
    for child in tok.children:
        if child.dep_ in ("acl", "relcl") and any(c.lower_ == "to" for c in child.children):
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            for sub in child.children:
                if sub.dep_ in ("pobj", "pcomp"):
                    return sub
    return None


def _noun_trigger_ok(tok) -> bool:
    dets = {lower(c) for c in tok.children if c.dep_ in ("poss", "det")}
    if dets & OTHERS_POSS:
        return False
    if tok.head.lower_ == "of" and tok.head.head.lower_ in ("one", "some"):
        return True
    return bool(dets & {"my", "our", "the", "another", "one", "a", "main", "next"}) or any(
        c.dep_ == "amod" for c in tok.children
    )


def _verb_complement(tok, needs_would: frozenset[str]):
    """'I want to X' / 'I'd like to X' / 'working toward X' / 'see myself X' -> the head of X."""
    lemma = tok.lemma_.lower()
    if lemma in needs_would and not any(lower(a) in ("would", "'d") for a in tok.children if a.dep_ == "aux"):
        return None
    if lemma == "work":
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("toward", "towards"):
                return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        return None
    if lemma == "see":
        selves = ("myself", "ourselves")
        for c in tok.children:
            if c.dep_ in ("ccomp", "xcomp", "advcl", "oprd") and any(s.lower_ in selves for s in c.children):
                return c
        if any(c.lower_ in selves for c in tok.children):
            return next(
                (
                    c
                    for c in tok.children
                    if c.dep_ in ("ccomp", "xcomp", "advcl", "oprd") or (c.dep_ == "prep" and c.lower_ in ("as", "in"))
                ),
                None,
            )
        return None
    if lemma == "look" and tok.tag_ != "VBG":
        return None
    comp = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
    return comp


def _goal_from(parsed, comp, trigger, lex) -> Goal:
    lo, full = clause_span(comp) if comp.pos_ in ("VERB", "AUX") else _np_span(comp)
    hi = min(full, lo + MAX_GOAL_WORDS)
    toks = parsed.doc[lo:hi]
    lemmas = frozenset(content_lemmas(toks) - {"want", "goal", "become", "be", "get"})
    generic = bool(lex.ph("specificity", "generic").find(parsed.doc[lo:full])) or not lemmas
    step_nouns = lex.ph("steps", "nouns")
    verb = comp.lemma_.lower()
    objects = [t for t in toks if t.head.i == comp.i and t.dep_ in ("dobj", "advmod", "npadvmod")]
    step = (verb in lex.words("steps", "verbs") and any(step_nouns.has(t) for t in toks if t.pos_ == "NOUN")) or (
        verb in SELF_DEVELOPMENT and any(lower(o) in lex.words("steps", "vague_objects") for o in objects)
    )
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
        step=step,
    )


def _np_span(tok) -> tuple[int, int]:
    idx = [t.i for t in tok.subtree]
    return min(idx), max(idx) + 1


def _stated_count(tok, lex) -> int | None:
    """'three goals' -> 3, 'a lot of goals' / 'many goals' -> 99, else None."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return None
    many = lex.words("goal", "many_quantifiers")
    for child in tok.children:
        if child.dep_ in ("nummod", "amod", "det", "quantmod") and lower(child) in NUMBER_WORDS:
            return NUMBER_WORDS[lower(child)]
        if lower(child) in many:
            return 3 if lower(child) in ("few", "couple") else 99
    if tok.head.lower_ == "of" and lower(tok.head.head) in many:
        return 3 if lower(tok.head.head) in ("few", "couple") else 99
    for t in tok.sent:  # "my goals, I have a lot of them"
        if t.lemma_ == "have" and is_first_person(t):
            for obj in t.children:
                if obj.dep_ == "dobj" and lower(obj) in many and lower(obj) not in ("few", "couple"):
                    return 99
    return None


def _chained(comp, prev, lex) -> bool:
    """True when a listed goal continues a path ('…, and then lead a team')."""
    seq = lex.ph("goal", "sequence")
    window = comp.doc[max(prev.i + 1, comp.i - 4) : comp.i]
    return bool(seq.find(window)) or any(seq.has(c) for c in comp.children if c.dep_ == "advmod")


def find_goals(parsed, lex) -> GoalFindings:
    doc = parsed.doc
    nouns, verbs = lex.words("goal", "nouns"), lex.words("goal", "verbs")
    needs_would = lex.words("goal", "needs_would")
    mentions: list[Goal] = []
    wishes: list[tuple[int, int]] = []
    heads: set[int] = set()
    stated, stated_at = None, None
    for tok in doc:
        lemma = tok.lemma_.lower()
        comp = None
        if lemma in nouns and tok.pos_ == "NOUN":
            n = _stated_count(tok, lex)
            if n and (stated is None or n > stated):
                stated, stated_at = n, (max(0, tok.i - 4), tok.i + 1)
            gov = governing_verb(tok)
            if _noun_trigger_ok(tok) and not negated(gov) and verb_time(gov) not in ("past", "perfect"):
                comp = _noun_complement(tok)
        elif (
            lemma == "be"
            and verb_time(tok) not in ("past", "perfect")
            and _cleft_complement(tok, lex.words("goal", "cleft_verbs")) is not None
        ):
            comp = _cleft_complement(tok, lex.words("goal", "cleft_verbs"))
        elif lemma in verbs and tok.pos_ in ("VERB", "AUX", "ADJ") and tok.dep_ not in ("relcl", "acl", "csubj"):
            if is_first_person(tok) and not negated(tok) and verb_time(tok) not in ("past", "perfect"):
                comp = _verb_complement(tok, needs_would)
        if (
            lemma in verbs
            and tok.dep_ == "relcl"
            and lower(tok.head) in ("things", "goals", "directions", "paths", "ideas")
        ):
            quant = [c for c in tok.head.subtree if lower(c) in lex.words("goal", "many_quantifiers")] + [
                a for a in tok.head.ancestors if lower(a) in lex.words("goal", "many_quantifiers")
            ]
            if quant and is_first_person(tok):
                stated, stated_at = 99, (max(0, tok.head.i - 3), tok.i + 1)  # "a lot of things I want to do"
        if comp is None or _not_a_goal(comp, lex, wishes):
            continue
        prev = comp
        mentions.append(_goal_from(parsed, comp, tok, lex))
        wishes += _impact_in_goal(comp, lex)
        extra = [
            c for c in tok.conjuncts if c.i > tok.i and subject_of_own(c) is None and c.lemma_.lower() not in verbs
        ]
        extra += _list_items(tok, comp)
        heads |= {comp.i} | {c.i for c in comp.conjuncts} | {c.i for c in extra}
        for conj in sorted(set(comp.conjuncts) | set(extra), key=lambda t: t.i):
            if conj.i > comp.i and conj.pos_ in ("VERB", "AUX", "NOUN", "PROPN") and not _not_a_goal(conj, lex, wishes):
                if not _chained(conj, prev, lex):
                    mentions.append(_goal_from(parsed, conj, tok, lex))
                prev = conj
    return GoalFindings(
        goals=_distinct(mentions),
        mentions=mentions,
        stated_count=stated,
        stated_at=stated_at,
        wishes=wishes,
        heads=heads,
    )


def _impact_in_goal(comp, lex) -> list[tuple[int, int]]:
    """People the goal serves: 'an advocate for people who …', 'who makes the EHR work for nurses'."""
    ben = lex.ph("why", "beneficiaries")
    out = []
    for t in comp.subtree:
        if not ben.has(t) or t.pos_ not in ("NOUN", "PROPN") or t.i == comp.i:
            continue
        head = t.head
        if (head.lower_ == "for" and head.dep_ == "prep") or head.lemma_.lower() in IMPACT_VERBS:
            out.append(clause_span(governing_verb(t)))
    return out


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


def _not_a_goal(comp, lex, wishes: list) -> bool:
    """Complements that are not goals: talk about the answer, wishes for others, impact pictures."""
    doc = comp.doc
    if lex.ph("goal", "not_goals").find(doc[comp.i : comp.i + 3]) and comp.i in {
        lo for lo, _ in lex.ph("goal", "not_goals").find(doc[comp.i : comp.i + 3])
    }:
        return True
    own = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if own is not None and lower(own) not in ("i", "we", "myself"):
        wishes.append(clause_span(comp))  # "I want my work to prevent that"
        return True
    obj = next((c for c in comp.children if c.dep_ in ("dobj", "pobj")), None)
    if (
        obj is not None
        and any(lower(d) in ("that", "this", "it") for d in obj.children if d.dep_ == "det")
        and len(list(obj.children)) == 1
    ):
        return True  # "start that journey": refers back, not a new goal
    making_money = comp.lemma_ == "make" and not any(
        c.lemma_ in ("difference", "impact", "change") or c.dep_ in ("ccomp", "xcomp") for c in comp.children
    )
    if (
        comp.lemma_.lower() in IMPACT_VERBS
        and not making_money
        and any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative") for c in comp.children)
    ):
        wishes.append(clause_span(comp))  # "help people get better care": the impact of the goal
        return True
    if comp.lemma_ == "be":
        attr = next((c for c in comp.children if c.dep_ in ("attr", "acomp")), None)
        if (
            attr is not None
            and lex.ph("goal", "impact_roles").has(attr)
            and any(c.dep_ in ("relcl", "acl") for c in attr.children)
        ):
            wishes.append(clause_span(comp))  # "be the person who catches it"
            return True
    return (
        not content_lemmas(doc[comp.i : comp.i + 4])
        and comp.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("dobj", "attr", "prep", "xcomp") for c in comp.children)
    )


def subject_of_own(verb):
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)


def _same(a: Goal, b: Goal) -> bool:
    if not a.lemmas or not b.lemmas:
        return a.text.lower() == b.text.lower()
    sa, sb = {w[:STEM] for w in a.lemmas}, {w[:STEM] for w in b.lemmas}
    return (
        len(sa & sb) / min(len(sa), len(sb)) >= SAME_GOAL_OVERLAP
        or a.start <= b.start < a.end
        or b.start <= a.start < b.end
    )


def _distinct(mentions: list[Goal]) -> list[Goal]:
    real = [g for g in mentions if not g.step and not g.generic] or [g for g in mentions if not g.step] or mentions
    out: list[Goal] = []
    for g in real:
        if not any(_same(g, o) for o in out):
            out.append(g)
    return out
