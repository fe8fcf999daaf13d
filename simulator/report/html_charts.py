"""Inline SVG charts for the HTML report: the waveform with pauses, and pace over time.

Pure functions from numbers and typed pauses/pace points to SVG text; no
external files, no scripts. Kept in Python rather than the template: it is
coordinate arithmetic, not markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

import numpy as np

from simulator.report.style import clock

if TYPE_CHECKING:
    from simulator.delivery.results import PacePoint, Pause

WAVE_BINS = 600  # peaks drawn across the waveform
WAVE_W, WAVE_H = 1000, 110  # SVG user units (the SVG scales to the page width)
PACE_W, PACE_H = 1000, 260
PACE_MARGIN = (44, 14, 14, 30)  # left, right, top, bottom (user units)
MIN_PACE_TOP_WPM = 200.0  # the pace chart's y axis reaches at least this


def peaks(y: np.ndarray, *, bins: int = WAVE_BINS) -> list[float]:
    """Max |sample| in each of ``bins`` equal slices, scaled so the loudest is 1."""
    y = np.abs(np.asarray(y, dtype=np.float32).reshape(-1))
    if y.size == 0:
        return []
    bins = max(1, min(bins, y.size))
    edges = np.linspace(0, y.size, bins + 1).astype(int)
    out = np.maximum.reduceat(y, edges[:-1])
    top = float(out.max())
    return [round(float(v) / top, 3) if top > 0 else 0.0 for v in out]


def _x(t: float, duration_s: float, width: float) -> float:
    return max(0.0, min(width, t / duration_s * width)) if duration_s > 0 else 0.0


def waveform_svg(
    wave: list[float], duration_s: float, pauses: Sequence[Pause], *, long_pause_s: float, id_suffix: str = ""
) -> str:
    """The waveform as vertical bars, pauses shaded (long ones stronger), and a playhead.

    ``id_suffix`` keeps element ids unique on a page with several answers.
    """
    mid = WAVE_H / 2
    shades = []
    for p in pauses:
        kind = "long" if p.duration >= long_pause_s else "short"
        x0, x1 = _x(p.start, duration_s, WAVE_W), _x(p.end, duration_s, WAVE_W)
        shades.append(
            f'<rect class="pz {kind}" x="{x0:.1f}" y="0" width="{max(x1 - x0, 1.5):.1f}" height="{WAVE_H}">'
            f"<title>{p.duration:.1f} s pause at {clock(p.start)}</title></rect>"
        )
    step = WAVE_W / max(len(wave), 1)
    bars = " ".join(
        f"M{(i + 0.5) * step:.1f} {mid - max(v, 0.01) * (mid - 4):.1f}V{mid + max(v, 0.01) * (mid - 4):.1f}"
        for i, v in enumerate(wave)
    )
    return (
        f'<svg id="wave{id_suffix}" class="wave" viewBox="0 0 {WAVE_W} {WAVE_H}" preserveAspectRatio="none" '
        f'role="img" aria-label="Waveform of the answer; shaded bands are pauses; click to seek">'
        + "".join(shades)
        + f'<path class="bars" d="{bars}" stroke-width="{step * 0.6:.2f}"/>'
        + f'<line id="playhead{id_suffix}" class="playhead" x1="0" x2="0" y1="0" y2="{WAVE_H}"/></svg>'
    )


def _ticks(top: float, step: float) -> list[float]:
    return [i * step for i in range(int(top // step) + 1)]


def _time_step(duration_s: float) -> float:
    for step in (5, 10, 15, 30, 60, 120):
        if duration_s / step <= 10:
            return float(step)
    return 300.0


def pace_svg(series: Sequence[PacePoint], duration_s: float, band: tuple[float, float], mean_wpm: float | None) -> str:
    """Pace over time (wpm) as a line, against the target band and the mean pace."""
    left, right, top_m, bottom = PACE_MARGIN
    w, h = PACE_W - left - right, PACE_H - top_m - bottom
    points = [(p.t, p.wpm) for p in series]
    top = max([MIN_PACE_TOP_WPM, band[1] * 1.25] + [v * 1.1 for _, v in points])
    span = duration_s or max((t for t, _ in points), default=1.0) or 1.0

    def xy(t: float, v: float) -> tuple[float, float]:
        return left + _x(t, span, w), top_m + h - min(v, top) / top * h

    parts = [
        f'<svg class="pace" viewBox="0 0 {PACE_W} {PACE_H}" role="img" aria-label="Pace over time in words per minute">'
    ]
    _, y_hi = xy(0, band[1])
    _, y_lo = xy(0, band[0])
    parts.append(f'<rect class="band" x="{left}" y="{y_hi:.1f}" width="{w}" height="{y_lo - y_hi:.1f}"/>')
    parts.append(
        f'<text class="bandlabel" x="{left + w - 6}" y="{y_hi + 14:.1f}" text-anchor="end">'
        f"target {band[0]:.0f}–{band[1]:.0f} wpm</text>"
    )
    for v in _ticks(top, 50.0):
        _, y = xy(0, v)
        parts.append(
            f'<line class="grid" x1="{left}" x2="{left + w}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="tick" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{v:.0f}</text>'
        )
    for t in _ticks(span, _time_step(span)):
        x, _ = xy(t, 0)
        parts.append(f'<text class="tick" x="{x:.1f}" y="{PACE_H - 8}" text-anchor="middle">{clock(t)}</text>')
    if mean_wpm is not None:
        _, y = xy(0, mean_wpm)
        parts.append(
            f'<line class="mean" x1="{left}" x2="{left + w}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="meanlabel" x="{left + 6}" y="{y - 6:.1f}">average {mean_wpm:.0f} wpm</text>'
        )
    if points:
        coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(t, v) for t, v in points))
        parts.append(f'<polyline class="line" points="{coords}"/>')
        for t, v in points:
            x, y = xy(t, v)
            parts.append(
                f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="3.5" data-start="{max(t, 0):.2f}">'
                f"<title>{escape(clock(t))}: {v:.0f} wpm</title></circle>"
            )
    else:
        parts.append(
            f'<text class="tick" x="{left + w / 2}" y="{top_m + h / 2}" text-anchor="middle">'
            "no pace data for this answer</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
