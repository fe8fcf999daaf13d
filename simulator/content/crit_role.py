"""Rules about the job at hand: role_alignment and contribution."""

from __future__ import annotations

from functools import lru_cache

from simulator.content.base import Ctx, Verdict, q
from simulator.content.ling import governing_verb, is_first_person, is_past, lower, negated, subject
from simulator.content.segment import clause_of
from simulator.content.types import MET, MISSING, PARTIAL
from simulator.content.why import ORGANISATIONS
from simulator.model.transcript import bare

STEM = 6  # characters compared for role words: "accountant" ~ "accounting"
MAX_POSTING_CHARS = 20_000  # longer postings are cut (a posting is a page, not a book)
NEAR = 10  # tokens after a verb searched for who benefits
# "I've been in this job for three years": past-tense verbs that make "this job" the current one.
SELF_OBJECTS = frozenset(
    {
        "skill",
        "career",
        "life",
        "knowledge",
        "ability",
        "chance",
        "resume",
        "network",
        "confidence",
        "experience",
        "craft",
        "game",
        "portfolio",
        "understanding",
        "english",
        "self",
    }
)
CURRENT_JOB_VERBS = frozenset({"be", "work", "stay", "spend", "join", "start", "leave", "have", "hire", "do"})


def _stem(word: str) -> str:
    w = bare(word).strip("'")
    return w[:STEM] if len(w) > STEM else w


def role_ref(ctx: Ctx) -> str:
    c = ctx.context
    role, company = (c.role or "").strip(), (c.company or "").strip()
    if role and company:
        return f"the {role} role at {company}"
    if role:
        return f"the {role} role"
    if company:
        return f"this role at {company}"
    return "this role"


