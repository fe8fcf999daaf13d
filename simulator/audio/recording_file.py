"""The recorder's on-disk side: a WAV that is playable at every moment.

While recording, the file in ``data_home()/recordings`` is written block by
block with libsndfile updating the WAV header after every write, and fsynced
about once a second; an exclusive ``flock`` on it marks it as "being
recorded". Whatever kills the process (Ctrl-C, SIGTERM, SIGKILL, power loss
after the last fsync) leaves a WAV that holds everything said until then.
``recover_recording`` rewrites the header sizes from the file length for the
rare file whose header lags its data; ``list_interrupted`` finds leftovers.
Beside a recording, a small JSON note (``write_take_note``) keeps the
question it answers, so an interrupted take can be resumed on that question.
"""

from __future__ import annotations

import json
import logging
import os
import struct
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from simulator.errors import BadInputError, StorageError

try:  # POSIX only; elsewhere recordings are simply never reported as "in progress"
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

log = logging.getLogger(__name__)

RECORDINGS_DIR = "recordings"
SUFFIX = ".wav"
NOTE_SUFFIX = ".json"  # the take's note beside its recording
PREFIX = "answer-"  # recording names: answer-<UTC time>-<pid>.wav; the rest is the take's id
SUBTYPE = "PCM_16"
SFC_SET_UPDATE_HEADER_AUTO = 0x1061  # libsndfile: rewrite the header after every write
FSYNC_INTERVAL_S = 1.0  # s; how often the recording is forced to disk
WAV_HEADER_MIN = 44  # bytes; a shorter file holds no audio
ORPHAN_NOTE_S = 60.0  # s; a take's note without a recording this old is removed (younger: it may be starting)


def recordings_dir() -> Path:
    from simulator.paths import data_home

    folder = data_home() / RECORDINGS_DIR
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def new_recording_path() -> Path:
    """A new recording's path, named after the UTC time like session ids."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    return recordings_dir() / f"{PREFIX}{stamp}-{os.getpid()}{SUFFIX}"


def note_path(path: Path) -> Path:
    return Path(path).with_suffix(NOTE_SUFFIX)


def write_take_note(path: Path, note: dict) -> None:
    """Keep ``note`` (the question and context a take answers) beside the recording ``path``, owner-only."""
    target = note_path(path)
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(note, fh, ensure_ascii=False)
    except OSError as e:
        raise StorageError(f"Cannot write {target} ({e.strerror or e}); check the data folder.") from e


def _read_note(path: Path) -> dict:
    try:
        note = json.loads(note_path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as e:
        log.warning("ignoring the unreadable note of %s: %s", path, e)
        return {}
    return note if isinstance(note, dict) else {}


def discard_recording(path: Path) -> None:
    """Delete a take: its recording and its note."""
    Path(path).unlink(missing_ok=True)
    note_path(path).unlink(missing_ok=True)


class RecordingFile:
    """An open WAV being recorded: ``write`` blocks, ``close`` when done (idempotent)."""

    def __init__(self, path: Path, samplerate: int):
        import soundfile as sf

        self.path = Path(path)
        self.samplerate = samplerate
        self.frames = 0
        self._last_sync = time.monotonic()
        self._lock_fd: int | None = None
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
            self._lock(fd)
            self._sf = sf.SoundFile(
                str(self.path), "w", samplerate=samplerate, channels=1, subtype=SUBTYPE, format="WAV"
            )
        except OSError as e:
            self._unlock()
            raise StorageError(
                f"Cannot create the recording {self.path} ({e.strerror or e}); "
                "check the disk space and permissions of the data folder."
            ) from e
        sf._snd.sf_command(self._sf._file, SFC_SET_UPDATE_HEADER_AUTO, sf._ffi.NULL, 1)

    def _lock(self, fd: int) -> None:
        self._lock_fd = fd
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing releases the flock
            self._lock_fd = None

    def write(self, mono) -> None:
        """Append float samples in [-1, 1]; raises StorageError when the disk is full."""
        try:
            self._sf.write(mono)
            self.frames += len(mono)
            if time.monotonic() - self._last_sync >= FSYNC_INTERVAL_S:
                self._sf.flush()  # fsync: survives a power cut, not only a killed process
                self._last_sync = time.monotonic()
        except (OSError, RuntimeError) as e:  # soundfile raises LibsndfileError (a RuntimeError)
            raise StorageError(
                f"Could not write the recording ({e}); the first {self.duration_s:.0f} s are in "
                f"{self.path}. Free some disk space and retry."
            ) from e

    @property
    def duration_s(self) -> float:
        return self.frames / self.samplerate

    def close(self) -> None:
        try:
            if not self._sf.closed:
                self._sf.close()
        except (OSError, RuntimeError) as e:
            log.warning("closing %s: %s", self.path, e)
        finally:
            self._unlock()


def _age_s(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def is_being_recorded(path: Path) -> bool:
    """True while another open RecordingFile (any process) holds the file's lock."""
    if fcntl is None:
        return False
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)  # also drops the lock if we got it


