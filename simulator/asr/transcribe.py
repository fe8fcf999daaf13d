"""Speech to text with word times, through the engine ``TranscribeOptions.engine`` names.

A long answer is transcribed as stretches cut inside its pauses
(``pause_cutter``), as many at a time as the engine allows
(``Engine.workers``), and the stretch transcripts are joined in order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import numpy as np

from simulator.asr.engine import TranscribeOptions, merge_transcripts, timing_collapsed
from simulator.asr.engines import get_engine
from simulator.asr.pause_cutter import Stretch
from simulator.audio.files import SAMPLE_RATE
from simulator.model.transcript import Transcript

log = logging.getLogger(__name__)

__all__ = ["TranscribeOptions", "transcribe", "transcribe_stretch", "transcribe_stretches"]


def _check_rate(sr: int, caller: str) -> None:
    if sr != SAMPLE_RATE:
        raise ValueError(f"{caller}() needs {SAMPLE_RATE} Hz audio, got {sr} Hz")


def transcribe(
    y: np.ndarray,
    sr: int,
    *,
    options: TranscribeOptions = TranscribeOptions(),
    offset_s: float = 0.0,
    speech_end_s: float | None = None,
) -> Transcript:
    """Transcribe mono float32 audio at 16 kHz in one piece; word times are offset by ``offset_s``.

    With ``speech_end_s`` (seconds into ``y``), an engine that can stop
    decodes no window after the words reach it.
    """
    _check_rate(sr, "transcribe")
    engine = get_engine(options.engine)
    transcript = engine.transcribe(y, options=options, offset_s=offset_s, speech_end_s=speech_end_s)
    if options.initial_prompt and timing_collapsed(transcript):
        log.info("word timing collapsed at %.1f s; decoding the stretch again without the filler prompt", offset_s)
        again = engine.transcribe(
            y, options=replace(options, initial_prompt=""), offset_s=offset_s, speech_end_s=speech_end_s
        )
        if not timing_collapsed(again):
            return again
    return transcript


def transcribe_stretch(
    y: np.ndarray, sr: int, s: Stretch, *, options: TranscribeOptions = TranscribeOptions()
) -> Transcript:
    """Transcribe ``y[s.start:s.end]``, with word times in the whole of ``y``."""
    return transcribe(
        y[s.start : s.end], sr, options=options, offset_s=s.start / sr, speech_end_s=(s.speech_end - s.start) / sr
    )


def transcribe_stretches(
    y: np.ndarray,
    sr: int,
    stretches: list[Stretch],
    *,
    options: TranscribeOptions = TranscribeOptions(),
    when_idle: Callable[[], object] | None = None,
) -> Transcript:
    """Transcribe each stretch of ``y`` (``Engine.workers`` at a time) and join them in order.

    ``when_idle`` runs on the first worker left without a stretch to start (its
    errors are left for the caller to meet again); the call returns once it is done.
    """
    _check_rate(sr, "transcribe_stretches")
    engine = get_engine(options.engine)
    workers = engine.workers(options)
    if workers > 1:
        engine.load(options)  # load once, before the workers start

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="asr") as pool:
        jobs = [pool.submit(transcribe_stretch, y, sr, s, options=options) for s in stretches]
        if when_idle is not None:
            pool.submit(when_idle)  # queued after every stretch
        return merge_transcripts([job.result() for job in jobs])
