"""The sessions index: ``sessions.db`` in the data home, a table of sessions and one of interviews.

Standard-library sqlite3 only. The journal is WAL and every connection has a
busy timeout, so two runs saving at the same time wait for each other instead
of failing or corrupting the file. The schema grows by append-only
``MIGRATIONS``: entry *i* takes the database from ``user_version`` *i* to
*i + 1*; existing entries are never edited, new ones are appended.

The index only lists sessions and interviews: each session's folder holds the
truth (``analysis.json`` + ``answer.flac``), and each interview's folder its
``interview.json``, so a damaged index can be rebuilt.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from simulator.errors import StorageError

log = logging.getLogger(__name__)

DB_NAME = "sessions.db"
SESSIONS, INTERVIEWS = "sessions", "interviews"  # the tables
BUSY_TIMEOUT_S = 30.0  # s; how long a writer waits for another run's lock
WAL_RETRY_S = 0.02  # s; first wait before switching to WAL again (doubles, up to WAL_RETRY_MAX_S)
WAL_RETRY_MAX_S = 0.5  # s
FILE_MODE = 0o600  # owner read/write only
REBUILD_HINT = "run `mock-interview sessions --rebuild` to rebuild it from the session folders"

# Append-only. Never edit or reorder an entry; add a new one at the end.
MIGRATIONS: tuple[str, ...] = (
    """CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        question_id TEXT,
        question_text TEXT,
        role TEXT,
        company TEXT,
        duration_s REAL,
        wpm REAL,
        long_pauses INTEGER,
        fillers_per_min REAL,
        content_score REAL,
        status TEXT NOT NULL DEFAULT 'complete',
        audio_file TEXT,
        analysis_file TEXT NOT NULL
    )""",
    "CREATE INDEX sessions_by_question ON sessions (question_id, created_at)",
    "ALTER TABLE sessions ADD COLUMN interview_id TEXT",
    "ALTER TABLE sessions ADD COLUMN position INTEGER",
    "ALTER TABLE sessions ADD COLUMN part TEXT",
    "ALTER TABLE sessions ADD COLUMN question_kind TEXT",
    """CREATE TABLE interviews (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        status TEXT NOT NULL,
        planned INTEGER NOT NULL,
        answered INTEGER NOT NULL,
        score REAL,
        role TEXT,
        company TEXT,
        record_file TEXT NOT NULL
    )""",
    "CREATE INDEX sessions_by_interview ON sessions (interview_id, position)",
)

COLUMNS: tuple[str, ...] = (
    "id",
    "created_at",
    "question_id",
    "question_text",
    "role",
    "company",
    "duration_s",
    "wpm",
    "long_pauses",
    "fillers_per_min",
    "content_score",
    "status",
    "audio_file",
    "analysis_file",
    "interview_id",  # the interview the session answers a question of (None: a practice session)
    "position",  # 1-based place of that question in the interview
    "part",  # "answer" or "follow_up"
    "question_kind",
)
INTERVIEW_COLUMNS: tuple[str, ...] = (
    "id",
    "created_at",
    "status",
    "planned",
    "answered",
    "score",
    "role",
    "company",
    "record_file",
)


def damaged_error(path: Path, reason: object) -> StorageError:
    return StorageError(f"The sessions index at {path} is damaged ({reason}); {REBUILD_HINT}.")


def _storage_error(path: Path, e: sqlite3.Error) -> StorageError:
    """Turn a sqlite3 error into a one-line StorageError that says what to do."""
    text = str(e)
    low = text.lower()
    if "locked" in low or "busy" in low:
        return StorageError(f"The sessions index at {path} is busy (another mock-interview is writing); try again.")
    if "full" in low:
        return StorageError(f"Cannot update the sessions index at {path}: the disk is full; free some space and retry.")
    if isinstance(e, sqlite3.OperationalError) and ("unable to open" in low or "readonly" in low or "i/o" in low):
        return StorageError(
            f"Cannot open the sessions index at {path} ({text}); check the folder's permissions and free space."
        )
    return damaged_error(path, text)


def _create_private(path: Path) -> None:
    """Create the database file owner-only before SQLite opens it.

    SQLite gives its -wal and -shm files the main file's permissions.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
        os.close(fd)
        os.chmod(path, FILE_MODE)
    except OSError as e:
        raise StorageError(f"Cannot create the sessions index at {path} ({e.strerror or e}); check the folder.") from e


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def migrate(conn: sqlite3.Connection, path: Path) -> int:
    """Apply the pending migrations under a write lock; returns the schema version."""
    target = len(MIGRATIONS)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version == target:
        return version
    conn.execute("BEGIN IMMEDIATE")  # another run may be migrating: re-read under the lock
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > target:
            raise StorageError(
                f"The sessions index at {path} was written by a newer mock-interview "
                f"(schema {version} > {target}); upgrade mock-interview."
            )
        for number in range(version, target):
            log.info("sessions index: applying migration %d", number + 1)
            conn.execute(MIGRATIONS[number])
        conn.execute(f"PRAGMA user_version = {target}")
        conn.execute("COMMIT")
    except BaseException:
        _rollback(conn)
        raise
    return target


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch the index to WAL, a lasting property of the file.

    The switch needs an exclusive lock, and SQLite fails it at once, without
    the busy timeout, while another run holds a write lock on a new index. So
    the mode is read first (nothing to do after the first run) and the
    switch is retried within ``BUSY_TIMEOUT_S``.
    """
    deadline, delay = time.monotonic() + BUSY_TIMEOUT_S, WAL_RETRY_S
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e).lower() or time.monotonic() + delay > deadline:
                raise
            time.sleep(delay)
            delay = min(2 * delay, WAL_RETRY_MAX_S)


def _open(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
    try:
        conn.row_factory = sqlite3.Row
        _use_wal(conn)
        conn.execute("PRAGMA synchronous=FULL")
        migrate(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def _open_frozen(path: Path) -> sqlite3.Connection:
    """Read the file as it is, creating nothing (no -wal/-shm): for listings on a full disk."""
    conn = sqlite3.connect(f"file:{quote(str(path))}?immutable=1", uri=True, isolation_level=None)
    conn.row_factory = sqlite3.Row
    return conn


@contextmanager
def connect(path: Path, *, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    """An autocommit connection to a migrated index; sqlite errors become StorageError.

    WAL needs to create its -wal/-shm files when the index is opened. When
    that fails (a full disk) a ``read_only`` caller still gets the listing.
    """
    if not path.exists():
        _create_private(path)
    conn = None
    try:
        try:
            conn = _open(path)
        except sqlite3.OperationalError as e:
            if not read_only or "i/o" not in str(e).lower() and "full" not in str(e).lower():
                raise
            log.warning("sessions index %s: %s; reading it without WAL", path, e)
            conn = _open_frozen(path)
        yield conn
    except sqlite3.Error as e:
        raise _storage_error(path, e) from e
    finally:
        if conn is not None:
            conn.close()


def _table(name: str) -> str:
    """A table name checked against the schema's, so it can go into SQL text."""
    if name not in (SESSIONS, INTERVIEWS):
        raise ValueError(f"no table {name!r}")
    return name


