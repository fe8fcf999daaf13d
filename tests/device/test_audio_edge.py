"""The audio edge on a real (virtual) sound card: speech out, answers in, crashes survived.

Real espeak-ng, real PortAudio through PulseAudio, real Whisper. The device
tests need scripts/virtual-audio.sh (started by the fixture if needed).
"""

from __future__ import annotations

import os
import signal
import struct
import subprocess
import sys
import time

import numpy as np
import pytest
import soundfile as sf

from simulator.asr.wer import normalize_words, wer
from simulator.audio.files import load_audio
from simulator.errors import EXIT_INTERRUPTED, EXIT_NO_DEVICE
from tests.audio_device import CAPTURE_SR, SpeakerCapture, play_into_mic, sounding_span  # noqa: F401
from tests.conftest import FIXTURES, ROOT, load_truth

QUESTION = "How do you plan to achieve your career goals?"


def transcribe_words(y: np.ndarray, sr: int) -> list[str]:
    from simulator.asr.transcribe import transcribe

    return normalize_words(transcribe(y, sr).text)


@pytest.fixture(scope="module")
def first_phrase_clip(tmp_path_factory):
    """The first phrase of the good answer (about 9 s), with its text."""
    truth = load_truth("good_answer")
    phrase = truth["phrases"][0]
    y, sr = sf.read(FIXTURES / "good_answer.flac", dtype="float32")
    path = tmp_path_factory.mktemp("clips") / "first_phrase.wav"
    sf.write(path, y[: int((phrase["end"] + 0.3) * sr)], sr)
    return path, phrase["text"], phrase["end"] + 0.3


# --- speech out ---------------------------------------------------------------------


def test_synthesize_makes_real_speech(tmp_path, capfd):
    from simulator.audio import tts

    out = tts.synthesize(QUESTION, tmp_path / "q.wav")
    y, sr = load_audio(out)
    heard = transcribe_words(y, sr)
    assert {"plan", "achieve", "career", "goals"} <= set(heard)
    assert capfd.readouterr().out == ""  # pyttsx3's prints never reach our stdout


INTERVIEWER_LINES = [
    QUESTION,
    "Tell me about yourself.",
    "Tell me about a time you had a conflict with a co-worker. How did you handle it?",
    "You mentioned becoming a CPA: by when do you expect to get there?",
    "What would you do if you found a job could not be done to code within the quoted price?",
]


VOICES = [("espeak", None), ("piper", None), ("robot", "No voice 'robot'")]


@pytest.mark.parametrize("voice, error", VOICES)
@pytest.mark.parametrize("text", INTERVIEWER_LINES, ids=range(len(INTERVIEWER_LINES)))
def test_questions_are_spoken_at_an_interviewers_pace_and_cached(text, voice, error):
    from simulator.audio import tts
    from simulator.errors import BadInputError

    if error:
        with pytest.raises(BadInputError, match=error):
            tts.speech_file(text, voice=voice)
        return
    path = tts.speech_file(text, voice=voice)
    y, sr = load_audio(path)
    # From the first to the last sample above 3 % of full scale: a lower level sits inside the fading "f" of
    # "yourself", which piper's noise puts above or below it, a 0.2 s swing on a 1.5 s line.
    wpm = 60 * len(text.split()) / sounding_span(y, sr, level=0.03)
    assert 140 <= wpm <= 170, f"{wpm:.0f} wpm"
    heard = transcribe_words(y, sr)  # tiny.en on synthetic voices: intelligible, not perfect
    said = normalize_words(text)
    recall = sum(min(said.count(w), heard.count(w)) for w in set(said)) / len(said)
    # Most words are heard, and one of the last two after the first two: the question is whole. (tiny.en may add a
    # sign-off after it, "thank you" or "thank you for watching", as long as a short question, and may mishear one
    # synthetic word: piper's "price" was once heard as another word. piper samples noise as it speaks, so each
    # synthesis differs a little.)
    tail = [i for i, w in enumerate(heard) if w in said[-2:]]
    head = [i for i, w in enumerate(heard) if w in said[:2]]
    assert recall >= 0.6 and tail and (not head or max(tail) > min(head)), (recall, heard)
    mtime = path.stat().st_mtime_ns
    assert tts.speech_file(text, voice=voice) == path and path.stat().st_mtime_ns == mtime


@pytest.mark.audio_device
def test_speak_plays_the_question_into_the_speaker(virtual_audio, tmp_path):
    from simulator.audio import tts

    with SpeakerCapture(tmp_path / "speaker.raw") as cap:
        tts.speak(QUESTION)
    heard = cap.audio()
    expected_s = sounding_span(*load_audio(tts.speech_file(QUESTION)))
    assert sounding_span(heard, CAPTURE_SR) == pytest.approx(expected_s, abs=0.5)
    assert {"plan", "achieve", "career", "goals"} <= set(transcribe_words(heard, CAPTURE_SR))


# PortAudio's buffer -> whether 3 s of sound runs dry while another thread holds
# the GIL for 0.17 s at a time, with 30 ms breaks (one C call after another, as
# loading the model and the NLP libraries beside the question does; the
# stream's callback needs the GIL).
GIL_HELD = [
    ("'high' (35 ms on PulseAudio) runs dry", "high", True),
    ("the question's 0.5 s buffer does not", "speech", False),
]


