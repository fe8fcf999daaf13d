"""The delivery part of the terminal report, and the marked-up transcript, from a typed ``DeliveryReport``.

Every threshold shown (pace band, long-pause length, filler limit) is read
from the report's own ``options``, so the text states what was measured.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from simulator.delivery.results import HESITATION
from simulator.report.style import Style, clock, sparkline
from simulator.report.tokens import PAUSE, transcript_tokens

if TYPE_CHECKING:
    from simulator.content.types import Hedge
    from simulator.delivery.results import DeliveryReport
    from simulator.model.transcript import Transcript

SPARK_WIDTH = 48  # characters of the pace-over-time sparkline at most
GAUGE_WIDTH = 40  # characters of the pace gauge
MARK_PAUSE_S = 1.0  # s; mid-phrase pauses this long are marked in the transcript too
MAX_LISTED_PAUSES = 6  # long pauses listed one per line
MAX_UNSURE_WORDS = 6  # unsure words quoted on the clarity line
TOP_REASONS = 3


def _label(text: str) -> str:
    return f"  {text:<10}"


def _gauge(wpm: float, lo: float, hi: float, s: Style) -> str:
    """A bar from 0.5x the band's low edge to 1.4x its high edge, the band bracketed and the pace as a dot."""
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


def _pace_lines(d: DeliveryReport, s: Style) -> list[str]:
    lo, hi = d.options.pace_min_wpm, d.options.pace_max_wpm
    tone = "green" if lo <= d.wpm <= hi else "red"
    lines = [
        _label("Pace")
        + s(f"{d.wpm:.0f} wpm", "bold")
        + " "
        + s(d.verdict.pace, tone)
        + f"  (band {lo:.0f}-{hi:.0f}; {d.articulation_wpm:.0f} wpm between pauses)",
        _label("") + _gauge(d.wpm, lo, hi, s),
    ]
    series = d.pace_series
    if len(series) > 1:
        values = _resample([p.wpm for p in series], SPARK_WIDTH)
        spark = sparkline(values, 0.5 * lo, 1.4 * hi)
        span = f"{clock(series[0].t)}-{clock(series[-1].t)}"
        lines.append(
            _label("Over time") + s(spark, "cyan") + f"  ({d.options.pace_window_s:g} s windows, {span}, "
            f"{min(values):.0f}-{max(values):.0f} wpm)"
        )
    return lines


def _pause_lines(d: DeliveryReport, s: Style) -> list[str]:
    long_s = d.options.long_pause_s
    if not d.pauses:
        return [_label("Pauses") + "none inside the answer"]
    mid = len(d.hesitations)
    head = (
        f"{len(d.pauses)} ({d.pauses_per_min:.1f} a minute), longest "
        f"{d.longest_pause_s:.1f} s; {mid} in mid-phrase, {len(d.pauses) - mid} at boundaries"
    )
    lines = [_label("Pauses") + head]
    if not d.long_pauses:
        return lines + [_label("") + s(f"no pause over {long_s:g} s", "green")]
    lines.append(_label("") + s(f"{len(d.long_pauses)} long (>= {long_s:g} s):", "red"))
    for p in d.long_pauses[:MAX_LISTED_PAUSES]:
        where = f' after "{p.after_word}"' if p.after_word else ""
        kind = "mid-phrase" if p.kind == HESITATION else "boundary"
        lines.append(_label("") + f"  {clock(p.start)}  {p.duration:.1f} s{where} ({kind})")
    if len(d.long_pauses) > MAX_LISTED_PAUSES:
        lines.append(_label("") + f"  ... and {len(d.long_pauses) - MAX_LISTED_PAUSES} more")
    return lines


def _filler_line(d: DeliveryReport, s: Style) -> str:
    if not d.fillers:
        return _label("Fillers") + s("none", "green")
    parts = ", ".join(f'"{w}" x{n}' for w, n in d.filler_counts().items())
    rate = d.fillers_per_min
    tone = "red" if rate > d.options.max_fillers_per_min else "yellow"
    return _label("Fillers") + s(f"{len(d.fillers)} ({rate:.1f} a minute)", tone) + f": {parts}"


