"""Where a reason marker ("because", "so that", "which is why") opens a reason, and where that reason ends.

A marker opens no reason when it is about time ("since I was sixteen"), when "that" is a subject ("so that's the
plan"), when the reason is refused ("not because of the pay") or when it explains what the speaker does not do; nor
does it open a reason for the goal when it says what a skill lets the speaker do ("so I can run your rotas") or why
the speaker is speaking plainly ("I'll be straight with you, because …").
"""

from __future__ import annotations

from simulator.content.ling import governing_verb, is_first_person, is_past, lower, negated, subject

REASON_WINDOW = 18  # tokens after a marker that belong to its reason
NOT_BENEFICIARIES = ("it", "that", "this", "there")  # "so it's a good fit" concludes; it serves no one
VERDICT_VERBS = ("be", "make", "seem", "sound", "look", "mean", "feel")  # "so coordinator here makes sense": a verdict


def marked_reasons(doc, markers: list[tuple[int, int]], back=()) -> list[tuple[int, int, int]]:
    """(marker start, reason start, reason end) for each marker that opens a reason of the speaker's; a marker in
    ``back`` ("which is why") points back, to a reason before it."""
    out, seen = [], 0
    for lo, hi in markers:
        if lo < seen:  # a marker inside the one before: "why I" in "which is why I"
            continue
        seen = hi
        if (lo, hi) in back:
            out.append((lo, *_reason_before(doc, lo)))
            continue
        if (lower(doc[lo]) == "since" and _is_temporal_since(doc, lo)) or _subject_that(doc, hi) or _so_opens(doc, lo):
            continue
        end = min([reason_end(doc, hi), *(a for a, _ in markers if a >= hi)])  # the next marker opens another
        if _announces(doc, hi, end):
            hi, end = end, reason_end(doc, end)
        if end - hi < 2 or _refused(doc, lo) or _explains_refusal(doc[lo]):
            continue
        out.append((lo, hi, end))
    return out


def _reason_before(doc, lo: int) -> tuple[int, int]:
    """'…, which is why I applied', 'That's why I want to …': the reason is the clause before the marker, or the
    sentence before when the marker opens its own."""
    sent = doc[lo].sent
    if _opens_sentence(doc, lo) and sent.start > 0:
        sent = doc[sent.start - 1].sent
        return max(sent.start, sent.end - REASON_WINDOW), sent.end
    return max(sent.start, lo - REASON_WINDOW), lo


def _so_opens(doc, lo: int) -> bool:
    """'So I'll take every shift nobody else wants': a "so" opening its sentence draws a conclusion (what the speaker
    will do), not a purpose."""
    return lower(doc[lo]) == "so" and _opens_sentence(doc, lo)


def _opens_sentence(doc, lo: int) -> bool:
    """Only punctuation, "and" or an interjection ("um", "well") comes before token ``lo`` in its sentence."""
    return all(t.is_punct or t.pos_ in ("CCONJ", "INTJ") for t in doc[doc[lo].sent.start : lo])


def reason_end(doc, lo: int) -> int:
    return min(doc[lo].sent.end, lo + REASON_WINDOW)


def _announces(doc, hi: int, end: int) -> bool:
    """'The reason is simple. I did a few charger jobs …': a marker whose sentence ends on an adjective announces
    the reason in the next sentence."""
    rest = [t for t in doc[hi:end] if not t.is_punct]
    return end == doc[hi - 1].sent.end < len(doc) and len(rest) <= 1 and all(t.pos_ == "ADJ" for t in rest)


def _explains_refusal(marker) -> bool:
    """'I don't plan ahead because the industry changes fast': the reason is for what the speaker does not do."""
    clause = marker.head
    return marker.dep_ == "mark" and clause.dep_ == "advcl" and negated(clause.head) and is_first_person(clause.head)


def _refused(doc, lo: int) -> bool:
    """'not because of the pay' refuses the reason; 'because they don't always see…' is a reason that holds a
    negation of its own (a negated main clause is _explains_refusal)."""
    marker = doc[lo]
    if lo > 0 and (doc[lo - 1].dep_ == "neg" or lower(doc[lo - 1]) in ("not", "never")):
        return True
    return marker.head.i < lo and negated(marker)