def insert(conn: sqlite3.Connection, row: dict, *, table: str = SESSIONS) -> None:
    """Insert a row; an interview row replaces the one with its id (it is rewritten after every answer)."""
    columns = INTERVIEW_COLUMNS if _table(table) == INTERVIEWS else COLUMNS
    verb = "INSERT OR REPLACE" if table == INTERVIEWS else "INSERT"
    names, marks = ", ".join(columns), ", ".join("?" for _ in columns)
    with_tx(conn, f"{verb} INTO {table} ({names}) VALUES ({marks})", [row.get(c) for c in columns])


def update(conn: sqlite3.Connection, row_id: str, values: dict, *, table: str = SESSIONS) -> int:
    """Set some columns of one row."""
    unknown = set(values) - set(INTERVIEW_COLUMNS if _table(table) == INTERVIEWS else COLUMNS)
    if unknown:
        raise ValueError(f"no column(s) {sorted(unknown)} in {table}")
    sets = ", ".join(f"{name} = ?" for name in values)
    return with_tx(conn, f"UPDATE {_table(table)} SET {sets} WHERE id = ?", [*values.values(), row_id])


def delete(conn: sqlite3.Connection, row_id: str, *, table: str = SESSIONS) -> int:
    return with_tx(conn, f"DELETE FROM {_table(table)} WHERE id = ?", [row_id])


def with_tx(conn: sqlite3.Connection, sql: str, params: list) -> int:
    """Run one write statement in its own IMMEDIATE transaction; returns rows changed."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        changed = conn.execute(sql, params).rowcount
        conn.execute("COMMIT")
    except BaseException:
        _rollback(conn)
        raise
    return changed


def select(conn: sqlite3.Connection, *, question_id: str | None = None, interview_id: str | None = None) -> list[dict]:
    """All session rows (of one question, or of one interview in question order), oldest first."""
    if interview_id is not None:
        sql, params = (
            "SELECT * FROM sessions WHERE interview_id = ? ORDER BY position, part = 'follow_up', created_at, id",
            [interview_id],
        )
    elif question_id is not None:
        sql, params = "SELECT * FROM sessions WHERE question_id = ? ORDER BY created_at, id", [question_id]
    else:
        sql, params = "SELECT * FROM sessions ORDER BY created_at, id", []
    return [dict(r) for r in conn.execute(sql, params)]


def select_interviews(conn: sqlite3.Connection) -> list[dict]:
    """All interview rows, oldest first."""
    return [dict(r) for r in conn.execute("SELECT * FROM interviews ORDER BY created_at, id")]


def find(conn: sqlite3.Connection, ref: str, *, table: str = SESSIONS) -> list[dict]:
    """Rows whose id is ``ref`` exactly, else those starting with it; ``last`` is the newest."""
    table = _table(table)
    if ref == "last":
        rows = conn.execute(f"SELECT * FROM {table} ORDER BY created_at DESC, id DESC LIMIT 1")
        return [dict(r) for r in rows]
    exact = conn.execute(f"SELECT * FROM {table} WHERE id = ?", [ref]).fetchall()
    if exact:
        return [dict(r) for r in exact]
    escaped = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = conn.execute(f"SELECT * FROM {table} WHERE id LIKE ? ESCAPE '\\' ORDER BY id", [escaped + "%"])
    return [dict(r) for r in rows]


def mean_answer_score(conn: sqlite3.Connection, interview_id: str, *, part: str, skip_kind: str) -> float | None:
    """The mean content score of an interview's sessions of ``part``, leaving out questions of ``skip_kind``."""
    sql = "SELECT AVG(content_score) FROM sessions WHERE interview_id = ? AND part = ? AND question_kind != ?"
    return conn.execute(sql, [interview_id, part, skip_kind]).fetchone()[0]


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]
