"""The article's own worked example (the CPA answer), as text and spoken.

The text is read at run time from ../shared/seed/career-goals-article.txt
beside the repository (skipped when that file is absent); the spoken version
is audio_fixtures/cpa_answer.flac, generated from the same article by
audio_fixtures/make_cpa_fixture.py and transcribed here with the real Whisper.
"""

from __future__ import annotations

import importlib.util

import pytest

from simulator.content import check_content
from simulator.model.analysis import AnswerContext
from simulator.model.transcript import Transcript
from simulator.questions import get_question
from tests.conftest import FIXTURES, ROOT, load_truth

ARTICLE = ROOT.parent / "shared" / "seed" / "career-goals-article.txt"
DO_CRITERIA = {
    "single_focus",
    "goal_why",
    "role_alignment",
    "contribution",
    "milestones",
    "past_accomplishment",
    "timeline",
    "confident_language",
    "specificity",
    "succinct",
}
AVOID_CRITERIA = {"no_boasting", "professional_goal", "motivation_not_money"}
PHRASE_SLACK_S = 0.6  # s; Whisper word times may spill a little past espeak's phrase edges


def _extractor():
    spec = importlib.util.spec_from_file_location("make_cpa_fixture", FIXTURES / "make_cpa_fixture.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.extract_answer


@pytest.fixture(scope="session")
def cpa_text() -> str:
    if not ARTICLE.is_file():
        pytest.skip(f"{ARTICLE} is not present")
    return _extractor()(ARTICLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def cpa_text_report(cpa_text):
    return check_content(Transcript.from_text(cpa_text), get_question("career-goals"), AnswerContext())


@pytest.fixture(scope="session")
def cpa_spoken():
    """The spoken CPA answer through the whole pipeline (real Whisper), once per session."""
    from simulator.pipeline.answer import analyze_file

    analysis, y, sr = analyze_file(FIXTURES / "cpa_answer.flac", get_question("career-goals"), AnswerContext())
    return analysis


def test_cpa_text_meets_every_do_criterion_and_flags_no_avoid(cpa_text_report):
    statuses = {c.id: c.status for c in cpa_text_report.criteria}
    assert set(statuses) == DO_CRITERIA | AVOID_CRITERIA
    assert {statuses[c] for c in DO_CRITERIA} == {"met"}
    assert {statuses[c] for c in AVOID_CRITERIA} == {"clear"}
    assert cpa_text_report.score == 100
    assert cpa_text_report.summary.improvements == []


def test_cpa_text_evidence_quotes_the_answer_without_times(cpa_text, cpa_text_report):
    flat = " ".join(cpa_text.split())
    for crit in cpa_text_report.criteria:
        if crit.kind == "do" and crit.id != "succinct" and crit.id != "confident_language":
            assert crit.evidence, crit.id
        for ev in crit.evidence:
            assert ev.text in flat, (crit.id, ev.text)
            assert ev.start is None and ev.end is None


def test_cpa_text_structure_has_all_five_parts(cpa_text_report):
    parts = {p.part: p for p in cpa_text_report.structure}
    assert list(parts) == ["goal", "plan", "past_evidence", "next_milestone", "timeline"]  # the article's order
    assert all(p.found for p in parts.values())
    assert "three weeks" in parts["next_milestone"].evidence.text
    assert "CPA" in parts["goal"].evidence.text


@pytest.mark.slow
def test_cpa_spoken_gets_the_same_verdicts(cpa_text_report, cpa_spoken):
    spoken = {c.id: c.status for c in cpa_spoken.content.criteria}
    written = {c.id: c.status for c in cpa_text_report.criteria}
    assert spoken == written


@pytest.mark.slow
def test_cpa_spoken_evidence_carries_audio_times(cpa_spoken):
    truth = load_truth("cpa_answer")
    content = cpa_spoken.content
    assert content.speech_s == pytest.approx(truth["speech_end"] - truth["speech_start"], abs=1.5)
    for crit in content.criteria:
        for ev in crit.evidence:
            assert ev.start is not None and ev.end is not None
            assert 0 <= ev.start <= ev.end <= truth["duration_s"]
    # The dated milestone ("… in three weeks") is in the fifth sentence of the answer.
    fifth = truth["phrases"][4]
    timeline = content.get("timeline").evidence
    weeks = next(ev for ev in timeline if "three weeks" in ev.text)
    assert fifth["start"] - PHRASE_SLACK_S <= weeks.start <= weeks.end <= fifth["end"] + PHRASE_SLACK_S
    # The past evidence (degree, internship) is in the second sentence.
    second = truth["phrases"][1]
    past = content.get("past_accomplishment").evidence[0]
    assert second["start"] - PHRASE_SLACK_S <= past.start <= past.end <= second["end"] + PHRASE_SLACK_S
