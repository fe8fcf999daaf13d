"""Hand-built typed analyses for the sessions tests: no Whisper needed.

``analysis_from_truth(name)`` turns an audio fixture's truth JSON into an
``Analysis`` whose word times are spread evenly over each true phrase span,
with a typed ``DeliveryReport`` (pauses are the true gaps between phrases)
and ``ContentReport`` (hedges located by word index), so the store, replay
and HTML report can be tested on the real fixture audio.
"""

from __future__ import annotations

import json
from pathlib import Path

from simulator.content.types import (
    ContentReport,
    CriterionResult,
    Evidence,
    Hedge,
    StructurePart,
    Summary,
    Weighting,
)
from simulator.delivery.options import DeliveryOptions
from simulator.delivery.results import (
    BOUNDARY,
    PACE_OK,
    PACE_TOO_FAST,
    PACE_TOO_SLOW,
    Clarity,
    DeliveryReport,
    Filler,
    PacePoint,
    Pause,
    Pitch,
    Verdict,
    Volume,
)
from simulator.hesitations import hesitation
from simulator.model.analysis import Analysis, AnswerContext, AudioInfo
from simulator.model.transcript import Transcript, Word, bare
from simulator.questions import get_question

FIXTURES = Path(__file__).resolve().parent.parent / "audio_fixtures"
HEDGES = (("i", "guess"), ("maybe",), ("probably",), ("hopefully",))  # word sequences marked as hedges
OPTIONS = DeliveryOptions()


def truth(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text())


def timed_words(phrases: list[dict]) -> list[Word]:
    words = []
    for phrase in phrases:
        tokens = phrase["text"].split()
        step = (phrase["end"] - phrase["start"]) / len(tokens)
        for i, token in enumerate(tokens):
            start = phrase["start"] + i * step
            words.append(Word(token, round(start, 3), round(start + step * 0.85, 3), 0.9))
    return words


def delivery_report(
    *,
    wpm: float = 0.0,
    pauses: list[Pause] | None = None,
    long_pauses: list[Pause] | None = None,
    fillers: list[Filler] | None = None,
    fillers_per_min: float = 0.0,
    duration_s: float = 0.0,
    speaking_time_s: float = 0.0,
    words: int = 0,
    pace_series: list[PacePoint] | None = None,
    reasons: list[str] | None = None,
) -> DeliveryReport:
    """A delivery report with the given headline numbers and neutral voice measures."""
    pauses = pauses or []
    long_pauses = [p for p in pauses if p.duration >= OPTIONS.long_pause_s] if long_pauses is None else long_pauses
    pace = PACE_TOO_FAST if wpm > OPTIONS.pace_max_wpm else PACE_TOO_SLOW if wpm < OPTIONS.pace_min_wpm else PACE_OK
    minutes = speaking_time_s / 60 if speaking_time_s else 1.0
    return DeliveryReport(
        duration_s=duration_s,
        speaking_time_s=speaking_time_s,
        words=words,
        wpm=wpm,
        articulation_wpm=round(wpm * 1.1, 1),
        pace_series=pace_series or [],
        pauses=pauses,
        long_pauses=long_pauses,
        longest_pause_s=max((p.duration for p in pauses), default=0.0),
        pauses_per_min=round(len(pauses) / minutes, 2),
        fillers=fillers or [],
        fillers_per_min=fillers_per_min,
        pitch=Pitch(median_hz=None, range_semitones=None, monotone=False),
        volume=Volume(mean_dbfs=None, too_quiet=False, clipping=False, trailing_off=False),
        clarity=Clarity(mean_probability=None),
        verdict=Verdict(pace=pace, slow_and_clear=pace == PACE_OK and not long_pauses, reasons=reasons or []),
        options=OPTIONS,
    )


