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
WARM_ANSWER = "In five years I want to lead a small analytics team, because I like turning numbers into decisions."


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
    release_model: bool = False,
    progress: Progress = _noop,
) -> Analysis:
    """Transcribe and analyse one answer given as 16 kHz mono samples.

    Pass ``transcript`` and ``pitch_track`` when they were made while recording.
    ``release_model`` (a process that transcribes once: ``mock-interview analyze``)
    drops the speech model after the transcription and returns the freed heap
    before librosa loads, instead of loading librosa beside the last stretch:
    model, decoders and librosa are then never resident together. A 180 s answer
    peaked higher with all three (docs/performance.md); librosa's import is then
    no longer hidden behind the last stretch.
    """
    analysis = transcribed(
        y,
        sr,
        question,
        context,
        source=source,
        transcribe_options=transcribe_options,
        transcript=transcript,
        release_model=release_model,
        progress=progress,
    )
    progress("Measuring delivery")
    add_delivery(analysis, y, sr, options=delivery_options, pitch_track=pitch_track)
    if release_model:  # the delivery's freed working memory goes back before the content check allocates
        _trim_heap()
    progress("Checking content")
    check_answer_content(analysis)
    return analysis


def transcribed(
    y: np.ndarray,
    sr: int,
    question: Question,
    context: AnswerContext = AnswerContext(),
    *,
    source: str | Path | None = None,
    transcribe_options: TranscribeOptions = TranscribeOptions(),
    transcript: Transcript | None = None,
    release_model: bool = False,
    progress: Progress = _noop,
) -> Analysis:
    """The first step of ``analyze_audio``: the answer checked for speech and English, and transcribed.

    A mock interview needs the content of an answer before its delivery, to
    choose the follow-up, so the steps are also callable one by one.
    """
    name = str(source) if source else "the recording"
    duration = y.size / sr
    if duration < MIN_SPEECH_S:
        raise NoSpeechError(f"{name} is only {duration:.2f} s long; record a full answer.")
    if float(np.max(np.abs(y))) < SILENCE_PEAK:
        raise NoSpeechError(f"No speech detected in {name}: it is silent. Check the microphone and record again.")
    if transcript is None:
        progress("Transcribing")
        idle = _load_content_model if release_model else _load_analysis
        transcript = transcribe_answer(y, sr, options=transcribe_options, when_idle=idle)
        if release_model:
            _release_speech_model()
    if not transcript.words:
        raise NoSpeechError(f"No speech detected in {name}; speak closer to the microphone and try again.")
    reason = not_english_reason(transcript)
    if reason:
        raise UnsupportedLanguageError(
            f"{name} does not sound like English speech ({reason}); the coach scores English answers only, "
            "so please answer in English."
        )
    return Analysis(
        question=question,
        context=context,
        transcript=transcript,
        audio=AudioInfo(duration_s=round(duration, 3), sample_rate=sr, source=str(source) if source else None),
        engine=transcribe_options,
    )


def add_delivery(analysis: Analysis, y: np.ndarray, sr: int, *, options=None, pitch_track=None) -> None:
    """Measure the delivery of the transcribed answer ``analysis`` from its samples."""
    from simulator.delivery import analyze_delivery

    analysis.delivery = analyze_delivery(y, sr, analysis.transcript, options=options, pitch_track=pitch_track)


def transcribe_answer(
    y: np.ndarray,
    sr: int,
    *,
    options: TranscribeOptions = TranscribeOptions(),
    when_idle: Callable[[], object] | None = None,
) -> Transcript:
    """Whole-answer transcription on stretches cut at pauses, as many at a time as the engine allows.

    ``when_idle`` runs once a worker has no stretch left:
    ``analyze_audio`` loads the NLP model and librosa there. Loaded beside all of the
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


def _trim_heap() -> None:
    import gc

    from simulator.malloc_tuning import trim_heap

    gc.collect()
    trim_heap()


def _release_speech_model() -> None:
    """Drop the faster-whisper model and give its memory and the decoders' freed heap back.

    What is left (libraries, the NLP model) lives as long as the process, so it is
    frozen out of the garbage collector: the collections during librosa's import, which
    follows, then skip it (half their time).
    """
    import gc

    from simulator.asr.faster_engine import release_models

    release_models()
    _trim_heap()
    gc.freeze()


def _load_analysis() -> None:
    """The NLP model, then librosa (import, compiled code, first calls): both load beside the
    answer's last stretch, so the delivery and content checks wait for neither."""
    from simulator.delivery.warmup import warm_librosa

    _load_content_model()
    warm_librosa()


def analyze_file(
    path: str | Path, question: Question, context: AnswerContext = AnswerContext(), **kw
) -> tuple[Analysis, np.ndarray, int]:
    """Decode ``path`` and analyse it; also returns the decoded samples for storage."""
    from simulator.audio.files import load_audio

    progress: Progress = kw.get("progress", _noop)
    progress("Decoding audio")
    y, sr = load_audio(path)
    return analyze_audio(y, sr, question, context, source=path, **kw), y, sr


def read_text(path: str | Path, what: str) -> str:
    """A text file the user gave (an answer, a job posting); BadInputError saying what is wrong with it."""
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError as e:
        raise BadInputError(f"{path}: no such {what} file; check the path.") from e
    except IsADirectoryError as e:
        raise BadInputError(f"{path} is a folder; give the {what} file.") from e
    except OSError as e:
        raise BadInputError(f"Cannot read {what} file {path} ({e.strerror}); check its permissions.") from e


def analyze_text(text: str, question: Question, context: AnswerContext = AnswerContext()) -> Analysis:
    """Check the content of a written answer; there is no delivery part."""
    if not text.strip():
        raise BadInputError("The answer text is empty; write or paste the answer into the file.")
    analysis = Analysis(question=question, context=context, transcript=Transcript.from_text(text))
    check_answer_content(analysis)
    return analysis


def warm_up(transcribe_options: TranscribeOptions = TranscribeOptions()) -> None:
    """Load the model and import the analysis libraries ahead of time (e.g. while
    the question is being spoken), so the answer's feedback does not wait for them."""
    from simulator.asr.engines import get_engine

    get_engine(transcribe_options.engine).load(transcribe_options)
    _load_analysis()
    _check_once()


def _check_once() -> None:
    """One check of a short written answer loads the content code, the rubric and its lexicons, which the
    first answer's check paid otherwise (0.57 s instead of 0.09 s); not beside ``analyze``'s last stretch,
    where it would sit on the memory peak."""
    from simulator.questions import get_question

    analyze_text(WARM_ANSWER, get_question())


def check_answer_content(analysis: Analysis) -> None:
    """Check the content of the transcribed answer ``analysis`` against its question's criteria."""
    from simulator.content import check_content

    analysis.content = check_content(analysis.transcript, analysis.question, analysis.context)
