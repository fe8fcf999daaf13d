"""The real parts of a mock interview: the interviewer's voice, the answers (microphone or files), the analyser.

``simulator.pipeline.interview`` orchestrates them; tests replace them with fakes.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from simulator.asr.transcribe import TranscribeOptions
from simulator.errors import BadInputError, NoDeviceError
from simulator.model.analysis import Analysis, AnswerContext
from simulator.model.interview import FOLLOW_UP, InterviewSettings
from simulator.pipeline.interview import Prompt, Take
from simulator.questions import Question

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".md")  # --answers files read as written answers (no delivery part)
COUNTDOWN_STEP_S = 1.0  # s between the preparation countdown's updates


class SpokenVoice:
    """Speaks prompts with ``tts``; ``prepare`` synthesises ahead in a thread (``tts.speech_file`` caches)."""

    def __init__(self, voice: str, *, on_note: Callable[[str], None], device=None):
        self.voice = voice
        self.on_note = on_note
        self.device = device  # the output device; None: the default
        self.enabled = True
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tts")
        self.files: dict[str, Future] = {}

    def prepare(self, text: str) -> None:
        from simulator.audio import tts

        if self.enabled and text not in self.files:
            self.files[text] = self.pool.submit(tts.speech_file, text, voice=self.voice)

    def say(self, text: str, *, on_start: Callable[[], None]) -> None:
        import soundfile as sf

        from simulator.audio import player

        self.prepare(text)
        try:
            path = self.files.pop(text).result() if self.enabled else None
        except NoDeviceError as e:
            self.on_note(f"Not speaking the questions: {e}")
            self.enabled = False
            path = None
        on_start()
        if path is None:
            return
        y, sr = sf.read(str(path), dtype="float32", always_2d=True)
        try:
            player.play(y.mean(axis=1), sr, blocking=True, device=self.device, latency=player.SPEECH_LATENCY_S)
        except NoDeviceError as e:
            self.on_note(f"Not speaking the questions: {e}")
            self.enabled = False


class SilentVoice:
    """``--no-speak``: the prompts are only shown."""

    def prepare(self, text: str) -> None:
        pass

    def say(self, text: str, *, on_start: Callable[[], None]) -> None:
        on_start()


class LimitNotice:
    """The recorder's status callback with a notice, once, ``notice_s`` before the answer limit."""

    def __init__(self, inner, *, limit_s: float, notice_s: float, on_notice: Callable[[float], None]):
        self.inner, self.limit_s, self.notice_s, self.on_notice = inner, limit_s, notice_s, on_notice
        self.sent = False

    def __call__(self, elapsed_s: float, level_dbfs: float) -> None:
        if self.inner is not None:
            self.inner(elapsed_s, level_dbfs)
        if not self.sent and elapsed_s >= self.limit_s - self.notice_s:
            self.sent = True
            self.on_notice(max(self.limit_s - elapsed_s, 0.0))

    def finish(self, reason: str | None = None, duration_s: float | None = None) -> None:
        if hasattr(self.inner, "finish"):
            self.inner.finish(reason, duration_s)


class Microphone:
    """Answers recorded from the microphone, transcribed while they are given, with the time limit shown."""

    def __init__(
        self,
        options: TranscribeOptions,
        delivery_options=None,
        *,
        show: bool,
        on_note,
        ready=None,
        devices=(None, None),
    ):
        self.options, self.delivery_options, self.show, self.on_note = options, delivery_options, show, on_note
        self.ready = ready  # waits for the model to load, before the first answer is recorded
        self.devices = devices  # (microphone, output for the start beep); None: the default

    def countdown(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if self.show:
                self.on_note(f"Prepare: {left:.0f} s")
            time.sleep(min(COUNTDOWN_STEP_S, left))

    def take(self, prompt: Prompt, settings: InterviewSettings) -> Take:
        from simulator.audio import recorder
        from simulator.audio.files import SAMPLE_RATE
        from simulator.pipeline.practice import record_streamed

        if self.ready is not None:
            self.ready()
            self.ready = None
        meter = None
        if self.show:
            meter = recorder.terminal_meter(silence_stop_s=settings.silence_stop_s, max_s=settings.answer_limit_s)
        status = LimitNotice(
            meter,
            limit_s=settings.answer_limit_s,
            notice_s=settings.notice_s,
            on_notice=lambda left: (meter.notify if meter else self.on_note)(f"{left:.0f} s left: start wrapping up."),
        )
        record_kw = {
            "max_s": settings.answer_limit_s,
            "silence_stop_s": settings.silence_stop_s,
            "on_status": status,
            "device": self.devices[0],
            "output_device": self.devices[1],
        }
        streamed = record_streamed(options=self.options, delivery_options=self.delivery_options, record_kw=record_kw)
        cut = streamed.recording.stop_reason == "max"
        return Take(
            y=streamed.streamer.audio(),
            sr=SAMPLE_RATE,
            source=streamed.recording.path,
            temporary=True,
            transcript=streamed.streamer.finish,
            pitch_track=streamed.track,
            notes=[recorder.cut_note(streamed.recording.duration_s)] if cut else [],
        )


class AnswerFiles:
    """``--answers FILE…``: the files in the order the prompts are asked, questions and follow-ups alike."""

    def __init__(self, paths: Sequence[str | Path]):
        self.paths = [Path(p) for p in paths]
        self.used = 0

    def countdown(self, seconds: float) -> None:
        pass  # nobody is preparing

    def take(self, prompt: Prompt, settings: InterviewSettings) -> Take:
        from simulator.audio.files import load_audio

        if self.used >= len(self.paths):
            what = f"{'the follow-up to ' if prompt.part == FOLLOW_UP else ''}question {prompt.position}"
            raise BadInputError(
                f"--answers gave {len(self.paths)} file(s), but the interview asks {what} "
                f"({prompt.text!r}) next; add a file for it, in the order the prompts are asked."
            )
        path = self.paths[self.used]
        self.used += 1
        if path.suffix.lower() in TEXT_SUFFIXES:
            from simulator.pipeline.answer import read_text

            return Take(source=path, text=read_text(path, "answer text"))
        y, sr = load_audio(path)
        return Take(y=y, sr=sr, source=path)

    def unused(self) -> list[Path]:
        return self.paths[self.used :]


class FullAnalyser:
    """The one-answer pipeline, in two steps; content checks run one at a time (the NLP model is shared)."""

    def __init__(self, options: TranscribeOptions = TranscribeOptions(), delivery_options=None):
        self.options, self.delivery_options = options, delivery_options
        self.lock = threading.Lock()

    def first(self, take: Take, question: Question, context: AnswerContext) -> Analysis:
        from simulator.pipeline.answer import analyze_text, check_answer_content, transcribed

        if take.text is not None:
            with self.lock:
                analysis = analyze_text(take.text, question, context)
            analysis.notes.extend(take.notes)
            return analysis
        transcript = take.transcript() if take.transcript is not None else None
        analysis = transcribed(
            take.y,
            take.sr,
            question,
            context,
            source=take.source,
            transcribe_options=self.options,
            transcript=transcript,
        )
        analysis.notes.extend(take.notes)
        with self.lock:
            check_answer_content(analysis)
        return analysis

    def second(self, analysis: Analysis, take: Take) -> None:
        from simulator.pipeline.answer import add_delivery

        if take.y is not None:
            add_delivery(analysis, take.y, take.sr, options=self.delivery_options, pitch_track=take.pitch_track)

    def merge(self, main: Analysis, follow: Analysis):
        from simulator.pipeline.followups import merge_follow_up

        with self.lock:
            return merge_follow_up(main, follow)
