"""The one atomic-write helper: the target holds the old content or the whole new one,
is owner-only, and no temporary file is left behind, whatever the writer does."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import textwrap
import threading

import pytest

from simulator.atomic import atomic_path, write_atomic

OLD, NEW = b"old content", b"new content " * 1000


def _disk_full(tmp):
    tmp.write_bytes(NEW[:10])
    raise OSError(errno.ENOSPC, "No space left on device")


def _interrupted(tmp):
    tmp.write_bytes(NEW[:10])
    raise KeyboardInterrupt


@pytest.mark.parametrize(
    "writer, expect",
    [
        (lambda tmp: tmp.write_bytes(NEW), NEW),
        (lambda tmp: None, b""),  # a writer that writes nothing leaves an empty file
        (_disk_full, OSError),
        (_interrupted, KeyboardInterrupt),
    ],
    ids=["written", "empty", "disk-full", "ctrl-c"],
)
@pytest.mark.parametrize("existed", [True, False], ids=["replaces", "creates"])
def test_atomic_path_table(tmp_path, writer, expect, existed):
    target = tmp_path / "analysis.json"
    if existed:
        target.write_bytes(OLD)
    if isinstance(expect, bytes):
        with atomic_path(target) as tmp:
            assert tmp.parent == tmp_path and tmp.name.startswith(".analysis.json.") and tmp.exists()
            writer(tmp)
        assert target.read_bytes() == expect
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    else:
        with pytest.raises(expect), atomic_path(target) as tmp:
            writer(tmp)
        assert target.read_bytes() == OLD if existed else not target.exists()
    left = ["analysis.json"] if existed or isinstance(expect, bytes) else []
    assert sorted(p.name for p in tmp_path.iterdir()) == left


@pytest.mark.parametrize("data", [NEW, b""], ids=["bytes", "empty"])
def test_write_atomic_replaces_the_whole_file(tmp_path, data):
    target = tmp_path / "report.html"
    target.write_bytes(OLD)
    os.chmod(target, 0o644)
    write_atomic(target, data)
    assert target.read_bytes() == data
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_the_suffix_is_kept_for_writers_that_need_an_extension(tmp_path):
    with atomic_path(tmp_path / "question.wav", suffix=".wav") as tmp:
        assert tmp.suffix == ".wav" and tmp.name.startswith(".question.wav.")
        tmp.write_bytes(b"RIFF")
    assert (tmp_path / "question.wav").read_bytes() == b"RIFF"


def test_two_threads_writing_one_target_leave_one_whole_file(tmp_path):
    target = tmp_path / "voice.wav"
    contents = [bytes([k]) * 200_000 for k in range(8)]
    threads = [threading.Thread(target=write_atomic, args=(target, c)) for c in contents]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert target.read_bytes() in contents
    assert [p.name for p in tmp_path.iterdir()] == ["voice.wav"]


def test_a_killed_writer_leaves_the_old_file(tmp_path):
    target = tmp_path / "analysis.json"
    target.write_bytes(OLD)
    script = textwrap.dedent(
        f"""
        import os
        from simulator.atomic import atomic_path
        with atomic_path({str(target)!r}) as tmp:
            tmp.write_bytes(b"half a")
            os._exit(9)
        """
    )
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([root, os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 9, proc.stderr
    assert target.read_bytes() == OLD  # the torn temporary file is hidden, never the target
