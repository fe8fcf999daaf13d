"""Human-readable reports of a typed ``Analysis`` (terminal text; HTML lives in report.html)."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from simulator.report.style import Style, clock

if TYPE_CHECKING:
    from simulator.model.analysis import Analysis

WIDTH = 78


def _header(analysis: Analysis, s: Style) -> list[str]:
    lines = [s("Mock interview report", "bold"), f"Question: {analysis.question.text}"]
    ctx = analysis.context
    bits = [
        f"role: {ctx.role}" if ctx.role else "",
        f"company: {ctx.company}" if ctx.company else "",
        "job posting given" if ctx.posting else "",
    ]
    if any(bits):
        lines.append("Context:  " + ", ".join(b for b in bits if b))
    if analysis.audio:
        lines.append(f"Answer:   {clock(analysis.audio.duration_s)} of audio")
    if analysis.session_id:
        lines.append(f"Session:  {analysis.session_id}")
    return lines


def render_transcript(analysis: Analysis, s: Style) -> list[str]:
    """The transcript, wrapped; fillers, hedges and long pauses marked where the analysis found them."""
    from simulator.report.delivery_text import mark_transcript

    hedges = analysis.content.hedges if analysis.content is not None else ()
    text = mark_transcript(analysis.transcript, analysis.delivery, s, hedges=hedges)
    return [s("Transcript", "bold")] + textwrap.wrap(text, WIDTH, initial_indent="  ", subsequent_indent="  ")


def render_text(analysis: Analysis, *, color: bool = False) -> str:
    """The full terminal report."""
    s = Style(color)
    lines = _header(analysis, s) + [""] + render_transcript(analysis, s)
    if analysis.delivery is not None:
        from simulator.report.delivery_text import render as render_delivery

        lines += [""] + render_delivery(analysis.delivery, s)
    elif analysis.audio is None:
        lines += ["", s("Delivery", "bold"), "  (text answer: no audio, so no delivery analysis)"]
    if analysis.content is not None:
        from simulator.report.content_text import render as render_content

        lines += [""] + render_content(analysis.content, s)
    for note in analysis.notes:
        lines.append(s(f"Note: {note}", "yellow"))
    return "\n".join(lines)
