"""The answer-level goal_why model: it weighs what the rules found, through the real embedder and committed weights,
and its weights file is checked on load like the sentence classifiers'."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from simulator.content import check_content
from simulator.content.types import ContentOptions
from simulator.content.why_model import FEATURES, MIN_WORDS, RAISE_PROB, WEIGHTS_PATH, _read
from simulator.errors import ModelError
from simulator.model.analysis import AnswerContext
from simulator.model.transcript import Transcript
from simulator.questions import get_question

ROOT = Path(__file__).resolve().parents[2]
GOALS = get_question("career-goals")
# Written for this test, in no labelled set: a liking said in stock phrases, and a reason told as a story.
STOCK = (
    "My goal is to grow into a senior account manager. I'm a people person and I love building relationships, I "
    "really enjoy working with clients and seeing them happy. I'm a hard worker and a fast learner, and I think this "
    "company has great values, so I'd love to grow with you over the next few years."
)
STORY = (
    "My goal is to become a certified orthotist within three years. When my younger sister was fitted with a badly "
    "made leg brace, she stopped walking to school because it rubbed her raw, and a good orthotist fixed it in one "
    "afternoon. I want to be that person for kids like her. I start the master's program at Northwestern in "
    "September, and I've already done two hundred shadowing hours at a clinic."
)


def _goal_why(text: str, semantic: bool = True):
    options = ContentOptions(semantic=semantic)
    return check_content(Transcript.from_text(text), GOALS, AnswerContext(), options=options).get("goal_why")


@pytest.mark.parametrize(
    ("text", "semantic", "status", "signal"),
    [
        (STOCK, True, "partial", "model"),  # the rules take "I love building relationships" for a value
        (STOCK, False, "met", "rule"),  # with the models off, the rules decide alone
        (STORY, True, "met", "rule"),  # the model agrees, so the rules' verdict stands
        ("My goal is to become a nurse because I love people.", True, "met", "rule"),  # too short to be weighed
    ],
)
def test_model_weighs_the_rules_evidence(text, semantic, status, signal):
    result = _goal_why(text, semantic)
    assert (result.status, result.signal) == (status, signal)
    assert (result.signal_score is not None) == (signal == "model")
    assert result.evidence, "every status the model gives still quotes the answer"


# Written for this test, in no labelled set: a liking no reason phrase holds, in a vague answer (read as a thin reason),
# and a vague answer with nothing that reads as a reason.
LIKING = (
    "I'm open to most things really, I just want to get my foot in the door in social care and see where it takes "
    "me. Maybe residential, maybe supported living, I'd rather keep my options open for now. I'm a patient person and "
    "I love looking after people, so yeah, that's me."
)
NO_REASON = (
    "I just want to keep learning and see where things go really. I'd like to do well in this job and maybe move up "
    "at some point, whatever comes along. I work hard and I'm reliable, and I get on with most people, so I think I'd "
    "fit in here fine and the rest will sort itself out over time."
)


@pytest.mark.parametrize(
    ("text", "semantic", "status", "signal"),
    [
        (LIKING, True, "partial", "model"),  # the rules found no reason; the model reads a thin one
        (LIKING, False, "missing", "rule"),
        (NO_REASON, True, "missing", "rule"),  # asked, but it reads no reason either
        (" ".join(LIKING.split()[: MIN_WORDS - 1]), True, "missing", "rule"),  # too short to be weighed
    ],
)
def test_model_raises_a_reason_the_rules_missed_only_to_partial(text, semantic, status, signal):
    result = _goal_why(text, semantic)
    assert (result.status, result.signal) == (status, signal)
    assert result.evidence == [], "nothing was found to quote, so nothing is quoted"
    if signal == "model":
        assert result.signal_score >= RAISE_PROB
        assert "hints at why" in result.tip


def test_short_answers_are_left_to_the_rules():
    assert len("My goal is to become a nurse because I love people.".split()) < MIN_WORDS <= len(STOCK.split())


def test_committed_weights_match_the_labelled_sets():
    sys.path.insert(0, str(ROOT / "bench"))
    from train_goal_why import training_digest

    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert data["train_sha256"] == training_digest(), "labels or word lists changed: rerun bench/train_goal_why.py"


def _damaged(data: dict) -> dict:
    return {**data, "features": data["features"][:-1]}


def _reshaped(data: dict) -> dict:
    return {**data, "weights": [row[:-1] for row in data["weights"]]}


def _other_embedder(data: dict) -> dict:
    return {**data, "embedder": {**data["embedder"], "version": "0.0.1"}}


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (None, None),
        (_damaged, "other embeddings or features"),
        (_reshaped, "weights of shape"),
        (_other_embedder, "other embeddings or features"),
        ("not json", "missing or damaged"),
    ],
)
def test_weights_file_is_checked_on_load(tmp_path, change, error):
    data = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    path = tmp_path / "goal_why_weights.json"
    path.write_text(change if isinstance(change, str) else json.dumps(change(data) if change else data))
    if error is None:
        model = _read(path)
        assert set(model["labels"]) == {"met", "partial", "missing"}
        assert model["weights"].shape[1] == data["embedder"]["dim"] + len(FEATURES)
    else:
        with pytest.raises(ModelError, match=error):
            _read(path)