def _subject_that(doc, hi: int) -> bool:
    """'So that's the plan': "that" is the subject of the next verb, not the purpose marker "so that"."""
    return lower(doc[hi - 1]) == "that" and doc[hi - 1].dep_ in ("nsubj", "nsubjpass")


def _is_temporal_since(doc, lo: int) -> bool:
    verb = governing_verb(doc[lo].head) if doc[lo].head.i != lo else doc[lo]
    nxt = doc[lo + 1] if lo + 1 < len(doc) else None
    return is_past(verb) or (nxt is not None and (nxt.like_num or nxt.ent_type_ in ("DATE", "TIME")))


def skill_allows(doc, lo: int, lex) -> bool:
    """'I'm fast in InDesign, so I can take work off your designers': what a skill lets the speaker do for the
    employer is an offer, not a reason for the goal."""
    if lower(doc[lo]) != "so":
        return False
    before, after = doc[doc[lo].sent.start : lo], doc[lo : reason_end(doc, lo)]
    done = [t for t in before if t.dep_ in ("ROOT", "conj") and t.pos_ in ("VERB", "AUX")]
    # "I ran a quartermaster's department of forty, so I can run your rotas": a past that equips the offer
    equips = (
        bool(done)
        and all(is_first_person(t) and is_past(t) for t in done)
        and any(lower(t) in lex.words("steps", "employer_possessives") for t in after)
    )
    return equips or describes_speaker(before)


def for_candour(marker, lex) -> bool:
    """'I'll be straight with you, because you'd rather hear it', 'let me be blunt because you asked': the reason is
    for speaking plainly, not for the goal."""
    clause = marker.head
    if clause.dep_ == "aux":  # "because I'd rather you heard it", parsed with "because" on "'d"
        clause = clause.head
    if clause.dep_ != "advcl":
        return False
    plain = lex.words("why", "candour")
    said = [clause.head, *(c for c in clause.head.children if c.lemma_ == "be")]
    return any(t.lemma_ == "be" and any(c.dep_ == "acomp" and lower(c) in plain for c in t.children) for t in said)


def describes_speaker(toks) -> bool:
    """'I'm a quick learner and a team player': every clause is the speaker said to be something."""
    heads = [t for t in toks if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj", "advcl", "ccomp")]

    def about_speaker(t) -> bool:  # "I'm good with people", "I've trained new starters", "so I'd fit in"
        said = t.lemma_ == "be" and any(c.dep_ in ("attr", "acomp") for c in t.children)
        return is_first_person(t) and (said or is_past(t) or any(lower(c) == "so" for c in t.children))

    return bool(heads) and any(t.lemma_ == "be" for t in heads) and all(about_speaker(t) for t in heads)


def purposes_for_others(doc, wants) -> list[tuple[int, int]]:
    """'I want to own it, so the nurses get a response in two minutes': after the speaker's want, a 'so' that opens
    someone else's present (what they will get) gives its purpose; "so I know the ward" would be a result."""
    out = []
    for tok in doc:
        if lower(tok) != "so" or tok.i == 0 or doc[tok.i - 1].text != ",":
            continue
        wanted = any(t.lemma_.lower() in wants and is_first_person(t) for t in doc[tok.sent.start : tok.i])
        verb = next((t for t in doc[tok.i + 1 : tok.sent.end] if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or doc[tok.i + 1].tag_ in ("WRB", "IN") or verb.lemma_.lower() in VERDICT_VERBS:
            continue  # "so when my kids tell people what I do …" hangs on a time, not a purpose
        subj = subject(verb)
        theirs = subj is not None and subj.i > tok.i and lower(subj) not in NOT_BENEFICIARIES
        if wanted and theirs and not is_first_person(verb) and verb.tag_ in ("VBP", "VBZ", "MD"):
            out.append((tok.i + 1, reason_end(doc, tok.i + 1)))
    return out


def done_now(verb, lo: int, in_goal: bool) -> bool:
    """'I mentor our student nurses': what the speaker does now, told as a plain present, is evidence, not a reason."""
    return verb.i == lo and verb.tag_ == "VBP" and verb.dep_ in ("ROOT", "conj") and not in_goal
