"""What the candidate offers the employer: the clauses the contribution rule reads."""

from __future__ import annotations

from simulator.content.base import Ctx
from simulator.content.complements import is_goal_noun
from simulator.content.job_refs import names_company
from simulator.content.ling import (
    UPCOMING,
    governing_verb,
    is_first_person,
    is_past,
    lower,
    negated,
    subject,
    verb_time,
)
from simulator.content.segment import clause_of

NEAR = 10  # tokens after a verb searched for who benefits


def _for_employer(ctx: Ctx, verb) -> bool:
    """True when the verb's object or receiver is the employer ('your team', 'the company', 'you')."""
    lex = ctx.lex
    employer, you = lex.ph("contribution", "employer"), lex.words("contribution", "you")
    for tok in verb.subtree:
        if tok.i <= verb.i or tok.i - verb.i > NEAR:
            continue
        if lower(tok) in you or (tok.dep_ == "poss" and names_company(ctx, tok)):  # "for Greenfinch's renewals"
            return True
        made_for = tok.dep_ == "dative" and tok.head.i == verb.i  # "I'll build them a proper training week"
        if made_for and lower(tok) in lex.words("contribution", "receivers"):
            return True
        if employer.has(tok) and tok.pos_ in ("NOUN", "PROPN"):
            det = {lower(c) for c in tok.children if c.dep_ in ("det", "poss")}
            if _only_a_place(tok, det, lex):  # "teach at the trade school": where, not for whom
                continue
            if det & lex.words("contribution", "employer_determiners") or tok.pos_ == "PROPN":
                return True
    return _here(verb, lex)


def _here(verb, lex) -> bool:
    """'help set up a minor eye conditions service here', 'Here at Hollis & Vine I think I can help': done at this
    employer ("here" on the verb, inside its clause or on a verb above it)."""
    own = {verb.i} | {t.i for c in verb.children if c.dep_ != "conj" for t in c.subtree}  # not "… and move up here"
    above = {a.i for a in list(verb.ancestors)[:2]}  # fronted: "Here at Hollis & Vine I think I can help"
    here = [t for t in verb.sent if lower(t) in lex.words("contribution", "here")]
    return any(t.head.i in own or (t.head.i in above and t.i < verb.i) for t in here)


def _only_a_place(tok, det: set[str], lex) -> bool:
    """An employer noun with 'the' after 'at'/'in' names where the speaker would work, not whom the work is for
    ("teach at the trade school"); "at your clinic" still addresses the employer."""
    return lower(tok.head) in lex.words("contribution", "place_preps") and not det & lex.words("contribution", "you")


def _seeking(verb) -> bool:
    """'I'm applying to your district': applying for a job, not applying something to the work."""
    return verb.lemma_ == "apply" and not any(c.dep_ == "dobj" for c in verb.children)


def _self_directed(verb, strong: bool, lex) -> bool:
    """'help me', 'improve my skills', 'grow with the company', 'take the UX certification': the speaker benefits,
    not the employer."""
    if verb.lemma_.lower() in lex.words("contribution", "self_growth_verbs") and not any(
        c.dep_ in ("dobj", "dative", "xcomp", "ccomp") for c in verb.children
    ):
        return True
    for c in verb.children:
        if lower(c) in lex.words("grammar", "self_objects") and c.dep_ in ("dobj", "dative", "nsubj", "iobj"):
            return True
        if c.dep_ in ("ccomp", "xcomp") and any(  # "help me answer it better", parsed with "me" on "answer"
            g.dep_ == "nsubj" and g.i < c.i and lower(g) in lex.words("grammar", "self_objects") for g in c.children
        ):
            return True
        if c.dep_ == "dobj" and lex.ph("steps", "nouns").has(c):  # "take a few courses here": a step of one's own
            return True
        if (
            not strong
            and c.dep_ == "dobj"
            and any(lower(p) == "my" for p in c.children if p.dep_ == "poss")
            and c.lemma_.lower() in lex.words("contribution", "self_objects")
        ):
            return True
    return False


def _helps_others(ctx: Ctx, verb) -> bool:
    """'help people', 'make a difference': giving, but not to this employer."""
    lex = ctx.lex
    ben, own = lex.ph("why", "beneficiaries"), lex.words("grammar", "own_possessives")
    for t in verb.subtree:
        if t.i <= verb.i or any(lower(p) in own for p in t.children if p.dep_ == "poss"):
            continue
        if t.lemma_ in lex.words("contribution", "general_impact") or (
            ben.has(t) and t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() not in lex.words("why", "organisations")
        ):
            return True
    return False


