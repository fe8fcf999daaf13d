"""Where the answer refers to this job: this position, team or company, by name or by "this role", "your team".

Shared by the goal count (a goal placed at this employer is the tie to the role, not a rival goal) and by
role_alignment.
"""

from __future__ import annotations

from simulator.content.ling import governing_verb, is_past, lower, negated
from simulator.model.transcript import bare

STEM = 6  # characters compared for role words: "accountant" ~ "accounting"


def _stem(word: str) -> str:
    w = bare(word).strip("'")
    return w[:STEM] if len(w) > STEM else w


def context_words(text: str | None) -> list[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return [
        w
        for w in (text or "").replace("/", " ").replace("-", " ").split()
        if w.lower() not in STOP_WORDS and any(ch.isalpha() for ch in w)
    ]


def mentions(ctx, words: list[str]) -> list[int]:
    """Nouns of the answer that are words of the role or company ("coordinate" does not name a "Coordinator")."""
    stems = {_stem(w) for w in words}
    return [t.i for t in ctx.doc if t.is_alpha and t.pos_ in ("NOUN", "PROPN") and _stem(t.text) in stems]


def _employers_thing(tok, det: set[str], lex) -> bool:
    """'your sales floor', 'your claims data': the employer's, not the generic 'your career'."""
    return (
        "your" in det
        and not lex.ph("role", "generic_your").has(tok)
        and not any(lower(c) == "own" for c in tok.children)
    )


def _held_job(tok, lex) -> bool:
    """``tok`` names a job the speaker has had or has: 'I was in this job for years', 'I've been a credit analyst'."""
    verb = governing_verb(tok)
    return is_past(verb) and verb.lemma_.lower() in lex.words("role", "current_job_verbs")


def _this_job(tok, det: set[str], lex) -> bool:
    """'this role', 'your team', 'the position'; with "the" only the singular ('the teams' is any teams)."""
    the_nouns = lex.ph("role", "the_nouns")
    if not (lex.ph("role", "nouns").has(tok) or the_nouns.has(tok)):
        return False
    if det & lex.words("role", "determiners") and not _held_job(tok, lex):
        return True
    the = "the" in det and the_nouns.has(tok) and tok.tag_ != "NNS" and not _of_a_kind(tok, lex)
    return the and not is_past(governing_verb(tok)) and not _some_place(tok, lex)


def _of_a_kind(tok, lex) -> bool:
    """'the coach company': "the" with a kind named before the noun is one such place."""
    kinds = lex.words("role", "kind_nouns")
    return tok.lemma_.lower() in kinds and any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in tok.children)


def _some_place(tok, lex) -> bool:
    """'a company with a good culture where I can contribute to the team': "the team" of any such place."""
    anywhere = lex.words("role", "any_place")
    return any(
        a.pos_ in ("NOUN", "PRON")
        and (lower(a) in anywhere or any(lower(d) in anywhere for d in a.children if d.dep_ == "det"))
        for a in tok.ancestors
    )


def _noun_refs(ctx) -> list[int]:
    """Nouns that point at this position, team or company."""
    hits, when = [], {i for t in ctx.times for i in range(t.start, t.end)}
    for tok in ctx.doc:
        if tok.pos_ not in ("NOUN", "PROPN") or negated(tok):
            continue
        det = {lower(c) for c in tok.children if c.dep_ in ("det", "poss")}
        if _employers_thing(tok, det, ctx.lex) or _this_job(tok, det, ctx.lex) or _placed_here(tok, when, ctx.lex):
            hits.append(tok.i)
    return hits


def _placed_here(tok, when: set[int], lex) -> bool:
    """'the trainee programme here', 'a team lead post here': a step or post of this employer's, still ahead; not a
    time ("by the end of my second quarter here"), nor pay or a place ("the commission structure here")."""
    kind = lex.ph("steps", "nouns").has(tok) or lex.ph("role", "nouns").has(tok)
    here = kind and any(lower(c) == "here" and c.dep_ == "advmod" for c in tok.children)
    timed = tok.i in when or any(g.i in when for c in tok.children if c.dep_ == "prep" for g in c.children)
    return here and not timed and not is_past(governing_verb(tok))


def _company_word(ctx) -> str | None:
    """The company's own first word, matched exactly: "vantage" of "Vantage Health", not "health"."""
    company = context_words(ctx.context.company)
    return company[0].lower().strip(".,'’") if company else None


def _names_company(tok, word: str | None) -> bool:
    return word is not None and lower(tok).strip(".,'’") == word


def names_company(ctx, tok) -> bool:
    """The token is the company's own first word ("Greenfinch's renewals")."""
    return _names_company(tok, _company_word(ctx))


def _context_refs(ctx) -> list[int]:
    """The company's name, or most of the role's words, said in the answer."""
    c, hits = ctx.context, []
    word = _company_word(ctx)
    hits += [t.i for t in ctx.doc if _names_company(t, word)]
    role_words = context_words(c.role)
    if role_words:  # the title's head noun among them ("Driver" of "CDL-A Driver"), not in the speaker's own job
        found = [
            i for i in mentions(ctx, role_words) if not _held_job(ctx.doc[i], ctx.lex) and not _told_of(ctx.doc[i])
        ]
        stems = {_stem(ctx.doc[i].text) for i in found}
        if _stem(role_words[-1]) in stems and len(stems) >= (len(role_words) + 1) // 2:
            hits += found
    return hits


def _told_of(tok) -> bool:
    """'most of the other teachers were phoning it in': the role's word in a past event names people, not this job."""
    return is_past(governing_verb(tok))


def _phrase_refs(ctx) -> list[int]:
    doc = ctx.doc
    return [lo for lo, _ in ctx.lex.ph("role", "phrases").find(doc) if not negated(doc[lo])]


def explicit_refs(ctx) -> list[int]:
    """Token indices of references to this position, team or company."""
    return sorted(set(_noun_refs(ctx) + _phrase_refs(ctx) + _context_refs(ctx)))


REF_KINDS = ("company", "this", "your", "the", "phrase", "role")  # how an answer can point at the job


def ref_kinds(ctx, refs: list[int]) -> frozenset[str]:
    """How ``refs`` point at the job: the company's name, "this …", "your …", "the …", a set phrase ("join
    you"), or else only the role's own words, which labellers often read as naming the field."""
    doc, nouns, phrases = ctx.doc, set(_noun_refs(ctx)), set(_phrase_refs(ctx))
    pointing = ctx.lex.words("role", "determiners") - {"your"}  # "this role", "these teams", "such a company"
    word = _company_word(ctx)
    kinds = set()
    for i in refs:
        dets = {lower(c) for c in doc[i].children if c.dep_ in ("det", "poss")} if i in nouns else set()
        kinds |= {"this"} if dets & pointing else set()
        kinds |= {k for k in ("your", "the") if k in dets}
        kinds |= {"phrase"} if i in phrases else set()
        kinds |= {"company"} if _names_company(doc[i], word) else set()
    return frozenset(kinds or ({"role"} if refs else set()))


def company_field(ctx) -> list[int]:
    """Nouns of the answer that are the company's other words, which name its field ("hotel" of "Lakeshore Hotel
    Group"), not its legal form ("Group", "LLP")."""
    words = context_words(ctx.context.company)[1:]
    return mentions(ctx, [w for w in words if w.lower().strip(".,") not in ctx.lex.words("role", "company_forms")])
