"""A whole mock interview as typed dataclasses: the stored record and the reported document.

``InterviewRecord`` is what ``interview.json`` holds: the plan, the settings
and, per answered question, the ids of its stored answer sessions, so the
answers themselves live once, as ordinary sessions. ``Interview`` is the
document ``interview --json`` prints and the reports render: the record with
each answer's full analysis put in, and the summary. Field names are the JSON
names (``model.codec`` writes and reads both).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from simulator.model.analysis import Analysis, AnswerContext
from simulator.questions import Question

IN_PROGRESS, STOPPED, COMPLETE = "in_progress", "stopped", "complete"  # InterviewRecord.status
ANSWER, FOLLOW_UP = "answer", "follow_up"  # the part of a question a stored session answers


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class InterviewSettings:
    """How the interview runs; stored so that ``--resume`` continues the same way."""

    follow_ups: bool = True  # ask one follow-up after an answer with a missing or flagged criterion
    answer_limit_s: float = 120.0  # s; the longest answer recorded
    notice_s: float = 15.0  # s before the limit at which the candidate is told time is nearly up
    prep_s: float = 0.0  # s of preparation countdown after each question
    silence_stop_s: float = 3.0  # s of silence after speech that ends an answer
    seed: int = 0  # the question plan's random seed
    voice: str = "espeak"  # the interviewer's voice


@dataclass(frozen=True)
class StoredFollowUp:
    text: str  # what the interviewer asked
    aims_at: str  # the criterion id it aims at
    session_id: str | None = None  # the stored answer to it


@dataclass(frozen=True)
class StoredAnswer:
    position: int  # 1-based place of the question in the plan
    question_id: str
    session_id: str  # the stored answer (its analysis has what the follow-up supplied merged in)
    follow_up: StoredFollowUp | None = None


@dataclass
class InterviewRecord:
    """``interview.json``: written when the interview starts and again after every answer."""

    id: str
    context: AnswerContext
    settings: InterviewSettings
    plan: list[Question]
    answers: list[StoredAnswer] = field(default_factory=list)
    status: str = IN_PROGRESS
    created_at: str = field(default_factory=_now)

    def next_position(self) -> int:
        """The 1-based position of the first question not answered yet (len(plan) + 1 when done)."""
        done = {a.position for a in self.answers}
        return next((i for i in range(1, len(self.plan) + 1) if i not in done), len(self.plan) + 1)


@dataclass
class FollowUpResult:
    text: str
    aims_at: str  # criterion id
    answer: Analysis | None  # None when the answer to it was not kept (deleted, or the run stopped)


@dataclass
class QuestionResult:
    question: Question
    answer: Analysis
    follow_up: FollowUpResult | None = None


@dataclass(frozen=True)
class QuestionVerdict:
    """One line of the report per question."""

    position: int
    question_id: str
    verdict: str  # the one-line verdict
    score: int | None  # content score after the follow-up; None for the closing question (light feedback)
    supplied: list[str] = field(default_factory=list)  # criteria the follow-up supplied


@dataclass(frozen=True)
class AnswerDelivery:
    """Delivery of one recording (answers and follow-ups are measured apart)."""

    position: int
    part: str  # ANSWER | FOLLOW_UP
    duration_s: float | None
    wpm: float | None
    fillers_per_min: float | None
    long_pauses: int | None
    pace: str = ""  # the delivery verdict's pace word (ok / too fast / too slow)


@dataclass(frozen=True)
class InterviewSummary:
    status: str  # IN_PROGRESS | STOPPED | COMPLETE
    created_at: str
    context: AnswerContext
    settings: InterviewSettings
    planned: list[Question]  # every question of the plan, asked or not
    score: int | None  # mean content score of the scored answers
    verdicts: list[QuestionVerdict]
    delivery: list[AnswerDelivery]
    strongest: int | None  # position of the strongest answer
    strongest_why: str
    practise: list[str]  # the top three things to practise, most important first


@dataclass
class Interview:
    """The ``interview --json`` document."""

    interview_id: str
    questions: list[QuestionResult]
    summary: InterviewSummary
