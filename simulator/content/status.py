"""Money and status words that are no motive of the speaker's: what others pay, set phrases, others noticing.

why.py reads reasons; this module holds what it asks about pay and status, so check.py can find the money sentences
to embed without importing the reason rules.
"""

from __future__ import annotations

from simulator.content.ling import is_first_person, lower, negated, subject


def not_pay(doc, lex) -> list[tuple[int, int]]:
    """Money words that are not the speaker's pay: set phrases ("pay attention", "raise awareness"), what others
    pay ("pricing changes what customers pay"), money handled as work ("learn the cash") and title words used as
    verbs ("ranked"), except the ones that are titles as verbs too ("promoted")."""
    payers, money = lex.words("avoid", "other_payers"), lex.words("avoid", "money")
    paying = [  # "customers pay"; not "people treat you differently", which pays no one
        (t.i, t.i + 1)
        for t in doc
        if t.pos_ == "VERB"
        and t.lemma_.lower() in money
        and any(c.dep_ == "nsubj" and c.lemma_.lower() in payers for c in t.children)
    ]
    tasks = lex.words("avoid", "money_tasks")  # "learn the cash, the stock": the till is work handled
    handled = [
        (c.left_edge.i, c.right_edge.i + 1)
        for t in doc
        if t.pos_ == "VERB" and t.lemma_.lower() in tasks
        for c in t.children
        if c.dep_ == "dobj"
    ]
    title_verbs = lex.words("avoid", "title_verbs")  # "ranked" in a game, not a rank held
    verbs = [
        (lo, hi)
        for lo, hi in lex.ph("avoid", "titles").find(doc)
        if hi - lo == 1 and doc[lo].pos_ == "VERB" and doc[lo].lemma_.lower() not in title_verbs
    ]
    return lex.ph("avoid", "money_exempt").find(doc) + paying + handled + verbs


def money_hits(ctx) -> list[tuple[int, int]]:
    """Every money or title word that may be the speaker's pay or status: the sentences the money classifier reads."""
    doc, lex = ctx.doc, ctx.lex
    exempt = ctx.not_pay
    hits = lex.ph("avoid", "money").find(doc) + lex.ph("avoid", "titles").find(doc)
    hits += lex.ph("avoid", "shown_status").find(doc)
    hits += [(e.start, e.end) for e in doc.ents if e.label_ == "MONEY"]
    return [(lo, hi) for lo, hi in hits if not any(a <= lo < b for a, b in exempt)]


def noticed(ctx, toks) -> bool:
    """'so the people at the Met see it when I'm negotiating', "because that's what people respect": others noticing
    the speaker is status, not a reason."""
    lex, doc = ctx.lex, ctx.doc
    seen, me = lex.words("why", "recognition_verbs"), lex.words("grammar", "pointers") | lex.words("grammar", "speaker")
    # the goal's own title seen on a card ("I want them to see Operations Manager on the card")
    me = me | {lower(t) for g in ctx.goals.mentions for t in doc[g.start : g.end] if t.pos_ == "PROPN"}
    return any(
        t.lemma_.lower() in seen
        and subject(t) is not None
        and subject(t).tag_ not in ("WP", "WDT")  # "the one who sees it through" is the speaker again
        and not is_first_person(t)
        and not negated(t)
        # "see it", "that's what people respect" (the thing before); not "deserve to know how …"
        and any(c.dep_ == "dobj" and (lower(c) in me or lower(c) == "what") for c in t.children)
        for t in toks
    )


def pay_valued(ctx, tok) -> bool:
    """'uncapped commission is the only scoreboard I've ever cared about': a value word in a relative clause on a noun
    whose own clause names pay values the pay, not something beyond it."""
    rel = next((a for a in (tok, *tok.ancestors) if a.dep_ == "relcl"), None)
    if rel is None:
        return False
    verb = rel.head.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return any(verb.left_edge.i <= p <= verb.right_edge.i for p, _ in ctx.money_hits)
