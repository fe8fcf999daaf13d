"""Hand-built analyses for the sessions tests: no Whisper needed.

``analysis_from_truth(name)`` turns an audio fixture's truth JSON into an
``Analysis`` whose word times are spread evenly over each true phrase span,
with a delivery and a content part shaped like the documented JSON (issue 3
and issue 4 names), so the store, replay and HTML report can be tested on the
real fixture audio.
"""

from __future__ import annotations

import json
from pathlib import Path

from simulator.hesitations import hesitation
from simulator.model.analysis import Analysis, AnswerContext, AudioInfo
from simulator.model.transcript import Transcript, Word, bare
from simulator.questions import get_question

FIXTURES = Path(__file__).resolve().parent.parent / "audio_fixtures"
LONG_PAUSE_S = 2.0


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


def delivery_doc(words: list[Word], phrases: list[dict], duration_s: float) -> dict:
    pauses = []
    for a, b in zip(phrases, phrases[1:]):
        gap = b["start"] - a["end"]
        if gap >= 0.25:
            pauses.append({"start": a["end"], "end": b["start"], "duration": round(gap, 3), "kind": "boundary"})
    span = words[-1].end - words[0].start
    wpm = len(words) / span * 60
    fillers = [{"word": hesitation(w.word), "start": w.start} for w in words if hesitation(w.word)]
    long_pauses = [p for p in pauses if p["duration"] >= LONG_PAUSE_S]
    series = [{"t": float(t), "wpm": round(wpm * (0.85 + 0.3 * ((t // 5) % 2)), 1)} for t in range(5, int(span), 5)]
    pace = "too fast" if wpm > 160 else "too slow" if wpm < 110 else "slow and clear"
    reasons = (
        [] if not long_pauses else [f"{len(long_pauses)} pauses over 2 s; plan the next sentence before you stop."]
    )
    return {
        "duration_s": duration_s,
        "speaking_time_s": round(span, 3),
        "words": len(words),
        "wpm": round(wpm, 1),
        "articulation_wpm": round(wpm * 1.1, 1),
        "pace_series": series,
        "pauses": pauses,
        "long_pauses": long_pauses,
        "longest_pause_s": max((p["duration"] for p in pauses), default=0.0),
        "pauses_per_min": round(len(pauses) / span * 60, 2),
        "fillers": fillers,
        "fillers_per_min": round(len(fillers) / span * 60, 2),
        "verdict": {"pace": pace, "slow_and_clear": pace == "slow and clear" and not long_pauses, "reasons": reasons},
        "options": {
            "pace_min_wpm": 110.0,
            "pace_max_wpm": 160.0,
            "max_articulation_wpm": 220.0,
            "long_pause_s": LONG_PAUSE_S,
        },
    }


def content_doc(words: list[Word], score: float) -> dict:
    """Shaped like simulator.content.types.ContentReport (issue 4 names)."""
    hedges = [w for w in words if bare(w.word) in {"maybe", "probably", "hopefully", "guess"}]
    first = words[:6]
    return {
        "score": score,
        "criteria": [
            {
                "id": "single_focus",
                "kind": "do",
                "status": "met",
                "label": "One clear goal",
                "evidence": [{"text": " ".join(w.word for w in first), "start": first[0].start, "end": first[-1].end}],
                "tip": "Keep the one goal <and> name it first.",
                "reason": "one goal found",
            },
            {
                "id": "confident_language",
                "kind": "do",
                "status": "partial" if hedges else "met",
                "label": "Confident language",
                "evidence": [{"text": w.word, "start": w.start, "end": w.end} for w in hedges],
                "tip": 'Say "when I" rather than "if I".',
                "reason": f"{len(hedges)} hedges",
            },
            {
                "id": "timeline",
                "kind": "do",
                "status": "missing",
                "label": "A realistic timeline",
                "evidence": [],
                "tip": "Add a date for the exam.",
                "reason": "no time expression",
            },
            {
                "id": "no_boasting",
                "kind": "avoid",
                "status": "clear",
                "label": "No boasting",
                "evidence": [],
                "tip": "",
                "reason": "",
            },
        ],
        "summary": {"well_done": ["One clear goal."], "improvements": ["Add a timeline.", "Name the exam date."]},
        "structure": [
            {"part": "goal", "label": "Goal", "found": True, "order": 1, "evidence": None},
            {"part": "plan", "label": "Plan", "found": True, "order": 2, "evidence": None},
            {"part": "timeline", "label": "Timeline", "found": False, "order": None, "evidence": None},
        ],
    }


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
        delivery=delivery_doc(words, t["phrases"], t["duration_s"]),
        content=content_doc(words, score),
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
        delivery = {
            "wpm": wpm,
            "long_pauses": [{"start": 1.0, "end": 3.5, "duration": 2.5}] * (long_pauses or 0),
            "fillers_per_min": fillers_per_min,
        }
    analysis = Analysis(
        question=get_question(question),
        context=AnswerContext(),
        transcript=Transcript(
            "a short answer", [Word("a", 0.1, 0.2), Word("short", 0.3, 0.6), Word("answer", 0.7, 1.0)]
        ),
        audio=AudioInfo(duration_s=1.5, sample_rate=16000),
        delivery=delivery,
        content={"score": score} if score is not None else None,
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
