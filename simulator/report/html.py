"""One self-contained HTML file per session: player, clickable transcript, charts, checklist.

Everything is inline: the FLAC recording as a ``data:`` URI (Chromium and
Firefox play FLAC in ``<audio>``), SVG charts, CSS and a small script. A
Content-Security-Policy forbids any network access. All user text is escaped.
"""

from __future__ import annotations

import base64
from datetime import datetime
from html import escape
from pathlib import Path

from simulator.model.transcript import bare
from simulator.report import session_doc as sd
from simulator.report.html_assets import CSP, CSS, JS
from simulator.report.html_charts import pace_svg, peaks, waveform_svg
from simulator.report.session_doc import SHOW_PAUSE_S
from simulator.report.style import clock

AUDIO_MIME = {".flac": "audio/flac", ".wav": "audio/wav", ".ogg": "audio/ogg", ".opus": "audio/ogg"}
STATUS_TEXT = {
    "met": "✓ met",
    "partial": "◐ partial",
    "missing": "✗ missing",
    "clear": "✓ clear",
    "flagged": "⚑ flagged",
}


def _e(value) -> str:
    return escape("" if value is None else str(value), quote=True)


def _fmt(value, digits: int = 0, unit: str = "") -> str:
    n = sd.number(value)
    return "–" if n is None else f"{n:.{digits}f}{unit}"


def _when(created_at: str | None) -> str:
    try:
        return datetime.fromisoformat(created_at).astimezone().strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return created_at or ""


def _header(doc: dict) -> str:
    ctx = doc.get("context") or {}
    bits = [_when(doc.get("created_at"))]
    if ctx.get("role"):
        bits.append(f"role: {ctx['role']}")
    if ctx.get("company"):
        bits.append(f"company: {ctx['company']}")
    duration = sd.dig(doc, "audio", "duration_s")
    if duration is not None:
        bits.append(f"{clock(duration)} of audio")
    if doc.get("session_id"):
        bits.append(f"session {doc['session_id']}")
    return (
        f'<header><h1>Mock interview report</h1><p class="q">{_e(sd.dig(doc, "question", "text"))}</p>'
        f'<p class="meta">{" · ".join(_e(b) for b in bits if b)}</p></header>'
    )


def _card(value: str, label: str, tone: str = "") -> str:
    return f'<div class="card {tone}"><div class="v">{_e(value)}</div><div class="l">{_e(label)}</div></div>'


def _summary(doc: dict) -> str:
    d, band = doc.get("delivery") or {}, sd.pace_band(doc)
    wpm = sd.number(d.get("wpm"))
    pace_tone = "" if wpm is None else "good" if band[0] <= wpm <= band[1] else "bad"
    n_long = sd.count(d.get("long_pauses"))
    fpm = sd.number(d.get("fillers_per_min"))
    score = sd.number(sd.dig(doc, "content", "score"))
    cards = [
        _card(_fmt(wpm), f"words per minute (target {band[0]:.0f}–{band[1]:.0f})", pace_tone),
        _card(
            "–" if n_long is None else str(n_long),
            f"long pauses (≥ {sd.long_pause_s(doc):g} s)",
            "" if n_long is None else "good" if n_long == 0 else "warn" if n_long == 1 else "bad",
        ),
        _card(
            _fmt(fpm, 1),
            "fillers per minute",
            "" if fpm is None else "good" if fpm < 2 else "warn" if fpm < 5 else "bad",
        ),
        _card(
            _fmt(score),
            "content score / 100",
            "" if score is None else "good" if score >= 75 else "warn" if score >= 50 else "bad",
        ),
    ]
    parts = ['<section class="summary"><h2>Summary</h2>', f'<div class="cards">{"".join(cards)}</div>']
    parts.append(_verdict(doc))
    parts.append("</section>")
    return "".join(parts)


def _verdict(doc: dict) -> str:
    d = doc.get("delivery")
    if not isinstance(d, dict):
        return '<p class="notes">A written answer: there is no audio, so no delivery verdict.</p>'
    v = d.get("verdict") or {}
    good = v.get("slow_and_clear")
    head = {True: "Slow and clear: well delivered.", False: "Not yet slow and clear."}.get(good, "Delivery")
    pace = f" Pace: {v['pace']}." if v.get("pace") else ""
    out = [f'<p class="verdict {"good" if good else "bad" if good is False else ""}">{_e(head)}{_e(pace)}</p>']
    reasons = [r for r in v.get("reasons") or [] if isinstance(r, str)]
    if reasons:
        out.append('<ul class="reasons">' + "".join(f"<li>{_e(r)}</li>" for r in reasons) + "</ul>")
    notes = _voice_notes(d)
    if notes:
        out.append(f'<p class="notes">{_e(" ".join(notes))}</p>')
    return "".join(out)


