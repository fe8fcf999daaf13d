"""The delivery part of the terminal report, and the marked-up transcript.

Works on the JSON shape of a ``DeliveryReport`` (a dataclass is converted with
``jsonout.to_jsonable`` first), so a stored session renders the same way.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from simulator.report.style import Style, clock, sparkline

SPARK_WIDTH = 48  # characters of the pace-over-time sparkline at most
GAUGE_WIDTH = 40  # characters of the pace gauge
MARK_PAUSE_S = 1.0  # s; mid-phrase pauses this long are marked in the transcript too
MAX_LISTED_PAUSES = 6  # long pauses listed one per line
TOP_REASONS = 3


def _doc(delivery: Any) -> dict:
    if dataclasses.is_dataclass(delivery) and not isinstance(delivery, type):
        from simulator.model.codec import to_jsonable

        return to_jsonable(delivery)
    return delivery if isinstance(delivery, dict) else {}


def _num(value: Any, default: float = 0.0) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else default


def _band(d: dict) -> tuple[float, float]:
    o = d.get("options") or {}
    return _num(o.get("pace_min_wpm"), 110.0), _num(o.get("pace_max_wpm"), 160.0)


def _label(text: str) -> str:
    return f"  {text:<10}"


def _gauge(wpm: float, lo: float, hi: float, s: Style) -> str:
    """A bar from 0.5x to 1.5x the band with the band bracketed and the pace as a dot."""
    left, right = 0.5 * lo, 1.4 * hi
    pos = lambda v: int(round((min(max(v, left), right) - left) / (right - left) * (GAUGE_WIDTH - 1)))  # noqa: E731
    cells = ["·"] * GAUGE_WIDTH
    a, b = pos(lo), pos(hi)
    for i in range(a, b + 1):
        cells[i] = "="
    cells[a], cells[b] = "[", "]"
    cells[pos(wpm)] = "●"
    inside = lo <= wpm <= hi
    bar = "".join(cells).replace("●", s("●", "green" if inside else "red", "bold"))
    return f"{left:.0f} {bar} {right:.0f} wpm"


def _resample(values: list[float], width: int) -> list[float]:
    """At most ``width`` values: the means of equal consecutive chunks."""
    if len(values) <= width:
        return values
    edges = [round(i * len(values) / width) for i in range(width + 1)]
    return [sum(values[a:b]) / (b - a) for a, b in zip(edges, edges[1:])]


def _pace_lines(d: dict, s: Style) -> list[str]:
    lo, hi = _band(d)
    wpm = _num(d.get("wpm"))
    verdict = (d.get("verdict") or {}).get("pace", "")
    tone = "green" if lo <= wpm <= hi else "red"
    lines = [
        _label("Pace")
        + s(f"{wpm:.0f} wpm", "bold")
        + " "
        + s(verdict, tone)
        + f"  (band {lo:.0f}-{hi:.0f}; {_num(d.get('articulation_wpm')):.0f} wpm between pauses)",
        _label("") + _gauge(wpm, lo, hi, s),
    ]
    series = [p for p in d.get("pace_series") or [] if isinstance(p, dict)]
    if len(series) > 1:
        values = _resample([_num(p.get("wpm")) for p in series], SPARK_WIDTH)
        spark = sparkline(values, 0.5 * lo, 1.4 * hi)
        span = f"{clock(series[0].get('t'))}-{clock(series[-1].get('t'))}"
        window = _num((d.get("options") or {}).get("pace_window_s"), 10.0)
        lines.append(
            _label("Over time") + s(spark, "cyan") + f"  ({window:g} s windows, {span}, "
            f"{min(values):.0f}-{max(values):.0f} wpm)"
        )
    return lines


def _pause_lines(d: dict, s: Style) -> list[str]:
    pauses = [p for p in d.get("pauses") or [] if isinstance(p, dict)]
    longs = [p for p in d.get("long_pauses") or [] if isinstance(p, dict)]
    long_s = _num((d.get("options") or {}).get("long_pause_s"), 2.0)
    if not pauses:
        return [_label("Pauses") + "none inside the answer"]
    mid = sum(p.get("kind") == "hesitation" for p in pauses)
    head = (
        f"{len(pauses)} ({_num(d.get('pauses_per_min')):.1f} a minute), longest "
        f"{_num(d.get('longest_pause_s')):.1f} s; {mid} in mid-phrase, {len(pauses) - mid} at boundaries"
    )
    lines = [_label("Pauses") + head]
    if longs:
        lines.append(_label("") + s(f"{len(longs)} long (>= {long_s:g} s):", "red"))
        for p in longs[:MAX_LISTED_PAUSES]:
            where = f' after "{p.get("after_word")}"' if p.get("after_word") else ""
            kind = "mid-phrase" if p.get("kind") == "hesitation" else "boundary"
            lines.append(_label("") + f"  {clock(p.get('start'))}  {_num(p.get('duration')):.1f} s{where} ({kind})")
        if len(longs) > MAX_LISTED_PAUSES:
            lines.append(_label("") + f"  ... and {len(longs) - MAX_LISTED_PAUSES} more")
    else:
        lines.append(_label("") + s(f"no pause over {long_s:g} s", "green"))
    return lines


def _filler_line(d: dict, s: Style) -> str:
    fillers = [f for f in d.get("fillers") or [] if isinstance(f, dict)]
    if not fillers:
        return _label("Fillers") + s("none", "green")
    counts: dict[str, int] = {}
    for f in fillers:
        counts[str(f.get("word"))] = counts.get(str(f.get("word")), 0) + 1
    parts = ", ".join(f'"{w}" x{n}' for w, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    limit = _num((d.get("options") or {}).get("max_fillers_per_min"), 4.0)
    rate = _num(d.get("fillers_per_min"))
    return (
        _label("Fillers")
        + s(f"{len(fillers)} ({rate:.1f} a minute)", "red" if rate > limit else "yellow")
        + f": {parts}"
    )


def _voice_lines(d: dict, s: Style) -> list[str]:
    pitch, vol, clar = d.get("pitch") or {}, d.get("volume") or {}, d.get("clarity") or {}
    out = []
    if pitch.get("median_hz") is not None:
        tone = s("monotone", "yellow") if pitch.get("monotone") else s("varied", "green")
        out.append(
            _label("Pitch") + f"median {_num(pitch.get('median_hz')):.0f} Hz, range "
            f"{_num(pitch.get('range_semitones')):.1f} semitones: {tone}"
        )
    else:
        out.append(_label("Pitch") + "too little voiced speech to measure")
    if vol.get("mean_dbfs") is not None:
        notes = [
            s("too quiet", "yellow") if vol.get("too_quiet") else "loud enough",
            s("clipping", "red") if vol.get("clipping") else "no clipping",
            s("sentence endings fade", "yellow") if vol.get("trailing_off") else "endings held up",
        ]
        out.append(_label("Volume") + f"{_num(vol.get('mean_dbfs')):.0f} dBFS while speaking; " + ", ".join(notes))
    if clar.get("mean_probability") is not None:
        unsure = [w.get("word", "") for w in clar.get("unsure_words") or [] if isinstance(w, dict)]
        tail = f"; unsure of {len(unsure)}: " + ", ".join(f'"{w}"' for w in unsure[:6]) if unsure else ""
        if len(unsure) > 6:
            tail += ", ..."
        out.append(_label("Clarity") + f"mean word probability {_num(clar.get('mean_probability')):.2f}{tail}")
    return out


def _verdict_lines(d: dict, s: Style) -> list[str]:
    v = d.get("verdict") or {}
    good = bool(v.get("slow_and_clear"))
    head = s("Slow and clear", "green", "bold") if good else s("Not yet slow and clear", "red", "bold")
    lines = [_label("Verdict") + f"{head} (pace: {v.get('pace', '?')})"]
    reasons = [r for r in v.get("reasons") or [] if isinstance(r, str)]
    if reasons:
        lines.append(s("  Top things to change", "bold"))
        lines += [f"    {i}. {r}" for i, r in enumerate(reasons[:TOP_REASONS], 1)]
    else:
        lines.append(s("  Nothing pressing to change.", "green"))
    strengths = [r for r in v.get("strengths") or [] if isinstance(r, str)]
    if strengths:
        lines.append("  Went well: " + " ".join(strengths))
    return lines


def render(delivery: Any, style: Style) -> list[str]:
    """The delivery section: pace vs band, sparkline, pauses, fillers, voice, verdict."""
    d = _doc(delivery)
    s = style
    speaking = _num(d.get("speaking_time_s"))
    lines = [s("Delivery", "bold") + f"  ({d.get('words', 0)} words in {clock(speaking)} of speech)"]
    lines += _pace_lines(d, s)
    skipped = [x for x in d.get("skipped_speech") or [] if isinstance(x, dict)]
    if skipped:
        where = ", ".join(f"{clock(x.get('start'))}-{clock(x.get('end'))}" for x in skipped[:4])
        n = sum(int(_num(x.get("words"))) for x in skipped)
        lines.append(
            _label("")
            + s(
                f"Note: the transcript misses speech at {where}; about {n} words are "
                "estimated there and counted in the pace.",
                "dim",
            )
        )
    lines += _pause_lines(d, s)
    lines.append(_filler_line(d, s))
    lines += _voice_lines(d, s)
    lines += _verdict_lines(d, s)
    return lines


def _pause_marks(d: dict, n_words: int) -> dict[int, dict]:
    """word index -> pause to mark before it (long pauses, and long mid-phrase ones)."""
    long_s = _num((d.get("options") or {}).get("long_pause_s"), 2.0)
    marks = {}
    for p in d.get("pauses") or []:
        if not isinstance(p, dict) or not isinstance(p.get("word_index"), int):
            continue
        dur = _num(p.get("duration"))
        if dur >= long_s or (p.get("kind") == "hesitation" and dur >= MARK_PAUSE_S):
            if 0 <= p["word_index"] < n_words:
                marks[p["word_index"]] = p
    return marks


def _highlight(token: str, s: Style) -> str:
    """Filler highlight: colour on a terminal, *stars* in plain text; punctuation stays outside."""
    core = token.strip(".,!?;:…\"'“”")
    if not core:
        return token
    lead, _, rest = token.partition(core)
    marked = s(core, "yellow", "bold") if s.color else f"*{core}*"
    return lead + marked + rest


def mark_transcript(transcript: Any, delivery: Any, style: Style) -> str:
    """The transcript with fillers highlighted and long pauses marked inline ("[2.6s pause]")."""
    words = list(getattr(transcript, "words", None) or [])
    if not words:
        return getattr(transcript, "text", "") or ""
    d = _doc(delivery)
    filler_idx: set[int] = set()
    for f in d.get("fillers") or []:
        if isinstance(f, dict) and isinstance(f.get("word_index"), int):
            filler_idx.update(range(f["word_index"], f["word_index"] + int(_num(f.get("n_words"), 1))))
    marks = _pause_marks(d, len(words))
    long_s = _num((d.get("options") or {}).get("long_pause_s"), 2.0)
    out: list[str] = []
    for i, w in enumerate(words):
        token = w.word
        if i in marks:
            p = marks[i]
            tag = f"[{_num(p.get('duration')):.1f}s pause]"
            out.append(style(tag, "red" if _num(p.get("duration")) >= long_s else "yellow"))
        text = _highlight(token, style) if i in filler_idx else token
        if out and token[:1] in "-'’" and i not in marks:
            out[-1] += text  # Whisper's split pieces ("full" "-time") join their word
        else:
            out.append(text)
    return " ".join(out)
