"""faster-whisper on the bundled tiny.en model: the default engine.

The model is loaded lazily on first use and cached per (path, threads), so
importing this module is cheap and a second transcription pays no load.

Each CTranslate2 worker runs on one core: on the 2-core development machine
one thread per decode is 3x faster than two (the tiny model's matrices are
too small to share), so two stretches side by side use both cores best. No
window is decoded past the end of a stretch's speech.
"""

from __future__ import annotations

import logging
import os
import threading
from functools import lru_cache

import numpy as np

from simulator.asr.engine import (
    Engine,
    TranscribeOptions,
    is_non_speech,
    joined_text,
    model_folder,
    timed_words,
    weighted_logprob,
)
from simulator.errors import ModelError
from simulator.model.transcript import Transcript, Word

log = logging.getLogger(__name__)

# After a window, another is decoded only if this much speech is left after its last word.
SPEECH_LEFT_S = 0.6
# CTranslate2's random generators, used when a window is re-decoded by sampling
# (temperature fallback). It keeps one per worker thread, seeded at first use, so
# runs repeat exactly on one worker; on two, a request may land on either.
SAMPLING_SEED = 0

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
    path = model_folder(options)
    with _load_lock:
        return _load_model(str(path), options.compute_type, options.cpu_threads, options.workers)


class FasterWhisper(Engine):
    """CTranslate2 int8 decoding; one model serves ``workers`` stretches at once."""

    name = "faster-whisper"
    max_workers = None

    def load(self, options: TranscribeOptions):
        return get_model(options)

    def transcribe(
        self,
        y: np.ndarray,
        *,
        options: TranscribeOptions,
        offset_s: float = 0.0,
        speech_end_s: float | None = None,
    ) -> Transcript:
        """With ``speech_end_s``, no window is decoded after the words reach it."""
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
    spans: list[tuple[float, float, float]] = []
    for seg in _until_stopped(segments):  # a generator: decoding happens here
        if is_non_speech(seg.start, seg.text, seg.no_speech_prob, seg.avg_logprob):
            continue
        texts.append(seg.text)
        spans.append((seg.start, seg.end, seg.avg_logprob))
        words.extend(timed_words(((w.word, w.start, w.end, w.probability) for w in seg.words or []), offset_s))
    return Transcript(
        text=joined_text(texts),
        words=words,
        language=info.language,
        language_probability=float(info.language_probability),
        avg_logprob=weighted_logprob(spans),
    )


def _until_stopped(segments):
    try:
        yield from segments
    except _SpeechLeftStop:
        log.debug("no speech left after the last word: no further window")
