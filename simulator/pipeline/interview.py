"""A whole mock interview: the questions in a row, one follow-up where an answer has a gap, every answer kept.

Pure orchestration over three injectable parts (``Voice``, ``Answers``,
``Analyser``; the real ones are in ``interview_parts``, tests pass fakes):

- the interviewer says a question (its speech synthesised while the previous
  answer was given), an optional preparation countdown runs, the answer is
  taken (recorded, or the next file of ``--answers``);
- when the question may get a follow-up, the answer's transcript and content
  are checked at once and the follow-up, if any, is asked; otherwise the next
  question is asked straight away;
- everything else (delivery, the follow-up's analysis and merge, storage) runs
  in one background thread, in order, while the next question is asked.

Each answer is stored as a session as soon as it is analysed and the interview
record is rewritten after it, so Ctrl-C, a crash or a bad file keeps every
completed answer; ``run_interview`` on the same record resumes it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from simulator.errors import NoSpeechError, UnsupportedLanguageError
from simulator.model.analysis import Analysis, AnswerContext
from simulator.model.interview import (
    ANSWER,
    COMPLETE,
    FOLLOW_UP,
    IN_PROGRESS,
    STOPPED,
    FollowUpResult,
    Interview,
    InterviewRecord,
    InterviewSettings,
    QuestionResult,
    StoredAnswer,
    StoredFollowUp,
)
from simulator.pipeline.followups import choose_follow_up, load_followups
from simulator.questions import Question

log = logging.getLogger(__name__)

ANSWER_END, PROMPT_START = "answer_end", "prompt_start"  # InterviewRun.events
# An answer that cannot be scored for one of these reasons is left out (its recording kept), and the interview
# goes on: one mumbled answer should not end a mock interview.
UNSCORABLE = (NoSpeechError, UnsupportedLanguageError)


@dataclass(frozen=True)
class Prompt:
    """What the interviewer asks: a planned question, or the follow-up to it."""

    position: int  # 1-based place of the question in the plan
    question: Question
    text: str
    part: str = ANSWER  # ANSWER | FOLLOW_UP
    aims_at: str | None = None


@dataclass
class Take:
    """An answer as taken, before analysis: samples (or a written text), and what was made while recording."""

    y: object = None  # mono float32 samples; None for a written answer
    sr: int = 0
    source: Path | None = None  # the recording or the file it came from
    temporary: bool = False  # a recording of this run, removed once the answer is stored
    transcript: Callable[[], object] | None = None  # returns the transcript streamed while recording
    pitch_track: object = None
    text: str | None = None  # a written answer
    notes: list[str] = field(default_factory=list)  # for the analysis, e.g. that the time limit cut it off


class Voice(Protocol):
    def prepare(self, text: str) -> None:
        """Start synthesising ``text`` so that ``say`` can start at once."""

    def say(self, text: str, *, on_start: Callable[[], None]) -> None:
        """Say ``text``; call ``on_start`` when it starts being heard; return once it has been."""


class Answers(Protocol):
    def countdown(self, seconds: float) -> None:
        """Give the candidate ``seconds`` to prepare."""

    def take(self, prompt: Prompt, settings: InterviewSettings) -> Take:
        """The answer to ``prompt``; BadInputError when there is none to take."""


class Analyser(Protocol):
    def first(self, take: Take, question: Question, context: AnswerContext) -> Analysis:
        """The transcript and the content check: enough to choose the follow-up."""

    def second(self, analysis: Analysis, take: Take) -> None:
        """The rest of the analysis (delivery), filled into ``analysis``."""

    def merge(self, main: Analysis, follow: Analysis):
        """The main answer's content report with what the follow-up's answer supplied."""


@dataclass
class InterviewRun:
    """What ``run_interview`` did: the record as stored, the document, and when each prompt started."""

    record: InterviewRecord
    interview: Interview | None = None
    events: list[tuple[float, str, int, str]] = field(default_factory=list)  # (monotonic s, kind, position, part)


def follow_up_question(question: Question, text: str, aims_at: str) -> Question:
    """The follow-up as a question: its answer is checked on the criterion it aims at only."""
    return replace(question, text=text, criteria=(aims_at,), default=False)


def may_follow_up(question: Question, settings: InterviewSettings) -> bool:
    """Follow-ups are on and the question's kind has a priority list (the closing question has none)."""
    return settings.follow_ups and bool(load_followups().priority.get(question.kind))


