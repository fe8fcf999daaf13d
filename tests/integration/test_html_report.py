"""The HTML report: escaping and structure, then the real page in headless Chromium."""

from __future__ import annotations

import os
import re
import struct
from html import unescape
from pathlib import Path

import pytest

from simulator.audio.files import load_audio
from simulator.content.types import ContentReport, CriterionResult, Evidence, Summary, Weighting
from simulator.model.analysis import Analysis, AnswerContext
from simulator.model.transcript import Transcript, Word
from simulator.questions import get_question
from simulator.report.html import render_html, session_html
from simulator.sessions import store
from tests.cdp import Browser, find_chromium
from tests.session_docs import FIXTURES, analysis_from_truth

ARTIFACTS = Path(os.environ.get("MI_TEST_ARTIFACTS", "/tmp/mock-interview-test-artifacts"))


@pytest.fixture(scope="module")
def rushed_session(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    old = os.environ.get("MOCK_INTERVIEW_HOME")
    os.environ["MOCK_INTERVIEW_HOME"] = str(home)
    try:
        y, sr = load_audio(FIXTURES / "rushed_answer.flac")
        sid = store.save_session(analysis_from_truth("rushed_answer", score=34.0), y, sr)
        yield store.load_session(sid)
    finally:
        if old is None:
            os.environ.pop("MOCK_INTERVIEW_HOME", None)
        else:
            os.environ["MOCK_INTERVIEW_HOME"] = old


def _spans(html: str) -> list[tuple[str, str, str]]:
    return re.findall(r'<span class="(w[^"]*)" data-start="([0-9.]+)"[^>]*>([^<]*)</span>', html)


def test_one_span_per_word_with_its_start(rushed_session):
    html = session_html(rushed_session)
    words = rushed_session.analysis.transcript.words
    spans = _spans(html)
    assert [float(s[1]) for s in spans] == pytest.approx([w.start for w in words], abs=0.005)
    assert [unescape(s[2]) for s in spans] == [w.word for w in words]
    fillers = [s[2] for s in spans if "filler" in s[0]]
    hedges = [s[2] for s in spans if "hedge" in s[0]]
    assert fillers == ["Um,", "uh,", "um,"] and hedges == ["maybe", "probably", "I", "guess", "hopefully."]
    assert html.count('class="pause long"') == 3 and html.count('class="pz long"') == 3


def test_self_contained_and_offline(rushed_session):
    html = session_html(rushed_session)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert re.search(r"""(src|href)\s*=\s*["'](?!data:)""", html) is None  # every src/href is a data: URI
    assert "http://" not in html and "https://" not in html and "@import" not in html
    assert html.count("data:audio/flac;base64,") == 1


def test_user_text_is_escaped():
    evil = "<script>alert(1)</script>"
    analysis = Analysis(
        question=get_question(),
        context=AnswerContext(role=evil, company='"><img src=x onerror=alert(2)>'),
        transcript=Transcript(evil, [Word(evil, 0.5, 0.9)]),
        content=ContentReport(
            score=10,
            weighting=Weighting({"x": 1.0}, {"met": 1.0}),
            criteria=[CriterionResult("x", "do", "<b>", [Evidence(evil)], tip=evil, label=evil, reason=evil)],
            summary=Summary([evil], [evil]),
            structure=[],
        ),
    )
    html = render_html(analysis)
    assert evil not in html and "<img src=x" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<script>") == 1  # ours only


# --- in a real browser --------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    exe = find_chromium()
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing in CI; `make setup` installs the Debian package chromium.")
        pytest.skip("Chromium is not installed (sudo apt-get install chromium)")
    b = Browser(exe)
    for domain in ("Page.enable", "Runtime.enable", "Log.enable", "Network.enable"):
        b.call(domain)
    yield b
    b.close()


def _load(browser: Browser, path: Path) -> None:
    browser.events.clear()
    browser.call("Page.navigate", url=path.resolve().as_uri())
    browser.wait_event("Page.loadEventFired")


def _problems(browser: Browser) -> list[dict]:
    bad = []
    for ev in browser.events:
        method, params = ev.get("method"), ev.get("params", {})
        if method == "Runtime.exceptionThrown":
            bad.append(params)
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
            bad.append(params)
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
            bad.append(params)
    return bad


def _requests(browser: Browser) -> list[str]:
    return [ev["params"]["request"]["url"] for ev in browser.events if ev.get("method") == "Network.requestWillBeSent"]


def test_page_in_chromium_seeks_on_click_and_screenshots(browser, rushed_session, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(session_html(rushed_session), encoding="utf-8")
    _load(browser, page)
    duration = browser.evaluate(
        "new Promise(r => { const a = document.getElementById('answer');"
        " if (a.readyState >= 1) r(a.duration); a.onloadedmetadata = () => r(a.duration);"
        " a.onerror = () => r('error ' + (a.error && a.error.code)); })",
        await_promise=True,
    )
    assert duration == pytest.approx(rushed_session.duration_s, abs=0.05)  # the embedded FLAC decodes

    words = rushed_session.analysis.transcript.words
    for index in (12, 40):  # a real mouse click in the middle of the word on screen
        box = browser.evaluate(
            f"(() => {{ const el = document.querySelectorAll('.transcript .w')[{index}];"
            " el.scrollIntoView({block: 'center'}); const r = el.getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + r.height / 2, el.textContent]; })()"
        )
        assert box[2] == words[index].word
        for kind in ("mousePressed", "mouseReleased"):
            browser.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)
        now = browser.evaluate("document.getElementById('answer').currentTime")
        assert now == pytest.approx(words[index].start, abs=0.25), index  # it starts playing at once
        assert now >= words[index].start - 0.01
    browser.evaluate("document.getElementById('answer').pause(); window.scrollTo(0, 0)")

    assert _problems(browser) == []
    assert {u.split(":", 1)[0] for u in _requests(browser)} <= {"file", "data"}

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = browser.screenshot(ARTIFACTS / "html_report.png")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width >= 1000 and height >= 1500 and len(data) > 50_000


def test_text_answer_page_renders_without_errors(browser, tmp_path):
    analysis = analysis_from_truth("good_answer")
    analysis.audio, analysis.delivery = None, None
    analysis.transcript = Transcript.from_text(analysis.transcript.text)
    page = tmp_path / "text.html"
    page.write_text(render_html(analysis), encoding="utf-8")
    _load(browser, page)
    assert browser.evaluate("document.getElementById('answer')") is None
    assert browser.evaluate("document.querySelectorAll('table.checks tr').length") == 4
    assert _problems(browser) == []
