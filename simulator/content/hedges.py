"""Hedges: the words that soften a claim about oneself ("maybe", "I guess", "if I pass").

Found once per answer (``Ctx.hedges``) for confident_language and for the
report, which lists each hedge with its transcript word index so renderers
never match the lexicon again. Phrases come from ``[hedges]`` in
prompts/lexicons.toml; grammar decides when a listed phrase really hedges
("kind of" not as a noun, "I think" only when it frames a clause) and finds
the hedges no list can: "like" as a filler, "doubt", "if I …".
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.content.ling import governing_verb, is_past, lower, negated


@dataclass(frozen=True)
class HedgeSpan:
    start: int  # token indices [start, end)
    end: int
    phrase: str  # the lexicon phrase that matched, or the words said for a hedge found by grammar


def _said(doc, lo: int, hi: int) -> str:
    return " ".join(lower(t) for t in doc[lo:hi])


def _starts_with(words: list[str], phrases: frozenset[str]) -> bool:
    return any(words[: len(p.split())] == p.split() for p in phrases)


def _frames_clause(doc, hi: int, lex) -> bool:
    """'I think' / 'I guess' hedge when they frame another clause, not 'I think critically'."""
    verb = doc[hi - 1]
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children) or verb.dep_ in ("parataxis", "advcl"):
        return True
    nxt = doc[hi] if hi < len(doc) else None
    return nxt is None or nxt.is_punct or lower(nxt) in lex.words("hedges", "framing_next")


def _noun_use(doc, lo: int, lex) -> bool:
    """'that kind of impact', 'a different sort of role': a noun, not a hedge."""
    prev = lower(doc[lo - 1]) if lo > 0 else ""
    return prev in lex.words("hedges", "noun_determiners") or (lo > 0 and doc[lo - 1].pos_ == "ADJ")


def _keeps(doc, lo: int, hi: int, lex) -> bool:
    """A listed phrase that really hedges here."""
    words = [lower(t) for t in doc[lo:hi]]
    if _starts_with(words, lex.words("hedges", "noun_hedges")):
        return not _noun_use(doc, lo, lex)
    framing = lex.words("hedges", "framing_verbs")
    if doc[hi - 1].lemma_.lower() in framing and doc[hi - 1].tag_ == "VBD":
        return False  # "a year ago I thought, okay, I want to do this": a thought recounted, not a doubt now
    if words[-1] in framing or (words[0] == "i" and words[1:2] and words[1] in framing):
        return _frames_clause(doc, hi, lex)
    if doc[lo].lemma_.lower() == "try":
        return not is_past(doc[lo])
    return True


def _filler_like(tok, lex) -> bool:
    """'like' as a filler or approximator, not the verb ('I'd like') or preposition ('a role like this')."""
    if lower(tok) != "like" or tok.pos_ in ("VERB", "AUX"):
        return False
    if tok.pos_ in ("ADP", "SCONJ") and any(c.dep_ in ("pobj", "pcomp") for c in tok.children):
        return False
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    fillers = lex.words("hedges", "like_filler_after")
    if prev is not None and lower(prev) in lex.words("hedges", "like_not_filler_after") | fillers:
        return lower(prev) in fillers
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (
        tok.pos_ in ("INTJ", "X")
        or tok.dep_ in ("intj", "discourse")
        or (prev is not None and prev.is_punct)
        or bool(nxt and nxt.like_num)
    )


def _doubt(tok, lex) -> bool:
    """'I doubt …', not 'no doubt' or 'without a doubt'."""
    prev = {lower(t) for t in tok.doc[max(0, tok.i - 2) : tok.i]}
    return tok.lemma_.lower() == "doubt" and not negated(tok) and not prev & lex.words("hedges", "doubt_cancellers")


def _conditionals(doc, lex) -> list[tuple[int, int]]:
    """'if I pass …', 'if everything goes well': doubt about one's own success."""
    subjects = lex.words("hedges", "conditional_subjects")
    exempt_spans = lex.ph("hedges", "conditional_exempt").find(doc)
    exempt = {lo for lo, _ in exempt_spans} | {hi - 1 for _, hi in exempt_spans}
    out = []
    for tok in doc:
        if lower(tok) != "if" or tok.i in exempt:
            continue
        verb = tok.head if tok.dep_ == "mark" else governing_verb(tok)
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subj is not None and lower(subj) in subjects:
            out.append((tok.i, min(verb.i + 1, tok.sent.end)))
    return out


def find_hedges(doc, lex) -> list[HedgeSpan]:
    """Every hedge in the answer, in order, without overlaps."""
    found = [HedgeSpan(*m) for m in lex.ph("hedges", "phrases").matches(doc) if _keeps(doc, m[0], m[1], lex)]
    single = [(t.i, t.i + 1) for t in doc if _filler_like(t, lex) or _doubt(t, lex)]
    found += [HedgeSpan(lo, hi, _said(doc, lo, hi)) for lo, hi in single + _conditionals(doc, lex)]
    out: list[HedgeSpan] = []
    for h in sorted(found, key=lambda h: (h.start, h.end)):
        if not out or h.start >= out[-1].end:
            out.append(h)
    return out
