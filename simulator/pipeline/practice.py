"""One practice run: ask the question, record the answer, give feedback fast.

The slow parts overlap with the person: the model loads and the analysis
libraries warm up while the question is being spoken, and the answer is
transcribed stretch by stretch, and its pitch measured, while it is still
being given (see ``streaming`` and ``delivery.pitch_track``). When the
recording stops, only the last words and the rest of the signal analysis are
left to do.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from simulator.asr.transcribe import TranscribeOptions
from simulator.audio.files import SAMPLE_RATE
from simulator.errors import NoDeviceError
from simulator.model.analysis import Analysis, AnswerContext
from simulator.questions import Question

log = logging.getLogger(__name__)


@dataclass
class PracticeAnswer:
    """What a practice run produced: the analysis and the audio it came from."""

    analysis: Analysis
    y: np.ndarray
    sr: int
    recording: Path | None  # the raw recording file, if the answer was recorded


class _Warmer(threading.Thread):
    """Loads the model and imports the analysis code in the background."""

    def __init__(self, options: TranscribeOptions):
        super().__init__(name="warm-up", daemon=True)
        self.options = options
        self.error: BaseException | None = None

    def run(self) -> None:
        from simulator.pipeline.answer import warm_up

        try:
            warm_up(self.options)
        except BaseException as e:  # noqa: BLE001 - re-raised in the main thread
            self.error = e

    def result(self) -> None:
        self.join()
        if self.error is not None:
            raise self.error


def ask(
    question: Question,
    *,
    speak: bool,
    options: TranscribeOptions,
    on_note: Callable[[str], None],
    voice: str = "espeak",
    device=None,
) -> _Warmer:
    """Speak the question (on the output ``device``) while the model loads; returns the warm-up to wait on."""
    warmer = _Warmer(options)
    warmer.start()
    if speak:
        from simulator.audio import tts

        try:
            tts.speak(question.text, voice=voice, device=device)
        except NoDeviceError as e:
            on_note(f"Not speaking the question: {e}")
    return warmer


@dataclass
class Streamed:
    """A recorded answer whose transcript and pitch were made while it was given."""

    recording: object  # recorder.Recording
    streamer: object  # asr.streaming.StreamingTranscriber; ``finish()`` returns the transcript
    track: object  # delivery.pitch_track.PitchTrack


def record_streamed(*, options: TranscribeOptions, delivery_options=None, record_kw: dict | None = None) -> Streamed:
    """Record from the microphone, transcribing and measuring pitch block by block."""
    from simulator.asr.streaming import StreamingTranscriber
    from simulator.audio import recorder
    from simulator.delivery.pitch_track import PitchTrack

    streamer = StreamingTranscriber(options=options)
    track = PitchTrack(options=delivery_options)

    def on_block(block: np.ndarray, sr: int) -> None:
        track.feed(streamer.feed(block, sr))

    try:
        rec = recorder.record(on_block=on_block, **(record_kw or {}))
    except BaseException:
        streamer.abandon()
        raise
    return Streamed(rec, streamer, track)


def record_and_analyze(
    question: Question,
    context: AnswerContext,
    *,
    options: TranscribeOptions = TranscribeOptions(),
    record_kw: dict | None = None,
    delivery_options=None,
    progress: Callable[[str], None] = lambda stage: None,
) -> PracticeAnswer:
    """Record from the microphone while transcribing and measuring pitch, then analyse."""
    from simulator.pipeline.answer import analyze_audio

    streamed = record_streamed(options=options, delivery_options=delivery_options, record_kw=record_kw)
    progress("Finishing the transcript")
    transcript = streamed.streamer.finish()
    y = streamed.streamer.audio()
    analysis = analyze_audio(
        y,
        SAMPLE_RATE,
        question,
        context,
        source=streamed.recording.path,
        transcribe_options=options,
        delivery_options=delivery_options,
        transcript=transcript,
        pitch_track=streamed.track,
        progress=progress,
    )
    if streamed.recording.stop_reason == "max":
        from simulator.audio import recorder

        analysis.notes.append(recorder.cut_note(streamed.recording.duration_s))
    return PracticeAnswer(analysis, y, SAMPLE_RATE, streamed.recording.path)


def analyze_answer_file(
    path: Path,
    question: Question,
    context: AnswerContext,
    *,
    options: TranscribeOptions = TranscribeOptions(),
    delivery_options=None,
    progress: Callable[[str], None] = lambda stage: None,
) -> PracticeAnswer:
    """Analyse a recorded answer file (``practice --answer FILE``)."""
    from simulator.pipeline.answer import analyze_file

    analysis, y, sr = analyze_file(
        path, question, context, transcribe_options=options, delivery_options=delivery_options, progress=progress
    )
    return PracticeAnswer(analysis, y, sr, None)
