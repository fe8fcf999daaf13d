"""Offers said in set forms: a willingness to serve with no work named ("I'd fit in well", "I'll give it a hundred
percent"), and an offer put as a pseudo-cleft ("what you'd get is someone who …", "what I'd do for Northgate is …")."""

from __future__ import annotations

from simulator.content.base import Ctx
from simulator.content.ling import is_first_person, is_past, lower, negated, subject
from simulator.content.segment import clause_of

CLEFT_REACH = 4  # tokens after "is" in which the person received is named ("is someone who", "is a steady hand who")


def _modal(verb) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def willing(ctx: Ctx) -> list:
    """'so I think I'd fit in well', 'I'll be a reliable pair of hands', 'I'll give it a hundred percent': the speaker
    willing to serve, with no work named (of such answers labellers read 37 as a vague offer, 6 as none, 4 as met)."""
    out, ready = [], ctx.lex.words("contribution", "willing_adjectives")
    for lo, _ in ctx.lex.ph("contribution", "willing").find(ctx.doc):
        verb = ctx.doc[lo]
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        keen = verb.dep_ == "xcomp" and lower(verb.head) in ready  # "I'm happy to fit in", "always willing to …"
        if keen:
            verb = verb.head.head  # the copula the adjective hangs on
        elif verb.dep_ == "xcomp" and verb.head.pos_ == "VERB":
            verb = verb.head  # "I'd keep doing a good job": the modal is on "keep"
        if is_first_person(verb) and (keen or _modal(verb)) and not negated(verb) and not is_past(verb):
            out.append(clause_of(verb))
    return out


def cleft_offers(ctx: Ctx) -> list:
    """'What you'd get is someone who'll take the register off your site managers' plates', 'What I'd do for
    Northgate is build the calibration sessions': the listener receiving a person described, or the speaker doing
    something for the employer, put as the subject of "is" with the offer after it."""
    lex, out = ctx.lex, []
    received = lex.words("contribution", "received")
    for verb in ctx.doc:
        asked = [c for c in verb.children if c.dep_ == "dobj" and lower(c) == "what"]
        be = _copula(verb.head)
        if verb.dep_ != "csubj" or not asked or be is None or not _modal(verb) or negated(verb):
            continue
        who = subject(verb)
        after = ctx.doc[be.i + 1 : min(be.sent.end, be.i + 1 + CLEFT_REACH)]
        person = any(t.lemma_.lower() in received and t.nbor().lower_ in ("who", "that") for t in after[:-1])
        receives = (
            who is not None and lower(who) == "you" and verb.lemma_.lower() in lex.words("contribution", "receive")
        )
        does = verb.lemma_ == "do" and is_first_person(verb) and _for_them(ctx, verb)
        if (receives and person) or does:
            out.append((verb.sent.start, verb.sent.end))
    return out


def _copula(head):
    """The "is" of a pseudo-cleft: its head, or the auxiliary of the verb after it ("… is build the sessions")."""
    if head.lemma_ == "be":
        return head
    return next((c for c in head.children if c.dep_ == "aux" and c.lemma_ == "be"), None)


def _for_them(ctx: Ctx, verb) -> bool:
    """'for Northgate', 'for you', 'for your team': the employer is whom the deed is for."""
    lex = ctx.lex
    you, owners = lex.words("contribution", "you"), lex.words("contribution", "employer_determiners")
    for prep in (c for c in verb.children if c.dep_ in ("prep", "dative") and lower(c) == "for"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            det = {lower(c) for c in obj.children if c.dep_ in ("det", "poss")}
            employer = lex.ph("contribution", "employer").has(obj) and bool(det & owners)
            if lower(obj) in you or obj.pos_ == "PROPN" or employer:
                return True
    return False
