"""The sessions store: round trips, permissions, atomicity, full disk, concurrency, migrations."""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import re
import sqlite3
import stat
import subprocess
import sys
import textwrap

import numpy as np
import pytest
import soundfile as sf

from simulator.audio.files import load_audio
from simulator.errors import BadInputError, SessionNotFoundError, StorageError
from simulator.model.analysis import Analysis
from simulator.model.codec import to_jsonable
from simulator.sessions import index as store_index
from simulator.sessions import store
from tests.session_docs import FIXTURES, analysis_from_truth, metrics_analysis, save_many

ID_RE = re.compile(r"^\d{8}-\d{6}-[0-9a-f]{4}$")


@pytest.fixture(scope="module")
def good_audio():
    return load_audio(FIXTURES / "good_answer.flac")


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_round_trip_save_list_load_delete(good_audio):
    y, sr = good_audio
    analysis = analysis_from_truth("good_answer", score=72.0)
    sid = store.save_session(analysis, y, sr)
    assert ID_RE.match(sid) and analysis.session_id == sid

    [row] = store.list_sessions()
    assert (row.id, row.question_id, row.role, row.company) == (sid, "career-goals", "Data analyst", "Acme <Data> & Co")
    assert row.duration_s == pytest.approx(60.127, abs=1e-3)
    assert row.wpm == analysis.delivery.wpm and row.content_score == 72.0
    assert row.long_pauses == 0 and row.fillers_per_min == 0.0 and row.analysis is None

    loaded = store.load_session(sid)
    back_analysis = loaded.analysis
    assert isinstance(back_analysis, Analysis) and back_analysis.session_id == sid
    assert [w.start for w in back_analysis.transcript.words] == [w.start for w in analysis.transcript.words]
    assert to_jsonable(back_analysis) == to_jsonable(analysis)  # the same document, floats at 3 decimals
    assert back_analysis.delivery.pauses[0].start == round(analysis.delivery.pauses[0].start, 3)
    back, back_sr = sf.read(loaded.audio_path, dtype="float32")
    assert back_sr == sr and back.shape == y.shape
    assert np.max(np.abs(back - y)) <= 1.0 / 32768 + 1e-7  # FLAC 16-bit: lossless at that depth

    store.delete_session(sid)
    assert store.list_sessions() == []
    assert not loaded.audio_path.exists() and not loaded.folder.exists()
    with pytest.raises(SessionNotFoundError):
        store.load_session(sid)


def test_text_answer_has_no_audio():
    analysis = metrics_analysis(score=40.0)
    analysis.audio = None
    sid = store.save_session(analysis, None, None)
    session = store.load_session("last")
    assert session.id == sid and session.audio_path is None and session.wpm is None
    assert session.content_score == 40.0 and sorted(p.name for p in session.folder.iterdir()) == ["analysis.json"]


def test_files_and_folders_are_owner_only(isolated_home, good_audio):
    y, sr = good_audio
    session = store.load_session(store.save_session(analysis_from_truth(), y, sr))
    assert _mode(isolated_home / "sessions") == 0o700
    assert _mode(session.folder) == 0o700
    assert _mode(session.audio_path) == 0o600 and _mode(session.analysis_path) == 0o600
    for name in ("sessions.db", "sessions.db-wal", "sessions.db-shm"):
        if (isolated_home / name).exists():
            assert _mode(isolated_home / name) == 0o600, name


def test_ids_sort_by_time_and_are_unique():
    times = ["2026-01-02T03:04:05+00:00", "2026-01-02T03:04:05+00:00", "2026-03-01T00:00:00+01:00"]
    ids = [store.save_session(metrics_analysis(created_at=t), None, None) for t in times]
    assert ids[0][:15] == ids[1][:15] == "20260102-030405" and ids[0] != ids[1]
    assert ids[2].startswith("20260228-230000")  # UTC
    assert [s.id for s in store.list_sessions()] == sorted(ids)


@pytest.mark.parametrize(
    "ref, expect",
    [
        ("last", "20260102-000000-"),
        ("20260101", "20260101-000000-"),
        ("2026010", BadInputError),  # ambiguous prefix
        ("", BadInputError),
        ("20990101", SessionNotFoundError),
        ("x%", SessionNotFoundError),  # LIKE wildcards are escaped
    ],
)
def test_load_session_refs(ref, expect):
    for t in ("2026-01-01T00:00:00+00:00", "2026-01-02T00:00:00+00:00"):
        store.save_session(metrics_analysis(created_at=t), None, None)
    if isinstance(expect, type):
        with pytest.raises(expect):
            store.load_session(ref)
    else:
        assert store.load_session(ref).id.startswith(expect)


