"""Terminal styling shared by the text renderers: Rich text, coloured only where colour is wanted.

Renderers build Rich ``Text`` and grids through a ``Style``; ``console`` makes
the Rich console that prints them (width-aware wrapping, no escape codes when
the stream is not a terminal or ``NO_COLOR`` is set), and ``to_text`` renders
them to a string at a given width. Rich is imported inside the functions so
that ``mock-interview --help`` does not load it.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

BARS = "▁▂▃▄▅▆▇█"
WIDTH = 80  # columns; the width of rendered text when it is not printed on a terminal
LABEL_WIDTH = 10  # columns of the labels in a two-column section ("Pace", "Pauses")


def wants_color(stream) -> bool:
    """Colour on a terminal, unless the user set NO_COLOR (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def console(stream=None, *, color: bool | None = None, width: int | None = None) -> Console:
    """A Rich console on ``stream`` (stdout by default) that never adds escape codes without colour."""
    import sys

    from rich.console import Console

    stream = sys.stdout if stream is None else stream
    color = wants_color(stream) if color is None else color
    return Console(
        file=stream,
        width=width,
        color_system="auto" if color else None,
        force_terminal=color or None,
        highlight=False,
        markup=False,
        emoji=False,
    )


def to_text(renderables: Any, *, width: int = WIDTH, color: bool = False) -> str:
    """Render Rich renderables (one, or a list) to a string ``width`` columns wide, without trailing spaces."""
    buffer = io.StringIO()
    out = console(buffer, color=color, width=width)
    for item in renderables if isinstance(renderables, list) else [renderables]:
        out.print(item)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines())


def show(renderables: Any, stream=None, *, color: bool | None = None) -> None:
    """Print renderables on ``stream`` (stdout by default) as wide as its terminal, without trailing spaces."""
    import sys

    stream = sys.stdout if stream is None else stream
    color = wants_color(stream) if color is None else color
    width = console(stream, color=color).width
    stream.write(to_text(renderables, width=width, color=color) + "\n")
    stream.flush()


class Style:
    """Builds Rich text: styled on a colour terminal, plain otherwise (marks then fall back to text)."""

    def __init__(self, color: bool):
        self.color = color

    def __call__(self, text: str, *styles: str) -> Text:
        from rich.text import Text

        return Text(text, style=" ".join(styles) if self.color and styles else "")

    def join(self, *parts: str | Text) -> Text:
        """One line of text from plain strings and styled pieces."""
        from rich.text import Text

        return Text.assemble(*parts)

    def paragraph(self, body: str | Text, *, indent: int = 2):
        """``body`` wrapped at words, every line ``indent`` columns in."""
        from rich.padding import Padding

        return Padding(self(body) if isinstance(body, str) else body, (0, 0, 0, indent))

    def grid(self, rows: Iterable[tuple[str | Text, str | Text]], *, label_width: int = LABEL_WIDTH, indent: int = 2):
        """A label column and a body that wraps at words under its own start (a hanging indent)."""
        from rich.padding import Padding
        from rich.table import Table

        table = Table.grid(padding=(0, 1), pad_edge=False)
        table.add_column(width=label_width, no_wrap=True)
        table.add_column(ratio=1, overflow="fold")
        for label, body in rows:
            table.add_row(label, body)
        return Padding(table, (0, 0, 0, indent)) if indent else table


def sparkline(values: list[float], lo: float | None = None, hi: float | None = None) -> str:
    """A one-line bar chart of ``values`` scaled to [lo, hi] (default: their range)."""
    if not values:
        return ""
    lo = min(values) if lo is None else lo
    hi = max(values) if hi is None else hi
    span = (hi - lo) or 1.0
    out = []
    for v in values:
        frac = min(max((v - lo) / span, 0.0), 1.0)
        out.append(BARS[round(frac * (len(BARS) - 1))])
    return "".join(out)


def clock(seconds: float | None) -> str:
    """0:41-style time stamp."""
    if seconds is None:
        return "-:--"
    seconds = max(0.0, float(seconds))
    return f"{int(seconds // 60)}:{int(seconds % 60):02d}"
