"""The session commands through the real CLI entry point: output, exit codes, files."""

from __future__ import annotations

import io
import json
import os
import re
import stat
import subprocess
import sys

import pytest

from simulator.audio.files import load_audio
from simulator.cli import listing as cli_listing
from simulator.cli import reports as cli_reports
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


@pytest.mark.parametrize("width", [80, 100, 140])
def test_sessions_lists_the_metrics_within_the_terminal_width(capsys, monkeypatch, two_sessions, width):
    first, second = two_sessions
    monkeypatch.setenv("COLUMNS", str(width))
    code, out, _ = run(capsys, "sessions")
    lines = out.splitlines()
    assert code == 0 and max(len(line) for line in lines) <= width
    assert lines[0].split() == ["LONG", "FILLERS"] and lines[1].split()[-5:] == [
        "LENGTH",
        "WPM",
        "PAUSES",
        "/MIN",
        "SCORE",
    ]
    rows = {line.split()[0]: line.split() for line in lines if line[:1].isdigit()}
    assert rows[first][-5:] == ["0:01", "182", "2", "6.5", "48"]
    assert rows[second][-5:] == ["0:18", "197", "3", "10.2", "34"]
    words = " ".join(" ".join(line.split()[1:-5] if line[:1].isdigit() else line.split()) for line in lines[2:])
    assert "How do you plan to achieve your career goals?" in words  # wrapped at words, never cut
    if width >= cli_listing.WIDE_LISTING:  # the ids' UTC time, also as a date column
        assert "DATE (UTC)" in lines[1] and "2026-01-06 10:00" in rows[second][1] + " " + rows[second][2]
        assert lines[-1] == "Dates are UTC, as in the ids."
    else:
        assert lines[-1] == "Ids begin with the UTC date and time of the answer."
    assert second.startswith("20260106-100000")  # saved at 10:00 UTC: the id says so


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
    code, out, _ = run(capsys, "sessions", "delete", second[:17], "--yes")  # a unique prefix works
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
    assert "Verdict:  Not yet slow and clear (pace: too fast) · content score 34/100" in lines
    top = lines.index("Top things to change")
    assert lines[top + 1 : top + 4] == [
        "  1. 3 pauses over 2 s; plan the next sentence before you stop.",
        "  2. Add a timeline.",
        "  3. Name the exam date.",
    ]
    assert "*Um*, so, my goals" in out and "[2.6s pause]" in out and "_maybe_" in out  # marks from the indexes
    assert "197 wpm too fast (band 110-160;" in out and "3 long (>= 2 s):" in out
    assert "Content  score 34/100" in out and re.search(r"✗ +A realistic timeline", out)
    assert max(len(line) for line in lines) <= 80 and not any(line.endswith(" ") for line in lines)
    assert not (store.load_session(second).folder / "report.html").exists()  # no HTML unless asked
    code, brief, _ = run(capsys, "report", "last", "--brief")  # the first screen only
    assert code == 0 and brief.splitlines() == lines[: top + 4]


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
    path = cli_reports.open_report(two_sessions[1])
    assert path.exists() and opened == [path.resolve().as_uri()]


def test_open_report_without_a_browser_is_not_an_error(monkeypatch, capsys, two_sessions):
    import webbrowser

    def no_browser(url, *a, **k):
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "open", no_browser)
    path = cli_reports.open_report(two_sessions[1])
    assert path.exists() and "No web browser could be opened" in capsys.readouterr().err


def test_history_command(capsys, two_sessions):
    code, out, _ = run(capsys, "history")
    assert code == 0
    assert out.splitlines()[0] == "How do you plan to achieve your career goals?  (2 sessions)"
    assert "Not improved: pace (wpm) 182 → 197, long pauses 2 → 3, fillers/min 6.5 → 10.2, content score 48 → 34." in (
        " ".join(out.split())
    )
    code, out, _ = run(capsys, "history", "--question", "tell-me-about-yourself")
    assert code == 0 and "No sessions for question 'tell-me-about-yourself'" in out


def test_history_of_an_unknown_question_is_bad_input_like_practice(capsys, two_sessions):
    code, out, err = run(capsys, "history", "--question", "nope")
    assert code == EXIT_BAD_INPUT and out == ""
    assert err.startswith("mock-interview: No question 'nope'.") and len(err.strip().splitlines()) == 1


def test_replay_no_audio_prints_time_codes_and_markers(capsys, two_sessions):
    code, out, _ = run(capsys, "replay", "last", "--no-audio")
    lines = out.splitlines()
    assert code == 0 and lines[1] == "Question: How do you plan to achieve your career goals?"
    assert max(len(line) for line in lines) <= 80
    body = [line for line in lines if line.startswith("[")]
    assert body[0].startswith("[0:00.4] [Um,] so, my goals")
    assert [line for line in body if "long pause" in line] == [
        "[0:04.7] ‖‖ long pause 2.6 s",
        "[0:08.9] ‖‖ long pause 2.3 s",
        "[0:13.6] ‖‖ long pause 2.8 s",
    ]
    flowing = " ".join(out.split())  # lines wrap at words under their time code
    assert "[uh,] get promoted" in flowing and "so, [um,] yeah," in flowing
    assert "         yeah," in lines  # the wrapped part of a line stays under its text, after the time code
    assert lines[-1] == "End of answer at 0:18.7."


