"""Atomic, private file writes: a reader sees the old file or the whole new one, never half.

Every file the tool writes whole (session files, reports, the answer audio, the
question voice cache, the converted model) goes through ``atomic_path``: it is
written to a hidden owner-only temporary file beside its target, forced to disk,
and renamed over the target, so a crash, a full disk or a second process
writing the same file at the same time leaves no torn file behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TEMP_SUFFIX = ".part"


def fsync_dir(folder: str | os.PathLike) -> None:
    """Force a folder's entries (a rename, a new file) to disk."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def atomic_path(path: str | os.PathLike, *, suffix: str = TEMP_SUFFIX) -> Iterator[Path]:
    """Yield a temporary path to write ``path``'s new content to; on a clean exit it is
    fsynced and renamed over ``path``, on any error removed.

    The temporary file already exists, owner-only (mkstemp's unique name lets two
    processes write the same target at once); ``suffix`` keeps an extension a writer needs.
    """
    path = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically; the file is owner-only."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
