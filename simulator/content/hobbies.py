"""Hobby and personal-project words in the answer's goals and plans, found once per answer (``Ctx.hobbies``).

professional_goal flags them, and role_alignment, goal_why and the sentence prefetch ask for them too; this module
imports no rule module, so the shared context can hold the result.
"""

from __future__ import annotations

import re

from simulator.content.ling import UPCOMING, governing_verb, is_first_person, lower, negated, subject, verb_time


def _related(ctx, related: tuple[str, ...]) -> bool:
    c = ctx.context
    text = " ".join(x for x in (c.role, c.company, c.posting) if x).lower()
    return any(re.search(rf"\b{re.escape(r)}", text) for r in related)


def _goal_in_field(ctx, phrases, related: tuple[str, ...]) -> bool:
    """With no job given, a goal whose sentence holds none of the pastime's words and that names its field ("become a
    commercial pilot with a regional airline") makes the field's words work ("my commercial checkride in May")."""
    c = ctx.context
    if c.role or c.company or c.posting:
        return False
    for g in ctx.goals.mentions:
        words, sent = ctx.doc[g.start : g.end], ctx.doc[g.start].sent  # "after the black belt I want to coach": no
        nouns = [lower(t) for t in words if t.pos_ in ("NOUN", "PROPN")]
        if not phrases.find(sent) and any(n.startswith(r) for n in nouns for r in related):
            return True
    return False


def _goal_sentence(ctx, tok) -> bool:
    """The sentence states a goal of the speaker ('I want to …', 'my goal is …')."""
    sent = tok.sent
    return any(sent.start <= g.trigger_i < sent.end for g in ctx.goals.mentions) or (
        ctx.goals.stated_at is not None and sent.start <= ctx.goals.stated_at[0] < sent.end
    )


def _when_worked(tok, lex) -> bool:
    """A hobby word used as a time is when one works, not a pastime: a time adverbial ("I'll drive holidays"), or
    listed beside times of work ("weekends, holidays", "nights and holidays"), whatever the parser made of it."""
    doc, times = tok.doc, lex.words("avoid", "work_times")
    near = [t for t in doc[max(0, tok.i - 3) : tok.i + 4] if t.i != tok.i and not (t.is_punct or t.dep_ == "cc")]
    listed = any(lower(t) in times and abs(t.i - tok.i) <= 2 for t in near)
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return listed or tok.dep_ == "npadvmod"


def _ranked(tok, hi: int, lex) -> bool:
    """'the band six post' (a pay grade), 'climbing the commission bands' (a rank climbed), 'climbing-certified'
    or 'CS38 climbing' (a credential): work, not a pastime."""
    doc = tok.doc
    climbed = any(c.dep_ == "dobj" and c.lemma_.lower() in lex.words("avoid", "ranks") for c in tok.children)
    ticket = hi + 1 < len(doc) and doc[hi].text == "-" and lower(doc[hi + 1]) in lex.words("avoid", "credentials")
    coded = tok.i > 0 and _code(doc[tok.i - 1].text)  # "the CS38 climbing and aerial rescue" is a ticket's name
    return climbed or ticket or coded or (hi < len(doc) and doc[hi].like_num)


def _code(text: str) -> bool:
    return any(c.isdigit() for c in text) and any(c.isalpha() for c in text)


def _dated_for_me(ctx, verb) -> bool:
    """'the big one for me this year is the Chicago Marathon in October': a date ahead on the speaker's own clause
    plans the pastime, however the goal was introduced ("my brother runs it in April" is his)."""
    subj = subject(verb)
    first = ctx.lex.words("grammar", "first_person")
    speaker = subj is None or is_first_person(verb) or any(lower(t) in first and t.dep_ != "poss" for t in subj.subtree)
    return speaker and any(t.upcoming and not t.frequency and not t.vague and t.verb_i == verb.i for t in ctx.times)


def _set_aside(ctx, tok) -> bool:
    """'Outside work I'm training for the Dublin Marathon in October': a pastime said to be apart from the work, and
    not offered as a goal in the same breath ("outside of work the big one, I'm training for an Ironman" is one)."""
    lex, sent = ctx.lex, ctx.doc[tok.sent.start : tok.sent.end]
    nouns = lex.words("goal", "nouns")  # "the big one", "my goal"; not "the CCA is what I'm focused on"
    # "…, but the career goal is the charter": a goal noun in a clause of its own names another goal
    framed = [t for t in sent if t.lemma_.lower() in nouns and t.pos_ == "NOUN" and _one_clause(t, tok)]
    framed = [t for t in framed if not _contrasted(tok, t)]
    if lex.ph("avoid", "goal_framing").find(sent) or framed:
        return False
    return bool(lex.ph("avoid", "aside_markers").find(sent))


def _contrasted(pastime, noun) -> bool:
    """'Outside work I sing in the choir, but the goal here is the service': a goal noun after a 'but' sets the
    pastime against the goal (whatever the parser made of the clauses)."""
    between = pastime.doc[pastime.i + 1 : noun.i]
    return any(lower(t) in ("but", "whereas") for t in between)


