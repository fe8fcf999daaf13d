"""What a "Tell me about yourself" answer covers: the present, the past and why this role comes next.

The present is the current role or studies, said in the present ("I'm a
nurse on…", "I work as…", "I've been studying…", "I'm about to finish my
degree"); a present with no role ("I'm between things") is vague. The past
is work or study before now, and an achievement in it: a step of the
candidate's own with a measure, a recognised result ("won", "qualified",
"was promoted") or a credential. Why this role comes next joins a reference
to this role, team or company (the role_alignment rule's finding) with a
reason or an aim in the same or the next sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.content.ling import ONGOING, PAST, PERFECT, PRESENT, lower, negated, subject, verb_time
from simulator.content.segment import clause_of
from simulator.content.story import SELF, hypothetical, objects, read_clauses


@dataclass
class IntroFindings:
    present: list[tuple[int, int]] = field(default_factory=list)  # the current role or studies
    vague_present: list[tuple[int, int]] = field(default_factory=list)
    past: list[tuple[int, int]] = field(default_factory=list)  # earlier work or study
    achievements: list[tuple[int, int]] = field(default_factory=list)
    fit: list[tuple[int, int]] = field(default_factory=list)  # this role, with why it comes next
    roles: list[tuple[int, int]] = field(default_factory=list)  # this role named, without a why
    ahead: list[tuple[int, int]] = field(default_factory=list)  # an aim not tied to this role


def _w(lex, key: str) -> frozenset[str]:
    return lex.words("intro", key)


def _role_noun(tok, lex) -> bool:
    """'a nurse', 'a third-year apprentice', 'the final year of my degree': a job or studies, not 'a people person'."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() in _w(lex, "not_roles"):
        return False
    return not any(lower(c) in _w(lex, "not_roles") for c in tok.children if c.dep_ == "compound")


def _says_a_role(verb, lex) -> bool:
    """'I'm a nurse', 'I work as…', 'I teach history at…', 'I'm in the final year of…'."""
    lemma = verb.lemma_.lower()
    if lemma == "be":
        attrs = [c for c in verb.children if c.dep_ == "attr"]
        studying = any(lower(p) == "in" for p in verb.children if p.dep_ == "prep") and any(
            lex.ph("intro", "study_words").has(t) for t in verb.subtree
        )
        return any(_role_noun(a, lex) for a in attrs) or studying
    if lemma in _w(lex, "study_verbs") and any(lex.ph("intro", "study_words").has(o) for o in objects(verb)):
        return True  # "I'm about to finish a degree in …"
    return lemma in _w(lex, "role_verbs") and any(_role_noun(o, lex) or o.pos_ == "PROPN" for o in objects(verb))


def _now(verb, lex) -> bool:
    """Said of now: present or ongoing, 'I've been…' with 'since'/'for', or 'just' / 'about to' finished."""
    time = verb_time(verb)
    said = {lower(t) for t in verb.subtree} | {lower(t) for t in verb.sent}
    if time in (PRESENT, ONGOING):
        return True
    if time == PERFECT and said & _w(lex, "ongoing_words"):
        return True
    return time in (PAST, PERFECT) and bool(said & _w(lex, "recent_words"))


def _find_present(doc, lex, clauses, found: IntroFindings) -> None:
    vague = lex.ph("intro", "vague_present").find(doc)
    for c in clauses:
        verb = doc[c.head]
        about_to = verb.dep_ == "xcomp" and lower(verb.head) in _w(lex, "recent_words")  # "I'm about to finish"
        if c.who != SELF or negated(verb) or not (about_to or (_now(verb, lex) and not hypothetical(verb, lex))):
            continue
        if _says_a_role(verb, lex):
            found.present.append(c.span)
    found.vague_present += [clause_of(doc[lo]) for lo, _ in vague]


