"""The avoid-rules: no_boasting, professional_goal, motivation_not_money."""

from __future__ import annotations

from simulator.content.base import Ctx, Verdict
from simulator.content.hobbies import makes_room
from simulator.content.lexicon import sure
from simulator.content.ling import governing_verb, is_first_person, lower, negated, subject
from simulator.content.meaning import MODEL, inside
from simulator.content.rules import rule
from simulator.content.segment import clause_of
from simulator.content.types import AVOID, CLEAR, FLAGGED

ASPIRATION_HEADS = 5  # heads above a superlative searched for "want", "hope", …
ASPIRATION_AFTER = 6  # words after a superlative searched for "can"/"could": "the best nurse I can be"
THAN_GAP = 2  # words from a comparative to its "than" when the speaker is the one compared: "knows it better than I do"
COMPARISON_REACH = 8  # words after a comparative searched for "than": "better on a schedule of loss than half the …"


def _aspiration(tok, lex) -> bool:
    """'I want to be the best …', 'the best nurse I can be': an aim, not a boast."""
    heads = lex.words("avoid", "aspiration_heads")
    for anc in list(tok.ancestors)[:ASPIRATION_HEADS]:
        if anc.lemma_.lower() in heads and anc.lemma_.lower() != "be":
            return True
    sent = tok.sent
    after = [lower(t) for t in sent[tok.i - sent.start + 1 :]][:ASPIRATION_AFTER]
    return bool(set(after) & lex.words("avoid", "aspiration_modals"))


def _about_self(tok, lex) -> bool:
    verb = governing_verb(tok)
    if verb.lemma_.lower() not in lex.words("avoid", "self_verbs"):
        return False
    subj = subject(verb)
    if subj is not None and lower(subj) in lex.words("grammar", "own_subjects"):
        return True
    # "I think I'm the best": the inner clause's subject is checked above; "my work is the best" too
    return subj is not None and any(lower(c) == "my" for c in subj.children)


def _someone_else(tok, lex) -> bool:
    """'as you know better than anyone': the claim is about another person."""
    subj = subject(governing_verb(tok))
    return subj is not None and lower(subj) in lex.words("grammar", "other_subjects")


def _self_praise(tok, lex) -> bool:
    """Said of oneself, not negated, not an aim."""
    return _about_self(tok, lex) and not negated(tok) and not _aspiration(tok, lex)


def _boast_words(ctx: Ctx) -> list[tuple[int, int]]:
    """'I'm brilliant', 'I'm a rockstar' (not 'a perfect fit', 'my best')."""
    lex, doc = ctx.lex, ctx.doc
    exempt_next, own = lex.words("avoid", "boast_exempt_next"), lex.words("grammar", "own_possessives")
    out = []
    for lo, hi in lex.ph("avoid", "boast_words").find(doc):
        nxt = doc[hi] if hi < len(doc) else None
        if nxt is not None and (lower(nxt) in exempt_next or lower(doc[hi - 1]) == "my"):
            continue
        if lo > 0 and lower(doc[lo - 1]) in own:
            continue  # "my best", "do my best"
        if _self_praise(doc[lo], lex):
            out.append((lo, hi))
    return out


def _modest_superlative(tok, lex) -> bool:
    """'highest-rated', 'the best fit', 'do my best', 'at best', 'as best I can', 'the highest score' (measured),
    'where I'm weakest' (unflattering), 'the thing I'm proudest of' (a feeling)."""
    praising_no_one = ("measuring_superlatives", "unflattering_superlatives", "feeling_superlatives")
    if any(tok.lemma_.lower() in lex.words("avoid", key) for key in praising_no_one):
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and (nxt.text.startswith("-") or lower(nxt) in lex.words("avoid", "boast_exempt_next")):
        return True
    before = lower(tok.doc[tok.i - 1]) in lex.words("avoid", "modest_before")
    return before or tok.head.lemma_ in lex.words("avoid", "effort_verbs") or _most_as_quantity(tok)


def _most_as_quantity(tok) -> bool:
    """'out on the bike most weekends', 'most of the shifts': a quantity; 'the most deals' is a superlative."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if lower(tok) != "most" or nxt is None or (tok.i > 0 and lower(tok.doc[tok.i - 1]) == "the"):
        return False
    return lower(nxt) == "of" or (tok.head.i == nxt.i and nxt.tag_ == "NNS")


def _superlatives(ctx: Ctx, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Any superlative said of oneself: "I'm the hardest worker on my team"."""
    lex = ctx.lex
    return [
        (tok.i, tok.i + 1)
        for tok in ctx.doc
        if tok.tag_ in ("JJS", "RBS")
        and sure(tok)
        and (tok.i, tok.i + 1) not in found
        and not _modest_superlative(tok, lex)
        and _self_praise(tok, lex)
    ]


