"""What the answer plans: upcoming steps (accomplishments.py has what was done).

Finders for the plan rules (crit_plan.py) and the answer's structure. Tense
decides which is which: a course "I will take" is a step, a course "I
completed" is an accomplishment; a step in the perfect counts only when it
commits to something still ahead ("I've enrolled in …").
"""

from __future__ import annotations

from dataclasses import dataclass

from simulator.content.lexicon import lexicon_of
from simulator.content.ling import (
    PERFECT,
    UPCOMING,
    content_lemmas,
    governing_verb,
    grammar,
    is_first_person,
    lower,
    negated,
    subject,
    verb_time,
)
from simulator.content.segment import clause_of
from simulator.content.timex import perfect_progressive

RESTATE_OVERLAP = 0.6  # share of a step's content words that repeat the goal


@dataclass
class Step:
    span: tuple[int, int]
    head_i: int
    concrete: bool
    time: object | None = None  # timex.TimeExpr with a real date, if the step has one


def _words(tok, section: str, key: str) -> frozenset[str]:
    return lexicon_of(tok).words(section, key)


def _owned(tok) -> bool:
    """'my team', 'our project': the token has a first-person possessive."""
    own = _words(tok, "grammar", "own_possessives")
    return any(lower(c) in own for c in tok.children)


def mine(verb) -> bool:
    """The speaker (or their team or project) is the one acting."""
    subj = subject(verb)
    if subj is None or is_first_person(verb):
        return True
    return subj.lemma_.lower() in _words(verb, "steps", "own_groups") and _owned(subj)


def _step_time(ctx, verb) -> object | None:
    for t in ctx.times:
        if t.upcoming and not t.vague and not t.frequency and t.verb_i == verb.i:
            return t
    return None


def _named(tok) -> bool:
    """A proper noun, a named entity or an acronym: 'Python', 'the CPA'."""
    return tok.pos_ == "PROPN" or bool(tok.ent_type_) or (tok.text.isupper() and len(tok.text) > 1)


def topic(c) -> bool:
    """'a course in tax law': a topic preposition with a noun."""
    return (
        c.dep_ == "prep"
        and lower(c) in _words(c, "steps", "topic_preps")
        and any(g.pos_ in ("NOUN", "PROPN") for g in c.children)
    )


def concrete_noun(tok) -> bool:
    if _named(tok):
        return True
    if any(c.dep_ == "det" and lower(c) in _words(tok, "steps", "vague_determiners") for c in tok.children):
        return False  # "some online classes", "more training"
    vague = _words(tok, "steps", "vague_modifiers")
    modified = any(c.dep_ in ("compound", "amod", "nummod", "npadvmod") and lower(c) not in vague for c in tok.children)
    named = any(c.dep_ == "appos" and _named(c) for c in tok.children)  # "my CompTIA A+"
    return modified or named or any(topic(c) for c in tok.children)


def _upcoming_step_verb(verb) -> bool:
    t = verb_time(verb)
    return t in UPCOMING or (t == PERFECT and verb.lemma_.lower() in _words(verb, "steps", "commit_verbs"))


def _step_verb(tok, lex):
    """The verb of a step word: 'take <the exam>', 'enroll <in a course>'; None if the word is no step."""
    if tok.pos_ == "NOUN" and lex.ph("steps", "nouns").has(tok):
        return governing_verb(tok)
    if perfect_progressive(tok):
        return None  # "I've been volunteering at the school": what was done up to now (a step noun still counts)
    if tok.pos_ == "VERB" and lex.ph("steps", "verbs").has(tok) and _has_object(tok):
        return tok
    if tok.pos_ == "VERB" and tok.lemma_.lower() in lex.words("goal", "growth_verbs") and _vague_object(tok):
        return tok  # "get as much experience as I can", "gain more experience": a vague step
    return None


def _vague_object(verb) -> bool:
    """'get as much experience as I can': the verb's object is one of the vague ones."""
    vague = _words(verb, "steps", "vague_objects")
    return any(c.dep_ == "dobj" and lower(c) in vague for c in verb.children)


def _restates_goal(ctx, span: tuple[int, int], ignore: set[str] = frozenset()) -> bool:
    """'to ensure I earn my CPA': the goal again, not a step toward it."""
    main = ctx.goals.main
    return bool(main) and _restates(content_lemmas(ctx.doc[span[0] : span[1]]) - ignore, main.lemmas)


