"""The re-weighing of single focus, milestones, contribution, past evidence and the link to the role from all
thirteen verdicts: how far it may move a status, a real answer through the committed weights, and the weights file
checked on load."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from simulator.content import check_content
from simulator.content.check import answer_context
from simulator.content.job_refs import REF_KINDS, ref_kinds
from simulator.content.rubric import load_rubric
from simulator.content.stack import (
    INPUTS,
    STACKED,
    WEIGHTS_PATH,
    _read,
    allowed,
    features,
    model_inputs,
    outcome_inputs,
)
from simulator.content.types import ContentOptions
from simulator.errors import ModelError
from simulator.model.analysis import AnswerContext
from simulator.model.transcript import Transcript
from simulator.questions import get_question

ROOT = Path(__file__).resolve().parents[2]
GOALS = get_question("career-goals")
# Written for this test, in no labelled set: a goal in stock words no word list holds, an offer of effort, and little
# else ("the best pharmacist I can be" is listed as generic, so the rules alone would find no goal there).
THIN = (
    "Honestly I just want to keep learning and be a really good pharmacist. I like helping people and I think "
    "this job would be a good place to do that. I'm a hard worker and I get on with everyone, so I'd fit in well with "
    "the team here and I'd give it my all."
)
# A full answer: one goal, its reason, a dated exam and an offer to the team.
FULL = (
    "My goal is to become a clinical pharmacist specialising in cardiology within three years. I saw on my placement "
    "how much a pharmacist on the ward rounds cut medication errors for heart patients, and I want to do that work. "
    "I passed my registration assessment last June, and I start the clinical diploma at Keele in January. In this "
    "role I'd bring my audit experience to your anticoagulation clinic, and I'd help the team run the monthly "
    "prescribing checks."
)


@pytest.mark.parametrize(
    ("rule", "model", "quoted", "from_missing", "expected"),
    [
        ("met", "met", True, False, "met"),  # agreement: the rules' verdict stands
        ("met", "partial", True, False, "partial"),
        ("met", "missing", True, False, "partial"),  # one step at most
        ("partial", "missing", False, False, "missing"),  # down needs nothing to quote
        ("partial", "met", True, False, "met"),
        ("partial", "met", False, False, "partial"),  # up only with the rules' words to quote
        ("missing", "partial", False, False, "missing"),  # nothing found stays nothing found
        ("missing", "met", True, False, "missing"),
        ("missing", "partial", False, True, "partial"),  # the role's link may rise from missing
        ("missing", "met", False, True, "partial"),  # by one step
        ("missing", "missing", False, True, "missing"),
        ("partial", "met", False, True, "partial"),  # a partial still needs its quote
    ],
)
def test_a_status_moves_one_step_and_up_only_with_a_quote(rule, model, quoted, from_missing, expected):
    assert allowed(rule, model, quoted=quoted, from_missing=from_missing) == expected


# The job named only in the goal's own words, in an answer of stock phrases: a thin link to this role.
NAMED_ONLY = (
    "My goal is to keep growing as a pharmacist. I like helping people, and I'm a hard worker who gets on with "
    "everyone, so I want to keep pushing myself and see where it takes me. Long term I'd like to be in a senior "
    "position somewhere, being successful."
)


# A course passed, in an answer of stock aims and traits: thin evidence once the rest is weighed.
THIN_PAST = (
    "I want to keep growing and learning, and see where it takes me. I completed a customer service course last "
    "year. I like people, I am reliable and I work hard, so I think I could do well on your team."
)


def _check(text: str, reweigh: bool):
    options = ContentOptions(reweigh=reweigh)
    return check_content(Transcript.from_text(text), GOALS, AnswerContext(role="Pharmacist"), options=options)


@pytest.mark.parametrize(
    ("text", "reweigh", "expected"),
    [
        (THIN, False, {"single_focus": ("met", "rule"), "contribution": ("met", "rule")}),
        (THIN, True, {"single_focus": ("partial", "model"), "contribution": ("partial", "model")}),
        (FULL, True, {"single_focus": ("met", "rule"), "milestones": ("met", "rule"), "contribution": ("met", "rule")}),
        (FULL, True, {"role_alignment": ("met", "rule")}),
        (NAMED_ONLY, False, {"role_alignment": ("met", "rule")}),
        (NAMED_ONLY, True, {"role_alignment": ("partial", "model")}),
    ],
)
def test_thin_answers_are_weighed_down_and_full_ones_stand(text, reweigh, expected):
    report = _check(text, reweigh)
    for cid, (status, signal) in expected.items():
        result = report.get(cid)
        assert (result.status, result.signal) == (status, signal), cid
        assert (result.signal_score is not None) == (signal == "model")
    if reweigh and text is THIN:
        assert _check(text, False).score > report.score, "a thinner reading lowers the score"
        focus = report.get("single_focus")
        assert "little else in the answer builds on it" in focus.tip and "too general" not in focus.tip


@pytest.mark.parametrize(
    ("reweigh", "status", "signal", "tip"),
    [(False, "met", "rule", "shows you follow through"), (True, "partial", "model", "reads as thin beside")],
)
def test_past_evidence_is_weighed_with_its_own_tip(reweigh, status, signal, tip):
    result = check_content(
        Transcript.from_text(THIN_PAST),
        GOALS,
        AnswerContext(role="Administrator"),
        options=ContentOptions(reweigh=reweigh),
    ).get("past_accomplishment")
    assert (result.status, result.signal) == (status, signal)
    assert tip in result.tip and "customer service course" in result.tip  # the rule's quote is kept either way


def test_features_follow_the_inputs_in_order():
    statuses = dict.fromkeys(INPUTS, "met") | {"professional_goal": "flagged", "milestones": "partial"}
    outcomes = dict.fromkeys(INPUTS, "met") | {"professional_goal": "hobby", "succinct": "rambles"}
    x = features(statuses, outcomes, 150)
    width = 2 * (len(INPUTS) - 3) + 3
    assert len(x) == width + 1 + len(outcome_inputs()) and x[width] == 1.5
    assert x[INPUTS.index("milestones") * 2 : INPUTS.index("milestones") * 2 + 2] == [0.0, 1.0]
    on = [pair for pair, v in zip(outcome_inputs(), x[width + 1 :]) if v]
    assert on == [("succinct", "rambles"), ("professional_goal", "hobby")]


@pytest.mark.parametrize(
    ("cid", "outcome", "read"),
    [
        ("single_focus", "generic", True),
        ("role_alignment", "income", True),
        ("motivation_not_money", "title", True),
        ("single_focus", "met", False),  # the status indicators say it already
        ("no_boasting", "clear", False),
        ("role_alignment", "weighed", False),  # only the re-weighing gives it
        ("role_alignment", "implied", False),
    ],
)
def test_outcomes_read_are_those_the_rules_give_and_no_status_says(cid, outcome, read):
    assert ((cid, outcome) in outcome_inputs()) is read


@pytest.mark.parametrize(
    ("text", "company", "kinds"),
    [
        ("I want to help this clinic cut waiting times for your patients.", "", {"your", "this"}),
        ("Joining the team at Ashby would let me specialise.", "Ashby Pharmacy", {"the", "company"}),
        ("I'd love to work here at the counter.", "", {"phrase"}),
        ("I want to keep growing as a pharmacist.", "", {"role"}),
        ("I want to keep growing and learning.", "", set()),
    ],
)
def test_ref_kinds_say_how_the_answer_points_at_the_job(text, company, kinds):
    context = AnswerContext(role="Pharmacist", company=company)
    ctx = answer_context(Transcript.from_text(text), context, rubric=load_rubric())
    assert ref_kinds(ctx, ctx.role_refs) == kinds


def test_only_the_role_model_reads_the_ref_kinds_and_every_model_the_opening():
    x = features(dict.fromkeys(INPUTS, "met"), dict.fromkeys(INPUTS, "met"), 100)
    opening = [0.25, -0.5]
    assert model_inputs("single_focus", x, frozenset({"this"}), opening) == x + opening
    extra = model_inputs("role_alignment", x, frozenset({"this", "role"}), opening)[len(x) :]
    assert extra == [float(k in {"this", "role"}) for k in REF_KINDS] + opening


def test_nothing_is_re_weighed_without_the_embedder():
    on, off = (
        check_content(Transcript.from_text(THIN), GOALS, AnswerContext(role="Pharmacist"), options=options)
        for options in (ContentOptions(), ContentOptions(semantic=False))
    )
    assert any(c.signal == "model" and c.id in STACKED for c in on.criteria), "THIN is re-weighed with the embedder"
    assert not any(c.signal == "model" and c.id in STACKED for c in off.criteria)


def test_a_job_taken_only_as_income_is_never_read_up_to_met():
    text = (
        "I want to open my own garage in about five years. Honestly this job would just pay the bills while I save "
        "up, and I'd work hard at it. I finished my level three in motor vehicle repair last year and I'm starting "
        "an MOT tester course in March."
    )
    report = check_content(Transcript.from_text(text), GOALS, AnswerContext(role="Tyre Fitter"))
    result = report.get("role_alignment")
    assert (result.status, result.reason) == ("partial", "mentions this job only as income")


def test_committed_weights_match_the_labelled_sets():
    sys.path.insert(0, str(ROOT / "bench"))
    from train_stack import digest

    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert data["train_sha256"] == digest(), "labels, word lists or goal_why weights changed: rerun train_stack.py"


def _other_inputs(data: dict) -> dict:
    return {**data, "inputs": data["inputs"][:-1]}


def _other_outcomes(data: dict) -> dict:
    return {**data, "outcomes": data["outcomes"][1:]}


def _reshaped(data: dict) -> dict:
    models = {cid: {**m, "weights": [row[:-1] for row in m["weights"]]} for cid, m in data["models"].items()}
    return {**data, "models": models}


def _other_embedder(data: dict) -> dict:
    return {**data, "embedder": {**data["embedder"], "version": "0.0.1"}}


def _one_model_short(data: dict) -> dict:
    return {**data, "models": {cid: m for cid, m in data["models"].items() if cid != STACKED[0]}}


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (None, None),
        (_other_inputs, "other criteria"),
        (_other_outcomes, "other criteria or outcomes"),
        (_one_model_short, "other criteria"),
        (_reshaped, "weights of shape"),
        (_other_embedder, "other embeddings"),
        ("not json", "missing or damaged"),
    ],
)
def test_weights_file_is_checked_on_load(tmp_path, change, error):
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    path = tmp_path / "stack_weights.json"
    path.write_text(change if isinstance(change, str) else json.dumps(change(data) if change else data))
    if error is None:
        assert set(_read(path)) == set(STACKED)
    else:
        with pytest.raises(ModelError, match=error):
            _read(path)
