"""The delivery part of the terminal report, and the marked-up transcript, from a typed ``DeliveryReport``.

Every threshold shown (pace band, long-pause length, filler limit, the
shortest answer worth judging) is read from the report's own ``options``, so
the text states what was measured. Sections are Rich grids: labels on the
left, bodies that wrap at words under their own start.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from simulator.delivery.results import HESITATION
from simulator.delivery.verdict import join_listed
from simulator.report.style import Style, clock, sparkline
from simulator.report.tokens import PAUSE, transcript_tokens

if TYPE_CHECKING:
    from rich.text import Text

    from simulator.content.types import Hedge
    from simulator.delivery.results import DeliveryReport
    from simulator.model.transcript import Transcript

SPARK_WIDTH = 40  # characters of the pace-over-time sparkline at most
GAUGE_WIDTH = 36  # characters of the pace gauge
MARK_PAUSE_S = 1.0  # s; mid-phrase pauses this long are marked in the transcript too
MAX_LISTED_PAUSES = 6  # long pauses listed one per line
MAX_UNSURE_WORDS = 6  # unsure words quoted on the clarity line
MAX_LISTED_SKIPS = 4  # stretches of speech without words listed in the note


def _gauge(wpm: float, lo: float, hi: float, s: Style) -> Text:
    """A bar from 0.5x the band's low edge to 1.4x its high edge, the band bracketed and the pace as a dot."""
    left, right = 0.5 * lo, 1.4 * hi
    pos = lambda v: int(round((min(max(v, left), right) - left) / (right - left) * (GAUGE_WIDTH - 1)))  # noqa: E731
    cells = ["·"] * GAUGE_WIDTH
    a, b = pos(lo), pos(hi)
    for i in range(a, b + 1):
        cells[i] = "="
    cells[a], cells[b] = "[", "]"
    dot = pos(wpm)
    tone = "green" if lo <= wpm <= hi else "red"
    bar = s.join("".join(cells[:dot]), s("●", tone, "bold"), "".join(cells[dot + 1 :]))
    return s.join(f"{left:.0f} ", bar, f" {right:.0f} wpm")


def _resample(values: list[float], width: int) -> list[float]:
    """At most ``width`` values: the means of equal consecutive chunks."""
    if len(values) <= width:
        return values
    edges = [round(i * len(values) / width) for i in range(width + 1)]
    return [sum(values[a:b]) / (b - a) for a, b in zip(edges, edges[1:])]


def _pace_rows(d: DeliveryReport, s: Style) -> list[tuple]:
    lo, hi = d.options.pace_min_wpm, d.options.pace_max_wpm
    if d.too_short:
        note = f"too short to judge ({clock(d.speaking_time_s)} of speech; needs {d.options.min_judged_speech_s:g} s)"
        return [("Pace", s.join(f"{d.wpm:.0f} wpm, ", s(note, "yellow")))]
    tone = "green" if lo <= d.wpm <= hi else "red"
    head = s.join(
        s(f"{d.wpm:.0f} wpm", "bold"),
        " ",
        s(d.verdict.pace, tone),
        f" (band {lo:.0f}-{hi:.0f}; {d.articulation_wpm:.0f} wpm between pauses)",
    )
    rows = [("Pace", head), ("", _gauge(d.wpm, lo, hi, s))]
    series = d.pace_series
    if len(series) > 1:
        values = _resample([p.wpm for p in series], SPARK_WIDTH)
        span = f"{clock(series[0].t)}-{clock(series[-1].t)}"
        body = s.join(
            s(sparkline(values, 0.5 * lo, 1.4 * hi), "cyan"),
            f" ({d.options.pace_window_s:g} s windows, {span}, {min(values):.0f}-{max(values):.0f} wpm)",
        )
        rows.append(("Over time", body))
    return rows


def _pause_rows(d: DeliveryReport, s: Style) -> list[tuple]:
    long_s = d.options.long_pause_s
    if not d.pauses:
        return [("Pauses", "none inside the answer")]
    mid = len(d.hesitations)
    head = (
        f"{len(d.pauses)} ({d.pauses_per_min:.1f} a minute), longest "
        f"{d.longest_pause_s:.1f} s; {mid} in mid-phrase, {len(d.pauses) - mid} at boundaries"
    )
    rows: list[tuple] = [("Pauses", head)]
    if not d.long_pauses:
        return rows + [("", s(f"no pause over {long_s:g} s", "green"))]
    rows.append(("", s(f"{len(d.long_pauses)} long (>= {long_s:g} s):", "red")))
    for p in d.long_pauses[:MAX_LISTED_PAUSES]:
        where = f' after "{p.after_word}"' if p.after_word else ""
        kind = "mid-phrase" if p.kind == HESITATION else "boundary"
        rows.append(("", f"  {clock(p.start)}  {p.duration:.1f} s{where} ({kind})"))
    if len(d.long_pauses) > MAX_LISTED_PAUSES:
        rows.append(("", f"  ... and {len(d.long_pauses) - MAX_LISTED_PAUSES} more"))
    return rows


def _filler_row(d: DeliveryReport, s: Style) -> tuple:
    if not d.fillers:
        return ("Fillers", s("none", "green"))
    parts = ", ".join(f'"{w}" x{n}' for w, n in d.filler_counts().items())
    rate = d.fillers_per_min
    tone = "red" if rate > d.options.max_fillers_per_min else "yellow"
    return ("Fillers", s.join(s(f"{len(d.fillers)} ({rate:.1f} a minute)", tone), f": {parts}"))


