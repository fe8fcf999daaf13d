"""`interview --answers … --no-speak --json` with the real model on spoken answers, and its HTML in Chromium."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
import soundfile as sf

from tests.conftest import ROOT
from tests.integration.test_html_report import _load, _problems, browser  # noqa: F401 - the browser fixture
from tests.interview_answers import ORDER, QUESTIONS, check_follow_up_counted, synthesise


@pytest.fixture(scope="module")
def clips(tmp_path_factory):
    return synthesise(tmp_path_factory.mktemp("answers"))


def _cli(home, *argv, timeout=600) -> subprocess.CompletedProcess:
    env = dict(os.environ, MOCK_INTERVIEW_HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "simulator", *map(str, argv)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def interview(clips, tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    files = [clips[name] for name in ORDER]
    res = _cli(home, "interview", "--questions", QUESTIONS, "--no-speak", "--json", "--answers", *files)
    assert res.returncode == 0, res.stderr
    return home, json.loads(res.stdout)


@pytest.mark.slow
def test_follow_up_aims_at_the_missing_timeline_and_counts_what_it_supplied(interview, clips):
    _, doc = interview
    assert list(doc) == ["interview_id", "questions", "summary"]
    timeline = check_follow_up_counted(doc)
    follow_s = sf.info(clips["timeline"]).duration
    assert timeline["evidence"] and all(0 <= e["start"] < e["end"] <= follow_s for e in timeline["evidence"])
    assert doc["questions"][0]["follow_up"]["answer"]["delivery"]["wpm"] > 0  # the follow-up's recording, apart
    verdicts = doc["summary"]["verdicts"]
    assert "timeline" in verdicts[0]["supplied"] and verdicts[2]["score"] is None
    assert "you asked 1 question" in verdicts[2]["verdict"]
    assert [(r["position"], r["part"]) for r in doc["summary"]["delivery"]] == [
        (1, "answer"),
        (1, "follow_up"),
        (2, "answer"),
        (3, "answer"),
    ]


@pytest.mark.slow
def test_every_answer_is_stored_with_its_audio(interview):
    home, doc = interview
    res = _cli(home, "sessions", "--json")
    rows = json.loads(res.stdout)
    sessions = [r for r in rows if r["type"] == "session"]
    assert [r["interview_id"] for r in sessions] == [doc["interview_id"]] * 4
    assert all(r["audio_path"] and os.path.isfile(r["audio_path"]) for r in sessions)


@pytest.mark.slow
def test_fewer_files_than_prompts_exits_2_and_keeps_the_answers(clips, tmp_path):
    res = _cli(tmp_path, "interview", "--questions", QUESTIONS, "--no-speak", "--json", "--answers", clips["goal"])
    assert res.returncode == 2 and res.stdout == ""
    errors = [line for line in res.stderr.splitlines() if line.startswith("mock-interview:")]
    assert len(errors) == 1 and "the follow-up to question 1" in errors[0]
    rid = re.search(r"--resume (\S+)`", res.stderr).group(1)
    listing = json.loads(_cli(tmp_path, "sessions", "--json").stdout)
    assert [(r["type"], r.get("status")) for r in listing][0] == ("interview", "stopped")
    assert [r["part"] for r in listing if r["type"] == "session"] == ["answer"]
    report = _cli(tmp_path, "report", rid)
    assert report.returncode == 0 and "(not answered)" in report.stdout


@pytest.mark.slow
def test_html_report_plays_each_answer_from_a_clicked_word(interview, browser, tmp_path):  # noqa: F811
    home, doc = interview
    page = tmp_path / "interview.html"
    res = _cli(home, "report", doc["interview_id"], "--html", page)
    assert res.returncode == 0, res.stderr
    html = page.read_text(encoding="utf-8")
    assert html.count("data:audio/flac;base64,") == 4 and "on follow-up" in html
    _load(browser, page)
    words = doc["questions"][0]["follow_up"]["answer"]["transcript"]["words"]
    target = words[-2]
    box = browser.evaluate(
        f"(() => {{ const el = document.querySelectorAll('.followup .transcript .w')[{len(words) - 2}];"
        " el.scrollIntoView({block: 'center'}); const r = el.getBoundingClientRect();"
        " return [r.left + r.width / 2, r.top + r.height / 2, el.textContent]; })()"
    )
    assert box[2] == target["word"]
    for kind in ("mousePressed", "mouseReleased"):
        browser.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)
    now = browser.evaluate("document.getElementById('follow-up-1').currentTime")
    assert now == pytest.approx(target["start"], abs=0.25)
    assert browser.evaluate("document.getElementById('answer-1').paused")  # the other answers stay still
    browser.evaluate("document.getElementById('follow-up-1').pause()")

    # the timeline quote in the first answer's checklist came from the follow-up: it plays that recording
    timeline = next(c for c in doc["questions"][0]["answer"]["content"]["criteria"] if c["id"] == "timeline")
    browser.evaluate("document.querySelector('#q1 details').open = true")
    browser.evaluate("document.querySelector('#q1 q.ev[data-audio]').click()")
    now = browser.evaluate("document.getElementById('follow-up-1').currentTime")
    assert now == pytest.approx(timeline["evidence"][0]["start"], abs=0.25)
    browser.evaluate("document.getElementById('follow-up-1').pause()")
    assert _problems(browser) == []