@pytest.mark.audio_device
@pytest.mark.parametrize("label, latency, runs_dry", GIL_HELD, ids=[g[0] for g in GIL_HELD])
def test_playback_while_another_thread_holds_the_gil(virtual_audio, label, latency, runs_dry):
    import threading

    from simulator.audio import player

    stop = threading.Event()

    def hold_the_gil():
        while not stop.is_set():
            sum(range(8_000_000))  # one C call: the GIL is not released until it returns
            time.sleep(0.03)

    holder = threading.Thread(target=hold_the_gil, daemon=True)
    tone = (0.2 * np.sin(2 * np.pi * 440 * np.arange(3 * 16_000) / 16_000)).astype(np.float32)
    holder.start()
    try:
        playback = player.play(tone, 16_000, latency=player.SPEECH_LATENCY_S if latency == "speech" else latency)
    finally:
        stop.set()
        holder.join()
    assert (playback.underflows > 0) == runs_dry, (label, playback.underflows)


# --- answers in -----------------------------------------------------------------------


@pytest.mark.audio_device
def test_record_answer_hears_the_mic_and_stops_on_silence(virtual_audio, first_phrase_clip):
    from simulator.audio import recorder

    clip, text, clip_s = first_phrase_clip
    players = []

    def start_playing_once(elapsed_s, level_dbfs):
        if not players:  # the input stream is running now
            players.append(play_into_mic(clip))

    rec = recorder.record(max_s=30.0, silence_stop_s=2.0, on_status=start_playing_once)
    players[0].wait(timeout=30)
    assert rec.stop_reason == "silence"
    # the clip, the 2 s of silence, and PulseAudio's start-up lag (well under a second)
    assert clip_s + 2.0 - 0.2 < rec.duration_s < clip_s + 2.0 + 1.5
    y, sr = load_audio(rec.path)
    assert wer(text, " ".join(transcribe_words(y, sr))) <= 0.15
    assert rec.speech_s > 0.5 * clip_s


@pytest.mark.audio_device
def test_sigkill_mid_answer_leaves_a_loadable_recording(virtual_audio, first_phrase_clip, isolated_home):
    from simulator.audio.recording_file import list_interrupted, recordings_dir

    clip, text, _ = first_phrase_clip
    code = (
        "from simulator.audio import recorder\n"
        "recorder.record_answer(max_s=60, silence_stop_s=0, beep=False,"
        " on_status=lambda t, db: print(f'{t:.2f}', flush=True))\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        proc.stdout.readline()  # recording has started
        play_into_mic(clip)
        time.sleep(5.0)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        proc.kill()
    (path,) = recordings_dir().glob("*.wav")
    y, sr = load_audio(path)  # loadable as it was left, before any repair
    assert 4.0 < y.size / sr < 6.5
    heard = transcribe_words(y, sr)
    assert {"my", "goal", "next", "years"} <= set(heard)
    (left,) = list_interrupted()  # repaired: header sizes now match the data
    raw = path.read_bytes()
    assert struct.unpack_from("<I", raw, 40)[0] == len(raw) - 44
    assert left.duration_s == pytest.approx(sf.info(path).duration) and left.duration_s >= y.size / sr - 0.2


@pytest.mark.audio_device
def test_sigterm_during_practice_keeps_a_clean_recording(virtual_audio, first_phrase_clip, isolated_home):
    from simulator.audio.recording_file import recordings_dir

    clip, _, _ = first_phrase_clip
    env = dict(os.environ, MOCK_INTERVIEW_HOME=str(isolated_home))
    proc = subprocess.Popen(
        [sys.executable, "-m", "simulator", "practice", "--no-speak", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while not list(recordings_dir().glob("*.wav")) and time.monotonic() < deadline:
        time.sleep(0.1)
    play_into_mic(clip)
    time.sleep(3.0)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == EXIT_INTERRUPTED
    assert out == "" and "interrupted" in err and "Traceback" not in err
    (path,) = recordings_dir().glob("*.wav")
    raw = path.read_bytes()
    assert struct.unpack_from("<I", raw, 40)[0] == len(raw) - 44  # closed cleanly: exact header
    assert 2.5 < sf.info(path).duration < 6.0


# --- no device ---------------------------------------------------------------------------


def _probe_devices(env) -> str:
    code = (
        "from simulator.audio import recorder, player; print(recorder.has_input_device(), player.has_output_device())"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT
    ).stdout.strip()


@pytest.mark.parametrize("extra_args", [["--no-speak"], [], ["--json"]])
def test_practice_without_any_sound_device_says_so_in_one_line(isolated_home, extra_args):
    env = dict(os.environ, MOCK_INTERVIEW_HOME=str(isolated_home), PULSE_SERVER="unix:/nonexistent/pulse")
    if _probe_devices(env) != "False False":
        pytest.skip("this machine has a real sound card, so hiding PulseAudio does not remove every device")
    res = subprocess.run(
        [sys.executable, "-m", "simulator", "practice", *extra_args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert res.returncode == EXIT_NO_DEVICE
    assert res.stdout == ""
    last = res.stderr.strip().splitlines()[-1]
    assert last.startswith("mock-interview: No microphone found") and "--answer FILE" in last
    assert "Traceback" not in res.stderr