class _Background:
    """One worker thread, so answers are analysed and stored in the order they were given."""

    def __init__(self):
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="interview-analysis")
        self.jobs: list[Future] = []

    def submit(self, fn, *args) -> Future:
        job = self.pool.submit(fn, *args)
        self.jobs.append(job)
        return job

    def raise_failed(self) -> None:
        """Re-raise the first error of a finished job (in the main thread)."""
        for job in self.jobs:
            if job.done() and job.exception() is not None:
                raise job.exception()

    def drain(self) -> None:
        """Wait for every job; the first error is raised once all are done."""
        for job in self.jobs:
            try:
                job.result()
            except BaseException:  # noqa: BLE001 - reported by raise_failed below
                pass
        self.pool.shutdown(wait=True)
        self.raise_failed()


class _Interviewer:
    """The state of one run: the record, the results so far, the background thread."""

    def __init__(self, record: InterviewRecord, voice: Voice, answers: Answers, analyser: Analyser, on_note):
        self.record, self.voice, self.answers, self.analyser = record, voice, answers, analyser
        self.note = on_note
        self.results: dict[int, QuestionResult] = {}
        self.lock = threading.Lock()
        self.background = _Background()
        self.run = InterviewRun(record)

    def event(self, kind: str, prompt: Prompt) -> None:
        self.run.events.append((time.monotonic(), kind, prompt.position, prompt.part))

    def ask(self, prompt: Prompt) -> Take:
        self.voice.say(prompt.text, on_start=lambda: self.event(PROMPT_START, prompt))
        if prompt.part == ANSWER and self.record.settings.prep_s > 0:
            self.answers.countdown(self.record.settings.prep_s)
        take = self.answers.take(prompt, self.record.settings)
        self.event(ANSWER_END, prompt)
        return take

    def question(self, prompt: Prompt, upcoming: Question | None) -> None:
        """Ask one planned question and its follow-up; their analysis continues in the background."""
        if upcoming is not None:
            self.voice.prepare(upcoming.text)
        take = self.ask(prompt)
        analysis, follow = None, None
        if may_follow_up(prompt.question, self.record.settings):
            try:
                analysis = self.analyser.first(take, prompt.question, self.record.context)
            except UNSCORABLE as e:
                self.note(f"The answer to question {prompt.position} is left out: {e}")
                return
            follow = choose_follow_up(analysis)
        main = self.background.submit(self.finish_answer, prompt, take, analysis)
        if follow is None:
            return
        self.voice.prepare(follow.text)
        fu_prompt = Prompt(prompt.position, prompt.question, follow.text, FOLLOW_UP, follow.aims_at)
        fu_take = self.ask(fu_prompt)
        self.background.submit(self.finish_follow_up, fu_prompt, fu_take, main)

    # --- in the background thread ------------------------------------------------

    def finish_answer(self, prompt: Prompt, take: Take, analysis: Analysis | None) -> tuple[Analysis, str] | None:
        from simulator.sessions import interviews, store

        try:
            if analysis is None:
                analysis = self.analyser.first(take, prompt.question, self.record.context)
            self.analyser.second(analysis, take)
        except UNSCORABLE as e:
            self.note(f"The answer to question {prompt.position} is left out: {e}")
            return None
        sid = store.save_session(
            analysis, take.y, take.sr, link=interviews.link(self.record.id, prompt.position, ANSWER)
        )
        _discard(take)
        with self.lock:
            self.results[prompt.position] = QuestionResult(prompt.question, analysis)
            answers = [a for a in self.record.answers if a.position != prompt.position]
            self.record.answers = sorted(
                answers + [StoredAnswer(prompt.position, prompt.question.id, sid)], key=lambda a: a.position
            )
            self.save()
        return analysis, sid

    def finish_follow_up(self, prompt: Prompt, take: Take, main_job: Future) -> None:
        from simulator.sessions import interviews, store

        done = main_job.result()
        if done is None:
            return
        main, sid = done
        stored: str | None = None
        fu_analysis = None
        asked = follow_up_question(prompt.question, prompt.text, prompt.aims_at)
        try:
            fu_analysis = self.analyser.first(take, asked, self.record.context)
            self.analyser.second(fu_analysis, take)
        except UNSCORABLE as e:
            self.note(f"The answer to the follow-up of question {prompt.position} is left out: {e}")
        if fu_analysis is not None:
            link = interviews.link(self.record.id, prompt.position, FOLLOW_UP)
            stored = store.save_session(fu_analysis, take.y, take.sr, link=link)
            _discard(take)
            main.content = self.analyser.merge(main, fu_analysis)
            store.update_analysis(sid, main)
        with self.lock:
            self.results[prompt.position].follow_up = FollowUpResult(prompt.text, prompt.aims_at, fu_analysis)
            self.record.answers = [
                replace(a, follow_up=StoredFollowUp(prompt.text, prompt.aims_at, stored))
                if a.position == prompt.position
                else a
                for a in self.record.answers
            ]
            self.save()

    def save(self) -> None:
        from simulator.report.interview_summary import interview_score
        from simulator.sessions import interviews

        interviews.save(self.record, score=interview_score(list(self.results.values())))


