"""Stored practice sessions: save, list, load, delete, export and rebuild.

Layout under ``simulator.paths.data_home()`` (``MOCK_INTERVIEW_HOME``)::

    sessions.db                   the index (see store_index), 0600
    sessions/<id>/                one folder per session, 0700
        answer.flac               the answer audio, lossless (absent for text answers), 0600
        analysis.json             the full analysis document (model.codec), 0600

A save writes the folder's files first, each through a temporary file, fsync
and ``os.replace``, and inserts the index row last: a crash or a full disk
never leaves a half-written session in the listing, and earlier sessions are
never touched. The folder holds the truth, so ``rebuild_index`` can recreate
the index from the folders. ``analysis.json`` is read back into the typed
``Analysis`` by ``simulator.model.codec``, so every reader works on one model.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.atomic import fsync_dir, write_atomic
from simulator.errors import BadInputError, SessionNotFoundError, StorageError
from simulator.paths import data_home
from simulator.sessions import index as index

if TYPE_CHECKING:
    from simulator.model.analysis import Analysis

log = logging.getLogger(__name__)

SESSIONS_DIR = "sessions"
AUDIO_NAME = "answer.flac"
ANALYSIS_NAME = "analysis.json"
DIR_MODE = 0o700  # owner only
FILE_MODE = 0o600  # owner read/write only
ID_TIME_FORMAT = "%Y%m%d-%H%M%S"  # UTC; ids sort by time: 20261125-213301-ab12
ID_SUFFIX_BYTES = 2  # random hex suffix (4 characters) so two saves in one second differ
MAX_ID_TRIES = 50


@dataclass(frozen=True)
class Session:
    """One stored session: the index row, its files, and (when loaded) the analysis."""

    id: str
    created_at: str
    question_id: str | None
    question_text: str | None
    role: str | None
    company: str | None
    duration_s: float | None
    wpm: float | None
    long_pauses: int | None
    fillers_per_min: float | None
    content_score: float | None
    status: str
    folder: Path
    audio_path: Path | None
    analysis_path: Path
    # The typed analysis; ``load_session`` fills it, listings leave it None.
    analysis: Analysis | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class RebuildResult:
    indexed: int  # sessions put back in the index
    skipped: list[str]  # folders without a readable analysis.json (left as they are)
    old_index: Path | None  # where the previous index file was moved


# --- paths -------------------------------------------------------------------


def db_path() -> Path:
    return data_home() / index.DB_NAME


def sessions_root() -> Path:
    root = data_home() / SESSIONS_DIR
    try:
        root.mkdir(mode=DIR_MODE, exist_ok=True)
        os.chmod(root, DIR_MODE)
    except OSError as e:
        raise StorageError(
            f"Cannot create the sessions folder {root} ({e.strerror or e}); check its permissions."
        ) from e
    return root


# --- the analysis -> an index row ------------------------------------------------


def row_from_analysis(analysis: Analysis, *, session_id: str, audio_file: str | None, status: str = "complete") -> dict:
    """The index row of an analysis: the headline numbers the listing and history show."""
    d, c = analysis.delivery, analysis.content
    duration = analysis.audio.duration_s if analysis.audio else d.duration_s if d else None
    return {
        "id": session_id,
        "created_at": analysis.created_at or _now_iso(),
        "question_id": analysis.question.id,
        "question_text": analysis.question.text,
        "role": analysis.context.role,
        "company": analysis.context.company,
        "duration_s": duration,
        "wpm": d.wpm if d else None,
        "long_pauses": len(d.long_pauses) if d else None,
        "fillers_per_min": d.fillers_per_min if d else None,
        "content_score": c.score if c else None,
        "status": status,
        "audio_file": audio_file,
        "analysis_file": ANALYSIS_NAME,
    }


def _now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _id_stem(created_at: str | None) -> str:
    try:
        when = datetime.fromisoformat(created_at) if created_at else datetime.now(timezone.utc)
    except ValueError:
        when = datetime.now(timezone.utc)
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).strftime(ID_TIME_FORMAT)


def _session(row: dict, root: Path, analysis: Analysis | None = None) -> Session:
    folder = root / row["id"]
    audio = folder / row["audio_file"] if row.get("audio_file") else None
    fields = {k: row.get(k) for k in index.COLUMNS if k not in ("audio_file", "analysis_file")}
    return Session(
        **fields,
        folder=folder,
        audio_path=audio,
        analysis_path=folder / (row.get("analysis_file") or ANALYSIS_NAME),
        analysis=analysis,
    )


# --- private file writes ---------------------------------------------------------


def _write_answer_audio(path: Path, y, sr: int) -> None:
    """FLAC through audio_io (temp file + rename), then fsync'd and made owner-only."""
    from simulator.audio.files import write_audio

    try:
        write_audio(path, y, sr)
    except RuntimeError as e:  # libsndfile reports a full disk as a RuntimeError, not OSError
        raise OSError(f"the audio could not be written ({e})") from e
    os.chmod(path, FILE_MODE)
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _reserve_folder(root: Path, created_at: str | None) -> tuple[str, Path]:
    """Create a new, empty, owner-only session folder; mkdir makes the id unique across processes."""
    stem = _id_stem(created_at)
    for _ in range(MAX_ID_TRIES):
        session_id = f"{stem}-{secrets.token_hex(ID_SUFFIX_BYTES)}"
        folder = root / session_id
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue
        except OSError as e:
            raise StorageError(
                f"Cannot create a session folder in {root} ({e.strerror or e}); free some disk space and retry."
            ) from e
        os.chmod(folder, DIR_MODE)
        return session_id, folder
    raise StorageError(f"Could not find a free session id in {root}; retry in a second.")


