"""History: trends and the one-line read, from hand-built sessions with known numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulator.report.style import Style, to_text
from simulator.sessions import history as h
from simulator.sessions.store import Session

WPM, PAUSES, FILLERS, SCORE = h.METRICS


def make(i: int, *, question: str = "career-goals", wpm=None, long_pauses=None, fillers=None, score=None) -> Session:
    sid = f"202601{i + 1:02d}-120000-{i:04x}"
    return Session(
        id=sid,
        created_at=f"2026-01-{i + 1:02d}T12:00:00+00:00",
        question_id=question,
        question_text={"career-goals": "How do you plan to achieve your career goals?"}.get(question, question),
        role=None,
        company=None,
        duration_s=60.0,
        wpm=wpm,
        long_pauses=long_pauses,
        fillers_per_min=fillers,
        content_score=score,
        status="complete",
        folder=Path("/nonexistent") / sid,
        audio_path=None,
        analysis_path=Path("/nonexistent") / sid / "analysis.json",
    )


@pytest.mark.parametrize(
    "metric, values, change, baseline",
    [
        (FILLERS, [6.0, 4.0, 2.0], h.IMPROVED, 5.0),
        (FILLERS, [2.0, 2.2], h.STEADY, 2.0),  # within 0.5/min
        (FILLERS, [1.0, 3.0], h.WORSE, 1.0),
        (FILLERS, [8.0, 6.0, 4.0, 2.0, 1.0], h.IMPROVED, 4.0),  # baseline: mean of the 3 before the latest
        (PAUSES, [3, 0], h.IMPROVED, 3.0),
        (PAUSES, [0, 1], h.WORSE, 0.0),
        (SCORE, [55, 80], h.IMPROVED, 55.0),
        (SCORE, [80, 78], h.STEADY, 80.0),  # within 3 points
        (SCORE, [80, 60], h.WORSE, 80.0),
        (WPM, [195, 150], h.IMPROVED, 195.0),  # into the band
        (WPM, [140, 150], h.STEADY, 140.0),  # both in the 110-160 band
        (WPM, [150, 100], h.WORSE, 150.0),  # out of the band, too slow
        (WPM, [90, 184], h.STEADY, 90.0),  # 20 below to 24 above: as far off, within 5 wpm
        (WPM, [185, 175, 100, 120], h.STEADY, 460 / 3),  # the baseline 153.3 and the latest 120 are both in band
        (SCORE, [70], h.SINGLE, None),
        (SCORE, [], "", None),
    ],
)
def test_trend_change(metric, values, change, baseline):
    field = {"wpm": "wpm", "long_pauses": "long_pauses", "fillers_per_min": "fillers", "content_score": "score"}[
        metric.field
    ]
    sessions = [make(i, **{field: v}) for i, v in enumerate(values)]
    t = h.trend(sessions, metric)
    assert t.change == change
    assert t.baseline == (pytest.approx(baseline) if baseline is not None else None)
    assert t.values == [float(v) for v in values]


def test_sessions_without_a_metric_are_skipped():
    sessions = [make(0, score=50), make(1), make(2, score=70)]  # the middle one is a text-free/no-score session
    t = h.trend(sessions, SCORE)
    assert t.values == [50.0, 70.0] and t.change == h.IMPROVED


def test_one_line_read_names_what_improved_and_what_did_not():
    sessions = [
        make(0, wpm=190, long_pauses=3, fillers=6.0, score=55),
        make(1, wpm=170, long_pauses=2, fillers=4.0, score=60),
        make(2, wpm=150, long_pauses=4, fillers=1.5, score=58),
    ]
    [hist] = h.histories(sessions)
    assert hist.sessions == 3 and hist.title == "How do you plan to achieve your career goals?"
    assert hist.read == (
        "Improved: pace (wpm) 180 → 150, fillers/min 5.0 → 1.5. "
        "Not improved: long pauses 2.5 → 4. "
        "Steady: content score 58."
    )


@pytest.mark.parametrize(
    "sessions, read",
    [
        ([], "No measured sessions yet: practise an answer aloud to start a trend."),
        ([make(0, wpm=140, score=70)], "Only one session so far: practise this again to see what improves."),
        ([make(0, wpm=140), make(1, wpm=150)], "Steady: pace (wpm) 150 (in the target band)."),
        ([make(0, wpm=200), make(1, wpm=198)], "Steady: pace (wpm) 198 (outside the target band)."),
    ],
)
def test_one_line_read_edge_cases(sessions, read):
    assert h.history(sessions, title="t").read == read


KIND = {"career-goals": "career-goals", "tell-me-about-yourself": "tell-me-about-yourself"}


def kind_of(session) -> str:
    return KIND.get(session.question_id, "behavioural")


def test_histories_per_question_then_per_kind():
    sessions = [
        make(0, wpm=150, score=50),
        make(1, question="tell-me-about-yourself", wpm=170, score=40),
        make(2, wpm=145, score=70),
        make(3, wpm=140, score=75),
        make(4, question="a-conflict", wpm=130, score=30),
        make(5, question="a-failure", wpm=135, score=90),
    ]
    items = h.histories(sessions, kind_of=kind_of, kind_labels={"behavioural": "Behavioural (STAR)"})
    assert [(x.question_id, x.sessions) for x in items] == [
        ("career-goals", 3),
        ("a-conflict", 1),
        ("a-failure", 1),
        ("tell-me-about-yourself", 1),
        (None, 2),
    ]
    # Only the behavioural kind has several questions; its summary holds its own two answers, no other kind's.
    assert items[-1].title == "All Behavioural (STAR) questions"
    assert items[-1].trends[3].values == [30.0, 90.0]
    assert not any(x.title == "All questions" for x in items)
    only = h.histories(sessions, question_id="tell-me-about-yourself")
    assert len(only) == 1 and only[0].sessions == 1


def test_without_kinds_several_questions_get_one_summary():
    sessions = [make(0, wpm=150, score=50), make(1, question="tell-me-about-yourself", wpm=170, score=40)]
    assert h.histories(sessions)[-1].title == "All questions"


@pytest.mark.parametrize(
    "metric, values, row",
    [
        (PAUSES, [0, 1, 0], "0.5 → 0 steady"),  # within the 0.5 noise threshold
        (PAUSES, [0, 2, 0], "1 → 0 improved"),  # never "0 → 0 improved": the row shows what was compared
        (SCORE, [100, 90, 100], "95 → 100 improved"),
        (SCORE, [100, 97, 100], "98 → 100 steady"),  # 1.5 points: noise
        (WPM, [150, 140, 145, 207], "145 → 207 worse"),  # the same comparison as the read, not the first session
    ],
)
def test_the_row_shows_the_comparison_the_read_makes(metric, values, row):
    field = {"wpm": "wpm", "long_pauses": "long_pauses", "fillers_per_min": "fillers", "content_score": "score"}[
        metric.field
    ]
    sessions = [make(i, **{field: v}) for i, v in enumerate(values)]
    [hist] = h.histories(sessions)
    text = to_text(h.render([hist], Style(False)), width=100)
    line = next(x for x in text.splitlines() if x.strip().startswith(metric.label))
    assert " ".join(line.split()[-4:]) == row
    moved = row.rsplit(" ", 1)[0]
    assert (f"{metric.label} {moved}" in hist.read) is (not row.endswith("steady"))


def test_render_shows_sparklines_the_read_and_the_noise_threshold():
    sessions = [
        make(i, wpm=w, long_pauses=p, fillers=f, score=s)
        for i, (w, p, f, s) in enumerate([(200, 4, 8.0, 40), (180, 2, 5.0, 55), (150, 0, 1.0, 80)])
    ]
    text = to_text(h.render(h.histories(sessions), Style(False)), width=80)
    lines = text.splitlines()
    assert lines[0].startswith("How do you plan to achieve your career goals?  (3 sessions)")
    score_line = next(line for line in lines if line.strip().startswith("content score"))
    assert "▁▄█" in score_line and "48 → 80" in score_line and score_line.endswith("improved")
    pauses_line = next(line for line in lines if line.strip().startswith("long pauses"))
    assert "█▅▁" in pauses_line and pauses_line.endswith("improved")
    assert "Improved: pace (wpm) 190 → 150, long pauses 3 → 0, fillers/min 6.5 → 1.0, content score 48 → 80." in (
        " ".join(text.split())
    )
    assert "the mean of the (up to) 3 sessions before the latest → the latest" in " ".join(text.split())
    assert "at most 5 wpm, 0.5 long pauses, 0.5 fillers/min, 3 points count as steady" in " ".join(text.split())
    assert max(len(line) for line in lines) <= 80
