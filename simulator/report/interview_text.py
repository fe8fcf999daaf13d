"""The terminal report of a whole interview: a verdict per question, delivery across it, strongest, practise."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from simulator.report.html import SCORE_GOOD
from simulator.report.style import Style, clock

if TYPE_CHECKING:
    from simulator.model.interview import AnswerDelivery, Interview

WIDTH = 78
PART_LABEL = {"answer": "answer", "follow_up": "follow-up"}


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ")


def _header(doc: Interview, s: Style) -> list[str]:
    sm = doc.summary
    answered = len(doc.questions)
    status = {"complete": "complete", "stopped": "stopped", "in_progress": "in progress"}.get(sm.status, sm.status)
    lines = [
        s("Mock interview report", "bold"),
        f"Interview {doc.interview_id} · {answered} of {len(sm.planned)} questions answered · {status}",
    ]
    ctx = sm.context
    bits = [f"role: {ctx.role}" if ctx.role else "", f"company: {ctx.company}" if ctx.company else ""]
    if any(bits):
        lines.append("Context: " + ", ".join(b for b in bits if b))
    if sm.score is not None:
        lines.append(s(f"Overall content score: {sm.score} / 100", "bold"))
    return lines


def _questions(doc: Interview, s: Style) -> list[str]:
    sm = doc.summary
    answered = {v.position: (v, r) for v, r in zip(sm.verdicts, doc.questions)}  # both in position order
    lines = [s("Questions", "bold")]
    for i, q in enumerate(sm.planned, start=1):
        lines += _wrap(f"{i}. {q.text}", "  ")
        if i not in answered:
            lines.append(s("     (not answered)", "dim"))
            continue
        v, result = answered[i]
        tone = "dim" if v.score is None else "green" if v.score >= SCORE_GOOD else "yellow"
        lines += [s(line, tone) for line in _wrap(v.verdict, "     ")]
        fu = result.follow_up
        if fu is not None:
            lines += [s(line, "dim") for line in _wrap(f"Follow-up on {fu.aims_at}: {fu.text}", "     ")]
    return lines


def _cell(value, digits: int = 0) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def delivery_table(rows: list[AnswerDelivery]) -> list[str]:
    """Pace, fillers per minute and long pauses of each recording, answers and follow-ups apart."""
    lines = [f"  {'#':>2}  {'PART':<9}  {'LENGTH':>6}  {'WPM':>4}  {'FILLERS/MIN':>11}  {'LONG PAUSES':>11}  PACE"]
    for r in rows:
        length = clock(r.duration_s) if r.duration_s is not None else "-"
        lines.append(
            f"  {r.position:>2}  {PART_LABEL.get(r.part, r.part):<9}  {length:>6}  {_cell(r.wpm):>4}  "
            f"{_cell(r.fillers_per_min, 1):>11}  {_cell(r.long_pauses):>11}  {r.pace or '-'}"
        )
    return lines


def render_interview(doc: Interview, *, color: bool = False) -> str:
    """The full terminal report of an interview document."""
    s = Style(color)
    sm = doc.summary
    lines = _header(doc, s) + [""] + _questions(doc, s)
    if sm.delivery:
        lines += ["", s("Delivery across the interview", "bold")] + delivery_table(sm.delivery)
    if sm.strongest is not None:
        lines += ["", s("Strongest answer", "bold")] + _wrap(sm.strongest_why, "  ")
    if sm.practise:
        lines += ["", s("Top things to practise", "bold")]
        for i, item in enumerate(sm.practise, start=1):
            lines += _wrap(f"{i}. {item}", "  ")
    if sm.status != "complete":
        lines += ["", s(f"Resume it with: mock-interview interview --resume {doc.interview_id}", "yellow")]
    ids = [r.answer.session_id for r in doc.questions if r.answer.session_id]
    if ids:
        lines += [
            "",
            s(f"Each answer's full report: mock-interview report {ids[0]} (and the other answer ids).", "dim"),
        ]
    return "\n".join(lines)
