"""Progress across sessions: trends per question and per kind of question, and a one-line read.

Pure functions on lists of ``store.Session`` (only their index fields are
used, so nothing heavy is loaded). One comparison everywhere, in the rows and
in the read: the latest session against the mean of the BASELINE_SESSIONS
before it. A metric "improved" only when that change is larger than the
metric's tolerance (its noise threshold, stated under the table); pace is
better the closer it is to the target band, which the caller takes from an
analysis' ``delivery.options`` (None: the delivery analysis' default options).
Questions of different kinds are judged on different rubrics, so the
"all questions" summaries are per kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from statistics import mean

from simulator.report.style import Style, sparkline

BASELINE_SESSIONS = 3  # the latest session is compared with the mean of up to this many before it
SPARK_SESSIONS = 20  # the sparkline shows at most this many latest sessions
IMPROVED, WORSE, STEADY, SINGLE = "improved", "worse", "steady", "single"


Band = tuple[float, float]  # wpm; the target pace band (low, high)


def default_band() -> Band:
    """The pace band of the delivery analysis' default options."""
    from simulator.delivery.options import DeliveryOptions

    options = DeliveryOptions()
    return options.pace_min_wpm, options.pace_max_wpm


@dataclass(frozen=True)
class Metric:
    field: str  # Session attribute
    label: str
    better: str  # "higher" | "lower" | "band"
    tolerance: float  # the noise threshold: a change no larger than this (in the metric's unit) is "steady"
    digits: int = 0
    count: bool = False  # a whole number per session; a mean of several gets one decimal (2.5)
    unit: str = ""  # how the tolerance is stated under the table


METRICS: tuple[Metric, ...] = (
    Metric("wpm", "pace (wpm)", "band", tolerance=5.0, unit="wpm"),
    Metric("long_pauses", "long pauses", "lower", tolerance=0.5, count=True, unit="long pauses"),
    Metric("fillers_per_min", "fillers/min", "lower", tolerance=0.5, digits=1, unit="fillers/min"),
    Metric("content_score", "content score", "higher", tolerance=3.0, unit="points"),
)


@dataclass(frozen=True)
class Trend:
    metric: Metric
    values: list[float]  # oldest first; sessions without this metric are skipped
    baseline: float | None  # mean of up to BASELINE_SESSIONS values before the latest
    latest: float | None
    change: str  # IMPROVED | WORSE | STEADY | SINGLE ("" when there are no values)


@dataclass(frozen=True)
class History:
    title: str
    question_id: str | None  # None: all questions
    sessions: int
    trends: list[Trend]
    read: str  # the one-line read of what improved and what did not


def _goodness(metric: Metric, value: float, band: Band) -> float:
    if metric.better == "higher":
        return value
    if metric.better == "lower":
        return -value
    lo, hi = band
    return -(lo - value if value < lo else value - hi if value > hi else 0.0)


def trend(sessions: list, metric: Metric, *, band: Band | None = None) -> Trend:
    """How one metric moved across ``sessions`` (taken in the order given: oldest first)."""
    band = band or default_band()
    values = [float(v) for v in (getattr(s, metric.field, None) for s in sessions) if v is not None]
    if not values:
        return Trend(metric, [], None, None, "")
    latest = values[-1]
    if len(values) == 1:
        return Trend(metric, values, None, latest, SINGLE)
    baseline = mean(values[-1 - BASELINE_SESSIONS : -1])
    delta = _goodness(metric, latest, band) - _goodness(metric, baseline, band)
    change = STEADY if abs(delta) <= metric.tolerance else IMPROVED if delta > 0 else WORSE
    return Trend(metric, values, baseline, latest, change)


def _value(metric: Metric, v: float) -> str:
    """The value in the metric's digits; a mean count that is not whole gets one decimal (2.5 long pauses)."""
    digits = 1 if metric.count and abs(v - round(v)) >= 0.05 else metric.digits
    return f"{v:.{digits}f}"


def _in_band(v: float, band: Band) -> bool:
    return band[0] <= v <= band[1]


