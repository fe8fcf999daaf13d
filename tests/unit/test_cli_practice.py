"""The practice command's orchestration, with the devices, the voice and the model replaced by fakes.

What is checked here is the order and the bookkeeping a user sees: checks
before the question, kept and rejected takes, resume and discard, what is
saved, and the lines printed. The real recording, model and sound card are
exercised in tests/device and tests/integration.
"""

from __future__ import annotations

import pytest
import soundfile as sf

from simulator.audio import recorder
from simulator.audio.files import load_audio
from simulator.audio.recording_file import list_interrupted, recordings_dir, write_take_note
from simulator.cli import practice_cmd, takes
from simulator.cli.app import main
from simulator.errors import EXIT_BAD_INPUT, EXIT_INTERRUPTED, EXIT_NO_DEVICE, NoSpeechError
from simulator.model.analysis import AnswerContext
from simulator.pipeline import practice
from simulator.questions import get_question
from simulator.sessions import store
from tests.session_docs import FIXTURES, analysis_from_truth

CLIP_S = 5  # s of the rushed answer written as a take


class FakeWarmer:
    def result(self) -> None:
        return None


@pytest.fixture
def rushed():
    return load_audio(FIXTURES / "rushed_answer.flac")


@pytest.fixture
def fakes(monkeypatch, rushed):
    """No voice, no model, a microphone that is there; recording writes a real take file."""
    calls = {"asked": [], "recorded": [], "analysed": []}
    y, sr = rushed

    def ask(question, **kw):
        calls["asked"].append(question.id)
        return FakeWarmer()

    def record_and_analyze(question, context, *, record_kw, **kw):
        dest = record_kw["dest"]
        sf.write(str(dest), y[: CLIP_S * sr], sr, subtype="PCM_16")
        calls["recorded"].append((question.id, record_kw))
        if calls.get("fail"):
            raise calls["fail"]
        analysis = analysis_from_truth("rushed_answer")
        analysis.question = question
        return practice.PracticeAnswer(analysis, y, sr, dest)

    def analyze_answer_file(path, question, context, **kw):
        calls["analysed"].append((path, question.id, context.role))
        analysis = analysis_from_truth("rushed_answer")
        analysis.question, analysis.context = question, context
        return practice.PracticeAnswer(analysis, y, sr, None)

    monkeypatch.setattr(practice, "ask", ask)
    monkeypatch.setattr(practice, "record_and_analyze", record_and_analyze)
    monkeypatch.setattr(practice, "analyze_answer_file", analyze_answer_file)
    monkeypatch.setattr(recorder, "has_input_device", lambda device=None: True)
    return calls


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_practice_run_is_saved_and_ends_with_the_hint(capsys, fakes):
    code, out, err = run(capsys, "practice", "--no-speak", "--question", "tell-me-about-yourself")
    assert code == 0 and out.startswith("Mock interview report")
    [session] = store.list_sessions()
    lines = err.splitlines()
    assert lines[0] == "Question: Tell me about yourself."
    assert lines[-2:] == [f"Saved as session {session.id}.", practice_cmd.NEXT_HINT]
    for command in ("replay last", "report last --html --open", "history"):
        assert command in lines[-1]
    assert list_interrupted() == []  # the take became the session


def test_no_microphone_is_said_before_the_question(capsys, fakes, monkeypatch):
    monkeypatch.setattr(recorder, "has_input_device", lambda device=None: False)
    code, out, err = run(capsys, "practice", "--no-speak")
    assert code == EXIT_NO_DEVICE and out == ""
    assert err.splitlines() == [f"mock-interview: {recorder.NO_MIC}"]  # nothing asked, nothing "Answer now"
    assert fakes["asked"] == [] and fakes["recorded"] == []


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--answer", "no/such.wav"], "no/such.wav: no such file"),
        (["--input-device", "no-such-mic"], "No input device 'no-such-mic'; see `mock-interview devices`"),
        (["--output-device", "99"], "No output device 99; see `mock-interview devices`"),
        (["--resume", "nope"], "There are no kept takes"),
        (["--resume", "last", "--answer", "a.wav"], "Give either --answer FILE or --resume ID, not both."),
        (["--set", "long_pause=1"], "Did you mean long_pause_s"),
    ],
)
def test_bad_input_is_said_before_the_question(capsys, fakes, argv, message):
    code, out, err = run(capsys, "practice", "--no-speak", *argv)
    assert code in (EXIT_BAD_INPUT, EXIT_NO_DEVICE) and out == ""
    assert len(err.splitlines()) == 1 and message in err and "Question:" not in err
    assert fakes["asked"] == []


@pytest.mark.parametrize("error", [NoSpeechError("No speech detected in the recording.")])
def test_a_rejected_take_is_not_kept(capsys, fakes, error):
    fakes["fail"] = error
    code, _, err = run(capsys, "practice", "--no-speak")
    assert code == EXIT_BAD_INPUT and "No speech detected" in err and "This take was not kept." in err
    assert list_interrupted() == [] and list(recordings_dir().iterdir()) == []
    assert store.list_sessions() == []