def _offered_by_me(tok, lex) -> bool:
    """The speaker (or their work, or 'this') is the one giving: 'I'll bring', 'my experience adds', 'this lets'."""
    subj = subject(tok)
    return (
        subj is None
        or is_first_person(tok)
        or any(lower(c) in lex.words("grammar", "own_possessives") for c in subj.children)
        or lower(subj) in lex.words("contribution", "offer_subjects")
    )


def _would_for_you(ctx: Ctx, verb) -> bool:
    """'I passed my CELTA in 2022, and I'd bring the exam sessions to your students': read after a past as a reported
    or habitual past, a "would" that gives to the listener's own people is an offer now."""
    lex = ctx.lex
    would = any(lower(a) in lex.words("grammar", "would") for a in verb.children if a.dep_ == "aux")
    yours = any(lower(t) in lex.words("contribution", "you") for t in verb.subtree if t.i > verb.i)
    return would and yours and is_first_person(verb)


def _helps_with_work(verb) -> bool:
    """'I can help with the branch migrations from day one': help offered with named work is an offer to whoever
    hires (labelled met twice and partial once where the rules had missed it); "help with that" names nothing."""
    offered = any(c.dep_ == "aux" and c.tag_ == "MD" and lower(c) not in ("may", "might") for c in verb.children)
    work = [o for p in verb.children if p.dep_ == "prep" and lower(p) == "with" for o in p.children if o.dep_ == "pobj"]
    return verb.lemma_ == "help" and offered and is_first_person(verb) and any(o.pos_ == "NOUN" for o in work)


def _talks(verb, lex) -> bool:
    """'Then I can give you a proper answer', 'to give you an example': given in the conversation, not the work."""
    told = verb.lemma_ in lex.words("contribution", "talk_verbs")
    return told and any(
        c.dep_ == "dobj" and c.lemma_.lower() in lex.words("contribution", "talk_objects") for c in verb.children
    )


def _repeats(verb, lex) -> bool:
    """'I'd do the same for Greenfinch's renewals': doing again what was just told."""
    same = lex.words("contribution", "repeat_objects")
    return verb.lemma_ == "do" and any(c.dep_ == "dobj" and c.lemma_.lower() in same for c in verb.children)


def giving(ctx: Ctx) -> tuple[list, list]:
    """Clauses of giving verbs: to the employer (met) and to people in general (vague)."""
    lex = ctx.lex
    verbs = lex.ph("contribution", "verbs")
    strong_hits = {lo for lo, _ in lex.ph("contribution", "strong_verbs").find(ctx.doc)}
    met, vague = [], []
    for tok in ctx.doc:
        if tok.pos_ != "VERB" or not (verbs.has(tok) or _repeats(tok, lex)) or negated(tok):
            continue
        if is_past(tok) and not _would_for_you(ctx, tok):
            continue
        if _self_directed(tok, tok.i in strong_hits, lex) or not _offered_by_me(tok, lex) or _seeking(tok):
            continue
        if _talks(tok, lex):
            continue
        # "to whichever team I end up in" is general when a job is named; with none, any team is the one
        anyone = _to_any_employer(tok) and bool(ctx.context.role or ctx.context.company)
        if _offers_a_quality(tok, lex) or _adds_value(tok, lex) or anyone:  # "bring my energy to Kestrel": not the work
            vague.append(clause_of(tok))
        elif tok.i in strong_hits or _for_employer(ctx, tok) or _helps_with_work(tok):
            met.append(clause_of(tok))
        elif (lex.ph("why", "impact").has(tok) or tok.lemma_ == "make") and _helps_others(ctx, tok):
            vague.append(clause_of(tok))
        elif _unnamed_good(tok, lex):
            vague.append(clause_of(tok))
    return met, vague


def _to_any_employer(verb) -> bool:
    """'I'd bring that view to whichever team I end up in': given to any employer, so to this one only in general."""
    doc, dets, preps = verb.doc, ("whichever", "whatever", "any"), ("to", "for", "into")
    return any(lower(t) in dets and t.i > 0 and lower(doc[t.i - 1]) in preps for t in verb.subtree)