def delivery_from_truth(words: list[Word], phrases: list[dict], duration_s: float) -> DeliveryReport:
    pauses = []
    for a, b in zip(phrases, phrases[1:]):
        gap = b["start"] - a["end"]
        if gap >= OPTIONS.min_pause_s:
            pauses.append(Pause(a["end"], b["start"], round(gap, 3), BOUNDARY))
    span = words[-1].end - words[0].start
    wpm = len(words) / span * 60
    fillers = [
        Filler(hesitation(w.word), w.start, w.end, word_index=i) for i, w in enumerate(words) if hesitation(w.word)
    ]
    long_pauses = [p for p in pauses if p.duration >= OPTIONS.long_pause_s]
    series = [PacePoint(float(t), round(wpm * (0.85 + 0.3 * ((t // 5) % 2)), 1)) for t in range(5, int(span), 5)]
    reasons = [f"{len(long_pauses)} pauses over 2 s; plan the next sentence before you stop."] if long_pauses else []
    return delivery_report(
        wpm=round(wpm, 1),
        pauses=pauses,
        fillers=fillers,
        fillers_per_min=round(len(fillers) / span * 60, 2),
        duration_s=duration_s,
        speaking_time_s=round(span, 3),
        words=len(words),
        pace_series=series,
        reasons=reasons,
    )


def hedges_in(words: list[Word]) -> list[Hedge]:
    """Where the HEDGES word sequences occur, located by word index as the content check records them."""
    bares = [bare(w.word) for w in words]
    found = []
    for i in range(len(words)):
        for seq in HEDGES:
            if tuple(bares[i : i + len(seq)]) == seq:
                found.append(Hedge(" ".join(seq), i, len(seq), words[i].start, words[i + len(seq) - 1].end))
    return found


def _criterion(cid: str, status: str, label: str, evidence=(), tip: str = "", reason: str = "", kind: str = "do"):
    return CriterionResult(cid, kind, status, list(evidence), tip=tip, label=label, reason=reason)


def content_report(words: list[Word], score: float) -> ContentReport:
    hedges = hedges_in(words)
    first = words[:6]
    quotes = [Evidence(h.phrase, h.start, h.end) for h in hedges]
    criteria = [
        _criterion(
            "single_focus",
            "met",
            "One clear goal",
            [Evidence(" ".join(w.word for w in first), first[0].start, first[-1].end)],
            tip="Keep the one goal <and> name it first.",
            reason="one goal found",
        ),
        _criterion(
            "confident_language",
            "partial" if hedges else "met",
            "Confident language",
            quotes,
            tip='Say "when I" rather than "if I".',
            reason=f"{len(hedges)} hedges",
        ),
        _criterion("timeline", "missing", "A realistic timeline", tip="Add a date for the exam.", reason="no time"),
        _criterion("no_boasting", "clear", "No boasting", kind="avoid"),
    ]
    return ContentReport(
        score=round(score),
        weighting=Weighting({c.id: 1.0 for c in criteria}, {"met": 1.0, "partial": 0.5, "missing": 0.0}),
        criteria=criteria,
        summary=Summary(well_done=["One clear goal."], improvements=["Add a timeline.", "Name the exam date."]),
        structure=[
            StructurePart("goal", "Goal", True, 1),
            StructurePart("plan", "Plan", True, 2),
            StructurePart("timeline", "Timeline", False),
        ],
        hedges=hedges,
    )


def analysis_from_truth(
    name: str = "good_answer",
    *,
    score: float = 72.0,
    role: str | None = "Data analyst",
    company: str | None = "Acme <Data> & Co",
    until_s: float | None = None,
) -> Analysis:
    """The fixture's answer as an analysis; ``until_s`` keeps only the phrases (and audio) before that time."""
    t = truth(name)
    if until_s is not None:
        t = dict(t, phrases=[p for p in t["phrases"] if p["end"] <= until_s], duration_s=until_s)
    words = timed_words(t["phrases"])
    transcript = Transcript(" ".join(w.word for w in words), words)
    return Analysis(
        question=get_question(t.get("question", "career-goals")),
        context=AnswerContext(role=role, company=company),
        transcript=transcript,
        audio=AudioInfo(duration_s=t["duration_s"], sample_rate=16000, source=str(FIXTURES / f"{name}.flac")),
        delivery=delivery_from_truth(words, t["phrases"], t["duration_s"]),
        content=content_report(words, score),
    )


def metrics_analysis(
    *,
    wpm=None,
    long_pauses=None,
    fillers_per_min=None,
    score=None,
    question: str | None = None,
    created_at: str | None = None,
) -> Analysis:
    """A minimal analysis with chosen headline numbers (for listings and history)."""
    delivery = None
    if wpm is not None:
        long_pause = Pause(1.0, 3.5, 2.5, BOUNDARY)
        delivery = delivery_report(
            wpm=wpm, long_pauses=[long_pause] * (long_pauses or 0), fillers_per_min=fillers_per_min or 0.0
        )
    content = None
    if score is not None:
        content = ContentReport(
            score=round(score), weighting=Weighting({}, {}), criteria=[], summary=Summary(), structure=[]
        )
    analysis = Analysis(
        question=get_question(question),
        context=AnswerContext(),
        transcript=Transcript(
            "a short answer", [Word("a", 0.1, 0.2), Word("short", 0.3, 0.6), Word("answer", 0.7, 1.0)]
        ),
        audio=AudioInfo(duration_s=1.5, sample_rate=16000),
        delivery=delivery,
        content=content,
    )
    if created_at:
        analysis.created_at = created_at
    return analysis


def save_many(home: str, count: int, tag: str) -> list[str]:
    """Worker for the concurrency test: save ``count`` sessions into ``home`` (run in a child process)."""
    import os

    import numpy as np

    os.environ["MOCK_INTERVIEW_HOME"] = home
    from simulator.sessions.store import save_session

    y = (0.2 * np.sin(np.arange(8000) * 0.05)).astype(np.float32)
    ids = []
    for i in range(count):
        analysis = metrics_analysis(wpm=100.0 + i, long_pauses=i % 3, fillers_per_min=1.0, score=50.0)
        analysis.notes.append(f"{tag}-{i}")
        ids.append(save_session(analysis, y, 16000))
    return ids
