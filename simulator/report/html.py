"""One self-contained HTML file per session: player, clickable transcript, charts, checklist.

The page is a Jinja2 template (``templates/report.html.j2``, autoescape on)
rendered from the typed ``Analysis``; its stylesheet and script are inlined
from ``templates/``. Everything is in the one file: the FLAC recording as a
``data:`` URI (Chromium and Firefox play FLAC in ``<audio>``), SVG charts, CSS
and a small script, and a Content-Security-Policy forbids network access.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.delivery.verdict import join_listed
from simulator.model.transcript import bare
from simulator.report.html_charts import pace_svg, peaks, waveform_svg
from simulator.report.style import clock
from simulator.report.tokens import SHOW_PAUSE_S, tokens

if TYPE_CHECKING:
    from simulator.delivery.results import DeliveryReport
    from simulator.model.analysis import Analysis

TEMPLATES = Path(__file__).resolve().parent / "templates"
PAGE = "report.html.j2"
AUDIO_MIME = {".flac": "audio/flac", ".wav": "audio/wav", ".ogg": "audio/ogg", ".opus": "audio/ogg"}
STATUS_TEXT = {
    "met": "✓ met",
    "partial": "◐ partial",
    "missing": "✗ missing",
    "clear": "✓ clear",
    "flagged": "⚑ flagged",
}
SCORE_GOOD, SCORE_WARN = 75, 50  # content score at or above which the summary card is green / amber
MAX_UNSURE_SHOWN = 6  # unsure words quoted in the voice notes


@dataclass(frozen=True)
class Card:
    value: str
    label: str
    tone: str = ""  # "good" | "warn" | "bad" | ""


@lru_cache(maxsize=1)
def environment():
    """The template environment: autoescape on for every file, so no user text reaches the page unescaped."""
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["clock"] = clock
    env.globals["asset"] = lambda name: Markup((TEMPLATES / name).read_text(encoding="utf-8"))  # our CSS/JS
    return env


def local_time(created_at: str | None) -> str:
    try:
        return datetime.fromisoformat(created_at).astimezone().strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return created_at or ""


def _meta(a: Analysis) -> list[str]:
    bits = [
        local_time(a.created_at),
        f"role: {a.context.role}" if a.context.role else "",
        f"company: {a.context.company}" if a.context.company else "",
        f"{clock(a.audio.duration_s)} of audio" if a.audio else "",
        f"session {a.session_id}" if a.session_id else "",
    ]
    return [b for b in bits if b]


def _delivery_cards(d: DeliveryReport) -> list[Card]:
    """Pace, long pauses and fillers, green when within the thresholds the analysis used."""
    o = d.options
    n_long = len(d.long_pauses)
    if d.too_short:
        short = f"under {o.min_judged_speech_s:g} s of speech"
        pace = Card(f"{d.wpm:.0f}", f"words per minute: too short to judge ({short})")
    else:
        pace = Card(
            f"{d.wpm:.0f}",
            f"words per minute (target {o.pace_min_wpm:.0f}–{o.pace_max_wpm:.0f})",
            "good" if o.pace_min_wpm <= d.wpm <= o.pace_max_wpm else "bad",
        )
    return [
        pace,
        Card(str(n_long), f"long pauses (≥ {o.long_pause_s:g} s)", "good" if n_long <= o.max_long_pauses else "bad"),
        Card(
            f"{d.fillers_per_min:.1f}",
            f"fillers per minute (at most {o.max_fillers_per_min:g})",
            "good" if d.fillers_per_min <= o.max_fillers_per_min else "bad",
        ),
    ]


def _cards(a: Analysis) -> list[Card]:
    cards = _delivery_cards(a.delivery) if a.delivery is not None else []
    if a.content is not None:
        score = a.content.score
        tone = "good" if score >= SCORE_GOOD else "warn" if score >= SCORE_WARN else "bad"
        cards.append(Card(f"{score:.0f}", "content score / 100", tone))
    return cards


def _voice_notes(d: DeliveryReport) -> list[str]:
    notes = ["Pitch: rather monotone; vary your intonation."] if d.pitch.monotone else []
    for flag, text in (
        (d.volume.too_quiet, "Volume: too quiet."),
        (d.volume.clipping, "Volume: clipping (too loud for the mic)."),
        (d.volume.trailing_off, "Sentence endings trail off."),
    ):
        if flag:
            notes.append(text)
    unsure = [w for w in dict.fromkeys(bare(u.word) for u in d.clarity.unsure_words) if w]
    if unsure:
        listed = join_listed(unsure, limit=MAX_UNSURE_SHOWN)
        notes.append(f"{len(unsure)} words the transcriber was unsure of (mumbled?): {listed}.")
    return notes


def _charts(a: Analysis, wave: list[float] | None, id_suffix: str = "") -> tuple[str, str]:
    """The waveform and pace SVGs ("" when there is no delivery analysis or no audio)."""
    from markupsafe import Markup

    d = a.delivery
    if d is None:
        return "", ""
    duration = a.audio.duration_s if a.audio else d.duration_s
    band = (d.options.pace_min_wpm, d.options.pace_max_wpm)
    wave_svg = (
        waveform_svg(wave, duration, d.pauses, long_pause_s=d.options.long_pause_s, id_suffix=id_suffix) if wave else ""
    )
    return Markup(wave_svg), Markup(pace_svg(d.pace_series, d.duration_s or duration, band, d.wpm))


def answer_view(
    a: Analysis,
    *,
    audio: tuple[bytes, str] | None = None,
    wave: list[float] | None = None,
    audio_id: str = "answer",
    id_suffix: str = "",
) -> dict:
    """What the shared answer parts of the templates (``_answer.html.j2``) show of one answer."""
    wave_svg, pace = _charts(a, wave, id_suffix)
    return {
        "a": a,
        "d": a.delivery,
        "c": a.content,
        "audio_id": audio_id,
        "audio_src": f"data:{audio[1]};base64,{base64.b64encode(audio[0]).decode()}" if audio else "",
        "wave_svg": wave_svg,
        "pace_svg": pace,
        "tokens": tokens(a) if a.transcript.words else [],
        "duration": a.audio.duration_s if a.audio else 0.0,
        "show_pause_s": SHOW_PAUSE_S,
        "status_text": STATUS_TEXT,
    }


def render_html(analysis: Analysis, *, audio: tuple[bytes, str] | None = None, wave: list[float] | None = None) -> str:
    """The report page for an analysis, with the recording (bytes, MIME) embedded."""
    a = analysis
    view = answer_view(a, audio=audio, wave=wave)
    page = environment().get_template(PAGE)
    return page.render(
        a=a,
        d=a.delivery,
        c=a.content,
        v=view,
        when=local_time(a.created_at),
        meta=_meta(a),
        duration=view["duration"],
        cards=_cards(a),
        notes=_voice_notes(a.delivery) if a.delivery else [],
        model=f"{a.engine.engine} {a.engine.model}".strip() if a.engine else "",
    )


def stored_audio(path: Path | None) -> tuple[tuple[bytes, str] | None, list[float] | None]:
    """A stored answer's audio (bytes, MIME) and its waveform peaks; (None, None) when it has none."""
    if path is None or not path.exists():
        return None, None
    import soundfile as sf

    y, _sr = sf.read(str(path), dtype="float32", always_2d=True)
    return (path.read_bytes(), AUDIO_MIME.get(path.suffix.lower(), "audio/flac")), peaks(y.mean(axis=1))


def session_html(session) -> str:
    """The report for a stored ``store.Session`` (loaded with its analysis)."""
    audio, wave = stored_audio(session.audio_path)
    return render_html(session.analysis, audio=audio, wave=wave)