def test_no_sessions_yet_is_a_clear_error():
    with pytest.raises(SessionNotFoundError, match="no stored sessions yet"):
        store.load_session("last")


def test_failure_after_audio_write_leaves_no_half_session(monkeypatch, isolated_home, good_audio):
    y, sr = good_audio
    first = store.save_session(metrics_analysis(wpm=120.0, score=60.0), y[:16000], sr)

    def disk_full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    with (
        monkeypatch.context() as patch,
        pytest.raises(StorageError, match="No space left on device.*Earlier sessions are intact"),
    ):
        patch.setattr(store, "write_atomic", disk_full)  # the audio is already written by then
        store.save_session(analysis_from_truth(), y, sr)
    assert [s.id for s in store.list_sessions()] == [first]
    assert sorted(p.name for p in store.sessions_root().iterdir()) == [first]
    assert store.load_session(first).analysis.delivery.wpm == 120.0


def test_index_failure_keeps_complete_files_for_rebuild(monkeypatch):
    def full(conn, row):
        raise sqlite3.OperationalError("database or disk is full")

    with monkeypatch.context() as patch, pytest.raises(StorageError, match="disk is full.*a rebuild will list them"):
        patch.setattr(store_index, "insert", full)
        store.save_session(metrics_analysis(wpm=130.0), None, None)
    assert store.list_sessions() == []
    result = store.rebuild_index()
    assert result.indexed == 1 and [s.wpm for s in store.list_sessions()] == [130.0]


def test_killed_mid_save_never_shows_in_listing(isolated_home):
    store.save_session(metrics_analysis(wpm=111.0), None, None)
    script = textwrap.dedent(
        """
        import os, numpy as np
        from tests.session_docs import metrics_analysis
        from simulator.sessions import store
        def die(path, data):
            os._exit(9)  # the process dies after the audio write, before analysis.json
        store.write_atomic = die
        store.save_session(metrics_analysis(wpm=99.0), np.zeros(16000, np.float32) + 0.1, 16000)
        """
    )
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join(
            [os.path.dirname(os.path.dirname(os.path.dirname(__file__))), os.environ.get("PYTHONPATH", "")]
        ),
    )
    proc = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 9, proc.stderr
    folders = sorted(store.sessions_root().iterdir())
    assert len(folders) == 2 and any(
        (f / "answer.flac").exists() and not (f / "analysis.json").exists() for f in folders
    )
    assert [s.wpm for s in store.list_sessions()] == [111.0]
    result = store.rebuild_index()
    assert result.indexed == 1 and len(result.skipped) == 1 and [s.wpm for s in store.list_sessions()] == [111.0]