def _pitch_row(d: DeliveryReport, s: Style) -> tuple:
    pitch = d.pitch
    if pitch.median_hz is None:
        return ("Pitch", "too little voiced speech to measure")
    spread = "?" if pitch.range_semitones is None else f"{pitch.range_semitones:.1f}"
    measured = f"median {pitch.median_hz:.0f} Hz, range {spread} semitones"
    if d.too_short:
        return ("Pitch", s.join(measured, ": ", s("too short to judge", "yellow")))
    tone = s("monotone", "yellow") if pitch.monotone else s("varied", "green")
    return ("Pitch", s.join(measured, ": ", tone))


def _voice_rows(d: DeliveryReport, s: Style) -> list[tuple]:
    vol, clar = d.volume, d.clarity
    rows = [_pitch_row(d, s)]
    if vol.mean_dbfs is not None:
        notes = [
            s("too quiet", "yellow") if vol.too_quiet else "loud enough",
            s("clipping", "red") if vol.clipping else "no clipping",
            s("sentence endings fade", "yellow") if vol.trailing_off else "endings held up",
        ]
        parts = [f"{vol.mean_dbfs:.0f} dBFS while speaking; "]
        for i, note in enumerate(notes):
            parts += [", "] * bool(i) + [note]
        rows.append(("Volume", s.join(*parts)))
    if clar.mean_probability is not None:
        unsure = [w.word for w in clar.unsure_words]
        tail = ""
        if unsure:
            quoted = join_listed([f'"{w}"' for w in unsure], limit=MAX_UNSURE_WORDS)
            tail = f"; it was unsure of {len(unsure)} words: {quoted}"
        rows.append(("Clarity", f"the recogniser's mean word confidence {clar.mean_probability:.2f}{tail}"))
    return rows


def _skipped_rows(d: DeliveryReport, s: Style) -> list[tuple]:
    if not d.skipped_speech:
        return []
    where = join_listed([f"{clock(x.start)}-{clock(x.end)}" for x in d.skipped_speech], limit=MAX_LISTED_SKIPS)
    n = sum(x.words for x in d.skipped_speech)
    note = f"Note: the transcript misses speech at {where}; about {n} words are estimated there, counted in the pace."
    return [("", s(note, "dim"))]


def verdict_text(d: DeliveryReport, s: Style) -> Text:
    """The one-line delivery verdict of the first screen."""
    if d.too_short:
        return s("Too short to judge pace and pitch", "yellow", "bold")
    v = d.verdict
    if v.slow_and_clear:
        return s("Slow and clear", "green", "bold")
    return s.join(s("Not yet slow and clear", "red", "bold"), f" (pace: {v.pace})")


def render(delivery: DeliveryReport, style: Style, *, shown: Collection[str] = ()) -> list:
    """The delivery details: pace vs band, sparkline, pauses, fillers, voice, what went well, and the
    reasons to change not already ``shown`` on the first screen."""
    d, s = delivery, style
    rows = _pace_rows(d, s) + _skipped_rows(d, s) + _pause_rows(d, s) + [_filler_row(d, s)] + _voice_rows(d, s)
    if d.verdict.strengths:
        rows.append(("Went well", " ".join(d.verdict.strengths)))
    more = [r for r in d.verdict.reasons if r not in shown]
    for i, reason in enumerate(more):
        rows.append(("To change" if i == 0 else "", f"- {reason}"))
    head = s.join(s("Delivery", "bold"), f"  ({d.words} words in {clock(d.speaking_time_s)} of speech)")
    return [head, s.grid(rows)]


def _highlight(token: str, s: Style, colour: str, plain: str) -> Text:
    """A mark: colour on a terminal, ``plain`` around the word in plain text; punctuation stays outside."""
    core = token.strip(".,!?;:…\"'“”")
    if not core:
        return s(token)
    lead, _, rest = token.partition(core)
    marked = s(core, colour, "bold") if s.color else s(f"{plain}{core}{plain}")
    return s.join(lead, marked, rest)


def mark_transcript(
    transcript: Transcript, delivery: DeliveryReport | None, style: Style, *, hedges: Sequence[Hedge] = ()
) -> Text:
    """The transcript with fillers (*um*) and hedges (_maybe_) marked and long pauses inline ("[2.6s pause]").

    Mid-phrase pauses of at least MARK_PAUSE_S are marked too.
    """
    if not transcript.words:
        return style(transcript.text)
    out: list[Text] = []
    glue = False  # the previous piece was a word a split piece may join
    for tok in transcript_tokens(transcript, delivery, hedges, min_pause_s=0.0):
        if tok.kind == PAUSE:
            if tok.long or (tok.hesitation and tok.duration >= MARK_PAUSE_S):
                out.append(style(f"[{tok.duration:.1f}s pause]", "red" if tok.long else "yellow"))
                glue = False
            continue
        if tok.filler:
            text = _highlight(tok.text, style, "yellow", "*")
        elif tok.hedge:
            text = _highlight(tok.text, style, "cyan", "_")
        else:
            text = style(tok.text)
        if glue and tok.text[:1] in "-'’":
            out[-1] = style.join(out[-1], text)  # Whisper's split pieces ("full" "-time") join their word
        else:
            out.append(text)
        glue = True
    return style(" ").join(out)
