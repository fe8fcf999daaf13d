"""Reasons, values and impact: why the goal matters (goal_why, motivation_not_money).

A reason is the clause after a reason or purpose marker ("because …", "so that …", "which is why …"), judged by what
it holds: impact or value words make it strong, words beyond the goal substantive, pay alone a money reason, and a
step alone ("so I can pass the exam") no reason for the goal. "since" before a past event is about time. Values ("I
love that …") and pictures of impact ("I want to be the person who …") count too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.content.goals import STEM
from simulator.content.ling import (
    PAST,
    content_lemmas,
    governing_verb,
    is_first_person,
    is_past,
    lower,
    negated,
    subject,
    verb_time,
)
from simulator.content.markers import (
    describes_speaker,
    done_now,
    for_candour,
    marked_reasons,
    purposes_for_others,
    reason_end,
    skill_allows,
)
from simulator.content.meaning import inside
from simulator.content.segment import clause_of
from simulator.content.status import noticed, pay_valued

SUBSTANTIVE_LEMMAS = 3  # content words beyond the goal and filler that make a reason substantive
NOUN_MODIFIERS = ("compound", "nummod", "amod", "det", "poss")  # children that make a word a noun: "probate matters"
STRONG, SUBSTANTIVE, THIN, MONEY, STEP = "strong", "substantive", "thin", "money", "step"


@dataclass
class Reason:
    start: int
    end: int
    kind: str  # strong | substantive | thin | money | step


@dataclass
class WhyFindings:
    reasons: list[Reason] = field(default_factory=list)
    values: list[tuple[int, int, bool]] = field(default_factory=list)  # (start, end, substantive)
    impacts: list[tuple[int, int, bool]] = field(default_factory=list)  # (start, end, has beneficiary)
    success: list[tuple[int, int]] = field(default_factory=list)  # "success would look like …", impact pictures
    money: list[tuple[int, int]] = field(default_factory=list)  # money/title said as a motive
    titles: list[tuple[int, int]] = field(default_factory=list)
    money_calls: list = field(default_factory=list)  # meaning.Call per sentence holding a money or title word
    rule_driven: bool = False  # what the rules alone concluded: money or a title is the only driver

    def real_motivation(self) -> bool:
        """A reason other than money: strong or substantive reason, value, impact or success."""
        return bool(
            any(r.kind in (STRONG, SUBSTANTIVE) for r in self.reasons)
            or any(s for _, _, s in self.values)
            or self.success
            or any(b for _, _, b in self.impacts)
        )


def _explains_step(ctx, marker) -> bool:
    """'I'm taking the ABR course next month because buyer's agents close faster': a reason for a step the speaker
    takes, not the goal (not "the thing I keep coming back to is starting a strings program, because …")."""
    clause = marker.head
    if clause.dep_ != "advcl" or not is_first_person(clause.head):
        return False
    return _is_step(ctx, [c for c in clause.head.children if c.dep_ == "dobj"])


def _substance(ctx, toks) -> int:
    """Content words that say something beyond the goal itself and filler words."""
    main = ctx.goals.main
    goal = {w[:STEM] for w in main.lemmas} if main else set()
    thin = ctx.lex.words("why", "thin_words")
    return len({w for w in content_lemmas(toks) if w not in thin and w[:STEM] not in goal})


def _is_step(ctx, toks) -> bool:
    """'so I can pass the exam': the reason is only the next step."""
    step_nouns, step_verbs = ctx.lex.ph("steps", "nouns"), ctx.lex.words("steps", "verbs")
    return any(t.pos_ in ("NOUN", "PROPN") and step_nouns.has(t) and t.head.lemma_.lower() in step_verbs for t in toks)


def _classify(ctx, lo: int, hi: int) -> str:
    lex, toks = ctx.lex, ctx.doc[lo:hi]
    money = any(lo <= p < hi for p, _ in ctx.money_hits)  # "four dollars more"; not "clean power on the grid"
    valued = [h for h in _value_hits(ctx, toks) if not pay_valued(ctx, ctx.doc[h[0]])]
    impact = lex.ph("why", "impact").find(toks)
    if (money or noticed(ctx, toks)) and not valued and not impact:  # "with two kids that adds up fast" is still
        return MONEY  # the pay; "so the people at the Met see it" is status
    if lex.ph("avoid", "insults").find(toks):
        return THIN  # "because the current leads are incompetent": running others down is no reason of one's own
    if not valued and not impact and describes_speaker(toks):
        return THIN  # "because I'm good with people": the speaker's qualities qualify them, they do not motivate
    if valued or impact or _beneficiary(ctx, toks, people_only=True):
        return STRONG
    if _is_step(ctx, toks):
        return STEP
    return SUBSTANTIVE if _substance(ctx, toks) >= SUBSTANTIVE_LEMMAS else THIN


def _beneficiary(ctx, toks, people_only: bool = False) -> bool:
    """Someone other than the speaker is affected (with people_only: people, not organisations)."""
    ben = ctx.lex.ph("why", "beneficiaries")
    organisations, speaker = ctx.lex.words("why", "organisations"), ctx.lex.words("grammar", "speaker")
    pointers = ctx.lex.words("grammar", "pointers")

    def people(t) -> bool:  # "small businesses" in the plural are the many people who run them
        if lower(t) == "you" and t.head.lemma_.lower() in ctx.lex.words("why", "discourse_verbs"):
            return False  # "you know", "you see": a filler, nobody affected
        return ben.has(t) and not (people_only and t.lemma_.lower() in organisations and t.tag_ != "NNS")

    def standing_for_people(t) -> bool:  # "a small business owner…, and I want to be the accountant who helps them"
        # "defendants get a fairer hearing when …, and I want to be the one doing that"
        pointer = lower(t) in pointers and t.tag_ == "DT" and t.dep_ in ("dobj", "pobj")
        return (pointer or lower(t) in ctx.lex.words("why", "pronouns_for_people")) and any(
            people(x) for x in t.doc[t.sent.start : t.i] if x.pos_ in ("NOUN", "PROPN")
        )

    return any(
        people(t) or standing_for_people(t)
        for t in toks
        if t.pos_ in ("NOUN", "PROPN", "PRON") and lower(t) not in speaker
    )


def _yours(ctx, toks) -> bool:
    """'help your company deliver jobs on time': the employer named as "your" is someone affected; "the team" or
    "a hospital" said in passing ("I'm on the help desk at a hospital") is not."""
    you = ctx.lex.words("contribution", "you")
    return any(lower(c) in you for t in toks if t.pos_ in ("NOUN", "PROPN") for c in t.children if c.dep_ == "poss")


def _value_hits(ctx, toks) -> list[tuple[int, int]]:
    """Value words in ``toks``; those that value only as verbs ("it matters to me") not as nouns with a modifier
    ("forty probate matters"; the parser calls "which I know matters" a noun too)."""
    doc, verbs_only = ctx.doc, ctx.lex.words("why", "value_verbs")

    def noun(t) -> bool:
        return t.lemma_.lower() in verbs_only and any(c.dep_ in NOUN_MODIFIERS for c in t.children)

    return [(lo, hi) for lo, hi in ctx.lex.ph("why", "value").find(toks) if not noun(doc[lo])]


def _values(ctx, money_values: list) -> list[tuple[int, int, bool]]:
    """'I love that …', 'what excites me is …', 'I like solving …' (not 'I'd like to')."""
    doc, lex = ctx.doc, ctx.lex
    hits = _value_hits(ctx, doc)
    for tok in doc:
        if (
            tok.lemma_ == "like"
            and tok.pos_ == "VERB"
            and is_first_person(tok)
            and not any(lower(a) in lex.words("grammar", "would") for a in tok.children)
        ):
            hits.append((tok.i, tok.i + 1))
    out, paid = [], ctx.money_hits  # pay and title words, set phrases such as "clean power on the grid" left out
    for lo, hi in hits:
        if (
            negated(doc[lo])
            or lex.ph("avoid", "money").find(doc[lo : min(len(doc), hi + 4)])
            or _pride_in_past(ctx, lo)
            or _others_value(ctx, doc[lo])
        ):
            continue
        span = clause_of(doc[lo])
        if any(a.dep_ == "csubj" for a in [doc[lo], *doc[lo].ancestors]) or _sums_up(doc[lo]):
            span = (lo, doc[lo].sent.end)  # "what I love about it is the responsibility: …"
        said = doc[span[0] : span[1]]
        valued = _valued_subject(doc[lo])
        if valued is not None:  # what is valued, and the sentence it sums up, as for "what I love about it is …"
            said = doc[min(span[0], valued.left_edge.i) : span[1]]
            span = (doc[lo].sent.start, span[1])
        if any(said.start <= p < said.end for p, _ in paid) or pay_valued(ctx, doc[lo]):
            money_values.append(Reason(span[0], span[1], MONEY))  # "titles matter in this industry"
            continue
        stock = lex.ph("why", "stock_motives").find(doc[lo].sent)  # "I'm passionate about retail and I love people"
        out.append((lo, hi, not stock and _substance(ctx, doc[span[0] : span[1]]) >= SUBSTANTIVE_LEMMAS))
    return out


def _others_value(ctx, tok) -> bool:
    """'a team where people actually care about code quality': what other people value is not the speaker's reason."""
    who = subject(governing_verb(tok))
    others = ctx.lex.words("why", "pronouns_for_people") | ctx.lex.words("why", "other_people")
    return who is not None and who.i != tok.i and (lower(who) in others or ctx.lex.ph("why", "beneficiaries").has(who))


def _generic_impact(ctx, toks) -> bool:
    """'make a real difference to the community': an impact any job could claim says what the goal does for nobody
    in particular."""
    lex, ben = ctx.lex, ctx.lex.ph("why", "beneficiaries")
    generic = lex.ph("why", "generic_impact")
    plain = lex.words("why", "thin_words") | generic.words
    said = [t for t in toks if content_lemmas([t]) and t.lemma_.lower() not in plain and not ben.has(t)]
    return bool(generic.find(toks)) and not said


def _self_change(ctx, tok) -> bool:
    """'keep improving every day': "improve" without an object says the speaker improves, which affects no one."""
    objects = ("dobj", "ccomp", "xcomp", "prep", "dative")
    return tok.lemma_.lower() in ctx.lex.words("why", "ergative") and not any(c.dep_ in objects for c in tok.children)


def _pride_in_past(ctx, lo: int) -> bool:
    """'The proudest thing I did was plan the move': pride in a past deed is an achievement, not a motive."""
    tok = ctx.doc[lo]
    return lower(tok) in ctx.lex.words("why", "pride") and verb_time(governing_verb(tok)) == PAST


def _sums_up(tok) -> bool:
    """'The thing I like about inspection is (that) a bad weld can hurt somebody': the value names what follows."""
    verb = governing_verb(tok)
    noun = verb.head
    return verb.dep_ == "relcl" and noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and noun.head.i > verb.i


def _own_relative(tok) -> bool:
    """'that's the kind of difference I want to make': an impact the speaker's relative clause says is theirs."""
    return any(
        c.dep_ == "relcl" and is_first_person(c) and not is_past(c)
        for n in [tok, *list(tok.ancestors)[:2]]
        for c in n.children
    )


def _valued_subject(tok):
    """'Getting trucks back on the road is what I like most', 'catching it early is the part of this job I find
    worthwhile': what is valued is the subject said before the be-verb, not the value clause itself."""
    verb = governing_verb(tok)
    be = verb.head if verb.dep_ == "ccomp" else None
    if verb.dep_ == "relcl" and verb.head.dep_ == "attr":
        be = verb.head.head
    if be is None or be.lemma_ != "be" or not is_first_person(verb):
        return None
    return next((c for c in be.children if c.dep_ in ("csubj", "nsubj") and c.i < verb.i and c.pos_ != "PRON"), None)


def _so_reasons(ctx) -> list[Reason]:
    """'Bad welds can kill people, so I want to be an inspector': what comes before 'so' is the reason."""
    doc, out = ctx.doc, []
    goal_verbs = ctx.lex.words("goal", "verbs") | ctx.lex.words("why", "so_goal_verbs")
    openers = ctx.lex.words("why", "so_openers")
    for tok in doc:
        after = doc[tok.i + 1 : tok.i + 4]
        if lower(tok) == "so" and tok.i > tok.sent.start + 3 and any(lower(t) in openers for t in after[:1]):
            if any(t.lemma_.lower() in goal_verbs for t in after):
                out.append(Reason(tok.sent.start, tok.i, _classify(ctx, tok.sent.start, tok.i)))
    return out


def _pointers(ctx) -> dict:
    """The sentences opened by a pointer back ("So that's what I want to fix"), by their first token: each maps to
    the sentence before it, which it refers to."""
    doc, out = ctx.doc, {}
    for lo, _ in ctx.lex.ph("why", "back_markers").find(doc):
        start = doc[lo].sent.start
        opened = lo == start or (lo == start + 1 and doc[start].pos_ in ("CCONJ", "ADV", "INTJ"))
        if opened and start > 0:
            out[start] = doc[start - 1].sent
    return out


def _explains_money(ctx, marker) -> bool:
    """'people treated him differently because of it': the reason explains the pay or status, not the goal."""
    clause = marker.head.head if marker.dep_ == "mark" else marker.head
    if is_first_person(clause) or ctx.in_goal(clause.i):  # "I want the senior title because …" explains the goal
        return False
    told = {t.i for t in clause.subtree if t.i < marker.i}
    return any(lo in told and not ctx.in_goal(lo) for lo, _ in ctx.money_hits)


def _back_reasons(ctx) -> list[Reason]:
    """'Kids reach third grade unable to read. So that's what I want to fix': a sentence opened by a pointer back
    is explained by the sentence before it."""
    return [Reason(b.start, b.end, _classify(ctx, b.start, b.end)) for b in _pointers(ctx).values()]


def _markers(ctx) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:
    """Every reason marker in order, longest first at each start, and those among them that point back."""
    back = ctx.lex.ph("why", "back_pointing").find(ctx.doc)
    found = ctx.lex.ph("why", "reason_markers").find(ctx.doc) + back
    return sorted(found, key=lambda m: (m[0], -m[1])), set(back)


def find_why(ctx) -> WhyFindings:
    doc, lex = ctx.doc, ctx.lex
    out = WhyFindings()
    markers, back = _markers(ctx)
    for lo, hi, end in marked_reasons(doc, markers, back=back):
        if for_candour(doc[lo], lex):
            continue
        if skill_allows(doc, lo, lex):
            kind = THIN
        elif _explains_money(ctx, doc[lo]):
            kind = MONEY
        else:
            kind = _classify(ctx, hi, end)
            kind = STEP if kind in (STRONG, SUBSTANTIVE) and _explains_step(ctx, doc[lo]) else kind
        out.reasons.append(Reason(min(lo, hi), max(end, lo + 1), kind))
    status_values: list[Reason] = []
    out.reasons += _so_reasons(ctx) + _back_reasons(ctx)
    out.reasons += [
        Reason(lo, end, _classify(ctx, lo, end)) for lo, end in purposes_for_others(doc, lex.words("goal", "verbs"))
    ]
    out.values = _values(ctx, status_values)
    out.reasons += status_values
    for lo, hi in lex.ph("why", "impact").find(doc):
        verb = governing_verb(doc[lo])
        in_goal = ctx.in_goal(lo)
        own = (is_first_person(verb) or in_goal or _own_relative(doc[lo])) and not done_now(verb, lo, in_goal)
        if negated(doc[lo]) or is_past(verb) or not own or _self_change(ctx, doc[lo]):
            continue
        clause = [t for t in verb.subtree if abs(t.i - lo) <= 8]
        told = not _generic_impact(ctx, clause)
        out.impacts.append((lo, hi, told and (_beneficiary(ctx, clause, people_only=True) or _yours(ctx, clause))))
    status = [w for w in ctx.goals.wishes if _recognition(ctx, w)]
    wishes = [
        w
        for w in ctx.goals.wishes
        if _beneficiary(ctx, doc[w[0] : w[1]], people_only=True)
        and not lex.ph("avoid", "titles").find(doc[w[0] : w[1]])
        and not lex.ph("avoid", "shown_status").find(doc[w[0] : w[1]])  # "to be the one telling people"
        and w not in status
    ]
    generic = [w for w in wishes if _generic_impact(ctx, doc[w[0] : w[1]])]  # an impact, but no one's in particular
    out.impacts += [(a, b, False) for a, b in generic]
    wishes = [w for w in wishes if w not in generic]
    hits = ctx.money_hits
    paid = [doc[lo].sent for lo, _ in hits]  # "having that title here would mean something": status
    said = [s for s in lex.ph("why", "success").find(doc) if not negated(doc[s[0]])]
    out.success = [s for s in said if not any(x.start <= s[0] < x.end for x in paid)] + wishes
    out.money = _motives(ctx, lex.ph("avoid", "money"))
    out.titles = _motives(ctx, lex.ph("avoid", "titles")) + _motives(ctx, lex.ph("avoid", "shown_status")) + status
    out.rule_driven = bool(out.money or out.titles) and not out.real_motivation()
    _weigh_money(ctx, out, hits)
    return out


def _recognition(ctx, wish: tuple[int, int]) -> bool:
    """'I want people to see the word senior in my email signature', 'to know I made it', 'to see it' (the title
    just named): others noticing the speaker is status, a title by other means, not an impact on them."""
    root = ctx.doc[wish[0] : wish[1]].root
    toks = list(root.subtree)  # with its nested clause ("to know | I made it"), not the run-on after it
    lex = ctx.lex
    seen = any(t.lemma_.lower() in lex.words("why", "recognition_verbs") for t in toks)
    mine = any(lower(t) in lex.words("grammar", "first_person") | {"my"} for t in toks)
    return (seen and mine) or noticed(ctx, toks)  # "people … to see it"


def _weigh_money(ctx, out: WhyFindings, hits: list[tuple[int, int]]) -> None:
    """The sentence classifier's reading of every sentence that mentions pay or a title, clause by clause.

    A sentence it reads as driven by money ("…as much money as possible, because that's what motivates me")
    gives no real reason, whatever reason words it holds; one it reads as about something else ("Pay matters,
    but what drives me is…") holds no money motive. Sentences it is unsure of keep the rules' reading.
    """
    out.money_calls = ctx.meaning.judge("money", [ctx.meaning.sentence(lo) for lo, _ in hits])
    driven = [c for c in out.money_calls if c.positive]
    other = [c for c in out.money_calls if c.positive is False]

    def within(calls, i: int) -> bool:
        return inside(i, calls) is not None

    for r in out.reasons:
        if within(driven, r.start) and r.kind in (STRONG, SUBSTANTIVE, THIN):
            r.kind = MONEY
    _follow_pointers(ctx, out, driven)
    out.values = [v for v in out.values if not within(driven, v[0])]
    out.impacts = [v for v in out.impacts if not within(driven, v[0])]
    out.success = [v for v in out.success if not within(driven, v[0])]
    out.money = [m for m in out.money if not within(other, m[0])]
    shown = set(ctx.lex.ph("avoid", "shown_status").find(ctx.doc))  # "on my badge": never cleared (see the lexicon)
    out.titles = [m for m in out.titles if m in shown or not within(other, m[0])]
    titles = set(ctx.lex.ph("avoid", "titles").find(ctx.doc)) | shown
    for span in hits:
        if within(driven, span[0]) and span not in out.money and span not in out.titles:
            (out.titles if span in titles else out.money).append(span)


def _follow_pointers(ctx, out: WhyFindings, driven) -> None:
    """A reason in a sentence that opens by pointing back at a money-driven one ("That's what drives me" after "the
    more I write, the more I take home") is that money motive again, not a reason of its own."""
    pointers = _pointers(ctx)
    for r in out.reasons:
        before = pointers.get(ctx.doc[r.start].sent.start)
        if before is None or r.kind not in (STRONG, SUBSTANTIVE, THIN):
            continue
        money = any(m.kind == MONEY and before.start <= m.start < before.end for m in out.reasons)
        if money or inside(before.start, driven):
            r.kind = MONEY


def _motives(ctx, phrases) -> list[tuple[int, int]]:
    """Money/title words said as a motive: in a goal, a reason or a 'want' clause, not negated."""
    doc, lex = ctx.doc, ctx.lex
    exempt = ctx.not_pay
    wants = lex.words("goal", "verbs") | lex.words("why", "motive_heads")
    markers = [(lo, reason_end(doc, hi)) for lo, hi in _markers(ctx)[0]]
    out = []
    hits = list(phrases.find(doc))
    if phrases is lex.ph("avoid", "money"):  # amounts the NER model tags as money: "half a million a year"
        hits += [(e.start, e.end) for e in doc.ents if e.label_ == "MONEY"]
    for lo, hi in hits:
        if any(a <= lo < b for a, b in exempt) or negated(doc[lo]):
            continue
        tok = doc[lo]
        heads = {a.lemma_.lower() for a in list(tok.ancestors)[:4]}
        motive = ctx.in_goal(lo) or bool(heads & wants) or any(a <= lo < b for a, b in markers)
        if motive and not is_past(governing_verb(tok)):
            out.append((lo, hi))
    return out
