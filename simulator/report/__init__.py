"""Human-readable reports of a typed ``Analysis`` (terminal text; HTML lives in report.html).

The terminal report opens with one screen: the verdict, the score and the top
things to change (``--brief`` stops there); the transcript, delivery and
content details follow. Renderers return Rich renderables; ``render_text``
turns them into a string of a given width.
"""

from __future__ import annotations

from itertools import chain, zip_longest
from typing import TYPE_CHECKING

from simulator.report.style import WIDTH, Style, clock, to_text

if TYPE_CHECKING:
    from simulator.model.analysis import Analysis

TOP_CHANGES = 3  # things to change on the first screen
HEADER_LABEL = 9  # columns of the first screen's labels ("Question:")


def top_changes(analysis: Analysis) -> list[str]:
    """The first TOP_CHANGES things to change, delivery reasons and content improvements taken in turn.

    Both lists are already ordered by importance, so alternating gives each part its most pressing point first.
    """
    delivery = analysis.delivery.verdict.reasons if analysis.delivery else []
    content = analysis.content.summary.improvements if analysis.content else []
    merged = [x for x in chain.from_iterable(zip_longest(delivery, content)) if x]
    return merged[:TOP_CHANGES]


def _verdict(analysis: Analysis, s: Style):
    from simulator.report.delivery_text import verdict_text

    parts = []
    if analysis.delivery is not None:
        parts.append(verdict_text(analysis.delivery, s))
    elif analysis.audio is None:
        parts.append(s("Written answer (no delivery analysis)"))
    if analysis.content is not None:
        parts.append(s.join("content score ", s(f"{analysis.content.score}/100", "bold")))
    return s(" · ").join(parts) if parts else s("-")


def first_screen(analysis: Analysis, s: Style) -> list:
    """Question, verdict, score, the top things to change and any notes: what fits on one screen."""
    ctx = analysis.context
    rows = [("Question:", analysis.question.text)]
    bits = [f"role: {ctx.role}" if ctx.role else "", f"company: {ctx.company}" if ctx.company else ""]
    bits.append("job posting given" if ctx.posting else "")
    if any(bits):
        rows.append(("Context:", ", ".join(b for b in bits if b)))
    if analysis.audio:
        rows.append(("Answer:", f"{clock(analysis.audio.duration_s)} of audio"))
    if analysis.session_id:
        rows.append(("Session:", analysis.session_id))
    rows.append(("Verdict:", _verdict(analysis, s)))
    out = [s("Mock interview report", "bold"), s.grid(rows, label_width=HEADER_LABEL, indent=0)]
    changes = top_changes(analysis)
    if changes:
        out.append(s("Top things to change", "bold"))
        out.append(s.grid([(f"{k}.", tip) for k, tip in enumerate(changes, 1)], label_width=2))
    elif analysis.delivery is not None or analysis.content is not None:
        out.append(s("Nothing pressing to change.", "green"))
    for note in analysis.notes:
        out.append(s(f"Note: {note}", "yellow"))
    return out


def render_transcript(analysis: Analysis, s: Style) -> list:
    """The transcript, wrapped; fillers, hedges and long pauses marked where the analysis found them."""
    from simulator.report.delivery_text import mark_transcript

    hedges = analysis.content.hedges if analysis.content is not None else ()
    return [
        s("Transcript", "bold"),
        s.paragraph(mark_transcript(analysis.transcript, analysis.delivery, s, hedges=hedges)),
    ]


def report(analysis: Analysis, s: Style, *, brief: bool = False) -> list:
    """The report as Rich renderables: the first screen, then (unless ``brief``) the details."""
    out = first_screen(analysis, s)
    if brief:
        return out
    shown = set(top_changes(analysis))
    out += [""] + render_transcript(analysis, s)
    if analysis.delivery is not None:
        from simulator.report.delivery_text import render as render_delivery

        out += [""] + render_delivery(analysis.delivery, s, shown=shown)
    if analysis.content is not None:
        from simulator.report.content_text import render as render_content

        out += [""] + render_content(analysis.content, s, shown=shown)
    return out


def render_text(analysis: Analysis, *, color: bool = False, width: int = WIDTH, brief: bool = False) -> str:
    """The terminal report as text ``width`` columns wide (ANSI colours only with ``color``)."""
    return to_text(report(analysis, Style(color), brief=brief), width=width, color=color)
