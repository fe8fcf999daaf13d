"""Loading and saving audio files. The only module that decodes files.

Everything downstream works on ``(y, sr)``: a mono float32 array in [-1, 1]
and its sample rate.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import numpy as np

from simulator.errors import BadInputError, StorageError

log = logging.getLogger(__name__)

SAMPLE_RATE = 16_000  # Hz; what Whisper expects and what the analysis uses: the one rate past decoding.
MAX_ANSWER_S = 15 * 60.0  # s; longer files are refused before decoding.
SUPPORTED = "WAV, FLAC, MP3, OGG or M4A"


def _check_path(path: Path) -> None:
    if not path.exists():
        raise BadInputError(f"{path}: no such file; check the path.")
    if path.is_dir():
        raise BadInputError(f"{path} is a folder, not an audio file; give a file path.")
    if not os.access(path, os.R_OK):
        raise BadInputError(f"{path}: permission denied; make the file readable (chmod u+r).")
    if path.stat().st_size == 0:
        raise BadInputError(f"{path} is empty (0 bytes); record the answer again.")


def _too_long(path: Path, seconds: float, limit_s: float) -> BadInputError:
    return BadInputError(
        f"{path} is {seconds / 60:.1f} min long; the limit is {limit_s / 60:.0f} min. "
        "Trim it to one answer (e.g. with sox or ffmpeg) and try again."
    )


def _read_soundfile(path: Path, limit_s: float) -> tuple[np.ndarray, int] | None:
    import soundfile as sf

    try:
        info = sf.info(str(path))
    except Exception:  # noqa: BLE001 - not a format libsndfile knows; try PyAV
        return None
    if info.samplerate > 0 and info.frames / info.samplerate > limit_s:
        raise _too_long(path, info.frames / info.samplerate, limit_s)
    try:
        y, sr = sf.read(str(path), dtype="float32", always_2d=True)
    except Exception as e:  # noqa: BLE001
        raise BadInputError(f"{path} is damaged or truncated ({e}); record or export it again.") from e
    return y.mean(axis=1), int(sr)


def _read_av(path: Path, limit_s: float, sr: int) -> tuple[np.ndarray, int]:
    """Decode with PyAV (installed with faster-whisper; bundles FFmpeg): M4A, AAC, etc."""
    import av

    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise BadInputError(f"{path} has no audio track; give an audio file ({SUPPORTED}).")
            if container.duration and container.duration / 1e6 > limit_s:
                raise _too_long(path, container.duration / 1e6, limit_s)
            resampler = av.audio.resampler.AudioResampler(format="flt", layout="mono", rate=sr)
            chunks, total = [], 0
            for frame in container.decode(audio=0):
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().reshape(-1))
                    total += chunks[-1].size
                if total / sr > limit_s:
                    raise _too_long(path, total / sr, limit_s)
    except BadInputError:
        raise
    except Exception as e:  # noqa: BLE001 - PyAV raises many types
        raise BadInputError(f"{path} is not a readable audio file ({type(e).__name__}); use {SUPPORTED}.") from e
    if not chunks:
        raise BadInputError(f"{path} holds no audio samples; record the answer again.")
    return np.concatenate(chunks).astype(np.float32, copy=False), sr


def resample(y: np.ndarray, sr: int, target_sr: int = SAMPLE_RATE) -> np.ndarray:
    """High-quality resampling with soxr (the resampler librosa uses)."""
    if sr == target_sr:
        return y.astype(np.float32, copy=False)
    import soxr

    return soxr.resample(y, sr, target_sr).astype(np.float32, copy=False)


def load_audio(
    path: str | os.PathLike, *, sr: int = SAMPLE_RATE, max_duration_s: float = MAX_ANSWER_S
) -> tuple[np.ndarray, int]:
    """Decode any supported file to mono float32 at ``sr`` Hz.

    Raises BadInputError with a one-line, actionable message for missing,
    unreadable, empty, corrupt or over-long files.
    """
    path = Path(path)
    _check_path(path)
    decoded = _read_soundfile(path, max_duration_s) or _read_av(path, max_duration_s, sr)
    y, native_sr = decoded
    if y.size == 0:
        raise BadInputError(f"{path} holds no audio samples; record the answer again.")
    y = np.nan_to_num(y, nan=0.0, posinf=0.0, neginf=0.0)
    log.debug("decoded %s: %d samples at %d Hz", path, y.size, native_sr)
    return resample(y, native_sr, sr), sr


def write_audio(path: str | os.PathLike, y: np.ndarray, sr: int) -> Path:
    """Write ``y`` losslessly (format from the suffix: .flac or .wav), atomically."""
    import soundfile as sf

    from simulator.atomic import atomic_path

    path = Path(path)
    try:
        with atomic_path(path) as tmp:
            sf.write(str(tmp), np.asarray(y, dtype=np.float32), sr, format=path.suffix[1:].upper())
    except (OSError, RuntimeError) as e:  # libsndfile reports a full disk as LibsndfileError
        reason = getattr(e, "strerror", None) or e
        raise StorageError(f"Could not write {path} ({reason}); free some disk space and retry.") from e
    return path