def _comparisons(ctx: Ctx) -> list[tuple[int, int]]:
    """'better than anyone on my team': a comparative against other people, said by the speaker."""
    lex, doc = ctx.lex, ctx.doc
    comparatives, targets = lex.words("avoid", "comparatives"), lex.ph("avoid", "than_targets")
    out = []
    for tok in doc:
        if not sure(tok) or (tok.lemma_.lower() not in comparatives and lower(tok) not in comparatives):
            continue
        than = [c for c in doc[tok.i + 1 : min(tok.sent.end, tok.i + COMPARISON_REACH)] if lower(c) == "than"]
        target = targets.matches(doc[than[0].i + 1 : than[0].i + 4]) if than else []
        if target and lower(tok) == "more" and target[0][2].startswith("half"):
            continue  # "more than half the backlog" is a quantity
        if target and is_first_person(governing_verb(tok)) and not negated(tok):
            out.append((tok.i, min(len(doc), than[0].i + 3)))
    return out


def _comparatives_before(doc, i: int, reach: int) -> list:
    """Comparatives ("better", "more") in the ``reach`` words before token ``i``, within its sentence."""
    return [t for t in doc[max(doc[i].sent.start, i - reach) : i] if t.tag_ in ("JJR", "RBR")]


def _outdone_together(ctx: Ctx) -> list[tuple[int, int]]:
    """'I listed more than the next two people put together': outdoing several others at once is a boast whoever
    they are, and no reading clears it (labellers flagged all four such answers; the classifier cleared two)."""
    doc, out = ctx.doc, []
    for i, j in ctx.lex.ph("avoid", "all_together").find(doc):
        than = [t for t in doc[max(doc[i].sent.start, i - COMPARISON_REACH) : i] if lower(t) == "than"]
        comp = _comparatives_before(doc, i, 2 * COMPARISON_REACH)
        if than and comp and is_first_person(governing_verb(comp[-1])) and not negated(comp[-1]):
            out.append((comp[-1].i, j))
    return out


def _none_better(ctx: Ctx) -> list[tuple[int, int]]:
    """'Nobody in this county knows the software better than I do': a comparison that no one else wins against the
    speaker is a boast on its own, whatever is compared."""
    doc, lex, out = ctx.doc, ctx.lex, []
    selves = lex.words("avoid", "self_words")
    for than in (t for t in doc if lower(t) == "than" and t.i + 1 < len(doc) and lower(doc[t.i + 1]) in selves):
        comp = _comparatives_before(doc, than.i, THAN_GAP)
        nobody = [i for i, _ in lex.ph("avoid", "no_one").find(doc[than.sent.start : than.i])]
        keen = bool(comp) and governing_verb(comp[-1]).lemma_.lower() in lex.words("grammar", "wish_verbs")
        if comp and nobody and not keen and not negated(comp[-1]):  # "nobody wants it more than I do" is keenness
            out.append((nobody[0], than.i + 2))
    return out


def _speaker_in(tok, lex) -> bool:
    """Self-praise names the speaker in its clause: "nobody can find them" (the records) praises no one."""
    head = governing_verb(tok)
    speaker = lex.words("grammar", "first_person") | lex.words("grammar", "own_possessives")
    # a clause joined on ("nobody can do their job, and I like being the person who …") is another claim
    joined = {t.i for c in head.children if c.dep_ in ("conj", "parataxis") for t in c.subtree}
    # "the best offices I've worked in were …": the speaker inside the praised noun's own relative clause
    joined |= {t.i for c in tok.head.children if tok.dep_ == "amod" and c.dep_ == "relcl" for t in c.subtree}
    return any(lower(t) in speaker for t in head.subtree if t.i not in joined)


def _boast_phrases(ctx: Ctx) -> list[tuple[int, int]]:
    """The speaker's own phrases that are boasts on their own ("I'm the best", "better than most")."""
    lex, doc = ctx.lex, ctx.doc
    return [
        s
        for s in lex.ph("avoid", "boast_phrases").find(doc)
        if not negated(doc[s[0]]) and not _someone_else(doc[s[0]], lex) and _speaker_in(doc[s[0]], lex)
    ]


