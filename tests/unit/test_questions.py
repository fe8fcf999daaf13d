"""The question bank loads, and malformed banks are refused with a clear ConfigError."""

from __future__ import annotations

import pytest

from simulator.errors import ConfigError
from simulator.questions import get_question, load_questions

GOOD = """
[[question]]
id = "a"
text = "Question A?"
default = true
criteria = ["succinct"]
"""


def test_bundled_bank_has_the_articles_questions():
    texts = {q.text for q in load_questions()}
    assert "How do you plan to achieve your career goals?" in texts
    assert "Tell me about yourself." in texts
    assert "Where do you see yourself in five years?" in texts
    assert get_question().id == "career-goals"
    assert "milestones" in get_question().criteria
    assert "milestones" not in get_question("five-years").criteria


@pytest.mark.parametrize(
    "text, error",
    [
        (GOOD, None),
        ("", "at least one"),
        ("[[question]\nid=", "not valid TOML"),
        (GOOD.replace('id = "a"', 'id = ""'), "non-empty string 'id'"),
        (GOOD.replace('text = "Question A?"', "text = 3"), "'text'"),
        (GOOD + GOOD, "repeats question id"),
        (GOOD.replace("default = true", "default = false"), "exactly one"),
        (GOOD.replace("default = true", 'default = "yes"'), "'default'"),
        (GOOD + 'colour = "red"\n', "unknown key"),
        (GOOD.replace('["succinct"]', '"succinct"'), "'criteria'"),
        ('title = "bank"\n' + GOOD, "unknown top-level"),
    ],
)
def test_bank_validation(tmp_path, text, error):
    (tmp_path / "questions.toml").write_text(text)
    if error is None:
        assert [q.id for q in load_questions(tmp_path)] == ["a"]
    else:
        with pytest.raises(ConfigError, match=error):
            load_questions(tmp_path)


def test_unknown_question_id_lists_known_ids():
    with pytest.raises(ConfigError, match="career-goals"):
        get_question("no-such-question")
