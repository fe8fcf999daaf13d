"""Stored interviews: one record grouping the sessions that answer its questions.

Layout under the data home, beside ``sessions/``::

    interviews/<id>/interview.json   the InterviewRecord (plan, settings, answers' session ids), 0600

Each answer, and each follow-up's answer, is an ordinary session (its folder
holds the audio and the analysis) whose index row names the interview, the
question's position and the part. The record is written when the interview
starts and again after every answer, through a temporary file and a rename,
so Ctrl-C or a crash keeps every completed answer and the interview can be
reported as it is or resumed. The record is the truth for the grouping:
``rebuild_index`` re-links the sessions from it.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from simulator.errors import BadInputError, SessionNotFoundError, StorageError
from simulator.model.interview import ANSWER, FOLLOW_UP, InterviewRecord, QuestionResult
from simulator.paths import data_home
from simulator.sessions import index, store

log = logging.getLogger(__name__)

INTERVIEWS_DIR = "interviews"
RECORD_NAME = "interview.json"
INTERVIEW, SESSION = "interview", "session"  # what an id given on the command line names


@dataclass(frozen=True)
class InterviewRow:
    """An interview as the index lists it."""

    id: str
    created_at: str
    status: str
    planned: int
    answered: int
    score: float | None
    role: str | None
    company: str | None
    folder: Path
    record_path: Path


def interviews_root() -> Path:
    root = data_home() / INTERVIEWS_DIR
    try:
        root.mkdir(mode=store.DIR_MODE, parents=True, exist_ok=True)
        os.chmod(root, store.DIR_MODE)
    except OSError as e:
        raise StorageError(f"Cannot create the interviews folder {root} ({e.strerror or e}); check it.") from e
    return root


def _row(record: InterviewRecord, score: float | None) -> dict:
    return {
        "id": record.id,
        "created_at": record.created_at,
        "status": record.status,
        "planned": len(record.plan),
        "answered": len(record.answers),
        "score": score,
        "role": record.context.role,
        "company": record.context.company,
        "record_file": RECORD_NAME,
    }


def _interview_row(row: dict) -> InterviewRow:
    folder = interviews_root() / row["id"]
    fields = {k: row[k] for k in index.INTERVIEW_COLUMNS if k != "record_file"}
    return InterviewRow(**fields, folder=folder, record_path=folder / (row.get("record_file") or RECORD_NAME))


def _write(record: InterviewRecord, folder: Path) -> None:
    from simulator.model.codec import to_jsonable

    data = json.dumps(to_jsonable(record), ensure_ascii=False, indent=1).encode("utf-8")
    try:
        store.write_atomic(folder / RECORD_NAME, data)
    except OSError as e:
        raise StorageError(
            f"Could not save the interview record in {folder} ({e.strerror or e}); free some disk space. "
            "Its answers saved so far are kept as sessions."
        ) from e


def create(record: InterviewRecord) -> str:
    """Store a new interview (its id is set here); returns the id."""
    session_id, folder = store.reserve_folder(interviews_root(), record.created_at)
    record.id = session_id
    save(record)
    return record.id


def save(record: InterviewRecord, *, score: float | None = None) -> None:
    """Rewrite the record and its index row (after each answer, and when the interview ends)."""
    folder = interviews_root() / record.id
    _write(record, folder)
    with index.connect(store.db_path()) as conn:
        index.insert(conn, _row(record, score), table=index.INTERVIEWS)


def link(interview_id: str, position: int, part: str) -> store.InterviewLink:
    return store.InterviewLink(interview_id, position, part)


def list_interviews() -> list[InterviewRow]:
    with index.connect(store.db_path(), read_only=True) as conn:
        rows = index.select_interviews(conn)
    return [_interview_row(r) for r in rows]


def load_record(path: Path) -> InterviewRecord:
    """The record stored at ``path``; StorageError when it is unreadable or damaged."""
    from simulator.model.codec import load

    try:
        return load(InterviewRecord, path)
    except BadInputError as e:
        raise StorageError(f"{path} is unreadable or damaged: {e} Delete the interview or restore the file.") from e


def load_interview(ref: str) -> tuple[InterviewRow, InterviewRecord]:
    """The interview with id ``ref`` (or a unique prefix): its index row and its record."""
    with index.connect(store.db_path(), read_only=True) as conn:
        rows = index.find(conn, ref, table=index.INTERVIEWS)
    if not rows:
        raise SessionNotFoundError(f"No interview {ref!r}; see `mock-interview sessions`.")
    if len(rows) > 1:
        raise BadInputError(f"{ref!r} matches {len(rows)} interviews; give more of the id.")
    row = _interview_row(rows[0])
    return row, load_record(row.record_path)


def resolve(ref: str) -> tuple[str, str]:
    """What an id names: (INTERVIEW or SESSION, the full id). ``last`` is the newest interview or practice
    session, an interview counting from its newest answer."""
    ref = (ref or "").strip()
    if not ref:
        raise BadInputError("Give a session or interview id (see `mock-interview sessions`) or `last`.")
    with index.connect(store.db_path(), read_only=True) as conn:
        sessions = index.find(conn, ref)
        interviews = index.find(conn, ref, table=index.INTERVIEWS)
    if ref == "last":
        if sessions and sessions[0].get("interview_id"):
            return INTERVIEW, sessions[0]["interview_id"]
        newest = max(sessions + interviews, key=lambda r: (r["created_at"], r["id"]), default=None)
        if newest is None:
            raise SessionNotFoundError("There are no stored sessions yet; see `mock-interview sessions`.")
        return (INTERVIEW if newest in interviews else SESSION), newest["id"]
    found = [(INTERVIEW, r["id"]) for r in interviews] + [(SESSION, r["id"]) for r in sessions]
    if not found:
        raise SessionNotFoundError(f"No session {ref!r}; see `mock-interview sessions`.")
    if len(found) > 1:
        ids = ", ".join(i for _, i in found[:5])
        raise BadInputError(f"{ref!r} matches {len(found)} sessions and interviews ({ids}...); give more of the id.")
    return found[0]


def results(record: InterviewRecord) -> dict[int, QuestionResult]:
    """Each answered question, by position, with its stored analyses; an answer deleted since is left out."""
    from simulator.model.interview import FollowUpResult

    plan = {i + 1: q for i, q in enumerate(record.plan)}
    out = {}
    for stored in sorted(record.answers, key=lambda a: a.position):
        try:
            answer = store.load_session(stored.session_id).analysis
        except SessionNotFoundError:
            log.info("interview %s: answer %s was deleted", record.id, stored.session_id)
            continue
        follow = None
        if stored.follow_up is not None:
            fu = stored.follow_up
            fu_answer = None
            if fu.session_id:
                try:
                    fu_answer = store.load_session(fu.session_id).analysis
                except SessionNotFoundError:
                    log.info("interview %s: follow-up answer %s was deleted", record.id, fu.session_id)
            follow = FollowUpResult(fu.text, fu.aims_at, fu_answer)
        out[stored.position] = QuestionResult(plan.get(stored.position, answer.question), answer, follow)
    return out


def document(ref: str):
    """The stored interview ``ref`` as its ``Interview`` document, as it is (complete or stopped)."""
    from simulator.report.interview_summary import document as build

    _, record = load_interview(ref)
    return build(record, results(record))


def session_ids(record: InterviewRecord) -> list[str]:
    """Every stored session of the interview, answers and follow-ups, in the order asked."""
    ids = []
    for a in sorted(record.answers, key=lambda a: a.position):
        ids.append(a.session_id)
        if a.follow_up and a.follow_up.session_id:
            ids.append(a.follow_up.session_id)
    return ids


def delete_interview(ref: str) -> tuple[InterviewRow, list[str]]:
    """Delete an interview: its record and every session answering it. Returns the row and the deleted ids."""
    row, record = load_interview(ref)
    gone = []
    for sid in {*session_ids(record), *(s.id for s in store.list_sessions(interview_id=row.id))}:
        try:
            store.delete_session(sid)
            gone.append(sid)
        except SessionNotFoundError:
            pass
    with index.connect(store.db_path()) as conn:
        index.delete(conn, row.id, table=index.INTERVIEWS)
    shutil.rmtree(row.folder, ignore_errors=True)
    return row, sorted(gone)


def forget_session(session: store.Session) -> None:
    """Drop a deleted answer session from its interview's record (the rest of the interview stays)."""
    from dataclasses import replace

    if not session.interview_id:
        return
    try:
        _, record = load_interview(session.interview_id)
    except SessionNotFoundError:
        return
    kept = []
    for a in record.answers:
        if a.session_id == session.id:
            continue
        if a.follow_up and a.follow_up.session_id == session.id:
            a = replace(a, follow_up=replace(a.follow_up, session_id=None))
        kept.append(a)
    record.answers = kept
    save(record)


