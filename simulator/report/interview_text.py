"""The terminal report of a whole interview: a verdict per question, delivery across it, strongest, practise.

Rich renderables built through a ``Style``, like the answer report (``simulator.report``);
``render_interview`` turns them into a string of a given width.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.report.html import SCORE_GOOD
from simulator.report.style import WIDTH, Style, clock, to_text

if TYPE_CHECKING:
    from simulator.model.interview import AnswerDelivery, Interview

PART_LABEL = {"answer": "answer", "follow_up": "follow-up"}
HEADER_LABEL = 10  # columns of the header's labels ("Interview:")


def _header(doc: Interview, s: Style) -> list:
    sm = doc.summary
    status = {"complete": "complete", "stopped": "stopped", "in_progress": "in progress"}.get(sm.status, sm.status)
    rows = [("Interview:", f"{doc.interview_id} · {len(doc.questions)} of {len(sm.planned)} questions answered")]
    rows.append(("Status:", status))
    ctx = sm.context
    bits = [f"role: {ctx.role}" if ctx.role else "", f"company: {ctx.company}" if ctx.company else ""]
    if any(bits):
        rows.append(("Context:", ", ".join(b for b in bits if b)))
    if sm.score is not None:
        rows.append(("Score:", s(f"{sm.score} / 100 overall content score", "bold")))
    return [s("Mock interview report", "bold"), s.grid(rows, label_width=HEADER_LABEL, indent=0)]


def _questions(doc: Interview, s: Style) -> list:
    sm = doc.summary
    answered = {v.position: (v, r) for v, r in zip(sm.verdicts, doc.questions)}  # both in position order
    rows: list = []
    for i, q in enumerate(sm.planned, start=1):
        rows.append((f"{i}.", q.text))
        if i not in answered:
            rows.append(("", s("(not answered)", "dim")))
            continue
        v, result = answered[i]
        tone = "dim" if v.score is None else "green" if v.score >= SCORE_GOOD else "yellow"
        rows.append(("", s(v.verdict, tone)))
        fu = result.follow_up
        for note in result.answer.notes + (fu.answer.notes if fu and fu.answer else []):
            rows.append(("", s(note, "dim")))
        if fu is not None:
            rows.append(("", s(f"Follow-up on {fu.aims_at}: {fu.text}", "dim")))
    return [s("Questions", "bold"), s.grid(rows, label_width=3)]


def _cell(value, digits: int = 0) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def delivery_table(rows: list[AnswerDelivery], s: Style):
    """Pace, fillers per minute and long pauses of each recording, answers and follow-ups apart."""
    from rich.padding import Padding
    from rich.table import Table

    table = Table(box=None, pad_edge=False, padding=(0, 2, 0, 0), header_style="bold" if s.color else "")
    table.add_column("#", justify="right")
    table.add_column("PART")
    for head in ("LENGTH", "WPM", "FILLERS/MIN", "LONG PAUSES"):
        table.add_column(head, justify="right")
    table.add_column("PACE")
    for r in rows:
        table.add_row(
            str(r.position),
            PART_LABEL.get(r.part, r.part),
            clock(r.duration_s) if r.duration_s is not None else "-",
            _cell(r.wpm),
            _cell(r.fillers_per_min, 1),
            _cell(r.long_pauses),
            r.pace or "-",
        )
    return Padding(table, (0, 0, 0, 2))


def interview_report(doc: Interview, s: Style) -> list:
    """The full terminal report of an interview document, as Rich renderables."""
    sm = doc.summary
    out = _header(doc, s) + [""] + _questions(doc, s)
    if sm.delivery:
        out += ["", s("Delivery across the interview", "bold"), delivery_table(sm.delivery, s)]
    if sm.strongest is not None:
        out += ["", s("Strongest answer", "bold"), s.paragraph(sm.strongest_why)]
    if sm.practise:
        out += ["", s("Top things to practise", "bold")]
        out.append(s.grid([(f"{i}.", item) for i, item in enumerate(sm.practise, start=1)], label_width=2))
    if sm.status != "complete":
        out += ["", s(f"Resume it with: mock-interview interview --resume {doc.interview_id}", "yellow")]
    ids = [r.answer.session_id for r in doc.questions if r.answer.session_id]
    if ids:
        out += ["", s(f"Each answer's full report: mock-interview report {ids[0]} (and the other answer ids).", "dim")]
    return out


def render_interview(doc: Interview, *, color: bool = False, width: int = WIDTH) -> str:
    """The interview's terminal report as text ``width`` columns wide (ANSI colours only with ``color``)."""
    return to_text(interview_report(doc, Style(color)), width=width, color=color)
