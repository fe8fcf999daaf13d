"""What the interview report says: a verdict per question, delivery across the answers, the strongest
answer and the top three things to practise. Pure functions of the typed results; both renderers and
``interview --json`` use the ``InterviewSummary`` they return."""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import mean

from simulator.content.types import FLAGGED, MET, MISSING, PARTIAL
from simulator.hesitations import is_hesitation
from simulator.model.interview import (
    ANSWER,
    FOLLOW_UP,
    AnswerDelivery,
    Interview,
    InterviewRecord,
    InterviewSummary,
    QuestionResult,
    QuestionVerdict,
)
from simulator.report.html import SCORE_GOOD, SCORE_WARN
from simulator.word_lists import word_lists

LIGHT_KIND = "closing"  # answers of this kind get light feedback: not scored, never the strongest
TOP_PRACTISE = 3  # things to practise listed
GAP_WEIGHT = {MISSING: 2, FLAGGED: 2, PARTIAL: 1}  # how much one answer's gap counts toward "practise this"
DELIVERY_WEIGHT = 2  # one answer's delivery problem counts like a missing criterion


def scored(result: QuestionResult) -> bool:
    """True for an answer with a content score that counts (every kind but the closing question)."""
    return result.question.kind != LIGHT_KIND and result.answer.content is not None


def interview_score(results: list[QuestionResult]) -> int | None:
    """Mean content score of the scored answers (after their follow-ups); None when there is none."""
    scores = [r.answer.content.score for r in results if scored(r)]
    return round(mean(scores)) if scores else None


def _band(score: int) -> str:
    return "Strong" if score >= SCORE_GOOD else "Fair" if score >= SCORE_WARN else "Weak"


def questions_asked(text: str) -> int:
    """Sentences that ask something: ending in "?", or opening with a question word (the transcriber does
    not always hear the rising tone)."""
    lists = word_lists("report")  # prompts/words.toml [report]
    sentences = [s.strip() for s in re.split(r"(?<=[.?!])\s+", text) if s.strip()]
    count = 0
    for sentence in sentences:
        words = [w.strip(',;:.!?"“”').lower() for w in sentence.split()]
        while words and (words[0] in lists["lead_ins"] or is_hesitation(words[0])):
            words.pop(0)
        count += sentence.endswith("?") or (len(words) > 2 and words[0] in lists["question_openers"])
    return count


def _closing_verdict(result: QuestionResult) -> str:
    asked = questions_asked(result.answer.transcript.text)
    if asked:
        return f"Closing: you asked {asked} question{'s' * (asked != 1)} of your own; good."
    return "Closing: no question of your own; prepare one or two about the team or the role."


def verdict(position: int, result: QuestionResult) -> QuestionVerdict:
    """The one-line verdict on one question (light for the closing question)."""
    from simulator.pipeline.followups import improved

    a = result.answer
    if not scored(result):
        return QuestionVerdict(position, result.question.id, _closing_verdict(result), None)
    c = a.content
    done = sum(x.status in (MET, "clear") for x in c.criteria)
    supplied = improved(c)
    line = f"{_band(c.score)} ({c.score}): {done} of {len(c.criteria)} points covered"
    if supplied:
        labels = ", ".join((c.get(i).label or i).lower() for i in supplied)
        line += f", {labels} on follow-up"
    if a.delivery is not None:
        line += (
            "; delivery slow and clear" if a.delivery.verdict.slow_and_clear else f"; pace {a.delivery.verdict.pace}"
        )
    return QuestionVerdict(position, result.question.id, line + ".", c.score, supplied)


def _delivery_rows(positions: list[int], results: list[QuestionResult]) -> list[AnswerDelivery]:
    rows = []
    for pos, r in zip(positions, results):
        parts = [(ANSWER, r.answer)] + ([(FOLLOW_UP, r.follow_up.answer)] if r.follow_up and r.follow_up.answer else [])
        for part, a in parts:
            d = a.delivery
            duration = a.audio.duration_s if a.audio else None
            if d is None:
                rows.append(AnswerDelivery(pos, part, duration, None, None, None))
                continue
            rows.append(
                AnswerDelivery(pos, part, duration, d.wpm, d.fillers_per_min, len(d.long_pauses), d.verdict.pace)
            )
    return rows


