"""Terminal rendering of a ``ContentReport``: checklist, score, summary and structure, as Rich grids."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from simulator.content.types import CLEAR, MET
from simulator.report.style import Style, clock

if TYPE_CHECKING:
    from rich.text import Text

    from simulator.content.types import ContentReport, Evidence

MAX_QUOTES = 1  # evidence quotes shown per criterion
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


def _checklist(content: ContentReport, s: Style):
    """One row per criterion: mark, name, and its status with the first quote; a tip under it when not met."""
    rows: list[tuple[Text, str, Text]] = []
    for c in content.criteria:
        mark, colour = MARKS.get(c.status, ("?", "dim"))
        quotes = [_quote(ev) for ev in c.evidence[:MAX_QUOTES]]
        body = s.join(s(c.status, colour), *(f"  {q}" for q in quotes))
        rows.append((s(mark, colour, "bold"), c.label or c.id, body))
        if c.status not in (MET, CLEAR) and c.tip:
            rows.append((s(""), "", s("→ " + c.tip, "cyan")))
    return _table(rows, s)


def _table(rows: list[tuple], s: Style):
    """A three-column grid (mark, name, wrapping body), two columns in."""
    from rich.padding import Padding
    from rich.table import Table

    table = Table.grid(padding=(0, 1), pad_edge=False)
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True, max_width=max((len(r[1]) for r in rows), default=10))
    table.add_column(ratio=1, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return Padding(table, (0, 0, 0, 2))


def _structure(content: ContentReport, s: Style) -> list:
    """The kind's recommended shape beside this answer's order; nothing when the kind has no shape."""
    if not content.structure:
        return []
    name = f": {content.shape_name}" if content.shape_name else ""
    head = s.join(s("Shape of the answer", "bold"), f"{name}  (recommended order → where it came in yours)")
    rows = []
    for k, part in enumerate(content.structure, 1):
        if part.found:
            where = ORDINALS.get(part.order, f"{part.order}th")
            quote = "  " + _quote(part.evidence) if part.evidence else ""
            rows.append((f"{k}.", part.label, s.join("→ ", s(where, "green"), quote)))
        else:
            rows.append((f"{k}.", part.label, s.join("→ ", s("not found", "red"))))
    out = [head, _table(rows, s)]
    found = sorted((p for p in content.structure if p.found), key=lambda p: p.order)
    if found:
        order = " → ".join(p.label for p in found)
        out.append(s.paragraph(f"Your order: {order} ({_order_note(content, found)})."))
    return out


def _order_note(content: ContentReport, found: list) -> str:
    """Says "the recommended order" only when it is one; opening with the first part is what the shape asks."""
    first = content.structure[0].label
    if not content.in_recommended_order:
        return f"a different order from the recommended one: open with the {first.lower()}"
    recommended = [p.part for p in content.structure if p.found]
    if [p.part for p in found] == recommended:
        return "the recommended order"
    return f"it opens with the {first.lower()}, as recommended"


def _summary(content: ContentReport, s: Style, shown: Collection[str]) -> list:
    out: list = []
    if content.summary.well_done:
        out.append(s.paragraph("Well done:"))
        out.append(s.grid([("•", item) for item in content.summary.well_done], label_width=1, indent=4))
    left = [tip for tip in content.summary.improvements if tip not in shown]
    if left:
        out.append(s.paragraph("Improve:"))
        out.append(s.grid([(f"{k}.", tip) for k, tip in enumerate(left, 1)], label_width=2, indent=4))
    elif not content.summary.improvements:
        out.append(s.paragraph("Nothing to improve on the content checklist."))
    return out


def render(content: ContentReport, style: Style, *, shown: Collection[str] = ()) -> list:
    """The content part of the terminal report; improvements already ``shown`` on the first screen are left out."""
    s = style
    head = s.join(s("Content", "bold"), "  score ", s(str(content.score), "bold"), "/100")
    out = [head, s.paragraph(_weighting_line(content)), _checklist(content, s)]
    summary = _summary(content, s, shown)
    if summary:
        out += [""] + summary
    if content.structure:
        out += [""] + _structure(content, s)
    return out
