"""Speech to text with openai-whisper, the reference implementation, on the same tiny.en weights.

An optional engine (``pip install 'mock-interview[openai-whisper]'``), used by
``--engine openai-whisper`` and by the benchmark. The bundled CTranslate2
model is converted once to an openai-whisper checkpoint (simulator.asr.ct2_convert)
so both engines run the very same weights offline. Decoding mirrors the
faster-whisper path: beam search, word timestamps, the filler prompt, English,
fp32 on CPU. Audio is always passed as a 16 kHz float32 array: openai-whisper's
own ``load_audio`` shells out to ffmpeg.
"""

from __future__ import annotations

import base64
import gzip
import logging
import sys
import threading
import time
from functools import lru_cache
from pathlib import Path

import numpy as np

from simulator.asr.transcribe import (
    NO_SPEECH_MAX_LOGPROB,
    NO_SPEECH_PROB,
    TranscribeOptions,
    bundled_model_path,
    normalize_filler,
)
from simulator.audio.files import SAMPLE_RATE
from simulator.errors import ModelError
from simulator.model.transcript import Transcript, Word

log = logging.getLogger(__name__)

MISSING_MESSAGE = "openai-whisper is not installed; run pip install 'mock-interview[openai-whisper]'"
TORCH_HIDDEN_WAIT_S = 30.0  # s; longest wait for torch hidden by another thread (see _import_whisper)
TORCH_HIDDEN_POLL_S = 0.02  # s

_load_lock = threading.Lock()


def _import_whisper():
    """``import whisper`` (and torch), or ModelError when the optional extra is missing.

    simulator.content.nlp hides torch (``sys.modules["torch"] = None``) for a
    moment while spaCy loads in a background thread; an import that lands in
    that moment is retried instead of being taken for a missing extra.
    """
    deadline = time.monotonic() + TORCH_HIDDEN_WAIT_S
    while True:
        try:
            import torch  # noqa: F401
            import whisper
        except ImportError as e:
            if sys.modules.get("torch", 0) is None and time.monotonic() < deadline:
                time.sleep(TORCH_HIDDEN_POLL_S)
                continue
            raise ModelError(MISSING_MESSAGE) from e
        return whisper


def _mask_dump(mask: np.ndarray) -> bytes:
    """Encode a boolean (layer, head) mask the way ``Whisper.set_alignment_heads`` reads it."""
    return base64.b85encode(gzip.compress(np.ascontiguousarray(mask, dtype=bool).tobytes()))


@lru_cache(maxsize=2)
def _load_model(model_dir: str):
    whisper = _import_whisper()
    from whisper.model import ModelDimensions, Whisper

    from simulator.asr.ct2_convert import load_checkpoint

    checkpoint = load_checkpoint(model_dir)
    model = Whisper(ModelDimensions(**checkpoint["dims"]))
    model.load_state_dict(checkpoint["model_state_dict"])  # fp16 weights widen to the fp32 params
    model.set_alignment_heads(_mask_dump(checkpoint["alignment_heads"].numpy()))
    log.info("loaded openai-whisper %s (%s) from %s", whisper.__version__, checkpoint["dims"], model_dir)
    return model.eval()


def get_openai_model(options: TranscribeOptions = TranscribeOptions()):
    """Load (once) and return the openai-whisper model converted from the bundled weights."""
    _import_whisper()
    path = Path(options.model_path) if options.model_path else bundled_model_path()
    if not (path / "model.bin").is_file():
        raise ModelError(f"{path} has no model.bin; pass --model a faster-whisper model folder.")
    with _load_lock:
        return _load_model(str(path))


def _kept_segments(segments: list[dict]) -> list[dict]:
    """Drop likely non-speech hallucinations with the same rule as the faster-whisper path."""
    kept = []
    for seg in segments:
        if seg["no_speech_prob"] > NO_SPEECH_PROB and seg["avg_logprob"] < NO_SPEECH_MAX_LOGPROB:
            log.info("dropping a likely non-speech segment at %.1f s: %r", seg["start"], seg["text"])
            continue
        kept.append(seg)
    return kept


def _words(segments: list[dict], offset_s: float) -> list[Word]:
    words: list[Word] = []
    for seg in segments:
        for w in seg.get("words", []):
            token = normalize_filler(w["word"].strip())
            if token:
                words.append(
                    Word(
                        token,
                        round(float(w["start"]) + offset_s, 3),
                        round(float(w["end"]) + offset_s, 3),
                        round(float(w["probability"]), 4),
                    )
                )
    return words


def _avg_logprob(segments: list[dict]) -> float | None:
    """Duration-weighted mean token log-probability, as in ``transcribe()``."""
    spans = [max(s["end"] - s["start"], 0.01) for s in segments]
    total = sum(spans)
    return round(sum(s["avg_logprob"] * d for s, d in zip(segments, spans)) / total, 4) if total else None


def transcribe_openai(
    y: np.ndarray, sr: int, *, options: TranscribeOptions = TranscribeOptions(), offset_s: float = 0.0
) -> Transcript:
    """Transcribe mono 16 kHz audio with openai-whisper; same contract as ``transcribe()``."""
    if sr != SAMPLE_RATE:
        raise ValueError(f"transcribe_openai() needs 16 kHz audio, got {sr} Hz")
    whisper = _import_whisper()
    model = get_openai_model(options)
    if options.cpu_threads:  # 0: torch's default (all cores), as for CTranslate2
        import torch

        torch.set_num_threads(options.cpu_threads)
    result = whisper.transcribe(
        model,
        np.ascontiguousarray(y, dtype=np.float32),
        verbose=None,  # None: no printing at all (False still draws a progress bar)
        language=options.language,
        beam_size=options.beam_size,
        best_of=options.beam_size,
        word_timestamps=True,
        initial_prompt=options.initial_prompt or None,
        condition_on_previous_text=False,
        fp16=False,
    )
    segments = _kept_segments(result.get("segments", []))
    text = " ".join(normalize_filler(t) for t in " ".join(s["text"].strip() for s in segments).split())
    return Transcript(
        text=text,
        words=_words(segments, offset_s),
        language=result.get("language") or options.language,
        language_probability=1.0,  # the language is given, as faster-whisper reports then
        avg_logprob=_avg_logprob(segments),
    )