def _voice_notes(d: dict) -> list[str]:
    pitch, volume, clarity = d.get("pitch") or {}, d.get("volume") or {}, d.get("clarity") or {}
    notes = []
    if isinstance(pitch, dict) and pitch.get("monotone"):
        notes.append("Pitch: rather monotone; vary your intonation.")
    if isinstance(volume, dict):
        for key, text in (
            ("too_quiet", "Volume: too quiet."),
            ("clipping", "Volume: clipping (too loud for the mic)."),
            ("trailing_off", "Sentence endings trail off."),
        ):
            if volume.get(key):
                notes.append(text)
    unsure = clarity.get("unsure_words") if isinstance(clarity, dict) else None
    if isinstance(unsure, list) and unsure:
        listed = list(dict.fromkeys(bare(str(w.get("word", ""))) for w in unsure if isinstance(w, dict)))
        notes.append(f"Words the transcriber was unsure of (mumbled?): {', '.join(w for w in listed[:6] if w)}.")
    return notes


def _player(doc: dict, audio: tuple[bytes, str] | None, wave: list[float] | None) -> str:
    if audio is None:
        return ""
    data, mime = audio
    duration = sd.number(sd.dig(doc, "audio", "duration_s")) or 0.0
    parts = [
        '<section class="player"><h2>Recording</h2>',
        f'<audio id="answer" controls preload="auto" '
        f'src="data:{mime};base64,{base64.b64encode(data).decode()}"></audio>',
    ]
    if wave:
        parts.append(waveform_svg(wave, duration, sd.pauses(doc), long_pause_s=sd.long_pause_s(doc)))
        parts.append(
            '<div class="legend"><span><i class="sw" style="background:#bfdbfe"></i>pause</span>'
            f'<span><i class="sw" style="background:#fca5a5"></i>long pause (≥ {sd.long_pause_s(doc):g} s)</span>'
            "<span>Click the waveform or any word to play from there.</span></div>"
        )
    parts.append("</section>")
    return "".join(parts)


def _pause_chip(tok) -> str:
    kind = "pause long" if tok.long else "pause"
    return (
        f'<span class="{kind}" data-start="{tok.start:.2f}" title="{tok.text} pause at {clock(tok.start)}">'
        f"{tok.text.replace(' ', '')}</span> "
    )


def _word(tok) -> str:
    cls = "w" + (" filler" if tok.filler else " hedge" if tok.hedge else "")
    attrs = f' data-start="{tok.start:.2f}"' if tok.start is not None else ""
    attrs += f' data-end="{tok.end:.2f}"' if tok.end is not None else ""
    return f'<span class="{cls}"{attrs}>{_e(tok.text)}</span> '


def _transcript(doc: dict) -> str:
    toks = sd.tokens(doc)
    if not toks:
        return (
            f'<section><h2>Transcript</h2><p class="transcript">{_e(sd.dig(doc, "transcript", "text"))}</p></section>'
        )
    out = [_pause_chip(t) if t.kind == "pause" else _word(t) for t in toks]
    legend = (
        '<div class="legend"><span><i class="sw" style="background:#fde68a"></i>filler</span>'
        '<span><i class="sw" style="background:#e9d5ff"></i>hedge</span>'
        '<span><i class="sw" style="background:#fee2e2"></i>long pause</span>'
        f'<span><i class="sw" style="background:#dbeafe"></i>pause ≥ {SHOW_PAUSE_S:g} s</span></div>'
    )
    return f'<section><h2>Transcript</h2><p class="transcript">{"".join(out)}</p>{legend}</section>'


def _pace(doc: dict) -> str:
    d = doc.get("delivery")
    if not isinstance(d, dict):
        return ""
    series = d.get("pace_series") if isinstance(d.get("pace_series"), list) else []
    duration = sd.number(d.get("duration_s")) or sd.number(sd.dig(doc, "audio", "duration_s")) or 0.0
    svg = pace_svg(series, duration, sd.pace_band(doc), sd.number(d.get("wpm")))
    return f"<section><h2>Pace over time</h2>{svg}</section>"


