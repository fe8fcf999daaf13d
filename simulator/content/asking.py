"""The questions a candidate asks the interviewer at the close, and what each is about.

A question is a sentence that ends in "?", opens like one ("What would…",
"Could you…", "Is there…"), or is asked indirectly ("I was wondering what…",
"I'm curious about…"): speech transcripts do not always carry the "?".
Questions only about pay and perks, or about how the candidate did, are
not the real questions the close is for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.content.ling import lower

REAL, PERKS, ABOUT_ME = "real", "perks", "about_me"


@dataclass
class Asked:
    questions: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # kind -> sentence spans


def _w(lex, key: str) -> frozenset[str]:
    return lex.words("closing", key)


def _is_question(sent, lex) -> bool:
    toks = [t for t in sent if not t.is_punct and lower(t) not in _w(lex, "lead_ins")]
    if any(t.text == "?" for t in sent):
        return True
    if not toks:
        return False
    first, second = toks[0], toks[1] if len(toks) > 1 else None
    wh = first.tag_ in ("WDT", "WP", "WP$", "WRB")
    inverted = first.pos_ == "AUX" and second is not None and second.pos_ in ("PRON", "PROPN", "NOUN", "DET")
    return wh or inverted or bool(lex.ph("closing", "ask_phrases").find(sent))


def _kind(sent, lex) -> str:
    if lex.ph("closing", "about_me").find(sent):
        return ABOUT_ME
    perks = lex.ph("closing", "perks").find(sent) or lex.ph("avoid", "money").find(sent)
    work = [t for t in sent if t.pos_ in ("NOUN", "PROPN") and lex.ph("closing", "work_topics").has(t)]
    return PERKS if perks and not work else REAL


def find_questions(ctx) -> Asked:
    """Every question the answer asks, by kind (REAL, PERKS, ABOUT_ME)."""
    found = Asked()
    for sent in ctx.doc.sents:
        if _is_question(sent, ctx.lex):
            found.questions.setdefault(_kind(sent, ctx.lex), []).append((sent.start, sent.end))
    return found