def one_line_read(trends: list[Trend], *, band: Band | None = None) -> str:
    """E.g. "Improved: fillers/min 6.0 → 1.5. Not improved: long pauses 1 → 3. Steady: pace (wpm) 142."."""
    band = band or default_band()
    live = [t for t in trends if t.values]
    if not live:
        return "No measured sessions yet: practise an answer aloud to start a trend."
    if all(t.change == SINGLE for t in live):
        return "Only one session so far: practise this again to see what improves."
    groups = {IMPROVED: [], WORSE: [], STEADY: []}
    for t in live:
        if t.change in groups:
            groups[t.change].append(t)

    def moved(t: Trend) -> str:
        return f"{t.metric.label} {_value(t.metric, t.baseline)} → {_value(t.metric, t.latest)}"

    def steady(t: Trend) -> str:
        note = ""
        if t.metric.better == "band":
            note = " (in the target band)" if _in_band(t.latest, band) else " (outside the target band)"
        return f"{t.metric.label} {_value(t.metric, t.latest)}{note}"

    parts = []
    if groups[IMPROVED]:
        parts.append("Improved: " + ", ".join(moved(t) for t in groups[IMPROVED]) + ".")
    if groups[WORSE]:
        parts.append("Not improved: " + ", ".join(moved(t) for t in groups[WORSE]) + ".")
    if groups[STEADY]:
        parts.append("Steady: " + ", ".join(steady(t) for t in groups[STEADY]) + ".")
    return " ".join(parts)


def history(sessions: list, *, title: str, question_id: str | None = None, band: Band | None = None) -> History:
    band = band or default_band()
    ordered = sorted(sessions, key=lambda s: (s.created_at or "", s.id))
    trends = [trend(ordered, m, band=band) for m in METRICS]
    return History(title, question_id, len(ordered), trends, one_line_read(trends, band=band))


def histories(
    sessions: list,
    *,
    question_id: str | None = None,
    band: Band | None = None,
    kind_of: Callable[[object], str] | None = None,
    kind_labels: dict[str, str] | None = None,
) -> list[History]:
    """One history per question (most practised first), then one per kind of question that has several.

    ``kind_of`` names a session's kind of question (None: one kind for all);
    answers of different kinds are never mixed in one trend. With
    ``question_id`` only that question's history is returned.
    """
    by_question: dict[str | None, list] = {}
    for s in sessions:
        by_question.setdefault(s.question_id, []).append(s)
    if question_id is not None:
        chosen = by_question.get(question_id, [])
        text = chosen[-1].question_text if chosen else question_id
        return [history(chosen, title=text or question_id, question_id=question_id, band=band)]
    out = []
    for qid, group in sorted(by_question.items(), key=lambda kv: (-len(kv[1]), str(kv[0]))):
        out.append(history(group, title=group[-1].question_text or str(qid), question_id=qid, band=band))
    by_kind: dict[str, list] = {}
    for s in sessions:
        by_kind.setdefault(kind_of(s) if kind_of else "", []).append(s)
    for kind, group in sorted(by_kind.items()):
        if len({s.question_id for s in group}) > 1:
            label = (kind_labels or {}).get(kind, kind)
            title = f"All {label} questions" if kind else "All questions"
            out.append(history(group, title=title, band=band))
    return out


def comparison_note() -> str:
    """What the rows compare, and the noise threshold under which a change is "steady"."""
    limits = ", ".join(f"{m.tolerance:g} {m.unit}" for m in METRICS)
    return (
        f"Each row: the mean of the (up to) {BASELINE_SESSIONS} sessions before the latest → the latest. "
        f"Changes of at most {limits} count as steady."
    )


def _arrow(change: str) -> str:
    return {IMPROVED: "improved", WORSE: "worse", STEADY: "steady", SINGLE: ""}.get(change, "")


def _row(t: Trend, style: Style) -> tuple:
    if not t.values:
        return (t.metric.label, "", "", style("no data", "dim"))
    spark = sparkline(t.values[-SPARK_SESSIONS:])
    moved = (
        _value(t.metric, t.latest)
        if t.baseline is None
        else f"{_value(t.metric, t.baseline)} → {_value(t.metric, t.latest)}"
    )
    tone = {IMPROVED: "green", WORSE: "red"}.get(t.change)
    change = style(_arrow(t.change), tone) if tone else style(_arrow(t.change))
    return (t.metric.label, spark, moved, change)


def render(items: list[History], style: Style) -> list:
    """Rich renderables: per history a sparkline per metric (oldest to latest), the comparison, and the read."""
    from rich.padding import Padding
    from rich.table import Table

    out: list = []
    for h in items:
        if out:
            out.append("")
        out.append(
            style.join(style(h.title, "bold"), style(f"  ({h.sessions} session{'s' * (h.sessions != 1)})", "dim"))
        )
        table = Table.grid(padding=(0, 2), pad_edge=False)
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True, max_width=SPARK_SESSIONS)
        table.add_column(no_wrap=True, justify="right")
        table.add_column(no_wrap=True)
        for t in h.trends:
            table.add_row(*_row(t, style))
        out += [Padding(table, (0, 0, 0, 2)), style.paragraph(h.read)]
    if items:
        out += ["", style(comparison_note(), "dim")]
    return out