def _evidence(ev: dict) -> str:
    start = sd.number(ev.get("start"))
    attr = f' data-start="{start:.2f}" title="play from {clock(start)}"' if start is not None else ""
    return f'<q class="ev"{attr}>{_e(ev.get("text"))}</q>'


def _criterion_row(c: dict) -> str:
    status = str(c.get("status", ""))
    label = c.get("label") or str(c.get("id", "")).replace("_", " ").capitalize()
    evidence = "".join(_evidence(ev) for ev in c.get("evidence") or [] if isinstance(ev, dict))
    why = f'<div class="why">{_e(c["reason"])}</div>' if c.get("reason") else ""
    tip = f'<div class="tip">{_e(c["tip"])}</div>' if c.get("tip") else ""
    kind = "avoid" if c.get("kind") == "avoid" else "do"
    return (
        f'<tr class="{kind}"><td class="st">'
        f'<span class="badge {_e(status)}">{_e(STATUS_TEXT.get(status, status))}</span></td>'
        f'<td><div class="crit">{_e(label)}</div>{why}{evidence}{tip}</td></tr>'
    )


def _content(doc: dict) -> str:
    c = doc.get("content")
    if not isinstance(c, dict):
        return ""
    parts = ['<section class="content"><h2>Content checklist</h2>']
    structure = [s for s in c.get("structure") or [] if isinstance(s, dict)]
    if structure:
        parts.append(
            '<ul class="shape" title="The recommended shape of an answer">'
            + "".join(
                f'<li class="{"found" if s.get("found") else "absent"}">{_e(s.get("label") or s.get("part"))}</li>'
                for s in structure
            )
            + "</ul>"
        )
    summary = c.get("summary") or {}
    well, better = summary.get("well_done") or [], summary.get("improvements") or []
    if well or better:
        done = "".join(f"<li>{_e(x)}</li>" for x in well) or '<li class="why">Nothing stood out yet.</li>'
        nxt = "".join(f"<li>{_e(x)}</li>" for x in better) or '<li class="why">Nothing to add.</li>'
        parts.append(
            f'<div class="cols"><div><h3>Done well</h3><ul>{done}</ul></div>'
            f"<div><h3>Improve next</h3><ol>{nxt}</ol></div></div>"
        )
    rows = [_criterion_row(x) for x in c.get("criteria") or [] if isinstance(x, dict)]
    parts.append(f'<table class="checks">{"".join(rows)}</table></section>')
    return "".join(parts)


def _footer(doc: dict) -> str:
    engine = doc.get("engine") or {}
    model = f"{engine.get('engine', '')} {engine.get('model', '')}".strip() if isinstance(engine, dict) else ""
    made = f"Transcribed offline with {model}. " if model else ""
    return f"<footer>{_e(made)}Generated by mock-interview; this file makes no network requests.</footer>"


def render_html(doc: dict, *, audio: tuple[bytes, str] | None = None, wave: list[float] | None = None) -> str:
    """The report page for an analysis document, with the recording (bytes, MIME) embedded."""
    title = f"Mock interview – {sd.dig(doc, 'question', 'text') or ''} – {_when(doc.get('created_at'))}"
    duration = sd.number(sd.dig(doc, "audio", "duration_s")) or 0.0
    body = "".join(
        [
            _header(doc),
            _summary(doc),
            _player(doc, audio, wave),
            _transcript(doc),
            _pace(doc),
            _content(doc),
            _footer(doc),
        ]
    )
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{CSS}</style></head>"
        f'<body data-duration="{duration:.3f}"><main>{body}</main><script>{JS}</script></body></html>\n'
    )


def session_html(session) -> str:
    """The report for a stored ``store.Session`` (loaded with its analysis)."""
    audio = wave = None
    path: Path | None = session.audio_path
    if path is not None and path.exists():
        import soundfile as sf

        audio = (path.read_bytes(), AUDIO_MIME.get(path.suffix.lower(), "audio/flac"))
        y, _sr = sf.read(str(path), dtype="float32", always_2d=True)
        wave = peaks(y.mean(axis=1))
    return render_html(session.analysis or {}, audio=audio, wave=wave)