# --- the API ---------------------------------------------------------------------


def save_session(analysis: Analysis, y=None, sr: int | None = None, *, status: str = "complete") -> str:
    """Store an analysed answer (``y`` None for a text answer); returns the new session id.

    Raises StorageError (one line) when the disk is full or the index is
    unusable; earlier sessions and the index are left intact.
    """
    from simulator.model.codec import to_jsonable

    doc = to_jsonable(analysis)
    if y is not None and not sr:
        raise BadInputError("save_session needs the sample rate of the answer audio.")
    root = sessions_root()
    session_id, folder = _reserve_folder(root, analysis.created_at)
    doc["session_id"] = session_id
    audio_file = AUDIO_NAME if y is not None else None
    try:
        if y is not None:
            _write_answer_audio(folder / AUDIO_NAME, y, sr)
        data = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
        write_atomic(folder / ANALYSIS_NAME, data)
        fsync_dir(folder)
        fsync_dir(root)
    except (OSError, StorageError) as e:
        shutil.rmtree(folder, ignore_errors=True)
        raise _save_error(e, analysis) from e
    row = row_from_analysis(analysis, session_id=session_id, audio_file=audio_file, status=status)
    try:
        with index.connect(db_path()) as conn:
            index.insert(conn, row)
    except StorageError as e:
        raise StorageError(f"{e} The session's files are kept in {folder}; a rebuild will list them.") from e
    analysis.session_id = session_id
    log.info("saved session %s in %s", session_id, folder)
    return session_id


def _save_error(e: BaseException, analysis: Analysis) -> StorageError:
    reason = getattr(e, "strerror", None) or str(e)
    source = analysis.audio.source if analysis.audio else None
    kept = f" The answer audio is still at {source}." if source else ""
    return StorageError(
        f"Could not save the session ({reason}); free some disk space and retry. Earlier sessions are intact.{kept}"
    )


def list_sessions(*, question_id: str | None = None) -> list[Session]:
    """Every indexed session, oldest first (the analysis documents are not loaded)."""
    root = sessions_root()
    with index.connect(db_path(), read_only=True) as conn:
        rows = index.select(conn, question_id=question_id)
    return [_session(r, root) for r in rows]