def carried_over(ctx: Ctx) -> list:
    """'The discipline I'm building would carry over into any job': a trait of the speaker's said to transfer to
    the work, with nothing named that it does there (a vague offer)."""
    lex, own, out = ctx.lex, ctx.lex.words("grammar", "own_possessives"), []
    for verb in ctx.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.words("contribution", "transfer_verbs"):
            continue
        subj = subject(verb)
        if subj is None or is_past(verb) or negated(verb) or not any(c.dep_ == "prep" for c in verb.children):
            continue
        mine = any(lower(c) in own for c in subj.children) or any(
            c.dep_ == "relcl" and is_first_person(c) for c in subj.children
        )
        if mine:
            out.append(clause_of(verb))
    return out


def _unnamed_good(verb, lex) -> bool:
    """Given, but to no one named: "adding real value" (a contribution noun), "I'll take the runs other guys don't
    want" (the work others refuse): a willingness, with no receiver."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if obj.lemma_.lower() in lex.words("contribution", "nouns"):
            return True
        for rel in (c for c in obj.children if c.dep_ == "relcl" and not is_first_person(c)):
            who = subject(rel)
            if negated(rel) or (who is not None and lower(who) in lex.words("contribution", "no_one")):
                return rel.lemma_.lower() in lex.words("contribution", "open_needs")
    return False


def listener_receives(ctx: Ctx) -> list:
    """The employer as receiver of the speaker: "in return you get someone who ships", "what you'd get from me is
    …" (a receiving verb with "you" as subject and a person, or one described by a relative clause, received)."""
    lex, out = ctx.lex, []
    for tok in ctx.doc:
        verb = tok.head
        if (
            lower(tok) != "you"
            or tok.dep_ != "nsubj"
            or verb.lemma_.lower() not in lex.words("contribution", "receive")
        ):
            continue
        if negated(verb) or is_past(verb):
            continue
        parts = [c for c in verb.children if c.dep_ in ("dobj", "prep")]
        got = [
            c
            for c in _received(verb, parts)
            if c.lemma_.lower() in lex.words("contribution", "received") or any(r.dep_ == "relcl" for r in c.children)
        ]
        from_me = [c for c in parts if lower(c) == "from" and any(lower(g) == "me" for g in c.children)]
        if got or from_me:
            out.append(clause_of(verb))
        elif _heads_a_list(verb, parts):  # "What you get: tight costings across your three sites"
            out.append((verb.sent.start, verb.sent.end))
    return out


def _received(verb, parts) -> list:
    """What the listener gets: the object, or after "what you get is" the person it is ("a driver who …"; not
    "experience, which is what I need")."""
    objects = [c for c in parts if c.dep_ == "dobj"]
    if verb.dep_ == "csubj" and any(lower(c) == "what" for c in objects):
        attrs = [c for c in verb.head.children if c.dep_ == "attr"]
        return [
            a for a in attrs for r in a.children if r.dep_ == "relcl" and any(lower(w) == "who" for w in r.children)
        ]
    return objects


def _heads_a_list(verb, parts) -> bool:
    """'What you get:' opens what follows as the thing received."""
    doc, what = verb.doc, [c for c in parts if c.dep_ == "dobj" and lower(c) == "what"]
    return bool(what) and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ":"


def open_offers(ctx: Ctx) -> list:
    """'Whatever the firm needs from me, that's what I'll do', 'support whoever I work for': a willingness to serve
    the employer with the work left unnamed (a free relative of the employer's need), so a vague offer."""
    lex, out = ctx.lex, []
    verbs, needs = lex.ph("contribution", "verbs"), lex.words("contribution", "open_needs")
    for tok in ctx.doc:
        if lower(tok) not in lex.words("contribution", "open_objects"):
            continue
        need = governing_verb(tok)
        asked = need.lemma_.lower() in needs and not is_first_person(need)  # "whatever you need", not "I want"
        me = any(c.dep_ == "dobj" and lower(c) == "me" for c in need.children)  # "wherever the hotel needs me"
        employed = need.lemma_.lower() == "work" and any(lower(c) == "for" for c in need.children)
        offer = [
            v
            for v in tok.sent
            if v.pos_ in ("VERB", "AUX")
            and (verbs.has(v) or v.lemma_ == "do")
            and v.i != need.i
            and not (negated(v) or is_past(v))
            and _offered_by_me(v, lex)
        ]
        if (asked and me) or ((asked or employed) and offer):
            out.append(clause_of(tok))
    return out


