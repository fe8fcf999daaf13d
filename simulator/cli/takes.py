"""Kept takes: recordings that did not become a session because the run was interrupted.

Each recording has a note with the question it answers, so a kept take can be
resumed on that question (``practice --resume ID``) or discarded (``sessions
discard ID``). A take the analysis rejected (no speech, not English) is not
kept. Every hint about takes is worded here, once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulator.report.style import Style, clock

if TYPE_CHECKING:
    from simulator.audio.recording_file import LeftoverRecording
    from simulator.model.analysis import AnswerContext
    from simulator.questions import Question

RESUME = "mock-interview practice --resume {id}"
DISCARD = "mock-interview sessions discard {id}"
QUESTION_CHARS = 40  # characters of the question quoted in the one-line offer


def note_for(question: Question, context: AnswerContext) -> dict:
    """What a take's note keeps: the question and the context it was asked in."""
    from simulator.model.codec import to_jsonable

    return {"question": to_jsonable(question), "context": to_jsonable(context)}


def asked(take: LeftoverRecording) -> tuple[Question, AnswerContext] | None:
    """The question and context a take answers, from its note (None: a take without a readable note)."""
    from simulator.errors import BadInputError
    from simulator.model.analysis import AnswerContext
    from simulator.model.codec import load
    from simulator.questions import Question

    if "question" not in take.note:
        return None
    try:
        return load(Question, take.note["question"]), load(AnswerContext, take.note.get("context") or {})
    except BadInputError:
        return None


def question_text(take: LeftoverRecording) -> str:
    question = take.note.get("question")
    return question.get("text", "-") if isinstance(question, dict) else "-"


def utc(when: str | None) -> str:
    """An ISO time as "2026-01-05 10:00" in UTC, the zone of session and take ids."""
    from datetime import datetime, timezone

    try:
        moment = datetime.fromisoformat(when)
    except (TypeError, ValueError):
        return when or "-"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M")


def offer_line(takes: list[LeftoverRecording]) -> str | None:
    """One line about kept takes, said before a new practice (None: there are none)."""
    if not takes:
        return None
    if len(takes) > 1:
        return f"{len(takes)} interrupted takes are kept; `mock-interview sessions` lists them to resume or discard."
    take = takes[0]
    text = question_text(take)
    if len(text) > QUESTION_CHARS:
        text = text[: QUESTION_CHARS - 1].rstrip() + "…"
    return (
        f"An interrupted take ({clock(take.duration_s)}, “{text}”) is kept: resume it with "
        f"`{RESUME.format(id=take.id)}` or discard it with `{DISCARD.format(id=take.id)}`."
    )


def kept_line(take_id: str) -> str:
    """What to do with the take an interrupted run kept."""
    return f"Resume it with `{RESUME.format(id=take_id)}`, or discard it with `{DISCARD.format(id=take_id)}`."


def listing(takes: list[LeftoverRecording], s: Style) -> list:
    """The kept takes under the sessions listing: a table and how to resume or discard one."""
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold" if s.color else "")
    table.add_column("TAKE", no_wrap=True)
    table.add_column("DATE (UTC)", max_width=10)
    table.add_column("QUESTION", ratio=1)
    table.add_column("LENGTH", justify="right", no_wrap=True)
    for take in takes:
        table.add_row(take.id, utc(take.recorded_at), question_text(take), clock(take.duration_s))
    how = f"Resume one with `{RESUME.format(id='ID')}`, or discard it with `{DISCARD.format(id='ID')}`."
    return [s("Interrupted takes (kept, not analysed yet)", "bold"), table, s(how, "dim")]