def _step_concrete(tok) -> bool:
    """A named or modified step: 'the CPA exam', 'a course in tax law'; 'learn more about X' is vague."""
    if tok.pos_ == "NOUN":
        return concrete_noun(tok)
    if _vague_object(tok) and not any(_named(o) for o in objects(tok)):
        return False
    if tok.lemma_.lower() in _words(tok, "steps", "learning_verbs"):
        return any(_named(o) for o in objects(tok))
    return any(concrete_noun(o) for o in objects(tok))


def _chain(verb):
    """The verb and the verbs it hangs from ('probably going to do', 'thinking about doing'), nearest first."""
    out = [verb]
    while out[-1].dep_ in ("xcomp", "pcomp", "pobj", "prep") and out[-1].head.i != out[-1].i and len(out) < 5:
        out.append(out[-1].head)
    return out


def tentative(verb) -> bool:
    """'maybe get my license', 'probably going to do a course', 'thinking about doing a diploma': no commitment."""
    chain = _chain(verb)
    hedged = _words(verb, "time", "hedged")
    if any(c.dep_ == "advmod" and lower(c) in hedged for v in chain for c in v.children):
        return True
    return any(v.lemma_.lower() in _words(verb, "steps", "deliberation_verbs") for v in chain[1:])


def _offer(tok, verb) -> bool:
    """'take over your prep lists': work taken off the employer's hands is an offer, not a step toward a goal."""
    yours = _words(verb, "steps", "employer_possessives")
    objs = [tok] if tok.pos_ == "NOUN" else objects(verb)
    return any(lower(c) in yours for o in objs for c in o.subtree if c.dep_ == "poss")


def _step(ctx, tok, verb, tails) -> Step | None:
    """The step a step word makes, or None when its clause only restates the goal or offers work to the employer."""
    span = clause_of(tok)
    if _restates_goal(ctx, span) or _offer(tok, verb):
        return None
    when, concrete = _step_time(ctx, verb), _step_concrete(tok) and not tentative(verb)
    if any(span[0] <= lo <= span[1] + 1 for lo, _ in tails):
        concrete, when = False, None  # "a leadership course or something"
    return Step(span=span, head_i=tok.i, concrete=concrete or when is not None, time=when)


def _dated_step_noun(ctx, tok, taken: dict[int, Step], skip: set[int]) -> Step | None:
    """'the Iowa state exam is on the calendar for January', 'my exam is in May': a step named as the subject of a
    date still ahead ("my brother's exam is in May" is his)."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.i in skip or not ctx.lex.ph("steps", "nouns").has(tok):
        return None
    verb, own = tok.head, _words(tok, "grammar", "own_possessives")
    if verb.i in taken or verb.lemma_ != "be" or negated(verb):
        return None
    if any(c.dep_ == "poss" and lower(c) not in own for c in tok.children):
        return None
    when = _step_time(ctx, verb)
    return Step(span=clause_of(verb), head_i=tok.i, concrete=True, time=when) if when else None


def _done_now(verb) -> bool:
    """'I already run the social calendar': a duty held now, not a step ahead."""
    done = _words(verb, "steps", "done_adverbs")
    return verb_time(verb) == "present" and any(lower(c) in done for c in verb.children if c.dep_ == "advmod")


def _habit(verb) -> bool:
    """'someone who takes initiative', 'I take each role as it comes': the simple present with nothing named and no
    date is how the speaker works, not a step ahead."""
    return verb.tag_ in ("VBP", "VBZ") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _what_a_place_offers(verb) -> bool:
    """'a place where I can build a career', 'a great place to start that journey': what a kind of workplace would
    let the speaker do, not a step they plan."""
    return (
        verb.dep_ in ("relcl", "acl")
        and verb.head.pos_ == "NOUN"
        and lower(verb.head) in _words(verb, "steps", "place_nouns")
    )


def _ahead_and_mine(verb) -> bool:
    return _upcoming_step_verb(verb) and mine(verb) and not negated(verb) and not _done_now(verb)


def _dated_action(ctx, t, taken: dict[int, Step], skip: set[int]) -> Step | None:
    """'I'm entering the regional competition in April': any dated action of the speaker still ahead."""
    verb = ctx.doc[t.verb_i]
    if verb.i in taken or verb.i in skip or not t.upcoming or t.vague or t.frequency or verb.pos_ != "VERB":
        return None
    if verb.lemma_.lower() in ctx.lex.words("steps", "not_actions") | ctx.lex.words("goal", "verbs"):
        return None
    if not mine(verb) or negated(verb) or _offer(verb, verb):
        return None
    span = clause_of(verb)
    if _restates_goal(ctx, span, ignore=_time_words(ctx.doc, t)):
        return None
    return Step(span=span, head_i=verb.i, concrete=True, time=t)


