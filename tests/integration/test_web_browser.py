"""The practice page in real headless Chromium, with a fake microphone fed from an audio fixture:
an answer recorded in the page gets its report, stops by silence or by Space, and leaves a session
the CLI sees; the page works from the keyboard; the worklet's 16 kHz audio is checked on known tones."""

from __future__ import annotations

import json
import os
import time

import numpy as np
import pytest
import soundfile as sf

from simulator.asr.wer import wer
from simulator.audio.files import load_audio, resample
from tests import cdp
from tests.conftest import FIXTURES, load_truth
from tests.integration.test_html_report import _problems
from tests.integration.test_web import start_server, stop_server

ANSWER = "pace_easy"  # 17 s, 37 words: a whole answer, short enough for CI
MIC_RATE = 48_000  # Hz; Chromium's fake capture device wants 16-bit PCM at its own rate
MEDIA_FLAGS = ("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream")
POLL_S = 0.2
READY_TIMEOUT_S = 120.0  # s from Start to "Answer now": the spoken question and the model's load
ANALYSIS_TIMEOUT_S = 180.0  # s from the answer's end to the report, on a slow shared machine
MAX_WER = 0.15
MIN_CONTRAST = 4.5  # WCAG AA for body text


@pytest.fixture(scope="module")
def mic_wav(tmp_path_factory):
    y, sr = load_audio(FIXTURES / f"{ANSWER}.flac")
    path = tmp_path_factory.mktemp("mic") / "answer48k.wav"
    sf.write(path, resample(y, sr, MIC_RATE), MIC_RATE, subtype="PCM_16")
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    s = start_server(tmp_path_factory.mktemp("web-home"))
    yield s
    stop_server(s.proc)


@pytest.fixture(scope="module")
def browser(mic_wav):
    exe = cdp.find_chromium()
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing in CI; `make setup-test` installs the Debian package chromium.")
        pytest.skip("Chromium is not installed (sudo apt-get install chromium)")
    fake_mic = f"--use-file-for-fake-audio-capture={mic_wav}%noloop"  # once, then silence
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cdp, "CHROMIUM_FLAGS", (*cdp.CHROMIUM_FLAGS, *MEDIA_FLAGS, fake_mic))
        b = cdp.Browser(exe)
    for domain in ("Page.enable", "Runtime.enable", "Log.enable"):
        b.call(domain)
    yield b
    b.close()


def wait_for(browser: cdp.Browser, expression: str, timeout_s: float):
    """Poll ``expression`` until it is truthy; its value. Bounded by ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = browser.evaluate(expression)
        if value:
            return value
        time.sleep(POLL_S)
    raise TimeoutError(f"{expression} stayed false for {timeout_s:.0f} s")


def open_page(browser: cdp.Browser, url: str) -> None:
    browser.events.clear()
    browser.call("Page.navigate", url=url)
    wait_for(browser, "document.readyState === 'complete' && document.getElementById('question').options.length", 30)


KEYS = {
    "Tab": {"key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9},
    "Enter": {"key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"},
    "Space": {"key": " ", "code": "Space", "windowsVirtualKeyCode": 32, "text": " "},
}


def press(browser: cdp.Browser, name: str) -> None:
    key = KEYS[name]
    browser.call("Input.dispatchKeyEvent", type="keyDown", **key)
    browser.call("Input.dispatchKeyEvent", type="keyUp", **{k: v for k, v in key.items() if k != "text"})


def click(browser: cdp.Browser, x: float, y: float) -> None:
    for kind in ("mousePressed", "mouseReleased"):
        browser.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)


def click_element(browser: cdp.Browser, selector: str) -> None:
    box = browser.evaluate(
        f"(() => {{ const el = document.querySelector({json.dumps(selector)}); el.scrollIntoView({{block: 'center'}});"
        " const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()"
    )
    click(browser, *box)


def status(browser: cdp.Browser) -> str:
    return browser.evaluate("document.getElementById('status').textContent")


def wait_for_report(browser: cdp.Browser, timeout_s: float) -> None:
    done = wait_for(
        browser,
        "(() => { const s = document.getElementById('status').textContent;"
        " const e = document.getElementById('error'); return s.startsWith('Done') || (!e.hidden && e.textContent); })()",
        timeout_s,
    )
    assert status(browser).startswith("Done"), done
    wait_for(browser, in_frame("frame && frame.querySelector('.transcript .w') !== null"), 30)


def in_frame(expression: str) -> str:
    """``expression`` evaluated with ``frame`` as the report frame's document."""
    return (
        f"(() => {{ const frame = document.getElementById('report-frame').contentDocument; return {expression}; }})()"
    )