def _achieved(verb, lex) -> bool:
    """A result of one's own: recognised ('won', 'qualified'), a result verb with what it achieved
    ('built a budgeting app'), or a measure or a record ('cut drop-off by a third', 'the best on-time record')."""
    lemma, toks = verb.lemma_.lower(), list(verb.subtree)
    if lemma in _w(lex, "recognised_verbs"):
        return True
    measures = lex.words("star", "measure_entities")
    measured = any((t.like_num and lower(t) != "one") or t.ent_type_ in measures for t in toks)
    record = any(lower(t) in _w(lex, "record_words") for t in toks)
    if lemma in _w(lex, "achievement_verbs") and any(c.dep_ in ("dobj", "attr") for c in verb.children):
        return True
    return (measured or record) and lemma not in _w(lex, "experience_verbs")


def _mine(c, doc, lex) -> bool:
    """Said of the candidate: 'I …', or a thing of theirs that is not a person ('my redesign', 'my class')."""
    if c.who == SELF:
        return True
    subj = subject(doc[c.head])
    own = lex.words("grammar", "own_possessives")
    return (
        subj is not None
        and subj.lemma_.lower() not in _w(lex, "people")
        and any(lower(x) in own for x in subj.children if x.dep_ == "poss")
    )


def _perfect_of_experience(verb) -> bool:
    """'I've been teaching for ten years': the present reaches back over past experience."""
    return any(a.lemma_ == "have" for a in verb.children if a.dep_ == "aux") and any(
        lower(p) in ("for", "since") for p in verb.children if p.dep_ == "prep"
    )


def _find_past(ctx, clauses, found: IntroFindings) -> None:
    doc, lex = ctx.doc, ctx.lex
    for c in clauses:
        verb = doc[c.head]
        lived = (c.told and not _now(verb, lex)) or (c.told and verb_time(verb) == PAST) or _perfect_of_experience(verb)
        if not lived or not _mine(c, doc, lex) or hypothetical(verb, lex) or negated(verb):
            continue
        if _achieved(verb, lex):
            found.achievements.append(c.span)
        elif _work_or_study(verb, doc[c.span[0] : c.span[1]], lex):
            found.past.append(c.span)
    for a in ctx.accomplishments:
        if a.kind == "credential" and a.specific:
            found.achievements.append(a.span)


def _work_or_study(verb, said, lex) -> bool:
    """'I was a driver for four years', 'before that I worked in retail' (``said``: the words of its clause)."""
    return (
        _says_a_role(verb, lex)
        or any(t.ent_type_ == "ORG" for t in said)
        or any(lex.ph("intro", "study_words").has(t) or lex.ph("intro", "work_words").has(t) for t in said)
    )


def _find_fit(ctx, role_spans, found: IntroFindings) -> None:
    doc, lex = ctx.doc, ctx.lex
    sents = list(doc.sents)

    def sentence(i: int) -> int:
        return next(k for k, s in enumerate(sents) if s.start <= i < s.end)

    reasons = [r.start for r in ctx.why.reasons] + [v[0] for v in ctx.why.values]
    reasons += [lo for lo, _ in lex.ph("intro", "fit_phrases").find(doc)]
    aims = [g.trigger_i for g in ctx.goals.mentions] + [lo for lo, _ in lex.ph("intro", "forward").find(doc)]
    why_here = {sentence(i) for i in reasons + aims}
    for span in role_spans:
        k = sentence(span[0])
        (found.fit if {k, k - 1, k + 1} & why_here else found.roles).append(span)
    found.ahead += [clause_of(doc[i]) for i in aims]


def find_intro(ctx, role_spans: list[tuple[int, int]]) -> IntroFindings:
    """The answer's present, past and fit; ``role_spans`` are where it names this role, team or company."""
    clauses = read_clauses(ctx.doc, ctx.lex)
    found = IntroFindings()
    _find_present(ctx.doc, ctx.lex, clauses, found)
    _find_past(ctx, clauses, found)
    _find_fit(ctx, role_spans, found)
    return found