def _next_in_line(ctx, verb, taken: dict[int, Step], skip: set[int]) -> Step | None:
    """'I've got the AZ-900 and I'm doing the AZ-104 next': a named thing the speaker takes on next is a step,
    whatever the verb."""
    if verb.i in taken or verb.i in skip or verb.pos_ != "VERB" or not _ahead_and_mine(verb):
        return None
    if not any(c.dep_ == "advmod" and lower(c) in _words(verb, "steps", "next_words") for c in verb.children):
        return None
    if not any(_named(o) or ctx.lex.ph("steps", "nouns").has(o) for o in objects(verb)):
        return None
    span = clause_of(verb)
    return None if _restates_goal(ctx, span) else Step(span=span, head_i=verb.i, concrete=True)


def _done_first(ctx, goal) -> bool:
    """'I want to get through recruit training first, then …': a wanted step done first is on the path."""
    if goal is ctx.goals.main:
        return False
    sent = ctx.doc[goal.start].sent
    first = any(lower(t) in ctx.lex.words("steps", "first_words") and t.dep_ == "advmod" for t in sent)
    return first and any(ctx.lex.ph("steps", "nouns").has(t) for t in ctx.doc[goal.start : goal.end])


def drifts(ctx, span: tuple[int, int]) -> bool:
    """The clause holds an idiom of drifting ("I take it week by week"), which plans nothing."""
    return bool(ctx.lex.ph("goal", "drift").find(ctx.doc[span[0] : span[1]]))


def find_steps(ctx) -> list[Step]:
    """Upcoming or ongoing steps (not the goal statement itself), in order."""
    goals = ctx.goals
    tails = ctx.lex.ph("steps", "vague_tails").find(ctx.doc)
    on_path = [g for g in goals.mentions if g.step or _done_first(ctx, g)]
    not_steps = goals.heads - {g.head_i for g in on_path}
    skip = {i for g in goals.mentions if g is goals.main or g not in on_path for i in range(g.start, g.end)}
    steps: dict[int, Step] = {}
    for tok in ctx.doc:
        verb = None if tok.i in skip or negated(tok) else _step_verb(tok, ctx.lex)
        if verb is None or verb.i in steps or verb.i in not_steps or verb.lemma_ == "be" or not _ahead_and_mine(verb):
            continue
        step = _step(ctx, tok, verb, tails)
        if step and not (step.concrete or step.time) and (_habit(verb) or _what_a_place_offers(verb)):
            continue
        if step:
            steps[verb.i] = step
    _add_steps_without_a_step_word(ctx, steps, skip)
    kept = [s for s in steps.values() if not drifts(ctx, s.span) and not asks_listener(ctx.doc[s.span[0]].sent)]
    kept = [s for s in kept if not any(a <= s.span[0] < b for a, b in ctx.taken_back)]
    return sorted(kept, key=lambda s: s.span[0])


def taken_back(ctx) -> list[tuple[int, int]]:
    """'To find that one bag that went to Malaga. Ha. No, look, I'm here for the job': the sentence a "no, …" or a
    "joking aside" takes back was a joke (or a slip), and plans nothing; within a sentence ("run the place by
    Friday, only joking, but …") what comes before the phrase."""
    out, sents = [], list(ctx.doc.sents)
    phrases = ctx.lex.ph("goal", "take_backs")
    for k, sent in enumerate(sents):
        opening = len(sent) > 1 and lower(sent[0]) == "no" and sent[1].text == ","
        found = [lo for lo, _ in phrases.find(sent)]
        if found and not opening and found[0] > sent.start + 1:
            out.append((sent.start, found[0]))
            continue
        before = [s for s in sents[:k] if sum(not t.is_punct for t in s) >= 3]  # past a "Ha."
        if (opening or found) and before:
            out.append((before[-1].start, before[-1].end))
    return out