def newest_session(server) -> dict:
    with server.authed() as c:
        rows = c.get("/api/sessions").json()
        return c.get(f"/api/sessions/{rows[-1]['id']}").json()


def test_an_answer_recorded_in_the_page_gets_its_report(server, browser):
    browser.call("Page.navigate", url=f"{server.base}/?token={server.token}")  # the printed URL
    wait_for(browser, "location.pathname === '/' && !location.search && document.readyState === 'complete'", 30)
    assert browser.evaluate("document.cookie") == ""  # HttpOnly: no script can read the token
    open_page(browser, f"{server.base}/")
    browser.evaluate("document.getElementById('role').focus()")
    browser.call("Input.insertText", text="data analyst")
    browser.evaluate("document.getElementById('start').focus()")
    press(browser, "Enter")  # the form is submitted from the keyboard; the question is spoken first
    wait_for(browser, "document.getElementById('status').textContent.startsWith('Answer now')", READY_TIMEOUT_S)
    spoken = browser.evaluate(
        "(() => { const a = document.getElementById('question-audio'); return [a.ended, a.duration]; })()"
    )
    assert spoken[0] and spoken[1] > 1.0
    assert browser.evaluate("document.activeElement.id") == "stop"
    duration = load_truth(ANSWER)["duration_s"]
    wait_for_report(browser, duration + ANALYSIS_TIMEOUT_S)  # nobody presses stop: the silence after it does

    doc = newest_session(server)
    assert doc["context"]["role"] == "data analyst"
    assert duration < doc["audio"]["duration_s"] < duration + 6.0  # the answer and about 3 s of silence
    shown = browser.evaluate(
        in_frame("[...frame.querySelectorAll('.transcript .w')].map(w => w.textContent).join(' ')")
    )
    assert wer(load_truth(ANSWER)["script"], shown) <= MAX_WER

    starts = [w["start"] for w in doc["transcript"]["words"]]
    for index in (3, len(starts) - 4):  # a real click on a word in the report seeks the recording there
        box = browser.evaluate(
            "(() => { const f = document.getElementById('report-frame'); const fr = f.getBoundingClientRect();"
            f" const el = f.contentDocument.querySelectorAll('.transcript .w')[{index}];"
            " el.scrollIntoView({block: 'center'}); const r = el.getBoundingClientRect(); const fr2 = f.getBoundingClientRect();"
            " return [fr2.left + r.left + r.width / 2, fr2.top + r.top + r.height / 2]; })()"
        )
        click(browser, *box)
        now = browser.evaluate(in_frame("frame.getElementById('answer').currentTime"))
        assert now == pytest.approx(starts[index], abs=0.25), index
    browser.evaluate(in_frame("frame.getElementById('answer').pause()"))

    listed = json.loads(server.cli("sessions", "--json").stdout)  # the same store as the command line
    assert doc["session_id"] in [s["id"] for s in listed]
    assert _problems(browser) == []


def test_space_stops_the_answer_and_the_page_deletes_a_session(server, browser):
    open_page(browser, f"{server.base}/")
    before = wait_for(browser, "document.querySelectorAll('#sessions tbody tr').length + 1", 30) - 1
    browser.evaluate("document.getElementById('speak').checked = false")
    click_element(browser, "#start")
    wait_for(browser, "document.getElementById('status').textContent.startsWith('Answer now')", READY_TIMEOUT_S)
    wait_for(browser, "document.getElementById('timer').textContent >= '0:03'", 30)
    press(browser, "Space")
    wait_for_report(browser, ANALYSIS_TIMEOUT_S)
    doc = newest_session(server)
    assert 2.5 < doc["audio"]["duration_s"] < 8.0  # stopped by the key, long before the answer's end
    assert doc["transcript"]["words"] and doc["transcript"]["text"].startswith("In the next")

    rows = "document.querySelectorAll('#sessions tbody tr')"
    wait_for(browser, f"{rows}.length === {before + 1}", 30)
    assert browser.evaluate(f"{rows}[0].dataset.id") == doc["session_id"]  # newest first
    for _ in range(2):  # the first press asks, the second deletes
        click_element(browser, "#sessions tbody tr:first-child td.actions button:last-child")
    wait_for(browser, f"{rows}.length === {before}", 30)
    listed = json.loads(server.cli("sessions", "--json").stdout)
    assert doc["session_id"] not in [s["id"] for s in listed]
    assert _problems(browser) == []