def _chunks(head: bytes):
    """(id, offset, size) of each RIFF chunk header found in ``head``."""
    pos = 12
    while pos + 8 <= len(head):
        cid, size = head[pos : pos + 4], struct.unpack_from("<I", head, pos + 4)[0]
        yield cid, pos, size
        if cid == b"data":
            return
        pos += 8 + size + (size & 1)


def recover_recording(path: str | os.PathLike) -> float:
    """Make a recorder WAV whose header lags its data readable everywhere; returns its duration (s).

    Rewrites the RIFF and data chunk sizes from the file length and drops a
    partial last frame. For files written by the recorder (data is the last
    chunk). A file whose header is already right is left untouched.
    """
    path = Path(path)
    with open(path, "r+b") as f:
        head = f.read(4096)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            raise BadInputError(f"{path} is not a WAV recording; it cannot be recovered.")
        chunks = {cid: (pos, size) for cid, pos, size in _chunks(head)}
        if b"fmt " not in chunks or b"data" not in chunks:
            raise BadInputError(f"{path} has no WAV data yet; nothing was recorded.")
        fmt_pos = chunks[b"fmt "][0]
        _, channels, rate, _, align = struct.unpack_from("<HHIIH", head, fmt_pos + 8)
        data_pos, declared = chunks[b"data"]
        file_len = f.seek(0, os.SEEK_END)
        data_len = (file_len - data_pos - 8) // max(align, 1) * max(align, 1)
        if declared != data_len:
            f.truncate(data_pos + 8 + data_len)
            f.seek(4)
            f.write(struct.pack("<I", data_pos + data_len))  # RIFF size: everything after these 8 bytes
            f.seek(data_pos + 4)
            f.write(struct.pack("<I", data_len))
            log.info("recovered %s: header said %d data bytes, file holds %d", path, declared, data_len)
    return data_len / max(align, 1) / rate if rate else 0.0


@dataclass(frozen=True)
class LeftoverRecording:
    """A recording that was never turned into a session (interrupted, or its analysis failed)."""

    path: Path
    duration_s: float
    recorded_at: str  # ISO 8601, time of the last write
    note: dict = field(default_factory=dict)  # the take's note: the question it answers (empty: none kept)

    @property
    def id(self) -> str:
        """The take's id: its recording's name without the prefix (``practice --resume ID``)."""
        return self.path.stem.removeprefix(PREFIX)


def list_interrupted() -> list[LeftoverRecording]:
    """Recordings left in ``data_home()/recordings``, newest first, repaired so they load.

    Files being recorded right now (by any process) are skipped; files with no
    audio at all are deleted.
    """
    folder = recordings_dir()
    for note in folder.glob(f"*{NOTE_SUFFIX}"):  # the note of a take whose recording never started or is gone
        if not note.with_suffix(SUFFIX).exists() and _age_s(note) > ORPHAN_NOTE_S:
            note.unlink(missing_ok=True)
    found = []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        if path.name.startswith(".") or is_being_recorded(path):
            continue
        try:
            seconds = recover_recording(path) if path.stat().st_size >= WAV_HEADER_MIN else 0.0
        except (BadInputError, OSError) as e:
            log.warning("skipping leftover recording %s: %s", path, e)
            continue
        if seconds <= 0:
            discard_recording(path)
            continue
        mtime = datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)
        when = mtime.isoformat(timespec="seconds")
        found.append(LeftoverRecording(path=path, duration_s=seconds, recorded_at=when, note=_read_note(path)))
    return sorted(found, key=lambda r: r.recorded_at, reverse=True)


def find_leftover(ref: str) -> LeftoverRecording:
    """The kept take with id ``ref`` (or a unique prefix of it, or ``last``); BadInputError otherwise."""
    ref = (ref or "").strip()
    takes = list_interrupted()
    chosen = takes[:1] if ref == "last" else [t for t in takes if ref and t.id.startswith(ref)]
    if len(chosen) == 1:
        return chosen[0]
    if not chosen:
        what = "There are no kept takes" if ref == "last" or not takes else f"No kept take {ref!r}"
        raise BadInputError(f"{what}; see `mock-interview sessions`.")
    ids = ", ".join(t.id for t in chosen[:5])
    raise BadInputError(f"{ref!r} matches {len(chosen)} takes ({ids}); give more of the id.")
