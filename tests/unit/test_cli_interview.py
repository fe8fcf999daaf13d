"""`mock-interview interview` through the real CLI entry point, answering from written files (no model needed)."""

from __future__ import annotations

import io
import json
import re

import pytest

from simulator.audio.level_meter import TerminalMeter
from simulator.cli.app import main
from simulator.errors import EXIT_BAD_INPUT
from simulator.model.interview import STOPPED
from simulator.pipeline.interview_parts import LimitNotice
from simulator.sessions import interviews, store
from tests.unit.test_interview import BY_JUNE, CLOSING, CPA, STRENGTH

QUESTIONS = "career-goals,greatest-strength,questions-for-us"


@pytest.fixture
def answers(tmp_path):
    files = {}
    for name, text in (("cpa", CPA), ("june", BY_JUNE), ("strength", STRENGTH), ("closing", CLOSING)):
        files[name] = tmp_path / f"{name}.txt"
        files[name].write_text(text, encoding="utf-8")
    return files


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def interview(capsys, answers, *names, extra=()):
    files = [answers[n] for n in names]
    return run(capsys, "interview", "--questions", QUESTIONS, "--no-speak", "--json", "--answers", *files, *extra)


def test_json_document_shape(capsys, answers):
    code, out, err = interview(
        capsys, answers, "cpa", "june", "strength", "closing", extra=["--role", "Staff accountant"]
    )
    assert code == 0, err
    doc = json.loads(out)
    assert list(doc) == ["interview_id", "questions", "summary"]
    assert [q["question"]["id"] for q in doc["questions"]] == QUESTIONS.split(",")
    fu = doc["questions"][0]["follow_up"]
    assert list(fu) == ["text", "aims_at", "answer"] and fu["aims_at"] == "timeline"
    assert fu["text"] == "You mentioned becoming a CPA: by when do you expect to get there?"
    assert fu["answer"]["transcript"]["text"] == BY_JUNE
    assert doc["questions"][0]["answer"]["context"]["role"] == "Staff accountant"
    assert [v["position"] for v in doc["summary"]["verdicts"]] == [1, 2, 3]
    assert doc["summary"]["status"] == "complete"
    _, record = interviews.load_interview(doc["interview_id"])
    assert record.answers[0].follow_up.session_id == doc["questions"][0]["follow_up"]["answer"]["session_id"]


def test_no_follow_ups_takes_one_file_per_question(capsys, answers):
    code, out, err = interview(capsys, answers, "cpa", "strength", "closing", extra=["--no-follow-ups"])
    assert code == 0, err
    assert all(q["follow_up"] is None for q in json.loads(out)["questions"])


@pytest.mark.parametrize(
    "argv, message",
    [
        (
            ["--answers", "{cpa}", "{june}"],
            "but the interview asks question 2 ('What is your greatest strength?') next",
        ),
        (
            ["--answers", "{cpa}", "{june}", "{strength}", "{closing}", "{closing}"],
            "1 file(s) more than the interview asked",
        ),
        (["--answers", "{missing}"], "no such answer text file"),
        (["--answers", "{cpa}", "--questions", "career-goals,nope"], "No question 'nope'"),
        (["--answers", "{cpa}", "--questions", "mistake,mistake"], "repeats mistake"),
        (["--answers", "{cpa}", "--count", "1"], "--count must be between 2 and 15"),
        (["--answers", "{cpa}", "--answer-limit", "0"], "--answer-limit must be above 0 s"),
        (["--answers", "{cpa}", "--resume", "nope"], "No interview 'nope'"),
    ],
    ids=["fewer-files", "more-files", "unreadable", "unknown-id", "repeated-id", "count", "limit", "resume-unknown"],
)
def test_bad_input_is_one_line_and_exit_2(capsys, answers, tmp_path, argv, message):
    names = {**{k: str(v) for k, v in answers.items()}, "missing": str(tmp_path / "missing.txt")}
    argv = [a.format(**names) for a in argv]
    if "--questions" not in argv and "--count" not in argv:
        argv = ["--questions", QUESTIONS, *argv]
    code, out, err = run(capsys, "interview", "--no-speak", "--json", *argv)
    assert code == EXIT_BAD_INPUT and out == ""
    errors = [line for line in err.splitlines() if line.startswith("mock-interview:")]
    assert len(errors) == 1 and message in errors[0] and "Traceback" not in err


def test_fewer_files_keeps_the_completed_answers_and_resumes(capsys, answers):
    code, _, err = interview(capsys, answers, "cpa", "june")
    assert code == EXIT_BAD_INPUT
    rid = re.search(r"--resume (\S+)`", err).group(1)
    row, record = interviews.load_interview(rid)
    assert record.status == STOPPED and row.answered == 1 and len(store.list_sessions(interview_id=rid)) == 2

    code, out, _ = run(capsys, "report", rid)
    assert code == 0 and "(not answered)" in out and f"--resume {rid}" in out

    code, out, err = run(
        capsys,
        "interview",
        "--resume",
        rid,
        "--no-speak",
        "--json",
        "--answers",
        answers["strength"],
        answers["closing"],
    )
    assert code == 0, err
    doc = json.loads(out)
    assert doc["interview_id"] == rid and len(doc["questions"]) == 3 and doc["summary"]["status"] == "complete"
    code, _, err = run(capsys, "interview", "--resume", rid, "--no-speak", "--answers", answers["closing"])
    assert code == EXIT_BAD_INPUT and "already complete" in err


