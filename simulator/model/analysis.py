"""The result of analysing one answer, as typed dataclasses.

Field names are the JSON names: ``codec.to_jsonable`` turns an ``Analysis``
into the documented JSON document without renaming anything, and
``codec.load_analysis`` reads it back into these same types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from simulator.model.transcript import Transcript
from simulator.questions import Question

if TYPE_CHECKING:  # imported lazily at run time: they pull in librosa / NLP code
    from simulator.asr.transcribe import TranscribeOptions
    from simulator.content import ContentReport
    from simulator.delivery import DeliveryReport


@dataclass(frozen=True)
class AnswerContext:
    """What the candidate is interviewing for; used by the content check."""

    role: str | None = None
    company: str | None = None
    posting: str | None = None  # text of the job posting, if given


@dataclass(frozen=True)
class AudioInfo:
    """The answer audio as analysed (after decoding to mono)."""

    duration_s: float
    sample_rate: int
    source: str | None = None  # the file it came from, if any


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Analysis:
    """Everything the tool concluded about one answer."""

    question: Question
    context: AnswerContext
    transcript: Transcript
    audio: AudioInfo | None = None
    delivery: DeliveryReport | None = None
    content: ContentReport | None = None
    engine: TranscribeOptions | None = None
    created_at: str = field(default_factory=_now)
    session_id: str | None = None
    notes: list[str] = field(default_factory=list)  # warnings worth showing the user