def test_an_interrupted_take_keeps_its_question_and_is_offered_in_one_line(capsys, fakes, rushed):
    fakes["fail"] = KeyboardInterrupt()
    code, _, err = run(capsys, "practice", "--no-speak", "--question", "tell-me-about-yourself", "--role", "Nurse")
    assert code == EXIT_INTERRUPTED and "Traceback" not in err
    [kept] = list_interrupted()
    assert takes.kept_line(kept.id) in err.splitlines()
    asked = takes.asked(kept)
    assert asked is not None and asked[0].id == "tell-me-about-yourself" and asked[1].role == "Nurse"
    for k in range(3):
        _take(rushed, None, name=f"answer-20260107-09000{k}-42.wav")
    fakes["fail"] = None
    code, _, err = run(capsys, "practice", "--no-speak")
    offers = [line for line in err.splitlines() if "take" in line]
    assert code == 0 and offers == [
        "4 interrupted takes are kept; `mock-interview sessions` lists them to resume or discard."
    ]


def _take(rushed, note: dict | None, name: str = "answer-20260107-090000-42.wav"):
    y, sr = rushed
    path = recordings_dir() / name
    sf.write(str(path), y[: CLIP_S * sr], sr, subtype="PCM_16")
    if note is not None:
        write_take_note(path, note)
    return path


def test_resume_analyses_the_take_on_its_own_question_and_removes_it(capsys, fakes, rushed):
    question = get_question("tell-me-about-yourself")
    path = _take(rushed, takes.note_for(question, AnswerContext(role="Nurse", company="Acme")))
    code, out, err = run(capsys, "practice", "--resume", "20260107", "--question", "career-goals")
    assert code == 0 and "Question: Tell me about yourself." in err
    assert fakes["analysed"] == [(path, "tell-me-about-yourself", "Nurse")] and fakes["asked"] == [
        "tell-me-about-yourself"
    ]
    [session] = store.list_sessions()
    assert session.question_id == "tell-me-about-yourself" and session.role == "Nurse"
    assert not path.exists() and not path.with_suffix(".json").exists()


def test_a_take_without_a_note_is_resumed_on_the_question_given(capsys, fakes, rushed):
    path = _take(rushed, None)
    code, _, err = run(capsys, "practice", "--resume", "last", "--question", "career-goals")
    assert code == 0 and "kept no question" in err
    assert fakes["analysed"][0][:2] == (path, "career-goals")


def test_offer_and_listing_suggest_the_same_commands(rushed):
    question = get_question("career-goals")
    _take(rushed, takes.note_for(question, AnswerContext()))
    [take] = list_interrupted()
    line = takes.offer_line([take])
    assert f"mock-interview practice --resume {take.id}" in line
    assert f"mock-interview sessions discard {take.id}" in line
    assert "analyze" not in line and "--answer" not in line
    many = takes.offer_line([take, take, take])
    assert many.count("\n") == 0 and many.startswith("3 interrupted takes are kept")


def test_the_demo_answer_is_not_saved(capsys, fakes, monkeypatch):
    code, out, err = run(capsys, "practice", "--demo", "--no-speak")
    assert code == 0 and "Note: A demo on the bundled sample answer: not saved to your history." in out
    assert "using the bundled sample answer" in err and "Saved as session" not in err
    assert store.list_sessions() == []


def test_practice_help_lists_the_delivery_option_names(capsys):
    from simulator.delivery.options import DeliveryOptions

    with pytest.raises(SystemExit):
        main(["practice", "--help"])
    flowing = "".join(capsys.readouterr().out.split())
    for name, *_ in DeliveryOptions.describe():
        assert name in flowing
    assert "README" not in flowing


# --- analyze and replay: refusals said before any work starts --------------------------------


@pytest.mark.parametrize(
    "argv, message",
    [
        (["analyze", "--text", "ANSWER", "AUDIO"], "Give either an audio FILE or --text FILE, not both."),
        (["analyze", "no/such/file.wav"], "no/such/file.wav: no such file; check the path."),
        (["analyze", "FOLDER"], "is a folder, not an audio file"),
    ],
)
def test_analyze_refuses_before_any_stage_is_announced(capsys, tmp_path, argv, message):
    (tmp_path / "answer.txt").write_text("My goal is to pass the CPA exam by March.")
    subst = {
        "ANSWER": str(tmp_path / "answer.txt"),
        "AUDIO": str(FIXTURES / "good_answer.flac"),
        "FOLDER": str(tmp_path),
    }
    code, out, err = run(capsys, *[subst.get(a, a) for a in argv])
    assert code == EXIT_BAD_INPUT and out == ""
    assert len(err.splitlines()) == 1 and err.startswith("mock-interview: ")
    assert message in err and "Decoding audio" not in err


def test_replay_without_a_sound_output_suggests_no_audio(capsys, monkeypatch, rushed):
    from simulator.audio import player

    store.save_session(analysis_from_truth("rushed_answer"), *rushed)
    monkeypatch.setattr(player, "device_info", lambda kind, device=None: None)
    code, out, err = run(capsys, "replay", "last", "--no-speak")
    assert code == EXIT_NO_DEVICE and out == ""
    assert "--no-audio" in err and "--no-speak" not in err and len(err.splitlines()) == 1


def test_the_spinner_draws_nothing_before_the_first_stage():
    import io
    import time

    from simulator.cli.progress import Spinner

    class Tty(io.StringIO):
        def isatty(self):
            return True

    stream = Tty()
    with Spinner(stream) as progress:
        time.sleep(0.3)  # e.g. while the recording screen is up
        assert stream.getvalue() == ""
        progress("Finishing the transcript")
        time.sleep(0.3)
        assert "Finishing the transcript…" in stream.getvalue()