def _resolve(ref: str) -> dict:
    ref = (ref or "").strip()
    if not ref:
        raise BadInputError("Give a session id (see `mock-interview sessions`) or `last`.")
    with index.connect(db_path(), read_only=True) as conn:
        rows = index.find(conn, ref)
    if not rows:
        what = "There are no stored sessions yet" if ref == "last" else f"No session {ref!r}"
        raise SessionNotFoundError(f"{what}; see `mock-interview sessions`.")
    if len(rows) > 1:
        ids = ", ".join(r["id"] for r in rows[:5])
        raise BadInputError(f"{ref!r} matches {len(rows)} sessions ({ids}...); give more of the id.")
    return rows[0]


def load_session(ref: str) -> Session:
    """The session with id ``ref`` (or a unique prefix of it, or ``last``), with its analysis."""
    row = _resolve(ref)
    session = _session(row, sessions_root())
    if not session.analysis_path.exists():
        raise StorageError(
            f"Session {session.id} has no {ANALYSIS_NAME} in {session.folder}; delete it or restore the folder."
        )
    try:
        analysis = _read_analysis(session.analysis_path)
    except BadInputError as e:
        raise StorageError(
            f"{session.analysis_path} is unreadable or damaged: {e} Delete the session or restore the file."
        ) from e
    if session.audio_path is not None and not session.audio_path.exists():
        log.warning("session %s: %s is missing", session.id, session.audio_path)
    return _session(row, sessions_root(), analysis=analysis)


def _read_analysis(path: Path) -> Analysis:
    """The typed analysis stored at ``path``; BadInputError when it is unreadable or damaged."""
    from simulator.model.codec import load_analysis

    return load_analysis(path)


def delete_session(ref: str) -> Session:
    """Remove a session from the index and delete its folder, audio included."""
    session = _session(_resolve(ref), sessions_root())
    with index.connect(db_path()) as conn:
        index.delete(conn, session.id)
    try:
        shutil.rmtree(session.folder)
    except FileNotFoundError:
        pass
    except OSError as e:
        raise StorageError(
            f"Removed session {session.id} from the index, but could not delete {session.folder} "
            f"({e.strerror or e}); delete it by hand."
        ) from e
    return session


def export_session(ref: str, dest: str | os.PathLike) -> Path:
    """Copy a session's files into ``dest/<id>/``; returns that folder."""
    session = load_session(ref)
    target = Path(dest).expanduser() / session.id
    if target.exists():
        raise BadInputError(f"{target} already exists; choose another folder or remove it.")
    try:
        target.mkdir(parents=True, mode=DIR_MODE)
        for path in (session.audio_path, session.analysis_path):
            if path is not None and path.exists():
                shutil.copy2(path, target / path.name)  # keeps the owner-only mode
    except OSError as e:
        raise StorageError(f"Could not export to {target} ({e.strerror or e}); check the folder and free space.") from e
    return target


def rebuild_index() -> RebuildResult:
    """Move the current index aside and recreate it from the session folders."""
    path = db_path()
    old = None
    if path.exists():
        old = path.with_name(f"{path.name}.old-{datetime.now().strftime('%Y%m%d-%H%M%S')}")
        try:
            for suffix in ("", "-wal", "-shm"):
                src = path.with_name(path.name + suffix)
                if src.exists():
                    os.replace(src, old.with_name(old.name + suffix))
        except OSError as e:
            raise StorageError(f"Cannot move the old index {path} aside ({e.strerror or e}); move it by hand.") from e
    root = sessions_root()
    indexed, skipped = 0, []
    with index.connect(path) as conn:
        for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
            try:
                analysis = _read_analysis(folder / ANALYSIS_NAME)
            except BadInputError as e:
                log.info("left %s out of the index: %s", folder.name, e)
                skipped.append(folder.name)
                continue
            audio = AUDIO_NAME if (folder / AUDIO_NAME).exists() else None
            index.insert(conn, row_from_analysis(analysis, session_id=folder.name, audio_file=audio))
            indexed += 1
    return RebuildResult(indexed=indexed, skipped=skipped, old_index=old)