def asks_listener(sent) -> bool:
    """'Could we talk about the shift schedule instead?', 'Is the job five days, or is there weekend work?': a question
    put to the interviewer, or about the job, plans nothing, and nor does a bid to them ("Ask me again in January").
    A question with "I" or "you" in it that does not open on a modal frames the answer ("Where do you see yourself in
    five years?"), as does an echo with no verb ("In five years?")."""
    words = [t for t in sent if not t.is_punct]
    if _bids_listener(words):
        return True
    if sent[-1].text != "?" or len(words) < 2:
        return False
    if words[0].tag_ == "MD" and lower(words[1]) in ("we", "i", "you"):
        return True
    persons = grammar(words[0], "first_person") | {"you", "your", "yours"}
    finite = any(t.tag_ in ("VBZ", "VBP", "VBD", "MD") for t in words)
    return finite and not any(lower(t) in persons for t in words)


def _bids_listener(words) -> bool:
    """'Ask me again in January', 'Give me the hard accounts': an imperative with the speaker as its object is said
    to the interviewer, not a step ("Pass the exam in May" with no "me" may be a step in note form)."""
    verb = words[0] if words else None
    if verb is None or verb.tag_ != "VB" or verb.dep_ != "ROOT" or subject(verb) is not None:
        return False
    return any(c.dep_ in ("dobj", "dative") and lower(c) in grammar(verb, "first_person") for c in verb.children)


def _add_steps_without_a_step_word(ctx, steps: dict[int, Step], skip: set[int]) -> None:
    """Steps said by a date or by "next" rather than by a step verb: a dated step noun, a dated action, and a named
    thing taken on next; keyed by their verb."""
    for tok in ctx.doc:
        step = _dated_step_noun(ctx, tok, steps, skip)
        if step:
            steps[tok.head.i] = step
    for t in ctx.times:
        step = _dated_action(ctx, t, steps, skip)
        if step:
            steps[t.verb_i] = step
    for verb in ctx.doc:
        step = _next_in_line(ctx, verb, steps, skip)
        if step:
            steps[verb.i] = step


def _time_words(doc, t) -> set[str]:
    return {x.lemma_.lower() for x in doc[t.start : t.end]}


def _restates(step: set[str], goal: frozenset[str]) -> bool:
    return bool(step) and bool(goal) and len(step & goal) / len(step) >= RESTATE_OVERLAP


def objects(verb) -> list:
    """Objects of a verb, without vague ones ('a lot of work') and times ('over the years')."""
    out = []
    for c in verb.children:
        if c.dep_ in ("dobj", "attr", "oprd"):
            out.append(c)
        elif c.dep_ == "prep" and lower(c) not in _words(verb, "steps", "company_preps"):
            out += [g for g in c.children if g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME")]
    generic = _words(verb, "steps", "generic_objects")
    return [o for o in out if lower(o) not in generic]


def _has_object(verb) -> bool:
    return bool(objects(verb))


def _study_verb(ctx, tok):
    """The verb of a study plan: a course, exam or degree ('do a master's at some point'), learning something
    named ('learn the management side'; not 'learn as much as I can'), or going back to school."""
    words = ctx.lex.words
    if tok.pos_ == "VERB" and tok.lemma_.lower() in words("steps", "study_verbs"):
        vague = words("steps", "vague_objects") | words("steps", "vague_amounts")
        named = [o for o in objects(tok) if lower(o) not in vague or any(lower(c) == "of" for c in o.children)]
        return tok if named else None
    if tok.pos_ in ("NOUN", "PROPN") and ctx.lex.ph("steps", "nouns").has(tok):
        return governing_verb(tok)
    if lower(tok) in words("steps", "schools"):
        verb = governing_verb(tok)
        return verb if verb is not None and verb.lemma_.lower() in words("steps", "school_verbs") else None
    return None


def study_aims(ctx) -> list[tuple[int, int]]:
    """The clauses where the speaker means to study, even inside a goal statement, which find_steps skips: the
    rubric's vague step ('take some courses'), found where no step was."""
    out = []
    for tok in ctx.doc:
        verb = _study_verb(ctx, tok)
        if verb is None or negated(verb) or not mine(verb) or verb_time(verb) not in UPCOMING:
            continue
        span = clause_of(verb)
        if not drifts(ctx, span) and not _offer(tok, verb) and not asks_listener(verb.sent):
            out.append(span)
    return out
