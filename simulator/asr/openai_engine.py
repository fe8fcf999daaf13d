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
from simulator.model.transcript import Transcript

log = logging.getLogger(__name__)

MISSING_MESSAGE = "openai-whisper is not installed; run pip install 'mock-interview[openai-whisper]'"
TORCH_HIDDEN_WAIT_S = 30.0  # s; longest wait for torch hidden by another thread (see _import_whisper)
TORCH_HIDDEN_POLL_S = 0.02  # s

_load_lock = threading.Lock()
_decode_lock = threading.Lock()


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
    path = model_folder(options)
    with _load_lock:
        return _load_model(str(path))


class OpenAIWhisper(Engine):
    """The reference implementation in fp32 on torch's threads, one stretch at a time.

    One at a time because word timing hooks the model's cross-attention layers
    for the length of a call, so two calls side by side would read each
    other's attention.
    """

    name = "openai-whisper"
    option_defaults = {"compute_type": "float32", "cpu_threads": 0, "workers": 1}
    max_workers = 1

    def load(self, options: TranscribeOptions):
        return get_openai_model(options)

    def transcribe(
        self,
        y: np.ndarray,
        *,
        options: TranscribeOptions,
        offset_s: float = 0.0,
        speech_end_s: float | None = None,
    ) -> Transcript:
        """``speech_end_s`` is not used: openai-whisper has no hook to stop between windows."""
        whisper = _import_whisper()
        model = get_openai_model(options)
        with _decode_lock:
            result = _run(whisper, model, y, options)
        segments = [
            s
            for s in result.get("segments", [])
            if not is_non_speech(s["start"], s["text"], s["no_speech_prob"], s["avg_logprob"])
        ]
        words = ((w["word"], w["start"], w["end"], w["probability"]) for s in segments for w in s.get("words", []))
        return Transcript(
            text=joined_text(s["text"] for s in segments),
            words=timed_words(words, offset_s),
            language=result.get("language") or options.language,
            language_probability=1.0,  # the language is given, as faster-whisper reports then
            avg_logprob=weighted_logprob((s["start"], s["end"], s["avg_logprob"]) for s in segments),
        )


def _run(whisper, model, y: np.ndarray, options: TranscribeOptions) -> dict:
    if options.cpu_threads:  # 0: torch's default (all cores), as for CTranslate2
        import torch

        torch.set_num_threads(options.cpu_threads)
    return whisper.transcribe(
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
