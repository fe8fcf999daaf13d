"""Reasons, values and impact: why the goal matters (goal_why, motivation_not_money).

A reason is the clause after a reason or purpose marker ("because …",
"so that …", "which is why …"). It is judged by what it holds: impact or
value words make it strong; pay alone makes it a money reason; a step alone
("so I can pass the exam") is not a reason for the goal at all. "since"
followed by a past event is about time, not a reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.content.ling import content_lemmas, governing_verb, is_past, lower, negated

REASON_WINDOW = 18  # tokens after a marker that belong to its reason
SUBSTANTIVE_LEMMAS = 4  # content words that make a plain reason more than thin
STRONG, SUBSTANTIVE, THIN, MONEY, STEP = "strong", "substantive", "thin", "money", "step"


@dataclass
class Reason:
    start: int
    end: int
    kind: str  # strong | substantive | thin | money | step


@dataclass
class WhyFindings:
    reasons: list[Reason] = field(default_factory=list)
    values: list[tuple[int, int]] = field(default_factory=list)  # "it matters to me", "I love …"
    impacts: list[tuple[int, int, bool]] = field(default_factory=list)  # (start, end, has beneficiary)
    success: list[tuple[int, int]] = field(default_factory=list)  # "success would look like …"
    money: list[tuple[int, int]] = field(default_factory=list)  # money/title said as a motive
    titles: list[tuple[int, int]] = field(default_factory=list)

    def real_motivation(self) -> bool:
        """A reason other than money: strong or substantive reason, value, impact or success."""
        return bool(
            any(r.kind in (STRONG, SUBSTANTIVE) for r in self.reasons) or self.values or self.success
            or any(b for _, _, b in self.impacts)
        )


def _reason_end(doc, lo: int) -> int:
    sent_end = doc[lo].sent.end
    return min(sent_end, lo + REASON_WINDOW)


def _is_temporal_since(doc, lo: int) -> bool:
    verb = governing_verb(doc[lo].head) if doc[lo].head is not doc[lo] else doc[lo]
    nxt = doc[lo + 1] if lo + 1 < len(doc) else None
    return is_past(verb) or (nxt is not None and (nxt.like_num or nxt.ent_type_ in ("DATE", "TIME")))


def _classify(ctx, lo: int, hi: int) -> str:
    lex, toks = ctx.lex, ctx.doc[lo:hi]
    money = lex.ph("avoid", "money").find(toks) and not lex.ph("avoid", "money_exempt").find(toks)
    valued = lex.ph("why", "value").find(toks)
    impact = lex.ph("why", "impact").find(toks)
    if money and not valued and not _beneficiary(ctx, toks):
        return MONEY
    if valued or (impact and not ctx.lex.ph("steps", "nouns").find(toks)) or (impact and _beneficiary(ctx, toks)):
        return STRONG
    if ctx.lex.ph("steps", "nouns").find(toks):
        return STEP
    return SUBSTANTIVE if len(content_lemmas(toks)) >= SUBSTANTIVE_LEMMAS else THIN


def _beneficiary(ctx, toks) -> bool:
    ben = ctx.lex.ph("why", "beneficiaries")
    return any(ben.has(t) for t in toks if t.pos_ in ("NOUN", "PROPN", "PRON") and lower(t) not in ("i", "me", "myself"))


def find_why(ctx) -> WhyFindings:
    doc, lex = ctx.doc, ctx.lex
    out = WhyFindings()
    for lo, hi in lex.ph("why", "reason_markers").find(doc):
        if lower(doc[lo]) == "since" and _is_temporal_since(doc, lo):
            continue
        end = _reason_end(doc, hi)
        if end - hi < 2 or negated(doc[lo]):
            continue
        out.reasons.append(Reason(lo, end, _classify(ctx, hi, end)))
    for lo, hi in lex.ph("why", "value").find(doc):
        if not negated(doc[lo]) and not lex.ph("avoid", "money").find(doc[lo : min(len(doc), hi + 4)]):
            out.values.append((lo, hi))
    for lo, hi in lex.ph("why", "impact").find(doc):
        verb = governing_verb(doc[lo])
        if negated(doc[lo]) or is_past(verb):
            continue
        clause = [t for t in verb.subtree if abs(t.i - lo) <= 8]
        out.impacts.append((lo, hi, _beneficiary(ctx, clause)))
    out.success = [s for s in lex.ph("why", "success").find(doc) if not negated(doc[s[0]])]
    out.money = _motives(ctx, lex.ph("avoid", "money"))
    out.titles = _motives(ctx, lex.ph("avoid", "titles"))
    return out


def _motives(ctx, phrases) -> list[tuple[int, int]]:
    """Money/title words said as a motive: in a goal, a reason or a 'want' clause, not negated."""
    doc, lex = ctx.doc, ctx.lex
    exempt = lex.ph("avoid", "money_exempt").find(doc)
    wants = lex.words("goal", "verbs") | {"motivate", "drive", "about", "for", "because", "get", "earn", "make", "chase"}
    out = []
    for lo, hi in phrases.find(doc):
        if any(a <= lo < b for a, b in exempt) or negated(doc[lo]):
            continue
        tok = doc[lo]
        heads = {a.lemma_.lower() for a in list(tok.ancestors)[:4]}
        motive = ctx.in_goal(lo) or bool(heads & wants) or any(r.start <= lo < r.end for r in _reasons_cache(ctx))
        if motive and not is_past(governing_verb(tok)):
            out.append((lo, hi))
    return out


def _reasons_cache(ctx) -> list[Reason]:
    doc, lex = ctx.doc, ctx.lex
    return [Reason(lo, _reason_end(doc, hi), "") for lo, hi in lex.ph("why", "reason_markers").find(doc)]