def _one_clause(a, b) -> bool:
    """``a`` and ``b`` hang on one clause, climbing through embedded clauses but not across coordinated ones."""

    def top(t):
        t = governing_verb(t)
        while t.dep_ not in ("conj", "parataxis", "ROOT") and t.head.i != t.i:
            t = t.head
        return t.i

    return top(a) == top(b)


def _someone_elses(verb, tok, lex) -> bool:
    """'Ashby Vale has the garden village allocation', 'guests heading off on holiday': a clause about a named place,
    another person or others is not the speaker's pastime, unless its subject is the pastime itself ("the Boston
    Marathon is what I'm working towards")."""
    doer = subject(verb)
    if doer is None or tok in doer.subtree:
        return False
    return doer.pos_ == "PROPN" or _others(doer, lex) or lower(doer) in lex.words("grammar", "other_people")


def _others(noun, lex) -> bool:
    """'guests heading off on holiday': a plural noun that is not the speaker's own ('my other big goals')."""
    own = lex.words("grammar", "own_possessives")
    mine = any(c.dep_ == "poss" and lower(c) in own for c in noun.children)
    return noun.tag_ == "NNS" and not mine and noun.lemma_.lower() not in lex.words("goal", "nouns")


def _not_the_speakers(tok, verb, lex) -> bool:
    """'your recipes' is the employer's, 'the night team leader's holidays' and 'people heading off on holiday'
    theirs; 'because a good itinerary is the difference between a holiday and a memory' gives a reason about others'
    pastimes, not a pastime of the speaker's own."""
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is not None and lower(owner) not in lex.words("grammar", "own_possessives"):
        return True
    if verb.dep_ == "acl" and (lower(verb.head) in lex.words("grammar", "other_people") or _others(verb.head, lex)):
        return True  # "the buzz of the terminal, people heading off on holiday": theirs (a participle's noun)
    doer = subject(verb)
    reason = any(c.dep_ == "mark" and lower(c) == "because" for c in verb.children)
    return reason and doer is not None and tok not in doer.subtree and not is_first_person(verb)


def set_aside(ctx) -> list[tuple[int, int]]:
    """The sentences of pastimes said to be apart from the work ("Outside of work I'm training for the Des Moines half
    in October"): no hobby goal, and no career step or time frame either."""
    doc, out = ctx.doc, []
    for phrases, hobby in ctx.lex.hobbies:
        if not _related(ctx, hobby.related):
            sents = [doc[lo].sent for lo, _ in phrases.find(doc) if _set_aside(ctx, doc[lo])]
            # a sentence that also holds a pastime goal ("… and I want to learn the guitar this year") is the goal's
            out += [(s.start, s.end) for s in sents if not any(s.start <= lo < s.end for lo, _ in ctx.hobbies)]
    return out


def hobby_words(ctx) -> list[tuple[int, int]]:
    """Hobby words (not of the job's own field) in a goal, a goal's sentence or a plan still ahead."""
    doc, out = ctx.doc, []
    for phrases, hobby in ctx.lex.hobbies:
        if _related(ctx, hobby.related) or _goal_in_field(ctx, phrases, hobby.related):
            continue
        for lo, hi in phrases.find(doc):
            tok = doc[lo]
            if _set_aside(ctx, tok) and not ctx.in_goal(lo):
                continue
            verb = governing_verb(tok)
            mine = is_first_person(verb) or subject(verb) is None
            if (not mine and _someone_elses(verb, tok, ctx.lex)) or _not_the_speakers(tok, verb, ctx.lex):
                continue
            ahead = verb_time(verb) in UPCOMING - {"present"} and mine
            planned = _goal_sentence(ctx, tok) and verb_time(verb) not in ("past", "perfect")
            planned = planned or _dated_for_me(ctx, verb)
            graded = _ranked(tok, hi, ctx.lex)
            if (
                not negated(tok)
                and not graded
                and not _when_worked(tok, ctx.lex)
                and (ctx.in_goal(lo) or ahead or planned)
            ):
                out.append((lo, hi))
    return sorted(out + _goal_made_room_for(ctx, out))


def makes_room(ctx) -> bool:
    """The speaker values the job for the time it leaves ("the ramp job fits around it", "the shift pattern leaves my
    weekends free") or keeps it as a means to something else ("while I build up the brewing side"): the goal it makes
    room for is outside the job."""
    doc, lex = ctx.doc, ctx.lex
    room = any(
        not negated(doc[lo]) and _room_for_a_pastime(doc, hi, lex) for lo, hi in lex.ph("avoid", "makes_room").find(doc)
    )
    return room or any(
        not negated(doc[lo]) and not _work_named(doc, hi, lex) for lo, hi in lex.ph("avoid", "stopgap").find(doc)
    )


_JOINS = ("CCONJ", "SCONJ")
STOPGAP_OBJECT_WORDS = 5  # words after "while I build" read for what the job is kept for


