"""Terminal styling shared by the text reports: ANSI colours only on a TTY."""

from __future__ import annotations

BARS = "▁▂▃▄▅▆▇█"
_CODES = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "36", "reverse": "7"}


class Style:
    def __init__(self, color: bool):
        self.color = color

    def __call__(self, text: str, *styles: str) -> str:
        if not self.color or not styles:
            return text
        codes = ";".join(_CODES[s] for s in styles)
        return f"\033[{codes}m{text}\033[0m"


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