def _boasts(ctx: Ctx, phrases: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every boast the rules find: the ``phrases`` (from ``_boast_phrases``), self-praising words and comparisons."""
    out = list(phrases)
    out += _boast_words(ctx)
    out += _superlatives(ctx, out)
    out += _comparisons(ctx)
    return sorted(set(out))


def _self_view(tok, lex) -> bool:
    """'by third grade they've decided they're bad at school': what people believe of themselves runs no one down
    (a pronoun in the belief stands for the believer)."""
    verb = governing_verb(tok)
    believer = verb.head if verb.dep_ == "ccomp" else None
    if believer is None or believer.lemma_.lower() not in lex.words("avoid", "belief_verbs"):
        return False
    said, thought = subject(believer), subject(verb)
    if said is None or thought is None or lower(said) in lex.words("avoid", "self_words"):
        return False  # "I think they're lazy" is the speaker's own put-down
    return lower(said) == lower(thought) or lower(thought) in lex.words("grammar", "other_people")


def _said_of_self(tok, lex) -> bool:
    """'where I'm weakest': the word's clause has the speaker as its subject; 'my first amateur bout': the word
    describes the speaker's own thing (not 'my lazy coworkers', who are people)."""
    subj, own = subject(governing_verb(tok)), lex.words("avoid", "self_words")
    thing = tok.dep_ in ("amod", "compound") and not lex.ph("avoid", "others").has(tok.head)
    mine = thing and any(c.dep_ == "poss" and lower(c) in own for c in tok.head.children)
    return mine or (subj is not None and lower(subj) in own)


def _insults(ctx: Ctx) -> list[tuple[int, int]]:
    """Insult phrases not negated; one that holds its own negation ("has no idea", "couldn't") is an insult as said."""
    doc, negators = ctx.doc, ctx.lex.words("grammar", "negators") | {"n't"}
    found = ctx.lex.ph("avoid", "insults").find(doc)
    return [(lo, hi) for lo, hi in found if any(lower(t) in negators for t in doc[lo:hi]) or not negated(doc[lo])]


def _put_downs(ctx: Ctx) -> list[tuple[int, int]]:
    lex, doc = ctx.lex, ctx.doc
    others = lex.ph("avoid", "others")
    out = []
    for lo, _hi in _insults(ctx):
        tok = doc[lo]
        if _self_view(tok, lex):
            continue
        if tok.dep_ == "amod" and others.has(tok.head):
            out.append(clause_of(tok))
            continue
        verb = tok.head if tok.dep_ in ("aux", "neg") else tok  # "didn't have a clue" opens on its auxiliary
        subj = subject(governing_verb(verb))
        if (
            subj is not None
            and lower(subj) not in lex.words("avoid", "self_words")
            and (others.has(subj) or any(others.has(c) for c in subj.subtree))
        ):
            out.append(clause_of(tok))
    return out


def bragging_cues(ctx: Ctx) -> tuple[list[int], set[int]]:
    """Words that may brag or run others down, whoever the sentence is about (the classifier reads the rest):
    boast words and phrases and insults, not negated (token indices; insults apart). Bare superlatives and
    comparisons stay with the rules' grammar of self-praise: the classifier takes "SunPath does most of the solar
    here" and "a clearer ladder than my current company" for boasts.
    """
    lex, doc = ctx.lex, ctx.doc
    found = [lo for key in ("boast_words", "boast_phrases") for lo, _ in lex.ph("avoid", key).find(doc)]
    found = [i for i in found if not negated(doc[i]) and not _modest_superlative(doc[i], lex)]  # "as best I can"
    found = [i for i in found if _speaker_in(doc[i], lex)]
    insults = {lo for lo, _ in _insults(ctx)}
    insults = {i for i in insults if not _said_of_self(doc[i], lex)}  # "the PLC side is where I'm weakest"
    return sorted(set(found) | insults), insults


def _read_bragging(ctx: Ctx, boasts: list, downs: list, sure=()) -> tuple[list, list, list, list]:
    """The rules' boasts without those the classifier reads as neutral (except the ``sure`` ones, phrases that are
    boasts on their own), the rules' put-downs, the cue sentences it reads as bragging that the rules missed, and its
    calls. It does not clear put-downs: of those it read as neutral, labellers flagged 8 of 9."""
    meaning = ctx.meaning
    cues, insults = bragging_cues(ctx)
    starts = [a for a, _ in boasts] + [a for a, _ in downs] + cues
    calls = meaning.judge("boasting", [meaning.sentence(i) for i in starts])
    neutral = [c for c in calls if c.positive is False]
    boasts = [b for b in boasts if b in sure or inside(b[0], neutral) is None]
    missed = [c for c in calls if c.positive and not any(c.span[0] <= a < c.span[1] for a, _ in boasts + downs)]
    for c in missed:  # a missed sentence with an insult in it runs others down
        (downs if any(c.span[0] <= i < c.span[1] for i in insults) else boasts).append(c.span)
    return boasts, downs, missed, calls


@rule("no_boasting", kind=AVOID, outcomes=("clear", "boast", "put_down"))
def no_boasting(ctx: Ctx) -> Verdict:
    """Superlatives about oneself, or running others down.

    The rules find self-praise and put-downs by grammar; the classifier reads every sentence holding a cue word
    ("lazy", "faster than anyone", "proudest"), flags those the rules missed and clears boasts it reads as neutral,
    except a phrase that is a boast on its own ("I'm the best …", which it once read as neutral).
    """
    sure = _boast_phrases(ctx) + _outdone_together(ctx) + _none_better(ctx)
    rule_boasts, rule_downs = _boasts(ctx, sure), _put_downs(ctx)
    boasts, downs, missed, calls = _read_bragging(ctx, rule_boasts, rule_downs, sure=set(sure))
    changed = bool(missed) or len(boasts) + len(downs) < len(rule_boasts) + len(rule_downs)
    decided = [c for c in calls if c.positive is not None]
    signal = (MODEL, max(c.score if c.positive else 1 - c.score for c in decided)) if changed and decided else ()
    if boasts:
        spans = [clause_of(ctx.doc[a]) for a, _ in boasts][:3]
        return Verdict(FLAGGED, "boast", spans, {"quote": ctx.q(spans[0])}, "self-praise with superlatives", *signal)
    if downs:
        spans = [clause_of(ctx.doc[a]) for a, _ in downs][:3]
        return Verdict(FLAGGED, "put_down", spans, {"quote": ctx.q(spans[0])}, "runs other people down", *signal)
    return Verdict(CLEAR, "clear", [], {}, "no self-praise or put-downs found", *signal)


@rule("professional_goal", kind=AVOID, outcomes=("clear", "hobby"))
def professional_goal(ctx: Ctx) -> Verdict:
    """The goal is a hobby or personal project unrelated to the job.

    The word lists find hobby words in goals and plans (broadly: "climbing" may be a mountain or a career);
    the sentence classifier then reads each such sentence, and its confident "professional" clears the word.
    It flags alone only when the answer values the job for the time it leaves ("the job fits round it"), which also
    keeps it from clearing a word: elsewhere its "hobby" reading of goal sentences is not reliable.
    """
    doc, meaning = ctx.doc, ctx.meaning
    hits, room = ctx.hobbies, makes_room(ctx)  # a job that fits round the goal: the goal is no career
    calls = meaning.judge("hobby", [meaning.sentence(lo) for lo, _ in hits])
    for lo, hi in hits:
        call = inside(lo, calls)
        if call is not None and call.positive is False and not room:
            continue
        span = clause_of(doc[lo])
        signal = (MODEL, call.score) if call is not None and call.positive else ()
        slots = {"quote": ctx.q(span), "term": doc[lo:hi].text}
        return Verdict(FLAGGED, "hobby", [span], slots, "a hobby or personal goal", *signal)
    if hits:
        cleared = min(calls, key=lambda c: c.score)
        return Verdict(CLEAR, "clear", [], {}, "hobby words, in goals read as professional", MODEL, cleared.score)
    return Verdict(CLEAR, "clear", [], {}, "the goals are professional")


@rule("motivation_not_money", kind=AVOID, outcomes=("clear", "money", "title"))
def motivation_not_money(ctx: Ctx) -> Verdict:
    """Money or a title as the sole driver; pay alongside a real reason is fine."""
    why = ctx.why
    driven = bool(why.money or why.titles) and not why.real_motivation()
    signal = _money_signal(why, driven)
    if not driven:
        reason = (
            "money or title mentioned alongside a real reason"
            if why.money or why.titles
            else "no money or title motive"
        )
        return Verdict(CLEAR, "clear", [], {}, reason, **signal)
    spans = [clause_of(ctx.doc[a]) for a, _ in (why.money or why.titles)][:3]
    outcome = "money" if why.money else "title"
    return Verdict(FLAGGED, outcome, spans, {"quote": ctx.q(spans[0])}, f"{outcome} is the only driver given", **signal)


def _money_signal(why, driven: bool) -> dict:
    """The model decided when its reading of the money sentences changed the rules' verdict."""
    if driven == why.rule_driven:
        return {}
    calls = [c for c in why.money_calls if c.positive is driven]
    return {"signal": "model", "signal_score": round(max(c.score for c in calls), 3) if calls else None}