def _context_words(text: str | None) -> list[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return [
        w
        for w in (text or "").replace("/", " ").replace("-", " ").split()
        if w.lower() not in STOP_WORDS and any(ch.isalpha() for ch in w)
    ]


def _mentions(ctx: Ctx, words: list[str]) -> list[int]:
    stems = {_stem(w) for w in words}
    return [t.i for t in ctx.doc if t.is_alpha and _stem(t.text) in stems]


@lru_cache(maxsize=8)
def _posting_terms(nlp, posting: str, noise: frozenset[str]) -> frozenset[str]:
    doc = nlp(posting[:MAX_POSTING_CHARS], disable=["parser", "ner"])
    terms = set()
    for t in doc:
        if t.pos_ in ("NOUN", "PROPN") and not t.is_stop and len(t.text) >= 3 and t.lemma_.lower() not in noise:
            terms.add(t.lemma_.lower())
    return frozenset(terms)


def _explicit_refs(ctx: Ctx) -> list[int]:
    """Token indices of references to this position, team or company."""
    lex, doc = ctx.lex, ctx.doc
    nouns, the_nouns = lex.ph("role", "nouns"), lex.ph("role", "the_nouns")
    dets, generic_your = lex.words("role", "determiners"), lex.ph("role", "generic_your")
    hits = []
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or negated(tok):
            continue
        det = {lower(c) for c in tok.children if c.dep_ in ("det", "poss")}
        if "your" in det and not generic_your.has(tok) and not any(lower(c) == "own" for c in tok.children):
            hits.append(tok.i)  # "your sales floor", "your claims data": the employer's
            continue
        if not (nouns.has(tok) or the_nouns.has(tok)):
            continue
        verb = governing_verb(tok)
        if det & dets and not (is_past(verb) and verb.lemma_.lower() in CURRENT_JOB_VERBS):
            hits.append(tok.i)
        elif "the" in det and the_nouns.has(tok) and not is_past(verb):
            hits.append(tok.i)
    for lo, _ in lex.ph("role", "phrases").find(doc):
        if not negated(doc[lo]):
            hits.append(lo)
    c = ctx.context
    company = _context_words(c.company)
    if company:  # the company's own first word, exactly: "Vantage" of "Vantage Health", not "health"
        first = company[0].lower().strip(".,'’")
        hits += [t.i for t in doc if lower(t).strip(".,'’") == first]
    role_words = _context_words(c.role)
    if role_words:
        found = _mentions(ctx, role_words)
        if len({_stem(ctx.doc[i].text) for i in found}) >= max(1, (len(role_words) + 1) // 2):
            hits += found
    return sorted(set(hits))


def role_alignment(ctx: Ctx) -> Verdict:
    """The goal is tied to this position, team or company."""
    lex, doc, slots = ctx.lex, ctx.doc, {"role_ref": role_ref(ctx)}
    refs = _explicit_refs(ctx)
    if refs:
        spans = _dedupe([clause_of(doc[i]) for i in refs])[:3]
        return Verdict(
            MET, "met", spans, {**slots, "quote": q(ctx.quote(spans[0]))}, "refers to this position, team or company"
        )
    partial_hits = [t.i for t in doc if lex.ph("role", "field").has(t) and t.pos_ == "NOUN" and not negated(t)]
    posting = ctx.context.posting
    if posting and posting.strip() and ctx.nlp is not None:
        terms = _posting_terms(ctx.nlp, posting, lex.words("role", "posting_noise"))
        echoed = [t.i for t in doc if t.lemma_.lower() in terms and t.pos_ in ("NOUN", "PROPN")]
        distinct = {doc[i].lemma_.lower() for i in echoed}
        if len(distinct) >= 2 * ctx.options.posting_terms_partial:
            spans = _dedupe([clause_of(doc[i]) for i in echoed])[:3]
            return Verdict(
                MET,
                "met",
                spans,
                {**slots, "quote": q(ctx.quote(spans[0]))},
                f"echoes {len(distinct)} job-posting terms",
            )
        if len(distinct) >= ctx.options.posting_terms_partial:
            partial_hits += echoed
    partial_hits += _mentions(ctx, _context_words(ctx.context.role))
    if partial_hits:
        spans = _dedupe([clause_of(doc[i]) for i in sorted(set(partial_hits))])[:2]
        return Verdict(
            PARTIAL, "field", spans, {**slots, "quote": q(ctx.quote(spans[0]))}, "mentions the field, not this job"
        )
    return Verdict(MISSING, "missing", [], slots, "no reference to this role, team or company")


def _dedupe(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s in spans:
        if not any(s[0] < o[1] and o[0] < s[1] for o in out):
            out.append(s)
    return out


def _for_employer(ctx: Ctx, verb) -> bool:
    """True when the verb's object or receiver is the employer ('your team', 'the company', 'you')."""
    employer = ctx.lex.ph("contribution", "employer")
    for tok in verb.subtree:
        if tok.i <= verb.i or tok.i - verb.i > NEAR:
            continue
        if lower(tok) in ("you", "your"):
            return True
        if employer.has(tok) and tok.pos_ in ("NOUN", "PROPN"):
            det = {lower(c) for c in tok.children if c.dep_ in ("det", "poss")}
            if det & {"your", "the", "this", "our", "these", "its"} or tok.pos_ == "PROPN":
                return True
    return False


def _self_directed(verb, strong: bool) -> bool:
    """'help me', 'improve my skills': the speaker benefits, not the employer."""
    for c in verb.children:
        if lower(c) in ("me", "myself") and c.dep_ in ("dobj", "dative", "nsubj", "iobj"):
            return True
        if (
            not strong
            and c.dep_ == "dobj"
            and any(lower(p) == "my" for p in c.children if p.dep_ == "poss")
            and c.lemma_.lower() in SELF_OBJECTS
        ):
            return True
    return False


def _helps_others(ctx: Ctx, verb) -> bool:
    """'help people', 'make a difference': giving, but not to this employer."""
    ben = ctx.lex.ph("why", "beneficiaries")
    for t in verb.subtree:
        if t.i <= verb.i or any(lower(p) in ("my", "our") for p in t.children if p.dep_ == "poss"):
            continue
        if t.lemma_ in ("difference", "impact") or (
            ben.has(t) and t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() not in ORGANISATIONS
        ):
            return True
    return False


def contribution(ctx: Ctx) -> Verdict:
    """What the candidate will bring to the team or company."""
    lex, doc = ctx.lex, ctx.doc
    verbs, strong = lex.ph("contribution", "verbs"), lex.ph("contribution", "strong_verbs")
    slots = {"role_ref": role_ref(ctx)}
    strong_hits = {lo for lo, _ in strong.find(doc)}
    met, vague = [], []
    for tok in doc:
        if (
            tok.pos_ != "VERB"
            or not verbs.has(tok)
            or negated(tok)
            or is_past(tok)
            or _self_directed(tok, tok.i in strong_hits)
        ):
            continue
        subj = subject(tok)
        mine = (
            subj is None
            or is_first_person(tok)
            or any(lower(c) in ("my", "our") for c in subj.children)
            or lower(subj) in ("this", "it", "that")
        )
        if not mine:
            continue
        if tok.i in strong_hits or _for_employer(ctx, tok):
            met.append(clause_of(tok))
        elif (lex.ph("why", "impact").has(tok) or tok.lemma_ == "make") and _helps_others(ctx, tok):
            vague.append(clause_of(tok))
    for tok in doc:
        if lex.ph("contribution", "nouns").has(tok) and tok.pos_ == "NOUN" and not negated(tok):
            near = doc[tok.i : min(len(doc), tok.i + NEAR)]
            if any(lower(t) in ("your", "you") or lex.ph("contribution", "employer").has(t) for t in near[1:]):
                met.append(clause_of(tok))
    if met:
        spans = _dedupe(met)[:3]
        return Verdict(
            MET, "met", spans, {**slots, "quote": q(ctx.quote(spans[0]))}, "says what they will bring to the employer"
        )
    if vague:
        spans = _dedupe(vague)[:2]
        return Verdict(
            PARTIAL, "vague", spans, {**slots, "quote": q(ctx.quote(spans[0]))}, "helping in general, not this employer"
        )
    return Verdict(MISSING, "missing", [], slots, "nothing about what they will bring")
