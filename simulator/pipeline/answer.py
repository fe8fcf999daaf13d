"""Orchestration: audio or text in, a complete ``Analysis`` out.

Works on arrays and files only; never on devices, and never prints. Progress
is reported through an optional callback so the CLI can show a spinner.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import numpy as np

from simulator.asr.speech_check import not_english_reason
from simulator.asr.transcribe import TranscribeOptions
from simulator.errors import BadInputError, NoSpeechError, UnsupportedLanguageError
from simulator.model.analysis import Analysis, AnswerContext, AudioInfo
from simulator.model.transcript import Transcript
from simulator.questions import Question

log = logging.getLogger(__name__)

Progress = Callable[[str], None]
SILENCE_PEAK = 1e-3  # peak amplitude (about -60 dBFS) below which a file is treated as silent
MIN_SPEECH_S = 0.5  # s; shorter audio cannot hold an answer


def _noop(stage: str) -> None:
    log.debug("stage: %s", stage)


def analyze_audio(
    y: np.ndarray,
    sr: int,
    question: Question,
    context: AnswerContext = AnswerContext(),
    *,
    source: str | Path | None = None,
    transcribe_options: TranscribeOptions = TranscribeOptions(),
    delivery_options=None,
    transcript: Transcript | None = None,
    pitch_track=None,
    progress: Progress = _noop,
) -> Analysis:
    """Transcribe and analyse one answer given as 16 kHz mono samples.

    Pass ``transcript`` and ``pitch_track`` when they were made while recording.
    """
    name = str(source) if source else "the recording"
    duration = y.size / sr
    if duration < MIN_SPEECH_S:
        raise NoSpeechError(f"{name} is only {duration:.2f} s long; record a full answer.")
    if float(np.max(np.abs(y))) < SILENCE_PEAK:
        raise NoSpeechError(f"No speech detected in {name}: it is silent. Check the microphone and record again.")
    if transcript is None:
        progress("Transcribing")
        transcript = transcribe_answer(y, sr, options=transcribe_options, when_idle=_load_content_model)
    if not transcript.words:
        raise NoSpeechError(f"No speech detected in {name}; speak closer to the microphone and try again.")
    reason = not_english_reason(transcript)
    if reason:
        raise UnsupportedLanguageError(
            f"{name} does not sound like English speech ({reason}); the coach scores English answers only, "
            "so please answer in English."
        )
    analysis = Analysis(
        question=question,
        context=context,
        transcript=transcript,
        audio=AudioInfo(duration_s=round(duration, 3), sample_rate=sr, source=str(source) if source else None),
        engine=transcribe_options,
    )
    progress("Measuring delivery")
    from simulator.delivery import analyze_delivery

    analysis.delivery = analyze_delivery(y, sr, transcript, options=delivery_options, pitch_track=pitch_track)
    progress("Checking content")
    _check_content(analysis)
    return analysis


def transcribe_answer(
    y: np.ndarray,
    sr: int,
    *,
    options: TranscribeOptions = TranscribeOptions(),
    when_idle: Callable[[], object] | None = None,
) -> Transcript:
    """Whole-answer transcription on stretches cut at pauses, as many at a time as the engine allows.

    ``when_idle`` runs once a worker has no stretch left:
    ``analyze_audio`` loads the NLP model there. Loaded beside all of the
    decoding instead, its loader (Python, holding the GIL) slowed a 180 s
    transcription by 4 s and added 100 MB to its peak. Beside the last stretch
    only, new processes measured 3.36 -> 3.18 s for a 60 s answer and
    7.52 -> 6.83 s for a 180 s one, with 15 MB more at the peak.
    """
    from simulator.asr.pause_cutter import plan_stretches
    from simulator.asr.transcribe import transcribe_stretches

    return transcribe_stretches(y, sr, plan_stretches(y, sr), options=options, when_idle=when_idle)


def _load_content_model() -> None:
    from simulator.content import warm_up as warm_content

    warm_content(background=False)


def analyze_file(
    path: str | Path, question: Question, context: AnswerContext = AnswerContext(), **kw
) -> tuple[Analysis, np.ndarray, int]:
    """Decode ``path`` and analyse it; also returns the decoded samples for storage."""
    from simulator.audio.files import load_audio

    progress: Progress = kw.get("progress", _noop)
    progress("Decoding audio")
    y, sr = load_audio(path)
    return analyze_audio(y, sr, question, context, source=path, **kw), y, sr


def analyze_text(text: str, question: Question, context: AnswerContext = AnswerContext()) -> Analysis:
    """Check the content of a written answer; there is no delivery part."""
    if not text.strip():
        raise BadInputError("The answer text is empty; write or paste the answer into the file.")
    analysis = Analysis(question=question, context=context, transcript=Transcript.from_text(text))
    _check_content(analysis)
    return analysis


def warm_up(transcribe_options: TranscribeOptions = TranscribeOptions()) -> None:
    """Load the model and import the analysis libraries ahead of time (e.g. while
    the question is being spoken), so the answer's feedback does not wait for them."""
    from simulator.asr.engines import get_engine

    get_engine(transcribe_options.engine).load(transcribe_options)
    import simulator.delivery  # noqa: F401

    _load_content_model()


def _check_content(analysis: Analysis) -> None:
    from simulator.content import check_content

    analysis.content = check_content(analysis.transcript, analysis.question, analysis.context)