def _voice_lines(d: DeliveryReport, s: Style) -> list[str]:
    pitch, vol, clar = d.pitch, d.volume, d.clarity
    out = []
    if pitch.median_hz is not None:
        tone = s("monotone", "yellow") if pitch.monotone else s("varied", "green")
        spread = "?" if pitch.range_semitones is None else f"{pitch.range_semitones:.1f}"
        out.append(_label("Pitch") + f"median {pitch.median_hz:.0f} Hz, range {spread} semitones: {tone}")
    else:
        out.append(_label("Pitch") + "too little voiced speech to measure")
    if vol.mean_dbfs is not None:
        notes = [
            s("too quiet", "yellow") if vol.too_quiet else "loud enough",
            s("clipping", "red") if vol.clipping else "no clipping",
            s("sentence endings fade", "yellow") if vol.trailing_off else "endings held up",
        ]
        out.append(_label("Volume") + f"{vol.mean_dbfs:.0f} dBFS while speaking; " + ", ".join(notes))
    if clar.mean_probability is not None:
        unsure = [w.word for w in clar.unsure_words]
        tail = f"; unsure of {len(unsure)}: " + ", ".join(f'"{w}"' for w in unsure[:MAX_UNSURE_WORDS]) if unsure else ""
        if len(unsure) > MAX_UNSURE_WORDS:
            tail += ", ..."
        out.append(_label("Clarity") + f"mean word probability {clar.mean_probability:.2f}{tail}")
    return out


def _verdict_lines(d: DeliveryReport, s: Style) -> list[str]:
    v = d.verdict
    head = s("Slow and clear", "green", "bold") if v.slow_and_clear else s("Not yet slow and clear", "red", "bold")
    lines = [_label("Verdict") + f"{head} (pace: {v.pace})"]
    if v.reasons:
        lines.append(s("  Top things to change", "bold"))
        lines += [f"    {i}. {r}" for i, r in enumerate(v.reasons[:TOP_REASONS], 1)]
    else:
        lines.append(s("  Nothing pressing to change.", "green"))
    if v.strengths:
        lines.append("  Went well: " + " ".join(v.strengths))
    return lines


def _skipped_line(d: DeliveryReport, s: Style) -> list[str]:
    if not d.skipped_speech:
        return []
    where = ", ".join(f"{clock(x.start)}-{clock(x.end)}" for x in d.skipped_speech[:4])
    n = sum(x.words for x in d.skipped_speech)
    note = f"Note: the transcript misses speech at {where}; about {n} words are estimated there, counted in the pace."
    return [_label("") + s(note, "dim")]


def render(delivery: DeliveryReport, style: Style) -> list[str]:
    """The delivery section: pace vs band, sparkline, pauses, fillers, voice, verdict."""
    d, s = delivery, style
    lines = [s("Delivery", "bold") + f"  ({d.words} words in {clock(d.speaking_time_s)} of speech)"]
    lines += _pace_lines(d, s) + _skipped_line(d, s) + _pause_lines(d, s)
    lines.append(_filler_line(d, s))
    return lines + _voice_lines(d, s) + _verdict_lines(d, s)


def _highlight(token: str, s: Style, colour: str, plain: str) -> str:
    """A mark: colour on a terminal, ``plain`` around the word in plain text; punctuation stays outside."""
    core = token.strip(".,!?;:…\"'“”")
    if not core:
        return token
    lead, _, rest = token.partition(core)
    marked = s(core, colour, "bold") if s.color else f"{plain}{core}{plain}"
    return lead + marked + rest


def mark_transcript(
    transcript: Transcript, delivery: DeliveryReport | None, style: Style, *, hedges: Sequence[Hedge] = ()
) -> str:
    """The transcript with fillers (*um*) and hedges (_maybe_) marked and long pauses inline ("[2.6s pause]").

    Mid-phrase pauses of at least MARK_PAUSE_S are marked too.
    """
    if not transcript.words:
        return transcript.text
    out: list[str] = []
    glue = False  # the previous piece was a word a split piece may join
    for tok in transcript_tokens(transcript, delivery, hedges, min_pause_s=0.0):
        if tok.kind == PAUSE:
            if tok.long or (tok.hesitation and tok.duration >= MARK_PAUSE_S):
                out.append(style(f"[{tok.duration:.1f}s pause]", "red" if tok.long else "yellow"))
                glue = False
            continue
        text = tok.text
        if tok.filler:
            text = _highlight(text, style, "yellow", "*")
        elif tok.hedge:
            text = _highlight(text, style, "cyan", "_")
        if glue and tok.text[:1] in "-'’":
            out[-1] += text  # Whisper's split pieces ("full" "-time") join their word
        else:
            out.append(text)
        glue = True
    return " ".join(out)
