"""Choosing an interview's questions: opening, a mix from the middle, closing; deterministic for a seed."""

from __future__ import annotations

import pytest

from simulator.errors import BadInputError, ConfigError
from simulator.pipeline.plan import CLOSING_ID, by_ids, parse_ids, plan_questions
from simulator.questions import load_questions

BANK = load_questions()


@pytest.mark.parametrize("seed", range(8))
def test_opening_middle_mix_closing(seed):
    plan = plan_questions(BANK, count=5, seed=seed)
    assert len(plan) == 5 and len({q.id for q in plan}) == 5
    assert plan[0].category == "opening" and plan[-1].id == CLOSING_ID
    middle = plan[1:-1]
    assert len({q.category for q in middle}) == 3  # three middle questions, three categories
    assert all(q.category not in ("opening", "closing") for q in middle)
    assert all("general" in q.fields for q in plan)  # no field given: no field-specific question


def test_deterministic_for_a_seed_and_varied_across_seeds():
    assert plan_questions(BANK, seed=7) == plan_questions(BANK, seed=7)
    assert len({tuple(q.id for q in plan_questions(BANK, seed=s)) for s in range(10)}) > 5


def test_field_questions_come_first_in_the_mix():
    plan = plan_questions(BANK, count=6, job_field="healthcare", seed=3)
    assert all(q.suits("healthcare") for q in plan)
    specific = {q.id for q in BANK if "healthcare" in q.fields}
    assert {q.id for q in plan[1:-1]} >= specific - {"why-nursing"}  # every middle category's healthcare question


def test_category_restricts_the_middle():
    plan = plan_questions(BANK, count=4, category="behavioural", seed=1)
    assert [q.category for q in plan] == ["opening", "behavioural", "behavioural", "closing"]


@pytest.mark.parametrize(
    "kw, message",
    [
        ({"count": 2}, None),
        ({"count": 1}, "between 2 and 15"),
        ({"count": 16}, "between 2 and 15"),
        ({"count": 9, "category": "situational", "job_field": "sales"}, "Only 5 questions suit"),
        ({"job_field": "astronomy"}, "No field 'astronomy'"),
        ({"category": "nope"}, "No category 'nope'"),
    ],
)
def test_bad_choices(kw, message):
    if message is None:
        assert [q.category for q in plan_questions(BANK, **kw)] == ["opening", "closing"]
        return
    with pytest.raises(BadInputError, match=message):
        plan_questions(BANK, **kw)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("why-this-role,mistake, questions-for-us", ["why-this-role", "mistake", "questions-for-us"]),
        ("career-goals", ["career-goals"]),
        (" , ", BadInputError),
        ("mistake,mistake", BadInputError),
    ],
)
def test_parse_ids(text, expected):
    if expected is BadInputError:
        with pytest.raises(BadInputError):
            parse_ids(text)
        return
    assert parse_ids(text) == expected


def test_by_ids_keeps_the_order_and_names_unknown_ids():
    assert [q.id for q in by_ids(BANK, ["mistake", "career-goals"])] == ["mistake", "career-goals"]
    with pytest.raises(ConfigError, match="No question 'nope'"):
        by_ids(BANK, ["mistake", "nope"])
