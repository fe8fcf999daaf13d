"""The command line as a user meets it: fast help, clean JSON, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from simulator.asr.wer import wer
from simulator.errors import EXIT_BAD_INPUT
from tests.conftest import FIXTURES, load_truth

HEAVY = [
    "numpy",
    "librosa",
    "faster_whisper",
    "ctranslate2",
    "sounddevice",
    "pyttsx3",
    "torch",
    "spacy",
    "soundfile",
    "rich",
]


def run_cli(
    *args: str, env_home=None, stdin=subprocess.DEVNULL, timeout=300, env: dict | None = None
) -> subprocess.CompletedProcess:
    env = dict(os.environ, **(env or {}))
    if env_home is not None:
        env["MOCK_INTERVIEW_HOME"] = str(env_home)
    return subprocess.run(
        [sys.executable, "-m", "simulator", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=stdin,
        timeout=timeout,
    )


def test_help_imports_nothing_heavy():
    code = (
        "import sys, contextlib, io\n"
        "from simulator.cli import app as cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try: cli.main(['--help'])\n"
        "    except SystemExit: pass\n"
        f"print([m for m in {HEAVY!r} if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_help_lists_the_commands():
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("practice", "analyze", "questions"):
        assert command in result.stdout


def test_questions_lists_the_bank():
    result = run_cli("questions")
    assert result.returncode == 0
    assert "career-goals" in result.stdout and "(default)" in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["analyze", "no/such/file.wav"], "no such file"),
        (["analyze"], "Give an audio FILE"),
        (["analyze", "--text", "EMPTY"], "empty"),
        (["analyze", "--text", "ANSWER", "--question", "nope"], "No question 'nope'"),
        (["analyze", "--text", "ANSWER", "--posting", "no/posting.txt"], "no such job posting file"),
        (["analyze", "SILENT"], "No speech detected"),
    ],
)
def test_bad_input_is_one_line_on_stderr(tmp_path, args, message):
    import numpy as np
    import soundfile as sf

    (tmp_path / "empty.txt").write_text("   \n\t\n")
    (tmp_path / "answer.txt").write_text("My goal is to pass the CPA exam by March.")
    sf.write(tmp_path / "silent.wav", np.zeros(16_000 * 8, np.float32), 16_000)
    subst = {"EMPTY": tmp_path / "empty.txt", "ANSWER": tmp_path / "answer.txt", "SILENT": tmp_path / "silent.wav"}
    args = [str(subst.get(a, a)) for a in args]
    result = run_cli(*args, env_home=tmp_path / "home")
    assert result.returncode == EXIT_BAD_INPUT, result.stderr
    assert result.stdout == ""
    lines = [line for line in result.stderr.splitlines() if line.startswith("mock-interview:")]
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="session")
def good_answer_json(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    result = run_cli("analyze", str(FIXTURES / "good_answer.flac"), "--json", env_home=home)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout), home


def test_analyze_json_shape_and_accuracy(good_answer_json):
    doc, home = good_answer_json
    assert set(doc) >= {"question", "audio", "transcript", "delivery", "content", "session_id"}
    assert doc["question"]["text"] == "How do you plan to achieve your career goals?"
    truth = load_truth("good_answer")
    assert abs(doc["audio"]["duration_s"] - truth["duration_s"]) < 0.05
    words = doc["transcript"]["words"]
    assert len(words) > 100
    for w in words:
        assert set(w) >= {"word", "start", "end", "probability"}
        assert 0 <= w["start"] <= w["end"] <= truth["duration_s"] + 0.1
    assert wer(truth["script"], doc["transcript"]["text"]) <= 0.15
    # analyze does not store unless --save.
    assert doc["session_id"] is None


def test_analyze_text_has_no_delivery(tmp_path):
    (tmp_path / "a.txt").write_text("My goal is to earn my CPA license this year so I can contribute to your team.")
    result = run_cli("analyze", "--text", str(tmp_path / "a.txt"), "--json", env_home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["delivery"] is None and doc["audio"] is None
    assert all(w["start"] is None for w in doc["transcript"]["words"])
    assert doc["content"] is not None


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["--set", "long_pause_s=1.5"], 0, None),
        (["--set", "long_pause=1.5"], EXIT_BAD_INPUT, "Did you mean long_pause_s"),
        (["--set", "long_pause_s"], EXIT_BAD_INPUT, "needs NAME=VALUE"),
        (["--set", "long_pause_s=soon"], EXIT_BAD_INPUT, "long_pause_s"),
        (["--config", "CONFIG"], 0, None),
        (["--config", "BADCONFIG"], EXIT_BAD_INPUT, "not valid TOML"),
    ],
)
def test_delivery_overrides_are_validated(tmp_path, args, code, message):
    (tmp_path / "a.txt").write_text("My goal is to pass the CPA exam by March.")
    (tmp_path / "cfg.toml").write_text("[delivery]\nlong_pause_s = 1.5\n")
    (tmp_path / "bad.toml").write_text("[delivery\n")
    args = [str({"CONFIG": tmp_path / "cfg.toml", "BADCONFIG": tmp_path / "bad.toml"}.get(a, a)) for a in args]
    result = run_cli("analyze", "--text", str(tmp_path / "a.txt"), *args, env_home=tmp_path / "home")
    assert result.returncode == code, result.stderr
    if message:
        assert message in result.stderr and "Traceback" not in result.stderr


def test_overrides_reach_the_report(good_answer_json, tmp_path):
    result = run_cli(
        "analyze",
        str(FIXTURES / "good_answer.flac"),
        "--json",
        "--quiet",
        "--set",
        "long_pause_s=0.8",
        "--set",
        "pace_max_wpm=140",
        env_home=tmp_path,
    )
    doc = json.loads(result.stdout)["delivery"]
    default = good_answer_json[0]["delivery"]
    assert doc["options"]["long_pause_s"] == 0.8 and doc["options"]["pace_max_wpm"] == 140
    assert default["long_pauses"] == [] and len(doc["long_pauses"]) >= 1
    assert all(p["duration"] >= 0.8 for p in doc["long_pauses"])
    assert default["verdict"]["pace"] == "slow and clear" and doc["verdict"]["pace"] == "too fast"


def test_demo_without_a_terminal_uses_the_bundled_answer_and_does_not_save_it(tmp_path):
    result = run_cli("practice", "--demo", "--no-speak", "--json", env_home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "using the bundled sample answer" in result.stderr and "not saved to your history" in result.stderr
    doc = json.loads(result.stdout)
    assert wer(load_truth("good_answer")["script"], doc["transcript"]["text"]) <= 0.15
    assert (
        doc["session_id"] is None and "A demo on the bundled sample answer: not saved to your history." in doc["notes"]
    )
    assert not (tmp_path / "sessions").exists() or not any((tmp_path / "sessions").iterdir())
    history = run_cli("history", env_home=tmp_path)
    assert history.returncode == 0 and history.stdout.startswith("No sessions yet")
