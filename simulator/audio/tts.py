"""Speak a question aloud: pyttsx3 (espeak-ng) to a WAV file, played by simulator.audio.player.

Synthesis runs in a child process (``python -m simulator.audio.tts_worker``) with
its stdout and stderr captured: pyttsx3 2.99 prints to stdout and keeps state
between calls that breaks the second utterance (see simulator/audio/tts_worker.py).
Nothing it prints reaches our stdout, so ``--json`` output stays clean.
Synthesised questions are cached as WAV files in ``cache_home()/tts``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
from pathlib import Path

from simulator.errors import NoDeviceError

log = logging.getLogger(__name__)

DEFAULT_RATE_WPM = 150  # words per minute; an easy interviewer's pace
VOICE = "en-us"  # espeak-ng voice id
SYNTH_TIMEOUT_S = 60.0  # s; a synthesis taking longer is abandoned
MIN_SPEECH_S = 0.2  # s; a shorter WAV means synthesis failed
CACHE_VERSION = "1"  # bump when the synthesis settings change, to invalidate the cache
CACHE_DIR = "tts"

NO_TTS = "Text-to-speech is unavailable ({why}); install it (sudo apt-get install espeak-ng) or use --no-speak."


def _worker_failure(proc: subprocess.CompletedProcess) -> NoDeviceError:
    from simulator.audio import tts_worker

    detail = (proc.stderr or "").strip().splitlines()
    why = detail[-1] if detail else f"exit code {proc.returncode}"
    log.debug("tts worker failed (%s): stdout=%r stderr=%r", proc.returncode, proc.stdout, proc.stderr)
    if proc.returncode == tts_worker.EXIT_MISSING:
        return NoDeviceError(NO_TTS.format(why="pyttsx3 or espeak-ng is missing"))
    return NoDeviceError(NO_TTS.format(why=f"synthesis failed: {why[:200]}"))


def _check_wav(path: Path) -> float:
    """The duration of a synthesised WAV; NoDeviceError when it is unusable."""
    import soundfile as sf

    try:
        info = sf.info(str(path))
    except Exception as e:  # noqa: BLE001 - libsndfile raises several types
        raise NoDeviceError(NO_TTS.format(why=f"it wrote an unreadable file: {e}")) from e
    seconds = info.frames / info.samplerate if info.samplerate else 0.0
    if seconds < MIN_SPEECH_S:
        raise NoDeviceError(NO_TTS.format(why=f"it wrote only {seconds:.2f} s of audio"))
    return seconds


def synthesize(text: str, out_path: str | os.PathLike, *, rate_wpm: int = DEFAULT_RATE_WPM) -> Path:
    """Synthesise ``text`` to the WAV file ``out_path`` (written atomically).

    Raises NoDeviceError with a one-line, actionable message when espeak-ng or
    pyttsx3 is missing or synthesis fails; BadInputError for empty text.
    """
    from simulator.atomic import atomic_path
    from simulator.errors import BadInputError

    if not text or not text.strip():
        raise BadInputError("Nothing to speak: the question text is empty.")
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        with atomic_path(out, suffix=".wav") as tmp:
            cmd = [sys.executable, "-m", "simulator.audio.tts_worker", "--rate", str(int(rate_wpm))]
            cmd += ["--voice", VOICE, "--", text.strip(), str(tmp)]
            proc = subprocess.run(
                cmd, capture_output=True, text=True, timeout=SYNTH_TIMEOUT_S, stdin=subprocess.DEVNULL, check=False
            )
            if proc.returncode != 0:
                raise _worker_failure(proc)
            seconds = _check_wav(tmp)
    except subprocess.TimeoutExpired as e:
        raise NoDeviceError(NO_TTS.format(why=f"espeak-ng took over {SYNTH_TIMEOUT_S:.0f} s")) from e
    log.debug("synthesised %.2f s of speech to %s", seconds, out)
    return out


def cache_key(text: str, rate_wpm: int) -> str:
    blob = "\0".join((CACHE_VERSION, VOICE, str(int(rate_wpm)), text.strip()))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


def speech_file(text: str, *, rate_wpm: int = DEFAULT_RATE_WPM) -> Path:
    """The cached WAV of ``text`` spoken at ``rate_wpm``; synthesised on first use."""
    from simulator.paths import cache_home

    path = cache_home() / CACHE_DIR / f"{cache_key(text, rate_wpm)}.wav"
    if path.is_file():
        try:
            _check_wav(path)
            return path
        except NoDeviceError:
            log.info("re-synthesising damaged cached speech %s", path)
    return synthesize(text, path, rate_wpm=rate_wpm)


def speak(text: str, *, rate_wpm: int = DEFAULT_RATE_WPM, device=None) -> None:
    """Say ``text`` aloud and return when it has been heard.

    Raises NoDeviceError (one line, with advice) when there is no sound output
    device, PortAudio is missing, or text-to-speech is unavailable.
    """
    import soundfile as sf

    from simulator.audio import player

    player.require_output_device(device)  # fail fast, before synthesising
    path = speech_file(text, rate_wpm=rate_wpm)
    y, sr = sf.read(str(path), dtype="float32", always_2d=True)
    playback = player.play(y.mean(axis=1), sr, blocking=True, device=device, latency=player.SPEECH_LATENCY_S)
    if playback.underflows:
        log.info("the question's playback ran dry %d times (the machine was busy)", playback.underflows)
