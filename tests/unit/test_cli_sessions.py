"""The session commands through the real CLI entry point: output, exit codes, files."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys

import pytest

from simulator.audio.files import load_audio
from simulator.cli import sessions as cli_sessions
from simulator.cli.app import main
from simulator.errors import EXIT_BAD_INPUT, EXIT_STORAGE
from simulator.sessions import store
from tests.conftest import ROOT
from tests.session_docs import FIXTURES, analysis_from_truth, metrics_analysis


@pytest.fixture(scope="module")
def rushed_audio():
    return load_audio(FIXTURES / "rushed_answer.flac")


@pytest.fixture
def two_sessions(rushed_audio):
    first = store.save_session(
        metrics_analysis(
            wpm=182.0, long_pauses=2, fillers_per_min=6.5, score=48.0, created_at="2026-01-05T10:00:00+00:00"
        ),
        None,
        None,
    )
    y, sr = rushed_audio
    analysis = analysis_from_truth("rushed_answer", score=34.0)
    analysis.created_at = "2026-01-06T10:00:00+00:00"
    second = store.save_session(analysis, y, sr)
    return first, second


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_sessions_lists_the_metrics(capsys, two_sessions):
    first, second = two_sessions
    code, out, _ = run(capsys, "sessions")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3
    assert lines[0].split() == ["ID", "DATE", "QUESTION", "LENGTH", "WPM", "LONG", "PAUSES", "FILLERS/MIN", "SCORE"]
    assert lines[1].startswith(first) and lines[1].split()[-4:] == ["182", "2", "6.5", "48"]
    assert lines[2].startswith(second) and lines[2].split()[-5:] == ["0:18", "197", "3", "10.2", "34"]
    assert "2026-01-06" in lines[2] and "How do you plan to achieve your c…" in lines[2]


def test_sessions_json(capsys, two_sessions):
    code, out, _ = run(capsys, "sessions", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["id"] for r in rows] == list(two_sessions)
    assert (
        rows[1]["long_pauses"] == 3 and rows[1]["audio_path"].endswith("answer.flac") and rows[0]["audio_path"] is None
    )


@pytest.mark.parametrize(
    "argv, code, stream, text",
    [
        (["sessions"], 0, "out", "No sessions yet; run `mock-interview practice` to record one."),
        (["history"], 0, "out", "No sessions yet"),
        (
            ["replay", "last", "--no-audio"],
            EXIT_BAD_INPUT,
            "err",
            "mock-interview: There are no stored sessions yet; see `mock-interview sessions`.",
        ),
        (
            ["report", "nope"],
            EXIT_BAD_INPUT,
            "err",
            "mock-interview: No session 'nope'; see `mock-interview sessions`.",
        ),
        (["sessions", "delete", "nope"], EXIT_BAD_INPUT, "err", "No session 'nope'"),
        (["export", "last", "/tmp"], EXIT_BAD_INPUT, "err", "no stored sessions yet"),
    ],
)
def test_empty_store_answers(capsys, argv, code, stream, text):
    got, out, err = run(capsys, *argv)
    assert got == code
    shown = out if stream == "out" else err
    assert text in shown and len(shown.strip().splitlines()) == 1


def test_delete_removes_row_and_audio(capsys, two_sessions):
    first, second = two_sessions
    audio = store.load_session(second).audio_path
    assert audio.exists()
    code, out, _ = run(capsys, "sessions", "delete", second[:17])  # a unique prefix works
    assert code == 0 and out.strip() == f"Deleted session {second} (its audio and analysis are removed)."
    assert not audio.exists() and not audio.parent.exists()
    assert [s.id for s in store.list_sessions()] == [first]


def test_export_writes_audio_analysis_and_report(capsys, tmp_path, two_sessions):
    _, second = two_sessions
    code, out, _ = run(capsys, "export", second, str(tmp_path / "exp"))
    folder = tmp_path / "exp" / second
    assert code == 0 and str(folder) in out
    assert sorted(p.name for p in folder.iterdir()) == ["analysis.json", "answer.flac", "report.html"]
    html = (folder / "report.html").read_text()
    assert "data:audio/flac;base64," in html and second in html


def test_report_html_to_file_and_default_place(capsys, tmp_path, two_sessions):
    _, second = two_sessions
    target = tmp_path / "r.html"
    code, out, _ = run(capsys, "report", "last", "--html", str(target))
    assert code == 0 and str(target) in out
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert len(re.findall(r'<span class="w[ "]', target.read_text())) == len(
        store.load_session(second).analysis.transcript.words
    )
    code, out, _ = run(capsys, "report", second, "--html")
    default = store.load_session(second).folder / "report.html"
    assert code == 0 and default.exists() and str(default) in out


def test_report_prints_the_terminal_report_of_a_stored_session(capsys, two_sessions):
    _, second = two_sessions
    code, out, _ = run(capsys, "report", "last")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "Mock interview report"
    assert "Context:  role: Data analyst, company: Acme <Data> & Co" in lines
    assert f"Session:  {second}" in lines
    assert "*Um*, so, my goals" in out and "[2.6s pause]" in out and "_maybe_" in out  # marks from the indexes
    assert "197 wpm too fast  (band 110-160;" in out and "3 long (>= 2 s):" in out
    assert "Content  score 34/100" in out and "✗  A realistic timeline" in out
    assert not (store.load_session(second).folder / "report.html").exists()  # no HTML unless asked


def test_report_open_writes_the_html_and_opens_it(monkeypatch, capsys, two_sessions):
    import webbrowser

    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    code, out, _ = run(capsys, "report", "last", "--open")
    default = store.load_session(two_sessions[1]).folder / "report.html"
    assert code == 0 and str(default) in out and opened == [default.resolve().as_uri()]


def test_schema_command_prints_the_published_schema(capsys):
    code, out, _ = run(capsys, "schema")
    assert code == 0 and out == (ROOT / "docs" / "analysis.schema.json").read_text(encoding="utf-8")
    assert json.loads(out)["title"] == "Analysis"


def test_open_report_writes_and_opens_in_a_browser(monkeypatch, two_sessions):
    import webbrowser

    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    path = cli_sessions.open_report(two_sessions[1])
    assert path.exists() and opened == [path.resolve().as_uri()]


def test_open_report_without_a_browser_is_not_an_error(monkeypatch, capsys, two_sessions):
    import webbrowser

    def no_browser(url, *a, **k):
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "open", no_browser)
    path = cli_sessions.open_report(two_sessions[1])
    assert path.exists() and "No web browser could be opened" in capsys.readouterr().err


def test_history_command(capsys, two_sessions):
    code, out, _ = run(capsys, "history")
    assert code == 0
    assert out.splitlines()[0] == "How do you plan to achieve your career goals?  (2 sessions)"
    assert (
        "Not improved: pace (wpm) 182 → 197, long pauses 2 → 3, fillers/min 6.5 → 10.2, content score 48 → 34." in out
    )
    code, out, _ = run(capsys, "history", "--question", "tell-me-about-yourself")
    assert code == 0 and "No sessions for question 'tell-me-about-yourself'" in out


def test_replay_no_audio_prints_time_codes_and_markers(capsys, two_sessions):
    code, out, _ = run(capsys, "replay", "last", "--no-audio")
    lines = out.splitlines()
    assert code == 0 and lines[1] == "Question: How do you plan to achieve your career goals?"
    body = [line for line in lines if line.startswith("[")]
    assert body[0].startswith("[0:00.4] [Um,] so, my goals")
    assert [line for line in body if "long pause" in line] == [
        "[0:04.7] ‖‖ long pause 2.6 s",
        "[0:08.9] ‖‖ long pause 2.3 s",
        "[0:13.6] ‖‖ long pause 2.8 s",
    ]
    assert "[uh,] get promoted" in out and "so, [um,] yeah," in out
    assert lines[-1] == "End of answer at 0:18.7."


def test_corrupt_index_exit_code_and_rebuild(capsys, isolated_home, two_sessions):
    (isolated_home / "sessions.db").write_bytes(b"\x00garbage" * 500)
    code, _, err = run(capsys, "sessions")
    assert code == EXIT_STORAGE and len(err.strip().splitlines()) == 1
    assert "damaged" in err and "mock-interview sessions --rebuild" in err
    code, out, _ = run(capsys, "sessions", "--rebuild")
    assert code == 0 and out.startswith("Rebuilt the sessions index: 2 session(s).")
    code, out, _ = run(capsys, "sessions")
    assert code == 0 and len(out.splitlines()) == 3


def test_help_is_fast_and_lists_the_session_commands():
    done = subprocess.run([sys.executable, "-m", "simulator", "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    for command in ("sessions", "export", "replay", "history", "report", "schema"):
        assert command in done.stdout
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "simulator", "sessions", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and "--rebuild" in done.stdout
    for heavy in ("sqlite3", "numpy", "soundfile", "sounddevice", "librosa"):
        assert f" {heavy}\n" not in done.stderr and f" {heavy}." not in done.stderr, heavy


def test_sessions_shows_interrupted_recordings(capsys, rushed_audio):
    import soundfile as sf

    from simulator.audio.recording_file import recordings_dir

    y, sr = rushed_audio
    leftover = recordings_dir() / "answer-20260107-090000.wav"
    sf.write(str(leftover), y[: sr * 5], sr, subtype="PCM_16")
    code, out, _ = run(capsys, "sessions")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "No sessions yet; run `mock-interview practice` to record one."
    assert lines[2].startswith("Interrupted recordings (kept, not analysed yet;")
    assert lines[3].split()[2:] == ["0:05", "(interrupted)", str(leftover)]