@pytest.fixture
def tiny_fs(tmp_path):
    """A 512 KiB tmpfs (needs root); skipped where mounting is not allowed."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tiny tmpfs here ({done.stderr.decode().strip()}); the injected test covers it")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_real_full_disk_gives_storage_error_and_keeps_earlier_sessions(tiny_fs, monkeypatch):
    monkeypatch.setenv("MOCK_INTERVIEW_HOME", str(tiny_fs / "home"))
    first = store.save_session(metrics_analysis(wpm=125.0, score=70.0), np.full(8000, 0.1, np.float32), 16000)
    free = os.statvfs(tiny_fs).f_bavail * os.statvfs(tiny_fs).f_frsize
    (tiny_fs / "filler").write_bytes(b"\0" * max(free - 20_000, 0))
    noise = np.random.default_rng(0).uniform(-0.5, 0.5, 16000 * 20).astype(np.float32)  # ~600 KB as FLAC
    with pytest.raises(StorageError, match="free some disk space"):
        store.save_session(metrics_analysis(wpm=90.0), noise, 16000)
    assert [s.id for s in store.list_sessions()] == [first]
    assert store.load_session(first).wpm == 125.0
    assert sorted(p.name for p in store.sessions_root().iterdir()) == [first]


def test_concurrent_saves_from_two_processes(isolated_home):
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        results = pool.starmap(save_many, [(str(isolated_home), 12, "a"), (str(isolated_home), 12, "b")])
    ids = results[0] + results[1]
    assert len(set(ids)) == 24
    assert sorted(s.id for s in store.list_sessions()) == sorted(ids)
    with sqlite3.connect(isolated_home / "sessions.db") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    notes = sorted(store.load_session(i).analysis.notes[0] for i in ids)
    assert notes == sorted([f"a-{i}" for i in range(12)] + [f"b-{i}" for i in range(12)])


def test_a_new_index_opens_while_another_run_is_writing_to_it(isolated_home):
    # SQLite fails the switch to WAL at once, without the busy timeout, while
    # another connection holds a write lock on a rollback-journal file; this made
    # the two-process test above fail now and then ("database is locked").
    import threading
    import time

    isolated_home.mkdir(parents=True, exist_ok=True)
    path = isolated_home / "sessions.db"
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("CREATE TABLE other (x)")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO other VALUES (1)")
    threading.Timer(0.3, lambda: writer.execute("COMMIT")).start()
    started = time.monotonic()
    with store_index.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store_index.schema_version(conn) == len(store_index.MIGRATIONS)
    assert time.monotonic() - started >= 0.25, "it waited for the other run's lock"
    writer.close()


def test_migrations_are_idempotent_and_upgrade_old_indexes(isolated_home):
    isolated_home.mkdir(parents=True, exist_ok=True)
    path = isolated_home / "sessions.db"
    with sqlite3.connect(path) as conn:  # an index from a release that had only migration 1
        conn.execute(store_index.MIGRATIONS[0])
        conn.execute(
            "INSERT INTO sessions (id, created_at, analysis_file) VALUES ('20250101-000000-aaaa', '2025-01-01', 'analysis.json')"
        )
        conn.execute("PRAGMA user_version = 1")
    for _ in range(3):
        with store_index.connect(path) as conn:
            assert store_index.schema_version(conn) == len(store_index.MIGRATIONS)
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
            assert "sessions_by_question" in names
            assert [r["id"] for r in store_index.select(conn)] == ["20250101-000000-aaaa"]


def test_index_from_a_newer_release_is_refused(isolated_home):
    isolated_home.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(isolated_home / "sessions.db") as conn:
        conn.execute(f"PRAGMA user_version = {len(store_index.MIGRATIONS) + 5}")
    with pytest.raises(StorageError, match="newer mock-interview"):
        store.list_sessions()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty-table-dropped"])
def test_corrupt_index_says_what_to_do_and_rebuild_recovers(isolated_home, damage):
    ids = [store.save_session(metrics_analysis(wpm=100.0 + i), None, None) for i in range(3)]
    db = isolated_home / "sessions.db"
    if damage == "garbage":
        db.write_bytes(b"this is not a database at all" * 100)
    elif damage == "truncated":
        db.write_bytes(db.read_bytes()[:1500])
    else:
        with sqlite3.connect(db) as conn:
            conn.execute("DROP TABLE sessions")
    with pytest.raises(StorageError) as err:
        store.list_sessions()
    message = str(err.value)
    assert str(db) in message and "sessions --rebuild" in message and "\n" not in message
    result = store.rebuild_index()
    assert result.indexed == 3 and result.old_index is not None and result.old_index.exists()
    assert [s.id for s in store.list_sessions()] == sorted(ids)


def test_export_copies_audio_and_analysis(tmp_path, good_audio):
    y, sr = good_audio
    sid = store.save_session(analysis_from_truth(), y[: sr * 2], sr)
    out = store.export_session(sid, tmp_path / "out")
    assert sorted(p.name for p in out.iterdir()) == ["analysis.json", "answer.flac"]
    assert json.loads((out / "analysis.json").read_text())["session_id"] == sid
    assert sf.info(str(out / "answer.flac")).frames == sr * 2
    with pytest.raises(BadInputError, match="already exists"):
        store.export_session(sid, tmp_path / "out")


@pytest.mark.parametrize(
    "damage, message",
    [
        (None, None),  # the valid document, as stored
        (lambda doc: {**doc, "added_by_a_newer_version": [1, 2]}, None),  # unknown keys are ignored
        (lambda doc: {k: v for k, v in doc.items() if k != "notes"}, None),  # a missing optional key
        (lambda doc: "{ not json", "not valid JSON"),
        (lambda doc: {**doc, "delivery": {**doc["delivery"], "wpm": "fast"}}, "delivery.wpm"),
        (lambda doc: {k: v for k, v in doc.items() if k != "transcript"}, "transcript: Field required"),
    ],
)
def test_a_damaged_analysis_is_a_storage_error_and_rebuild_leaves_it_out(damage, message):
    sid = store.save_session(metrics_analysis(wpm=130.0, score=60.0), None, None)
    path = store.load_session(sid).analysis_path
    if damage is not None:
        doc = damage(json.loads(path.read_text()))
        path.write_text(doc if isinstance(doc, str) else json.dumps(doc))
    if message is None:
        assert store.load_session(sid).analysis.delivery.wpm == 130.0
        assert store.rebuild_index().indexed == 1
        return
    with pytest.raises(StorageError, match=message) as err:
        store.load_session(sid)
    assert str(path) in str(err.value) and "\n" not in str(err.value)
    result = store.rebuild_index()
    assert result.indexed == 0 and result.skipped == [sid]
