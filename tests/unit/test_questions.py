"""The question bank and kinds load; malformed banks are refused with a clear ConfigError."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from simulator.errors import ConfigError
from simulator.questions import (
    custom_question,
    filter_questions,
    get_question,
    load_kinds,
    load_questions,
)

PROMPTS = Path(__file__).resolve().parents[2] / "prompts"

GOOD = """
[[question]]
id = "a"
text = "Question A?"
kind = "general"
category = "opening"
fields = ["general"]
default = true
"""


def test_bundled_bank_covers_categories_fields_and_kinds():
    questions = load_questions()
    kinds = load_kinds()
    assert len(questions) >= 40
    assert {q.category for q in questions} == set(kinds.categories)
    specific = {f for q in questions for f in q.fields} - {"general"}
    assert len(specific) >= 6 and specific == set(kinds.fields) - {"general"}
    for job_field in specific:  # every field has its own questions, not only general ones
        assert any(job_field in q.fields for q in questions)
    assert get_question().id == "career-goals" and len(get_question().criteria) == 13
    assert get_question("tell-me-about-yourself").kind == "tell-me-about-yourself"
    assert "milestones" not in get_question("conflict-coworker").criteria


@pytest.mark.parametrize(
    "text, error",
    [
        (GOOD, None),
        ("", "at least one"),
        ("[[question]\nid=", "not valid TOML"),
        (GOOD.replace('id = "a"', 'id = ""'), "non-empty string 'id'"),
        (GOOD.replace('id = "a"', 'id = "A b"'), "lower-case letters"),
        (GOOD.replace('text = "Question A?"', "text = 3"), "'text'"),
        (GOOD + GOOD, "repeats question id"),
        (GOOD.replace("default = true", "default = false"), "exactly one"),
        (GOOD.replace("default = true", 'default = "yes"'), "'default'"),
        (GOOD + 'colour = "red"\n', "unknown key"),
        (GOOD.replace('"general"\ncategory', '"storytelling"\ncategory'), "unknown kind 'storytelling'"),
        (GOOD.replace('"opening"', '"warm-up"'), "unknown category 'warm-up'"),
        (GOOD.replace('["general"]', '["astronomy"]'), "'fields' must be a list"),
        (GOOD.replace('["general"]', '"general"'), "'fields' must be a list"),
        ('title = "bank"\n' + GOOD, "unknown top-level"),
    ],
)
def test_bank_validation(tmp_path, text, error):
    shutil.copy(PROMPTS / "kinds.toml", tmp_path / "kinds.toml")
    (tmp_path / "questions.toml").write_text(text)
    if error is None:
        assert [q.id for q in load_questions(tmp_path)] == ["a"]
    else:
        with pytest.raises(ConfigError, match=error) as info:
            load_questions(tmp_path)
        assert "\n" not in str(info.value)


def test_a_users_bank_needs_no_default_and_its_first_question_is_asked(tmp_path):
    bank = tmp_path / "mine.toml"
    bank.write_text(
        GOOD.replace("default = true\n", "") + GOOD.replace('id = "a"', 'id = "b"').replace("default = true", "")
    )
    assert get_question(bank=bank).id == "a"
    assert get_question("b", bank=bank).text == "Question A?"
    with pytest.raises(ConfigError, match="missing.toml is missing; check the --bank path"):
        load_questions(bank=tmp_path / "missing.toml")


@pytest.mark.parametrize(
    "category, job_field, expect_in, expect_out",
    [
        ("behavioural", "healthcare", {"upset-patient", "conflict-coworker"}, {"hard-bug", "greatest-strength"}),
        ("situational", "software", {"production-outage", "two-urgent-tasks"}, {"questionable-order"}),
        (None, "skilled-trades", {"job-site-problem", "career-goals"}, {"lost-deal"}),
        ("closing", None, {"questions-for-us"}, {"career-goals"}),
        ("warm-up", None, "No category 'warm-up'", None),
        (None, "astronomy", "No field 'astronomy'", None),
    ],
)
def test_filters(category, job_field, expect_in, expect_out):
    if isinstance(expect_in, str):
        with pytest.raises(ConfigError, match=expect_in):
            filter_questions(load_questions(), category=category, job_field=job_field)
        return
    ids = {q.id for q in filter_questions(load_questions(), category=category, job_field=job_field)}
    assert expect_in <= ids and not (expect_out & ids)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Tell me about a time you had to persuade a sceptical client.", "behavioural"),
        ("Describe a situation where you missed a deadline.", "behavioural"),
        ("Give me an example of when you showed initiative.", "behavioural"),
        ("Can you share an example of a project that failed?", "behavioural"),
        ("Have you ever had to deliver bad news to a customer?", "behavioural"),
        ("Tell us about the hardest decision you made last year.", "behavioural"),
        ("What did you do when your team lost its biggest client?", "behavioural"),
        ("Why do you want to work here?", "general"),
        ("What would you do if a customer shouted at you?", "general"),
        ("Tell me about yourself.", "general"),
        ("How do you stay organised?", "general"),
    ],
)
def test_one_off_question_kind(text, kind):
    q = custom_question(text)
    assert (q.kind, q.id) == (kind, "custom")
    assert q.criteria == load_kinds().criteria[kind]


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_one_off_question_is_refused(text):
    with pytest.raises(ConfigError, match="question text is empty"):
        custom_question(text)


def test_unknown_question_id_lists_known_ids():
    with pytest.raises(ConfigError, match="career-goals"):
        get_question("no-such-question")
