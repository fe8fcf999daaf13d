"""One self-contained HTML file per interview: the summary, then each answer with its audio and transcript.

Rendered from the typed ``Interview`` document by ``templates/interview.html.j2``,
which shares the player, transcript and checklist parts of the session page
(``templates/_answer.html.j2``); every recording is embedded as a ``data:`` URI
and clicking a word plays that answer from there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.report.html import SCORE_GOOD, SCORE_WARN, Card, answer_view, environment, local_time, stored_audio
from simulator.report.style import clock

if TYPE_CHECKING:
    from simulator.model.analysis import Analysis
    from simulator.model.interview import Interview

PAGE = "interview.html.j2"
AudioFor = Callable[[str], "Path | None"]  # session id -> its stored audio file


def _view(a: Analysis | None, audio_for: AudioFor, audio_id: str) -> dict | None:
    if a is None:
        return None
    audio, wave = stored_audio(audio_for(a.session_id) if a.session_id else None)
    return answer_view(a, audio=audio, wave=wave, audio_id=audio_id, id_suffix=f"-{audio_id}")


def _questions(doc: Interview, audio_for: AudioFor) -> list[dict]:
    from simulator.report.interview_summary import LIGHT_KIND

    out = []
    for v, r in zip(doc.summary.verdicts, doc.questions):  # both in position order
        fu = r.follow_up
        criterion = r.answer.content.get(fu.aims_at) if fu and r.answer.content else None
        out.append(
            {
                "position": v.position,
                "text": r.question.text,
                "verdict": v.verdict,
                "notes": r.answer.notes + (fu.answer.notes if fu and fu.answer else []),
                "light": r.question.kind == LIGHT_KIND,
                "main": _view(r.answer, audio_for, f"answer-{v.position}"),
                "follow_text": fu.text if fu else "",
                "aims_label": (criterion.label or fu.aims_at).lower() if criterion else fu.aims_at if fu else "",
                "follow": _view(fu.answer, audio_for, f"follow-up-{v.position}") if fu else None,
            }
        )
    return out


def _cards(doc: Interview) -> list[Card]:
    sm = doc.summary
    cards = []
    if sm.score is not None:
        tone = "good" if sm.score >= SCORE_GOOD else "warn" if sm.score >= SCORE_WARN else "bad"
        cards.append(Card(f"{sm.score}", "overall content score / 100", tone))
    cards.append(Card(f"{len(doc.questions)}/{len(sm.planned)}", "questions answered"))
    follow_ups = sum(r.follow_up is not None for r in doc.questions)
    cards.append(Card(str(follow_ups), "follow-up questions asked"))
    if sm.strongest is not None:
        cards.append(Card(f"Q{sm.strongest}", "strongest answer", "good"))
    return cards


def _meta(doc: Interview) -> list[str]:
    sm = doc.summary
    ctx = sm.context
    total = sum(r.duration_s or 0.0 for r in sm.delivery)
    bits = [
        local_time(sm.created_at),
        f"role: {ctx.role}" if ctx.role else "",
        f"company: {ctx.company}" if ctx.company else "",
        f"{clock(total)} of answers" if total else "",
        f"interview {doc.interview_id}",
        "" if sm.status == "complete" else "stopped before the end",
    ]
    return [b for b in bits if b]


def interview_html(doc: Interview, *, audio_for: AudioFor = lambda session_id: None) -> str:
    """The report page of an interview document; ``audio_for`` finds each stored answer's audio."""
    sm = doc.summary
    verdicts = {v.position: v for v in sm.verdicts}
    rows = [{"position": i, "text": q.text, "verdict": verdicts.get(i)} for i, q in enumerate(sm.planned, start=1)]
    band = next((r.answer.delivery.options for r in doc.questions if r.answer.delivery), None)

    def band_tone(wpm: float | None) -> str:
        if wpm is None or band is None:
            return ""
        return "good" if band.pace_min_wpm <= wpm <= band.pace_max_wpm else "bad"

    return (
        environment()
        .get_template(PAGE)
        .render(
            sm=sm,
            when=local_time(sm.created_at),
            meta=_meta(doc),
            answered=len(doc.questions),
            cards=_cards(doc),
            rows=rows,
            questions=_questions(doc, audio_for),
            band_tone=band_tone,
        )
    )
