"""End to end: `mock-interview practice --json` on the virtual sound card.

The tool speaks the question into the "speaker" sink; once it is listening
(its recording file appears) the test plays the first two phrases of the good
answer into the "mic" sink. The JSON transcript must match the script and the
session must be stored.
"""

from __future__ import annotations

import json
import threading
import time

import pytest
import soundfile as sf

from simulator.asr.wer import normalize_words, wer
from tests.audio_device import CAPTURE_SR, SpeakerCapture, play_into_mic, run_practice  # noqa: F401
from tests.conftest import FIXTURES, load_truth

PHRASES = 2  # the answer played: the first two phrases of good_answer (about 19 s)
KEY_WORDS = {"goal", "certified", "data", "analyst", "analysis", "guessing", "impact"}


@pytest.fixture(scope="module")
def answer_clip(tmp_path_factory):
    truth = load_truth("good_answer")
    phrases = truth["phrases"][:PHRASES]
    y, sr = sf.read(FIXTURES / "good_answer.flac", dtype="float32")
    end_s = phrases[-1]["end"] + 0.3
    path = tmp_path_factory.mktemp("e2e") / "answer.wav"
    sf.write(path, y[: int(end_s * sr)], sr)
    return path, " ".join(p["text"] for p in phrases), end_s


def _play_when_listening(recordings, clip, started: threading.Event, sink: str, timeout_s=120.0) -> None:
    """Background thread: wait for the tool's recording file, then play the answer into the mic."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if any(recordings.glob("*.wav")):
            started.set()
            play_into_mic(clip, sink).wait(timeout=120)
            return
        time.sleep(0.05)


@pytest.mark.audio_device
@pytest.mark.slow
def test_practice_speaks_records_analyses_and_stores(private_mic, answer_clip, isolated_home, tmp_path):
    from simulator.asr.transcribe import transcribe
    from simulator.audio.recording_file import list_interrupted, recordings_dir
    from simulator.sessions import store

    clip, script, clip_s = answer_clip
    recordings = recordings_dir()
    listening = threading.Event()
    sink = private_mic["sink"]  # a microphone of its own: other tests' sounds never mix into the answer
    player = threading.Thread(target=_play_when_listening, args=(recordings, clip, listening, sink), daemon=True)
    player.start()
    with SpeakerCapture(tmp_path / "speaker.raw") as spoken:
        pulse = {"PULSE_SOURCE": private_mic["env"]["PULSE_SOURCE"]}
        res = run_practice(isolated_home, "--max-seconds", "60", env=pulse)
    player.join(timeout=5)
    assert res.returncode == 0, res.stderr
    assert listening.is_set()

    # the question was spoken into the speaker sink, before the answer was recorded
    question_heard = normalize_words(transcribe(spoken.audio(), CAPTURE_SR).text)
    assert {"plan", "achieve", "career", "goals"} <= set(question_heard)

    doc = json.loads(res.stdout)  # stdout holds exactly one JSON document
    text = doc["transcript"]["text"]
    assert KEY_WORDS <= set(normalize_words(text))
    assert wer(script, text) <= 0.15
    assert all(w["end"] >= w["start"] for w in doc["transcript"]["words"])
    # the clip, 3 s of silence before the silence stop, and start-up lag
    assert clip_s + 3.0 - 0.3 < doc["audio"]["duration_s"] < clip_s + 3.0 + 2.0

    session = store.load_session(doc["session_id"])
    assert session.analysis.transcript.text == text
    assert session.audio_path is not None and session.audio_path.is_file()
    assert sf.info(session.audio_path).duration == pytest.approx(doc["audio"]["duration_s"], abs=0.05)
    assert list_interrupted() == []  # the recording moved into the session
