"""The `questions` command and the question options of `analyze` (content only: no model needed)."""

from __future__ import annotations

import json

import pytest

from simulator.cli.app import main
from simulator.errors import EXIT_BAD_INPUT

ANSWER = (
    "Last spring our two warehouse leads disagreed about the picking schedule and orders were going out late. "
    "As the shift supervisor it was my job to get shipments back on time. I met each lead separately, then I "
    "mapped both schedules on one board and I proposed a split shift. Late orders fell from forty a week to six."
)


@pytest.mark.parametrize(
    "argv, code, expect",
    [
        (["questions", "--category", "closing", "--json"], 0, "questions-for-us"),
        (["questions", "--field", "finance"], 0, "found-an-error"),
        (["questions", "--category", "nope"], EXIT_BAD_INPUT, "No category 'nope'"),
        (["questions", "--field", "astronomy"], EXIT_BAD_INPUT, "No field 'astronomy'"),
        (["questions", "--bank", "/nonexistent/bank.toml"], EXIT_BAD_INPUT, "check the --bank path"),
    ],
)
def test_questions_command(capsys, argv, code, expect):
    assert main(argv) == code
    out, err = capsys.readouterr()
    assert expect in (out if code == 0 else err)
    if code:
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_question_text_is_judged_by_its_kind(tmp_path, capsys):
    answer = tmp_path / "a.txt"
    answer.write_text(ANSWER)
    q = "Tell me about a time you settled a disagreement between colleagues."
    assert main(["analyze", "--text", str(answer), "--question-text", q, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["question"]["kind"] == "behavioural" and doc["question"]["text"] == q
    ids = {c["id"] for c in doc["content"]["criteria"]}
    assert "single_focus" not in ids and "confident_language" in ids


def test_question_and_question_text_together_are_refused(tmp_path, capsys):
    answer = tmp_path / "a.txt"
    answer.write_text(ANSWER)
    argv = ["analyze", "--text", str(answer), "--question", "career-goals", "--question-text", "Why us?"]
    assert main(argv) == EXIT_BAD_INPUT
    assert "not both" in capsys.readouterr().err