def _adds_value(verb, lex) -> bool:
    """'add value to the business' (or any contribution noun: "add expertise"), 'deliver value for …': a stock
    phrase that names nothing done, whoever receives it."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    amounts = [o for c in objs for p in c.children if lower(p) == "of" for o in p.children if o.dep_ == "pobj"]
    given = [c.lemma_.lower() for c in objs + amounts]  # "add a lot of value": the value is what is added
    added = verb.lemma_.lower() == "add" and bool(set(given) & lex.words("contribution", "nouns"))
    return added or "value" in given


def _offers_a_quality(verb, lex) -> bool:
    """The thing given is a trait of the speaker ("my energy", "a positive attitude", "a lot of energy and a growth
    mindset", "the attitude I'd bring"), not work done for them; a skill named beside it ("the patience and the Spanish
    families appreciated") is work, while "fresh ideas" or "strong skills" beside a trait are not."""
    traits, vague = lex.words("contribution", "qualities"), lex.words("contribution", "vague_gifts")
    given = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.dep_ == "relcl" and not given:  # "that's the attitude I'd bring": the noun the clause describes
        given = [verb.head]
    for obj in given:
        amount = [o for p in obj.children if lower(p) == "of" for o in p.children if o.dep_ == "pobj"]
        head = amount or [obj]  # "a lot of energy": the energy is what is given
        things = [t for h in head for t in (h, *h.conjuncts)] + (list(obj.conjuncts) if amount else [])
        kinds = [t.lemma_.lower() for t in things if not _aimed(t)]
        if len(kinds) == len(things) and set(kinds) & traits and set(kinds) <= traits | vague:
            return True
    return False


def _aimed(trait) -> bool:
    """'real patience for patients who are overwhelmed': a trait aimed at the people served is what they get."""
    return any(c.dep_ == "prep" and lower(c) == "for" for c in trait.children)


def _filler_you(tok, lex) -> bool:
    """'you know', 'you see' said as a filler: the verb takes nothing but "you", so no one is addressed."""
    head = tok.head
    return (
        tok.dep_ == "nsubj"
        and head.lemma_.lower() in lex.words("contribution", "filler_verbs")
        and all(c.i == tok.i or c.dep_ == "punct" for c in head.children)
    )


def offered_nouns(ctx: Ctx) -> list:
    """'an asset to your team', 'my expertise for the company': a contribution noun near the employer."""
    lex, doc = ctx.lex, ctx.doc
    employer, you = lex.ph("contribution", "employer"), lex.words("contribution", "you")
    out = []
    for tok in doc:
        if lex.ph("contribution", "nouns").has(tok) and tok.pos_ == "NOUN" and not negated(tok):
            if tok.dep_ == "dobj" and _adds_value(tok.head, lex):
                continue
            near = doc[tok.i + 1 : min(len(doc), tok.i + NEAR)]
            if any(lower(t) in you or employer.has(t) for t in near):
                out.append(clause_of(tok))
    return out


def offered_by_reading(ctx: Ctx) -> list:
    """The classifier's calls reading as an offer a sentence in which the speaker says what they will or would do
    for "you" or "your" team: "I'll set up a health-score check-in for your customers". Only such sentences are
    read: it also takes a list of present duties ("I check guests in and out") for an offer."""
    lex, meaning, doc = ctx.lex, ctx.meaning, ctx.doc
    you = lex.words("contribution", "you")
    own = lex.words("grammar", "own_possessives")
    # "join a team like yours" compares, it names no one receiving
    offers = [t.i for t in doc if lower(t) in you and lower(t.head) != "like" and not _filler_you(t, lex)]
    offers = [i for i in offers if _speakers_offer(doc[i], own, lex) or _yours_offered(doc[i], lex)]
    return meaning.positive("contribution", [meaning.sentence(i) for i in offers])


def _yours_offered(tok, lex) -> bool:
    """For "your": a clause of the speaker's with a modal anywhere in the sentence ("Give me your new starters and
    I'll have them trained"; "so I could take that load off your team", which the tense reader takes for reported
    speech after a past clause), or something got "from me" ("your newcomers would get it from me"). A bare "you" is
    left to the stricter reading: it is often anyone ("once you're settled")."""
    if lower(tok) == "you":
        return False
    modal = lex.words("grammar", "future_aux") | lex.words("grammar", "offer_modals")
    for v in tok.sent:
        said = any(c.dep_ == "aux" and lower(c) in modal for c in v.children)
        from_me = any(lower(p) == "from" and any(lower(m) == "me" for m in p.children) for p in v.children)
        if (said and is_first_person(v)) or (from_me and (said or v.tag_ not in ("VBD", "VBN"))):
            return True
    return False


def _speakers_offer(tok, own: frozenset[str], lex) -> bool:
    """The clause of ``tok`` (or the one it hangs from) is the speaker's, in the future or conditional: "I'll set
    up … for your customers", "my Spanish would let your attorneys take on …" (what the speaker has, acting), or
    what a plan of theirs holds ("the plan is to be delivering your new-starter course")."""
    verb = governing_verb(tok)
    for v in [verb, *list(verb.ancestors)[:2]]:
        subj = subject(v)
        mine = subj is not None and any(c.dep_ == "poss" and lower(c) in own for c in subj.children)
        mine = mine or _about_me(v)
        if v.pos_ in ("VERB", "AUX") and verb_time(v) in ("future", "conditional") and (is_first_person(v) or mine):
            return True
        if v.lemma_ == "be" and subj is not None and is_goal_noun(subj, lex) and not is_past(v):
            return True
    return False


def _about_me(verb) -> bool:
    """A relative clause on what the speaker is: "I'm the apprentice who'll run your takeoffs"."""
    noun = verb.head
    return verb.dep_ == "relcl" and noun.dep_ == "attr" and is_first_person(noun.head)


def for_others(ctx: Ctx, wish: tuple[int, int]) -> bool:
    """An impact picture of the goal ("help teenagers who…", "be the one who shows up"), not a wish for oneself
    ("this internship gives me a chance") nor a status wish."""
    mine = ctx.lex.words("grammar", "self_objects")
    return wish not in ctx.why.titles and not any(lower(t) in mine for t in ctx.doc[wish[0] : wish[1]])


def pictured_at_work(ctx: Ctx) -> tuple[list, list]:
    """'On site I'll be the one who's in early loading the van': the speaker pictured at this work by what they will
    do there (an offer); with only "stuff" done ("the guy who can do the old stuff") a vague one. Wished for ("I want
    to be the person who builds the regression suite") it is an offer only when the work is named and is no general
    good ("someone who inspires young minds" is the goal's impact, which the goal rules read)."""
    lex = ctx.lex
    empty = lex.words("steps", "generic_objects")
    modal = lex.words("grammar", "future_aux") | lex.words("grammar", "would")
    met, vague = [], []
    for tok in ctx.doc:
        if tok.lemma_ != "be" or not is_first_person(tok) or verb_time(tok) not in ("future", "conditional"):
            continue
        said = any(c.dep_ == "aux" and lower(c) in modal for c in tok.children)  # not "I want to be the one who"
        for attr in (c for c in tok.children if c.dep_ == "attr"):
            rels = [r for r in attr.children if r.dep_ == "relcl" and not is_past(r)]
            done = [t for r in rels for t in r.subtree if t.pos_ == "NOUN" and t.dep_ in ("dobj", "pobj", "conj")]
            named = [t for t in done if lower(t) not in empty]
            if said and done:
                (met if named else vague).append(clause_of(tok))
            elif named and not any(lex.ph("why", "impact").has(t) for r in rels for t in r.subtree):
                met.append(clause_of(tok))
    return met, vague


def so_you_can(ctx: Ctx) -> list:
    """'I'll re-audit in the first four months so your team can present it': what the speaker will do, said to let
    the employer do something (a purpose clause with the employer as subject)."""
    lex, out = ctx.lex, []
    you = lex.words("contribution", "you")
    for verb in ctx.doc:
        subj = subject(verb)
        so = any(lower(c) == "so" for c in verb.children if c.dep_ in ("advmod", "mark"))
        can = any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)  # "so your team can …"
        # "so whatever you got works for me" is no purpose of the employer's
        yours = subj is not None and (
            lower(subj) in you or any(c.dep_ == "poss" and lower(c) in you for c in subj.children)
        )
        if verb.dep_ != "advcl" or not (so and can and yours):
            continue
        head = verb.head
        if is_first_person(head) and verb_time(head) in UPCOMING and not negated(head):
            out.append(clause_of(head))
    return out
