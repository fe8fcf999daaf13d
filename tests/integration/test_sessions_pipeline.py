"""Sessions on a real analysis: Whisper + delivery + content on the rushed fixture, run once."""

from __future__ import annotations

import os
import re

import pytest

from simulator.cli import replay
from simulator.model.analysis import AnswerContext
from simulator.model.codec import to_jsonable
from simulator.questions import get_question
from simulator.report.html import session_html
from simulator.report.style import Style, to_text
from simulator.sessions import store
from tests.cdp import Browser, find_chromium
from tests.session_docs import FIXTURES, truth

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def real_analysis():
    from simulator.pipeline.answer import analyze_file

    return analyze_file(FIXTURES / "rushed_answer.flac", get_question("career-goals"), AnswerContext(role="analyst"))


@pytest.fixture
def real_session(real_analysis):
    analysis, y, sr = real_analysis
    return store.load_session(store.save_session(analysis, y, sr))


def test_index_row_matches_the_analysis(real_session, real_analysis):
    analysis = real_analysis[0]
    stored = real_session.analysis
    assert real_session.wpm == pytest.approx(analysis.delivery.wpm, abs=1e-3)
    assert (
        real_session.long_pauses == len(analysis.delivery.long_pauses) == len(truth("rushed_answer")["inserted_pauses"])
    )
    assert real_session.fillers_per_min == pytest.approx(analysis.delivery.fillers_per_min, abs=1e-3)
    assert real_session.content_score == analysis.content.score
    assert stored.engine.engine == "faster-whisper" and stored.delivery.options == analysis.delivery.options
    assert len(stored.transcript.words) == len(analysis.transcript.words)
    assert to_jsonable(stored) == to_jsonable(analysis)  # the stored session reads back as the same analysis


def test_replay_marks_the_true_long_pauses(real_session):
    text = to_text(replay.text_replay(real_session.analysis, Style(False), session_id=real_session.id))
    found = [
        (int(m), float(s), float(d))
        for m, s, d in re.findall(r"^\[(\d+):([\d.]+)\] ‖‖ long pause ([\d.]+) s", text, re.M)
    ]
    inserted = truth("rushed_answer")["inserted_pauses"]
    assert len(found) == len(inserted)
    for (minutes, seconds, duration), true in zip(found, inserted):
        assert minutes * 60 + seconds == pytest.approx(true["start"], abs=0.2)
        assert duration == pytest.approx(true["duration"], abs=0.2)
    assert "[Um,]" in text or "[um,]" in text.lower()


def test_real_report_in_chromium(real_session, tmp_path):
    exe = find_chromium()
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing in CI; `make setup` installs the Debian package chromium.")
        pytest.skip("Chromium is not installed (sudo apt-get install chromium)")
    stored = real_session.analysis
    page = tmp_path / "real.html"
    page.write_text(session_html(real_session), encoding="utf-8")
    b = Browser(exe)
    try:
        for domain in ("Page.enable", "Runtime.enable", "Log.enable"):
            b.call(domain)
        b.call("Page.navigate", url=page.as_uri())
        b.wait_event("Page.loadEventFired")
        counts = b.evaluate(
            "[document.querySelectorAll('.transcript .w').length,"
            " document.querySelectorAll('.transcript .w.filler').length,"
            " document.querySelectorAll('.pause.long').length,"
            " document.querySelectorAll('table.checks tr').length]"
        )
        fillers = sum(f.n_words for f in stored.delivery.fillers)
        assert counts == [
            len(stored.transcript.words),
            fillers,
            len(stored.delivery.long_pauses),
            len(stored.content.criteria),
        ]
        last = len(stored.transcript.words) - 1
        now = b.evaluate(
            f"(document.querySelectorAll('.transcript .w')[{last}].click(),"
            " document.getElementById('answer').currentTime)"
        )
        assert now == pytest.approx(stored.transcript.words[last].start, abs=0.01)
        errors = [
            e
            for e in b.events
            if e.get("method") == "Runtime.exceptionThrown"
            or (e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error")
        ]
        assert errors == []
    finally:
        b.close()