def _work_named(doc, hi: int, lex) -> bool:
    """What the job is kept for is work or study when named so ("while I build up my inspection hours"), and may be
    when only a pronoun names it ("while I build it"); not when it is a venture ("the brewing side") or left unsaid
    ("handy for it", "on my own account")."""
    words = list(doc[hi : hi + STOPGAP_OBJECT_WORDS])
    ends = [k for k, t in enumerate(words) if t.is_punct or t.pos_ in _JOINS]  # up to the clause's end
    words = words[: ends[0]] if ends else words
    after = [t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON") and t.dep_ not in ("poss", "det", "nsubj")]
    if not after:
        return False
    head = after[0]
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return head.pos_ == "PRON" or lower(head) in lex.words("avoid", "stopgap_work")


def _room_for_a_pastime(doc, hi: int, lex) -> bool:
    """What the job makes room for, when named, is training or a pronoun ("fits round it"): "fits round my studies"
    or "evenings free for the course" make room for work."""
    after = [t for t in doc[hi : hi + 4] if t.dep_ not in ("det", "poss", "prep", "aux") and lower(t) != "to"]
    named = next((t for t in after if t.pos_ in ("NOUN", "PROPN", "VERB", "PRON")), None)
    return named is None or named.pos_ == "PRON" or lower(named) in lex.words("avoid", "room_objects")


def _goal_made_room_for(ctx, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """With no hobby word in its goals, an answer whose job makes room for something has a pastime goal when the
    classifier reads its most pastime-like goal as one ("the big thing for me is my gliding"): labellers flagged
    every such answer with a goal, and the classifier alone, on goals with no hobby word, flags far too many."""
    if found or not makes_room(ctx):
        return []
    goals = ctx.goals.mentions  # generic ones too: "place top three" at the championships
    calls = ctx.meaning.judge("hobby", [ctx.meaning.sentence(g.trigger_i) for g in goals])
    best = max(zip(calls, goals), key=lambda cg: cg[0].score, default=None)
    return [(best[1].start, best[1].end)] if best is not None and best[0].positive else []


def pastime_in(ctx, span: tuple[int, int]) -> bool:
    """The words hold a pastime not of the job's field: "I ran a half last spring" is no reached career goal."""
    toks, doc = ctx.doc[span[0] : span[1]], ctx.doc
    for phrases, hobby in ctx.lex.hobbies:
        named = [hi for _, hi in phrases.find(toks) if doc[hi - 1].dep_ != "compound"]  # not "garden centre"
        if named and not _related(ctx, hobby.related) and not _goal_in_field(ctx, phrases, hobby.related):
            return True
    return False


def career_goal_stated(ctx) -> bool:
    """Whether a goal besides the pastime is stated: one without hobby words that the hobby classifier does not read
    as about a pastime ("I want to go under four hours in Berlin" is the race again). Steps are not asked: "a food
    safety course in March" serves the bakery stall as readily as a career."""
    if any(_becomes_someone(ctx, g) for g in _goals_besides(ctx)):
        return True
    own = goal_sentences_besides(ctx)
    calls = ctx.meaning.judge("hobby", own)
    # an unsure call that leans toward the pastime ("try for Kona qualification, maybe in two years") is not a career
    return bool(own) and (not calls or any(c.score < 0.5 if c.positive is None else not c.positive for c in calls))


def _becomes_someone(ctx, goal) -> bool:
    """'become a head grower': a goal of becoming someone, with no hobby word, names a job, whatever the sentence
    says about greenhouses or trails (the classifier read "a tomato greenhouse … head grower" as a pastime); so does
    a goal the speaker calls a work or career goal ("my work goal is to move up to team leader")."""
    verb = next((t for t in ctx.doc[goal.start : goal.end] if t.pos_ in ("VERB", "AUX")), None)
    trigger = ctx.doc[goal.trigger_i]
    named = any(c.dep_ in ("compound", "amod") and lower(c) in ("work", "career", "job") for c in trigger.children)
    return named or (
        verb is not None and verb.lemma_.lower() == "become" and any(t.pos_ == "NOUN" for t in verb.children)
    )


def goal_sentences_besides(ctx) -> list[tuple[int, int]]:
    """What career_goal_stated asks about each goal without hobby words: its sentence, mostly embedded already for
    the hobby check, or its own words when the sentence names the pastime too ("get promoted, learn coding, and also
    run a marathon")."""
    if not ctx.hobbies:
        return []
    out = []
    for g in _goals_besides(ctx):
        sent = ctx.meaning.sentence(g.trigger_i)
        mixed = any(sent[0] <= lo < sent[1] for lo, _ in ctx.hobbies)
        out.append((g.start, g.end) if mixed else sent)
    return out


def _goals_besides(ctx) -> list:
    """The goals that may be the career goal beside a pastime: not generic, with no hobby words of their own."""
    return [g for g in ctx.goals.mentions if not g.generic and not holds_hobby(ctx, g)]


def holds_hobby(ctx, goal) -> bool:
    """The goal's own words include a hobby word."""
    return any(goal.start <= lo < goal.end for lo, _ in ctx.hobbies)
