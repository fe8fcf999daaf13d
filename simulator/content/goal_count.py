"""How many goals the speaker says they have: "three goals", "a few things I'm working on", "a lot of goals".

Reads count words only; goals.py decides when a count was stated about the speaker's own goals.
"""

from __future__ import annotations

from simulator.content.ling import is_first_person, lower

MANY = 99  # a stated count for "a lot of goals"
FEW = 3  # a stated count for "a few goals"
MIN_STATED = 2  # "my one goal" states no count


def count_word(tok, lex) -> int | None:
    """'three' -> 3, '4' -> 4: a number of at least MIN_STATED, up to the listed number words."""
    words, low = lex.data("goal", "number_words"), lower(tok)
    n = int(low) if low.isdigit() else (words.index(low) + 1 if low in words else 0)
    return n if MIN_STATED <= n <= len(words) else None


def quantity(tok, lex) -> int | None:
    """'a few' -> FEW, 'a lot' / 'many' -> MANY, else None."""
    low = lower(tok)
    if low not in lex.words("goal", "many_quantifiers"):
        return None
    return FEW if low in lex.words("goal", "few_quantifiers") else MANY


def _have_many(tok, lex) -> bool:
    """'my goals, I have a lot of them'."""
    many = lex.words("goal", "many_quantifiers") - lex.words("goal", "few_quantifiers")
    return any(
        t.lemma_ == "have" and is_first_person(t) and any(o.dep_ == "dobj" and lower(o) in many for o in t.children)
        for t in tok.sent
    )


def stated_count(tok, lex) -> int | None:
    """'three goals' -> 3, 'a lot of goals' / 'many goals' -> MANY, else None."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return None
    for child in tok.children:
        counted = count_word(child, lex) if child.dep_ in ("nummod", "amod", "det", "quantmod") else None
        n = counted or quantity(child, lex)
        if n:
            return n
    n = quantity(tok.head.head, lex) if tok.head.lower_ == "of" else None
    return n or (MANY if _have_many(tok, lex) else None)
