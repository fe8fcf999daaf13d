"""Terminal rendering of a ``ContentReport``: checklist, score, summary and structure."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from simulator.content.types import CLEAR, MET
from simulator.report.style import Style, clock

if TYPE_CHECKING:
    from simulator.content.types import ContentReport, Evidence

WIDTH = 78
MAX_QUOTES = 2  # evidence quotes shown per criterion
QUOTE_CHARS = 90  # longer quotes are shortened with an ellipsis
MARKS = {
    "met": ("✓", "green"),
    "partial": ("~", "yellow"),
    "missing": ("✗", "red"),
    "clear": ("ok", "green"),
    "flagged": ("⚑", "red"),
}
ORDINALS = {1: "1st", 2: "2nd", 3: "3rd"}


def _quote(ev: Evidence) -> str:
    text = ev.text if len(ev.text) <= QUOTE_CHARS else ev.text[: QUOTE_CHARS - 1].rstrip() + "…"
    when = f" [{clock(ev.start)}–{clock(ev.end)}]" if ev.start is not None and ev.end is not None else ""
    heard = f" (as heard; “{'”, “'.join(ev.unsure)}” may have been misheard)" if ev.unsure else ""
    return f"“{text}”{when}{heard}"


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ")


def _weighting_line(content: ContentReport) -> str:
    w = content.weighting
    heavy = [f"{cid.replace('_', ' ')} ×{v:g}" for cid, v in w.weights.items() if v != 1.0]
    credit = ", ".join(f"{k} {v:g}" for k, v in w.status_values.items())
    weights = ", ".join(heavy) + ", others ×1" if heavy else "all ×1"
    if not w.scaled:  # a report saved before the substance rule
        return f"(weighted mean of the checklist; weights: {weights}; credit: {credit})"
    cap = f"; at most {w.flagged_cap:g} with a flag" if w.flagged_cap is not None else ""
    scaled = ", ".join(c.replace("_", " ") for c in w.scaled)
    said = f"what the answer says, weighted; {scaled} count in proportion to it{cap}"
    return f"({said}; weights: {weights}; credit: {credit})"


def _checklist(content: ContentReport, s: Style) -> list[str]:
    lines = []
    width = max((len(c.label or c.id) for c in content.criteria), default=10)
    for c in content.criteria:
        mark, colour = MARKS.get(c.status, ("?", "dim"))
        name = (c.label or c.id).ljust(width)
        lines.append(f"  {s(mark.ljust(2), colour, 'bold')} {name}  {s(c.status, colour)}")
        for ev in c.evidence[:MAX_QUOTES]:
            lines += _wrap(_quote(ev), "       ")
        if c.status not in (MET, CLEAR) and c.tip:
            lines += [s(line, "cyan") for line in _wrap("→ " + c.tip, "       ")]
    return lines


def _structure(content: ContentReport, s: Style) -> list[str]:
    """The kind's recommended shape beside this answer's order; nothing when the kind has no shape."""
    if not content.structure:
        return []
    name = f": {content.shape_name}" if content.shape_name else ""
    lines = [s("Shape of the answer", "bold") + f"{name}  (recommended order → where it came in yours)"]
    for k, part in enumerate(content.structure, 1):
        if part.found:
            where = ORDINALS.get(part.order, f"{part.order}th")
            quote = _quote(part.evidence) if part.evidence else ""
            lines += _wrap(f"{k}. {part.label:<15} → {s(where, 'green')}  {quote}", "  ")
        else:
            lines.append(f"  {k}. {part.label:<15} → {s('not found', 'red')}")
    found = sorted((p for p in content.structure if p.found), key=lambda p: p.order)
    if found:
        order = " → ".join(p.label for p in found)
        note = "the recommended order" if content.in_recommended_order else "a different order from the recommended one"
        lines += _wrap(f"Your order: {order} ({note}).", "  ")
    return lines


def _summary(content: ContentReport, s: Style) -> list[str]:
    lines = [s("Summary", "bold")]
    if content.summary.well_done:
        lines.append("  Well done:")
        for item in content.summary.well_done:
            lines += _wrap("• " + item, "    ")
    if content.summary.improvements:
        lines.append("  Improve first:")
        for k, tip in enumerate(content.summary.improvements, 1):
            lines += _wrap(f"{k}. {tip}", "    ")
    else:
        lines.append("  Nothing to improve on the content checklist.")
    return lines


def render(content: ContentReport, style: Style) -> list[str]:
    """The content part of the terminal report, as lines."""
    s = style
    head = f"{s('Content', 'bold')}  score {s(str(content.score), 'bold')}/100"
    lines = [head] + _wrap(_weighting_line(content), "  ") + _checklist(content, s)
    lines += [""] + _summary(content, s)
    shape = _structure(content, s)
    return lines + ([""] + shape if shape else [])
