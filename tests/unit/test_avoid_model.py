"""The answer-level avoid model: through the real embedder and committed weights it adds a pastime or pay-and-title
flag the rules missed, never clears one, and its weights file is checked on load."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from simulator.content import check_content
from simulator.content.avoid_model import MIN_WORDS, MODELLED, RAISE_PROB, WEIGHTS_PATH, _read, probabilities
from simulator.content.types import ContentOptions
from simulator.errors import ModelError
from simulator.model.analysis import AnswerContext
from simulator.model.transcript import Transcript
from simulator.questions import get_question

ROOT = Path(__file__).resolve().parents[2]
GOALS = get_question("career-goals")
JOB = AnswerContext(role="Warehouse Operative", company="Brand Logistics")
# Written for this test, in no labelled set. A race named only by its name, with no listed hobby word in the goal.
RACE = (
    "The big one for me next summer is the Norseman. It's a full-distance race in Norway: a swim in a fjord, a long "
    "ride over the mountain passes and a run up to the top of Gaustatoppen. I've been building toward it for three "
    "years and did my first half-distance race in June. That's why the four-on, four-off shift pattern here suits me "
    "so well, it gives me proper blocks to train. I've got my forklift licence and two years in a warehouse, so I "
    "know the work."
)
# A title wanted for being seen with it, said with no listed title-motive phrase.
RANK = (
    "What I'm after is the operations manager title. I've been a supervisor for five years and I'm tired of being "
    "the one who reports to someone. I want my name at the top of the rota and I want the drivers to know who signs "
    "it off. When I was at Harlow the ops manager had his own office with his name on the door, and people changed "
    "how they spoke when he walked in. That's what I want, if I'm honest. I passed my CPC two years ago."
)
# Pay said as the only driver in the rules' own words: the rules flag it, and the model has nothing to add.
PAY = (
    "Plan's straightforward. Chase the overtime rate. On nights the site pays time and a half and double on Sundays, "
    "so I'd take every shift going. After a year I'd move up to a shift lead spot, because that's another two pounds "
    "an hour, and then on to whichever depot pays the most. I passed my reach truck ticket in March. I'd like to be "
    "on forty grand before I'm twenty-five, and this is the quickest way there."
)
# A career goal with a reason, and a marathon said to be outside work: nothing to flag.
CAREER = (
    "My goal is to become a certified orthotist within three years. When my younger sister was fitted with a badly "
    "made leg brace, she stopped walking to school because it rubbed her raw, and a good orthotist fixed it in one "
    "afternoon. I want to be that person for kids like her. Outside work I run marathons, which keeps me steady. I "
    "start the master's program at Northwestern in September, and I've already done two hundred shadowing hours."
)


def _check(text: str, semantic: bool = True):
    return check_content(Transcript.from_text(text), GOALS, JOB, options=ContentOptions(semantic=semantic))


@pytest.mark.parametrize(
    ("text", "semantic", "flagged", "signal", "outcome_word"),
    [
        (RACE, True, "professional_goal", "model", "Norseman"),
        (RACE, False, None, None, None),  # with the models off, the rules decide alone and miss it
        (RANK, True, "motivation_not_money", "model", "title"),
        (RANK, False, None, None, None),
        (PAY, True, "motivation_not_money", "rule", "Pay"),  # the rules flagged it: their verdict and quote stand
        (CAREER, True, None, None, None),
        ("The big one for me is the Norseman, a race in Norway.", True, None, None, None),  # too short to be read
    ],
)
def test_model_adds_the_flags_the_rules_miss(text, semantic, flagged, signal, outcome_word):
    report = _check(text, semantic)
    got = {cid: report.get(cid) for cid in MODELLED}
    assert [cid for cid, r in got.items() if r.status == "flagged"] == ([flagged] if flagged else [])
    if flagged:
        result = got[flagged]
        assert result.signal == signal and result.evidence, "a flag quotes the answer and says what decided it"
        assert outcome_word in result.tip
        assert report.score <= 55, "an avoid flag caps the score"
        if signal == "model":
            assert result.signal_score >= RAISE_PROB


@pytest.mark.parametrize("question", ["career-goals", "tell-me-about-yourself", "five-years"])
def test_model_is_asked_only_where_goal_why_is_checked(question):
    """It was measured on career-goals answers; on other kinds the rules decide alone."""
    report = check_content(Transcript.from_text(RACE), get_question(question), JOB)
    flagged_by_model = report.get("professional_goal").signal == "model"
    assert flagged_by_model == (question == "career-goals")


def test_probabilities_separate_the_written_examples():
    probs = {name: probabilities(text) for name, text in {"race": RACE, "rank": RANK, "career": CAREER}.items()}
    assert probs["race"]["professional_goal"] >= RAISE_PROB > probs["career"]["professional_goal"]
    assert probs["rank"]["motivation_not_money"] >= RAISE_PROB > probs["career"]["motivation_not_money"]
    assert len("The big one for me is the Norseman, a race in Norway.".split()) < MIN_WORDS <= len(RACE.split())


def test_committed_weights_match_the_labelled_sets():
    sys.path.insert(0, str(ROOT / "bench"))
    from train_goal_why import training_digest

    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert data["train_sha256"] == training_digest(), "labels or word lists changed: rerun bench/train_avoid.py"


def _one_criterion(data: dict) -> dict:
    return {**data, "criteria": {"professional_goal": data["criteria"]["professional_goal"]}}


def _reshaped(data: dict) -> dict:
    return {**data, "criteria": {c: {**m, "weights": m["weights"][:-1]} for c, m in data["criteria"].items()}}


def _other_embedder(data: dict) -> dict:
    return {**data, "embedder": {**data["embedder"], "version": "0.0.1"}}


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (None, None),
        (_one_criterion, "other embeddings or criteria"),
        (_reshaped, "wrong shape"),
        (_other_embedder, "other embeddings or criteria"),
        ("not json", "missing or damaged"),
    ],
)
def test_weights_file_is_checked_on_load(tmp_path, change, error):
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    path = tmp_path / "avoid_weights.json"
    path.write_text(change if isinstance(change, str) else json.dumps(change(data) if change else data))
    if error is None:
        models = _read(path)
        assert set(models) == set(MODELLED)
        assert all(w.shape == (data["embedder"]["dim"],) for w, _ in models.values())
    else:
        with pytest.raises(ModelError, match=error):
            _read(path)