def export_interview(ref: str, dest: str | os.PathLike) -> tuple[Path, InterviewRecord]:
    """Copy an interview into ``dest/<id>/``: its record and one folder per answer session."""
    row, record = load_interview(ref)
    target = Path(dest).expanduser() / row.id
    if target.exists():
        raise BadInputError(f"{target} already exists; choose another folder or remove it.")
    try:
        target.mkdir(parents=True, mode=store.DIR_MODE)
        shutil.copy2(row.record_path, target / RECORD_NAME)
    except OSError as e:
        raise StorageError(f"Could not export to {target} ({e.strerror or e}); check the folder and free space.") from e
    for sid in session_ids(record):
        store.export_session(sid, target)
    return target, record


def _score(conn, interview_id: str) -> float | None:
    """The interview's score from the index: the mean content score of its scored answers."""
    from simulator.report.interview_summary import LIGHT_KIND

    value = index.mean_answer_score(conn, interview_id, part=ANSWER, skip_kind=LIGHT_KIND)
    return None if value is None else round(value)


def rebuild_index() -> tuple[store.RebuildResult, int]:
    """Rebuild the sessions index, then index the interviews and re-link their answers from the records."""
    result = store.rebuild_index()
    count = 0
    root = interviews_root()
    with index.connect(store.db_path()) as conn:
        for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
            try:
                record = load_record(folder / RECORD_NAME)
            except StorageError as e:
                log.info("left interview %s out of the index: %s", folder.name, e)
                continue
            for a in record.answers:
                parts = [(a.session_id, ANSWER)] + ([(a.follow_up.session_id, FOLLOW_UP)] if a.follow_up else [])
                for sid, part in parts:
                    if sid:
                        index.update(conn, sid, {"interview_id": record.id, "position": a.position, "part": part})
            index.insert(conn, _row(record, _score(conn, record.id)), table=index.INTERVIEWS)
            count += 1
    return result, count
