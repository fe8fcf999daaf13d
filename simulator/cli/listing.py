"""The `sessions` listing: practice sessions and interviews, each interview's answers under it.

A Rich table as wide as the terminal (see ``simulator.report.style``), or JSON
with ``--json``. Rich is imported inside the functions.
"""

from __future__ import annotations

WIDE_LISTING = 110  # columns from which the sessions listing adds a DATE (UTC) column


def _cell(value, digits: int = 0) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


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


def _row(item) -> list[str]:
    """The QUESTION, LENGTH, WPM, LONG PAUSES, FILLERS /MIN and SCORE cells of a listed item."""
    from simulator.report.style import clock

    if is_interview(item):
        status = "" if item.status == "complete" else f" ({item.status.replace('_', ' ')})"
        return [f"Interview: {item.answered} of {item.planned} questions{status}", "", "", "", "", _cell(item.score)]
    status = "" if item.status == "complete" else f" ({item.status})"
    question = item.question_text or "-"
    if item.interview_id:  # an interview's answer: numbered by question, a follow-up's answer marked +
        question = f"{item.position}{'+' if item.part == 'follow_up' else '.'} {question}"
    return [
        question + status,
        clock(item.duration_s) if item.duration_s is not None else "-",
        _cell(item.wpm),
        _cell(item.long_pauses),
        _cell(item.fillers_per_min, 1),
        _cell(item.content_score),
    ]


def session_table(sessions, s, *, width: int, interviews=()) -> list:
    """The `sessions` listing as a Rich table, oldest first, and a caption saying the times are UTC.

    Ids begin with the answer's UTC date and time; a terminal of WIDE_LISTING
    columns or more also gets them as a DATE (UTC) column. Each interview is
    a row followed by a row per answer.
    """
    from rich.table import Table

    from simulator.cli.takes import utc

    wide = width >= WIDE_LISTING
    caption = "Dates are UTC, as in the ids." if wide else "Ids begin with the UTC date and time of the answer."
    table = Table(box=None, pad_edge=False, padding=(0, 1, 0, 0), header_style="bold" if s.color else "")
    table.add_column("ID", no_wrap=True)
    if wide:
        table.add_column("DATE (UTC)", no_wrap=True)
    table.add_column("QUESTION", ratio=1, min_width=12)
    for head in ("LENGTH", "WPM", "LONG PAUSES", "FILLERS /MIN", "SCORE"):
        table.add_column(head, justify="right", max_width=7)
    for x in listing(sessions, interviews):
        table.add_row(x.id, *[utc(x.created_at)] * wide, *_row(x))
    return [table, s(caption, "dim")]


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
