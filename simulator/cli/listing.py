"""The `sessions` listing: practice sessions and interviews, each interview's answers under it."""

from __future__ import annotations

from datetime import datetime

QUESTION_WIDTH = 34  # characters of the question shown in the listing


def local(created_at: str | None) -> str:
    try:
        return datetime.fromisoformat(created_at).astimezone().strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return created_at or "-"


def _cell(value, digits: int = 0) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _short(text: str | None, width: int) -> str:
    text = text or "-"
    return text if len(text) <= width else text[: width - 1] + "…"


def _session_line(s, question: str) -> str:
    from simulator.report.style import clock

    status = "" if s.status == "complete" else f"  ({s.status})"
    return (
        f"{s.id:<20}  {local(s.created_at):<16}  {_short(question, QUESTION_WIDTH):<{QUESTION_WIDTH}}  "
        f"{clock(s.duration_s) if s.duration_s is not None else '-':>6}  {_cell(s.wpm):>4}  "
        f"{_cell(s.long_pauses):>11}  {_cell(s.fillers_per_min, 1):>11}  {_cell(s.content_score):>5}{status}"
    )


def _interview_line(row) -> str:
    status = "" if row.status == "complete" else f"  ({row.status.replace('_', ' ')})"
    what = f"Interview: {row.answered} of {row.planned} questions"
    return (
        f"{row.id:<20}  {local(row.created_at):<16}  {_short(what, QUESTION_WIDTH):<{QUESTION_WIDTH}}  "
        f"{'':>6}  {'':>4}  {'':>11}  {'':>11}  {_cell(row.score):>5}{status}"
    )


def is_interview(item) -> bool:
    from simulator.sessions.interviews import InterviewRow

    return isinstance(item, InterviewRow)


def listing(sessions, interviews=()) -> list:
    """Practice sessions and interviews oldest first, each interview followed by its answer sessions in
    question order (a follow-up's answer after the answer it follows)."""
    answers: dict[str, list] = {}
    for s in sessions:
        if s.interview_id:
            answers.setdefault(s.interview_id, []).append(s)
    items = [(s.created_at or "", s.id, s) for s in sessions if not s.interview_id]
    items += [(row.created_at or "", row.id, row) for row in interviews]
    out = []
    for _, _, item in sorted(items, key=lambda item: item[:2]):
        out.append(item)
        if is_interview(item):
            out += sorted(answers.get(item.id, []), key=lambda s: (s.position or 0, s.part == "follow_up"))
    return out


def session_table(sessions, interviews=()) -> list[str]:
    """The `sessions` listing: one line per practice session and per interview, oldest first; under each
    interview, a line per answer (numbered by question; a follow-up's answer marked ``+``)."""
    head = (
        f"{'ID':<20}  {'DATE':<16}  {'QUESTION':<{QUESTION_WIDTH}}  {'LENGTH':>6}  {'WPM':>4}  "
        f"{'LONG PAUSES':>11}  {'FILLERS/MIN':>11}  {'SCORE':>5}"
    )
    lines = [head]
    for item in listing(sessions, interviews):
        if is_interview(item):
            lines.append(_interview_line(item))
        elif item.interview_id:
            mark = f" {item.position}+" if item.part == "follow_up" else f" {item.position}."
            lines.append(_session_line(item, f"{mark} {item.question_text}"))
        else:
            lines.append(_session_line(item, item.question_text))
    return lines


def session_json(s) -> dict:
    return {
        "type": "session",
        "id": s.id,
        "created_at": s.created_at,
        "question_id": s.question_id,
        "question_text": s.question_text,
        "role": s.role,
        "company": s.company,
        "duration_s": s.duration_s,
        "wpm": s.wpm,
        "long_pauses": s.long_pauses,
        "fillers_per_min": s.fillers_per_min,
        "content_score": s.content_score,
        "status": s.status,
        "folder": str(s.folder),
        "audio_path": str(s.audio_path) if s.audio_path else None,
        "interview_id": s.interview_id,
        "position": s.position,
        "part": s.part,
        "question_kind": s.question_kind,
    }


def interview_json(row) -> dict:
    keys = ("id", "created_at", "status", "planned", "answered", "score", "role", "company")
    return {"type": "interview", **{k: getattr(row, k) for k in keys}, "folder": str(row.folder)}