@pytest.fixture
def done(capsys, answers):
    code, out, err = interview(capsys, answers, "cpa", "june", "strength", "closing")
    assert code == 0, err
    return json.loads(out)


def test_sessions_lists_the_interview_with_its_answers(capsys, done):
    code, out, _ = run(capsys, "sessions")
    rows = [line.split() for line in out.splitlines() if line[:1].isdigit()]  # a row's first line
    assert code == 0 and rows[0][0] == done["interview_id"] and rows[0][1:5] == ["Interview:", "3", "of", "3"]
    assert [row[1] for row in rows[1:]] == ["1.", "1+", "2.", "3."]
    code, out, _ = run(capsys, "sessions", "--json")
    rows = json.loads(out)
    assert [r["type"] for r in rows].count("interview") == 1
    assert [(r["position"], r["part"]) for r in rows if r["type"] == "session"] == [
        (1, "answer"),
        (1, "follow_up"),
        (2, "answer"),
        (3, "answer"),
    ]


def test_report_replay_export_on_the_whole_interview(capsys, done, tmp_path):
    rid = done["interview_id"]
    code, out, _ = run(capsys, "report", rid)
    assert code == 0 and out.startswith("Mock interview report") and "Follow-up on timeline" in out
    assert "Strongest answer" in out and "Top things to practise" in out
    page = tmp_path / "interview.html"
    code, out, _ = run(capsys, "report", rid, "--html", page)
    html = page.read_text(encoding="utf-8")
    assert code == 0 and html.count('class="question"') == 3 and "on follow-up" in html
    assert "You mentioned becoming a CPA: by when do you expect to get there?" in html
    code, out, _ = run(capsys, "replay", rid, "--no-audio")
    assert code == 0 and out.count("Replay of session") == 4
    code, out, _ = run(capsys, "export", rid, tmp_path / "out")
    folder = tmp_path / "out" / rid
    assert code == 0 and (folder / "interview.json").is_file() and (folder / "report.html").is_file()
    assert len([p for p in folder.iterdir() if p.is_dir()]) == 4


def test_report_of_one_answer_shows_what_the_follow_up_supplied(capsys, done, tmp_path):
    sid = done["questions"][0]["answer"]["session_id"]
    code, out, _ = run(capsys, "report", sid, "--html", tmp_path / "one.html")
    html = (tmp_path / "one.html").read_text(encoding="utf-8")
    assert code == 0 and '<div class="via">on follow-up</div>' in html


def test_delete_an_answer_then_the_interview(capsys, done):
    rid = done["interview_id"]
    second = done["questions"][1]["answer"]["session_id"]
    code, out, _ = run(capsys, "sessions", "delete", second, "--yes")
    assert code == 0 and second in out
    _, record = interviews.load_interview(rid)
    assert [a.position for a in record.answers] == [1, 3]
    code, out, _ = run(capsys, "report", rid)
    assert code == 0 and "2.  What is your greatest strength?\n      (not answered)" in out
    code, out, _ = run(capsys, "sessions", "delete", rid, "--yes")
    assert code == 0 and "and its 3 answer session(s)" in out
    assert store.list_sessions() == [] and interviews.list_interviews() == []


def test_history_leaves_follow_ups_out(capsys, done):
    code, out, _ = run(capsys, "history")
    assert code == 0 and "You mentioned" not in out  # one session of the first question: its answer alone
    assert "How do you plan to achieve your career goals?  (1 session)" in out


def test_limit_notice_fires_once_before_the_limit():
    seen, notices = [], []
    status = LimitNotice(lambda t, level: seen.append(t), limit_s=60.0, notice_s=15.0, on_notice=notices.append)
    for t in (0.0, 44.9, 45.0, 45.1, 59.0):
        status(t, -30.0)
    assert seen == [0.0, 44.9, 45.0, 45.1, 59.0] and notices == [pytest.approx(15.0)]


def test_meter_shows_the_limit():
    out = io.StringIO()
    meter = TerminalMeter(out, enter_stops=False, max_s=120.0)
    meter(42.0, -20.0)
    meter.notify("15 s left: start wrapping up.")
    assert "Recording 0:42 / 2:00" in out.getvalue() and out.getvalue().endswith("15 s left: start wrapping up.\n")
    meter.tty, meter.notice = True, ""
    meter.notify("15 s left: start wrapping up.")  # on a terminal: on the live status line
    assert meter.status(105.0, -20.0).startswith("● REC 1:45 / 2:00  15 s left: start wrapping up.  ")


@pytest.mark.parametrize(
    "text, asked",
    [
        ("Yes. What does a typical week look like for your team?", 1),
        ("Yes, I do. How does your team measure success in the first year.", 1),  # the "?" not transcribed
        ("Well, could you tell me about the training? And when would I start?", 2),
        ("No, I think you covered everything. Thank you.", 0),
        ("I do. Will do.", 0),
        ("", 0),
    ],
)
def test_questions_asked_in_the_closing_answer(text, asked):
    from simulator.report.interview_summary import questions_asked

    assert questions_asked(text) == asked
