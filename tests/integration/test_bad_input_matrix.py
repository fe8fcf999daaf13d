"""The bad-input matrix, through the real CLI (in-process, so the model
loads once): each case is one clear line and a documented exit code, or a
sensible report. Never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest
import soundfile as sf

from simulator.asr.wer import wer
from simulator.cli import app as cli
from simulator.errors import EXIT_BAD_INPUT, EXIT_OK, EXIT_STORAGE
from tests.conftest import FIXTURES, ROOT, load_truth
from tests.unit.test_audio_io import make_input

SR = 16_000
PHRASES = 2  # the clip is the good answer's first two sentences
MAX_WER = 0.3  # lossy and telephone-band copies of a short clip


def clip_script() -> str:
    return " ".join(p["text"] for p in load_truth("good_answer")["phrases"][:PHRASES])


@pytest.fixture(scope="module")
def clip() -> np.ndarray:
    y, sr = sf.read(FIXTURES / "good_answer.flac", dtype="float32")
    end_s = load_truth("good_answer")["phrases"][PHRASES - 1]["end"] + 0.4
    return y[: int(end_s * sr)]


def _scaled(clip: np.ndarray, peak_dbfs: float) -> np.ndarray:
    return clip / np.max(np.abs(clip)) * 10 ** (peak_dbfs / 20)


def make_case(kind: str, d, clip):
    """Inputs beyond the format table of test_audio_io."""
    rng = np.random.default_rng(7)
    p = d / f"{kind}.wav"
    if kind == "silence":
        sf.write(p, np.zeros(8 * SR, np.float32), SR)
    elif kind == "white_noise":
        sf.write(p, rng.normal(0, 0.1, 8 * SR).astype(np.float32), SR)
    elif kind == "music":
        t = np.arange(8 * SR) / SR
        notes = 220 * 2 ** (np.array([0, 4, 7, 12, 7, 4, 0, 5]) / 12)
        f = notes[(t * 2).astype(int) % notes.size]
        y = sum(np.sin(2 * np.pi * f * k * t) / k for k in (1, 2, 3)) * 0.2
        sf.write(p, (y * (0.6 + 0.4 * np.sin(2 * np.pi * 2 * t) ** 2)).astype(np.float32), SR)
    elif kind == "clipped":
        sf.write(p, np.clip(clip * 8.0, -1.0, 1.0), SR)
    elif kind == "quiet45":
        sf.write(p, _scaled(clip, -45.0), SR)
    elif kind == "thirty_minutes":
        sf.write(p, np.zeros(30 * 60 * 8_000, np.int16), 8_000, subtype="PCM_16")
    elif kind == "german":
        text = (
            "Mein Ziel ist es, in den nächsten zwei Jahren eine Zertifizierung als Datenanalyst "
            "zu erhalten. Ich arbeite jeden Tag daran und lerne sehr viel."
        )
        subprocess.run(["espeak-ng", "-v", "de", "-s", "140", "-w", str(p), text], check=True)
    else:
        return make_input(kind, d, clip)
    return p


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# (input kind, expected exit code, text expected in the one-line error, or a check of the JSON report)
CASES = [
    ("text_as_wav", EXIT_BAD_INPUT, "not a readable audio file"),
    ("truncated_header", EXIT_BAD_INPUT, "not a readable audio file"),
    ("zero_bytes", EXIT_BAD_INPUT, "is empty"),
    ("missing", EXIT_BAD_INPUT, "no such file"),
    ("directory", EXIT_BAD_INPUT, "is a folder"),
    ("silence", EXIT_BAD_INPUT, "No speech detected"),
    ("white_noise", EXIT_BAD_INPUT, "No speech detected"),
    ("music", EXIT_BAD_INPUT, "No speech detected"),
    ("thirty_minutes", EXIT_BAD_INPUT, "the limit is 15 min"),
    ("german", EXIT_BAD_INPUT, "does not sound like English"),
    ("spaces_unicode", EXIT_OK, "transcript"),
    ("phone8", EXIT_OK, "transcript"),
    ("stereo48", EXIT_OK, "transcript"),
    ("mp3", EXIT_OK, "transcript"),
    ("ogg", EXIT_OK, "transcript"),
    ("m4a", EXIT_OK, "transcript"),
    ("clipped", EXIT_OK, "clipping"),
    ("quiet45", EXIT_OK, "too_quiet"),
]


@pytest.mark.parametrize("kind, code, expect", CASES, ids=[c[0] for c in CASES])
def test_audio_matrix(tmp_path, capsys, clip, kind, code, expect):
    path = make_case(kind, tmp_path, clip)
    got, out, err = run(capsys, "analyze", path, "--json", "--quiet")
    assert "Traceback" not in err
    assert got == code, err
    if code != EXIT_OK:
        assert out == ""
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("mock-interview: ") and expect in lines[0], err
        return
    doc = json.loads(out)
    assert wer(clip_script(), doc["transcript"]["text"]) <= MAX_WER, doc["transcript"]["text"]
    volume = doc["delivery"]["volume"]
    if expect == "clipping":
        assert volume["clipping"] is True and volume["too_quiet"] is False
    elif expect == "too_quiet":
        assert volume["too_quiet"] is True and volume["clipping"] is False
    else:
        assert volume["too_quiet"] is False and volume["clipping"] is False


def test_quiet_speech_is_said_so_in_the_report(tmp_path, capsys, clip):
    got, out, _ = run(capsys, "analyze", make_case("quiet45", tmp_path, clip), "--quiet")
    assert got == EXIT_OK
    assert "quiet" in out.lower()


def test_unreadable_file(tmp_path, clip):
    """Root reads everything; without the DAC capabilities it obeys permissions like a user."""
    path = make_input("wav16", tmp_path, clip)
    path.chmod(0)
    command = [sys.executable, "-m", "simulator", "analyze", str(path)]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root and util-linux's setpriv is missing")
        command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *command]
    env = dict(os.environ, MOCK_INTERVIEW_HOME=str(tmp_path / "home"))
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert result.returncode == EXIT_BAD_INPUT, result.stderr
    assert result.stderr.strip().endswith("permission denied; make the file readable (chmod u+r).")


@pytest.mark.parametrize(
    "content, code, expect",
    [
        ("", EXIT_BAD_INPUT, "is empty"),
        ("  \n\t \n", EXIT_BAD_INPUT, "is empty"),
        ("My goal is to pass the CPA exam by March, and I have booked the first part.", EXIT_OK, "content"),
    ],
)
def test_text_matrix(tmp_path, capsys, content, code, expect):
    (tmp_path / "a.txt").write_text(content)
    got, out, err = run(capsys, "analyze", "--text", tmp_path / "a.txt", "--json")
    assert got == code and "Traceback" not in err
    if code == EXIT_OK:
        assert json.loads(out)[expect]["criteria"]
    else:
        assert expect in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "file, damage",
    [
        ("questions.toml", "[[question]\nid = "),
        ("questions.toml", '[[question]]\nid = "x"\ntext = "Why?"\ndefault = true\nkind = "no_such_kind"\n'),
        ("rubric.toml", "this is = = not toml"),
    ],
)
def test_malformed_prompts_are_config_errors(tmp_path, capsys, monkeypatch, file, damage):
    prompts = tmp_path / "prompts"
    shutil.copytree(ROOT / "prompts", prompts)
    (prompts / file).write_text(damage)
    monkeypatch.setenv("MOCK_INTERVIEW_PROMPTS", str(prompts))
    (tmp_path / "a.txt").write_text("My goal is to pass the CPA exam by March.")
    got, out, err = run(capsys, "analyze", "--text", tmp_path / "a.txt")
    assert got == EXIT_BAD_INPUT and out == ""
    assert str(prompts) in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_corrupt_sessions_database(tmp_path, capsys, isolated_home):
    (tmp_path / "a.txt").write_text("My goal is to pass the CPA exam by March.")
    assert run(capsys, "analyze", "--text", tmp_path / "a.txt", "--save")[0] == EXIT_OK
    db = next(isolated_home.rglob("*.db"))
    db.write_bytes(b"this is not a database" * 100)
    for wal in isolated_home.rglob("*.db-*"):
        wal.unlink()
    got, out, err = run(capsys, "sessions")
    assert got == EXIT_STORAGE and "Traceback" not in err
    assert "--rebuild" in err and len(err.strip().splitlines()) == 1