def _discard(take: Take) -> None:
    """Remove this run's recording once the answer is stored (the session holds the audio now)."""
    if take.temporary and take.source is not None:
        take.source.unlink(missing_ok=True)


def start_interview(plan: list[Question], context: AnswerContext, settings: InterviewSettings) -> InterviewRecord:
    """Store a new interview record for ``plan``; its answers are added by ``run_interview``."""
    from simulator.sessions import interviews

    record = InterviewRecord(id="", context=context, settings=settings, plan=list(plan))
    interviews.create(record)
    return record


def run_interview(
    record: InterviewRecord,
    *,
    voice: Voice,
    answers: Answers,
    analyser: Analyser,
    on_note: Callable[[str], None] = lambda text: None,
) -> InterviewRun:
    """Ask every question of ``record.plan`` not answered yet; returns the run with the finished document.

    On any error or Ctrl-C, the answers already taken are analysed and stored,
    the record is marked stopped, and the error is raised.
    """
    from simulator.sessions import interviews

    state = _Interviewer(record, voice, answers, analyser, on_note)
    state.results = interviews.results(record)
    todo = [i for i in range(1, len(record.plan) + 1) if i not in {a.position for a in record.answers}]
    record.status = IN_PROGRESS
    try:
        for k, position in enumerate(todo):
            state.background.raise_failed()
            question = record.plan[position - 1]
            upcoming = record.plan[todo[k + 1] - 1] if k + 1 < len(todo) else None
            state.question(Prompt(position, question, question.text), upcoming)
        state.background.drain()
    except BaseException:
        _stop(state)
        raise
    record.status = COMPLETE
    state.save()
    from simulator.report.interview_summary import document

    state.run.interview = document(record, state.results)
    return state.run


def _stop(state: _Interviewer) -> None:
    """Keep what was answered: let the background finish, then mark the record stopped."""
    try:
        state.background.drain()
    except BaseException as e:  # noqa: BLE001 - the first error is the one reported
        log.info("while stopping the interview: %s", e)
    state.record.status = STOPPED
    state.save()