def strongest(positions: list[int], results: list[QuestionResult]) -> tuple[int | None, str]:
    """The best scored answer (ties: slow and clear delivery, then the earlier); and why, in one line."""
    best = None
    for pos, r in zip(positions, results):
        if not scored(r):
            continue
        clear = bool(r.answer.delivery and r.answer.delivery.verdict.slow_and_clear)
        key = (r.answer.content.score, clear, -pos)
        if best is None or key > best[0]:
            best = (key, pos, r)
    if best is None:
        return None, ""
    (score, clear, _), pos, r = best
    why = f"Question {pos} scored {score}" + (" and was delivered slow and clear" if clear else "")
    well = r.answer.content.summary.well_done
    return pos, why + (f"; {well[0]}" if well else ".")


def _delivery_issues(r: QuestionResult) -> list[tuple[str, str]]:
    """(key, text) of the answer's delivery problems, measured against the options its analysis used."""
    d = r.answer.delivery
    if d is None:
        return []
    o = d.options
    issues = []
    if not o.pace_min_wpm <= d.wpm <= o.pace_max_wpm:
        issues.append(("pace", f"Pace: aim for {o.pace_min_wpm:.0f}–{o.pace_max_wpm:.0f} words a minute"))
    if d.fillers_per_min > o.max_fillers_per_min:
        issues.append(
            ("fillers", f"Fillers: keep them under {o.max_fillers_per_min:g} a minute; pause silently instead")
        )
    if len(d.long_pauses) > o.max_long_pauses:
        issues.append(("long_pauses", "Long pauses: plan the next sentence before you stop talking"))
    return issues


@dataclass
class _Item:
    """One thing to practise, as it recurs across answers."""

    first: int  # position where it first came up
    text: str  # worded from its most serious, earliest instance
    text_weight: int
    weight: int = 0
    answers: int = 0


def practise(positions: list[int], results: list[QuestionResult]) -> list[str]:
    """The top three things to practise: the gaps and delivery problems that recur most, deduplicated."""
    tally: dict[str, _Item] = {}

    def add(key: str, weight: int, pos: int, text: str) -> None:
        item = tally.setdefault(key, _Item(pos, text, weight))
        item.weight += weight
        item.answers += 1
        if weight > item.text_weight:
            item.text, item.text_weight = text, weight

    for pos, r in zip(positions, results):
        if not scored(r):
            continue
        for c in r.answer.content.criteria:
            if c.status in GAP_WEIGHT:
                add(c.id, GAP_WEIGHT[c.status], pos, f"{c.label or c.id}: {c.tip}" if c.tip else c.label or c.id)
        for key, text in _delivery_issues(r):
            add(key, DELIVERY_WEIGHT, pos, text)
    n = sum(scored(r) for r in results)
    ranked = sorted(tally.values(), key=lambda i: (-i.weight, i.first))[:TOP_PRACTISE]
    return [f"{i.text} (in {i.answers} of {n} answers)" if n > 1 else i.text for i in ranked]


def summarize(record: InterviewRecord, results: dict[int, QuestionResult]) -> InterviewSummary:
    """The summary of an interview's answered questions (``results`` by 1-based position)."""
    positions = sorted(results)
    ordered = [results[p] for p in positions]
    best, why = strongest(positions, ordered)
    return InterviewSummary(
        status=record.status,
        created_at=record.created_at,
        context=record.context,
        settings=record.settings,
        planned=list(record.plan),
        score=interview_score(ordered),
        verdicts=[verdict(p, r) for p, r in zip(positions, ordered)],
        delivery=_delivery_rows(positions, ordered),
        strongest=best,
        strongest_why=why,
        practise=practise(positions, ordered),
    )


def document(record: InterviewRecord, results: dict[int, QuestionResult]) -> Interview:
    """The ``interview --json`` document of a record and its results (by position)."""
    questions = [results[p] for p in sorted(results)]
    return Interview(interview_id=record.id, questions=questions, summary=summarize(record, results))