CONTRAST_JS = """
(() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = (el) => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
    if (c.length === 3 || c[3] > 0) return c.slice(0, 3); } return [255, 255, 255]; };
  const out = {};
  for (const sel of SELECTORS) {
    const el = document.querySelector(sel);
    const a = lum(rgb(getComputedStyle(el).color)), b = lum(background(el));
    out[sel] = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }
  return out;
})()
"""


def test_the_page_works_from_the_keyboard_with_labels_and_contrast(server, browser):
    open_page(browser, f"{server.base}/")
    browser.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
    order = []
    for _ in range(7):
        press(browser, "Tab")
        order.append(browser.evaluate("document.activeElement.id || document.activeElement.className"))
    assert order == ["skip", "question", "role", "company", "posting", "speak", "start"]
    unlabelled = browser.evaluate(
        "[...document.querySelectorAll('input, select, textarea, meter')].filter(e => !e.labels.length).map(e => e.id)"
    )
    assert unlabelled == []
    selectors = ["body", "label", ".opt", ".hint", "#status", "#start", "th", "footer", "h2"]
    ratios = browser.evaluate(CONTRAST_JS.replace("SELECTORS", json.dumps(selectors)))
    assert {s: r for s, r in ratios.items() if r < MIN_CONTRAST} == {}
    assert _problems(browser) == []


WORKLET_JS = """
(async () => {
  const rate = RATE, n = rate;  // one second
  const ctx = new OfflineAudioContext(1, n, rate);
  await ctx.audioWorklet.addModule('/static/pcm-worklet.js');
  const node = new AudioWorkletNode(ctx, 'pcm16k', { processorOptions: { blockSize: 800 } });
  const out = [];
  node.port.onmessage = (e) => out.push(...new Int16Array(e.data));
  const buffer = ctx.createBuffer(1, n, rate);
  const x = buffer.getChannelData(0);
  for (let i = 0; i < n; i++) x[i] = AMPLITUDE * Math.sin(2 * Math.PI * FREQ * i / rate);
  const source = ctx.createBufferSource();
  source.buffer = buffer;
  source.connect(node);
  node.connect(ctx.destination);
  source.start();
  await ctx.startRendering();
  await new Promise((r) => setTimeout(r, 300));  // the last blocks' messages
  return out;
})()
"""


@pytest.mark.parametrize("rate", [48_000, 44_100])
@pytest.mark.parametrize("freq, passes", [(1000.0, True), (440.0, True), (12_000.0, False), (9_000.0, False)])
def test_the_worklet_sends_16khz_and_keeps_only_what_fits(server, browser, rate, freq, passes):
    """A tone the 16 kHz signal can hold comes out as the same sine, in time; one above 8 kHz is filtered
    out instead of folding back into the speech band."""
    open_page(browser, f"{server.base}/")
    amplitude = 0.5
    js = WORKLET_JS.replace("RATE", str(rate)).replace("AMPLITUDE", str(amplitude)).replace("FREQ", str(freq))
    y = np.asarray(browser.evaluate(js, await_promise=True), dtype=np.float64) / 32768.0
    assert 15_000 <= y.size <= 16_000 and y.size % 800 == 0  # whole 50 ms blocks of the one second
    t = np.arange(y.size) / 16_000
    body = slice(100, y.size - 100)  # away from the start of the tone
    if passes:
        expected = amplitude * np.sin(2 * np.pi * freq * t)
        assert np.max(np.abs(y[body] - expected[body])) < 0.01  # 0.2 % of full scale: same level, no delay
    else:
        assert np.sqrt(np.mean(y[body] ** 2)) < amplitude / np.sqrt(2) * 10 ** (-40 / 20)  # >= 40 dB down