def test_corrupt_index_exit_code_and_rebuild(capsys, isolated_home, two_sessions):
    (isolated_home / "sessions.db").write_bytes(b"\x00garbage" * 500)
    code, _, err = run(capsys, "sessions")
    assert code == EXIT_STORAGE and len(err.strip().splitlines()) == 1
    assert "damaged" in err and "mock-interview sessions --rebuild" in err
    code, out, _ = run(capsys, "sessions", "--rebuild")
    assert code == 0 and out.startswith("Rebuilt the sessions index: 2 session(s).")
    code, out, _ = run(capsys, "sessions")
    assert code == 0 and sum(line.startswith("2026") for line in out.splitlines()) == 2


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


def _kept_take(rushed_audio, name="answer-20260107-090000-42.wav", note=None):
    import soundfile as sf

    from simulator.audio.recording_file import recordings_dir, write_take_note

    y, sr = rushed_audio
    path = recordings_dir() / name
    sf.write(str(path), y[: sr * 5], sr, subtype="PCM_16")
    if note is not None:
        write_take_note(path, note)
    return path


def test_sessions_shows_kept_takes_with_their_question_and_how_to_resume_or_discard(capsys, rushed_audio):
    from simulator.cli.takes import note_for
    from simulator.model.analysis import AnswerContext
    from simulator.questions import get_question

    _kept_take(rushed_audio, note=note_for(get_question("tell-me-about-yourself"), AnswerContext(role="Nurse")))
    code, out, _ = run(capsys, "sessions")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "No sessions yet; run `mock-interview practice` to record one."
    assert lines[2] == "Interrupted takes (kept, not analysed yet)"
    row = next(line for line in lines if line.startswith("20260107-090000-42"))
    assert row.split()[-1] == "0:05" and "Tell me about yourself." in row
    assert lines[-1] == (
        "Resume one with `mock-interview practice --resume ID`, or discard it with `mock-interview sessions discard ID`."
    ) or " ".join(lines[-2:]).startswith("Resume one with")
    assert "(interrupted)" not in out and "analyze FILE --save" not in out


def test_discard_asks_first_and_removes_the_take(capsys, monkeypatch, rushed_audio):
    path = _kept_take(rushed_audio, note={"question": {"id": "career-goals", "text": "Why?"}})
    code, _, err = run(capsys, "sessions", "discard", "20260107")
    assert code == EXIT_BAD_INPUT and "add --yes" in err and path.exists()  # no terminal to ask on
    monkeypatch.setattr(sys, "stdin", _Tty("n\n"))
    code, _, err = run(capsys, "sessions", "discard", "last")
    assert code == EXIT_BAD_INPUT and "Nothing was deleted" in err and path.exists()
    monkeypatch.setattr(sys, "stdin", _Tty("y\n"))
    code, out, _ = run(capsys, "sessions", "discard", "last")
    assert code == 0 and "Discard the take 20260107-090000-42 (0:05, “Why?”)?\n[y/N] " in out
    assert "Discarded the take 20260107-090000-42 (its recording is deleted)." in out
    assert not path.exists() and not path.with_suffix(".json").exists()
    code, _, err = run(capsys, "sessions", "discard", "last", "--yes")
    assert code == EXIT_BAD_INPUT and "There are no kept takes" in err


class _Tty(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize(
    "stdin, argv, code, kept",
    [
        (None, [], EXIT_BAD_INPUT, True),  # no terminal and no --yes: refused in one line
        ("n\n", [], EXIT_BAD_INPUT, True),
        ("\n", [], EXIT_BAD_INPUT, True),  # the default is no
        ("y\n", [], 0, False),
        (None, ["--yes"], 0, False),
    ],
)
def test_delete_asks_for_confirmation(capsys, monkeypatch, two_sessions, stdin, argv, code, kept):
    _, second = two_sessions
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", _Tty(stdin))
    got, out, err = run(capsys, "sessions", "delete", second, *argv)
    assert got == code
    assert (second in [s.id for s in store.list_sessions()]) is kept
    if code:
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    if stdin:
        assert f"Delete session {second} (2026-01-06 10:00 UTC," in out


@pytest.mark.parametrize("argv", [["report", "last"], ["sessions"], ["history"], ["replay", "last", "--no-audio"]])
def test_colour_on_a_terminal_and_no_escape_codes_with_no_color(capsys, monkeypatch, two_sessions, argv):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    code, coloured, _ = run(capsys, *argv)
    assert code == 0 and "\033[" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    code, plain, _ = run(capsys, *argv)
    assert code == 0 and "\033[" not in plain
    if argv[0] == "report":  # without colour the fillers keep their text marks
        assert "*Um*" in plain and "*Um*" not in coloured
