"""End to end: `mock-interview interview --json` on the virtual sound card.

A three-question interview with follow-ups on: the tool speaks each prompt into
a speaker sink, and each time it starts listening (a new recording file
appears) the test plays the next answer into a mic sink; both sinks are the
test's own (the ``private_mic`` fixture), so other runs on the shared card are not heard. The first answer
gives a goal without a timeline, so the interviewer must follow up on the
timeline, and the follow-up's answer (which gives one) must count in the
merged result.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time

import numpy as np
import pytest

from simulator.asr.wer import normalize_words, wer
from tests.audio_device import CAPTURE_SR, SpeakerCapture, play_into_mic
from tests.conftest import ROOT
from tests.interview_answers import ORDER, QUESTIONS, check_follow_up_counted, synthesise

SPOKEN_MAX_WER = 0.15  # the prompts as heard back from the speaker sink, against the prompts asked

WAIT_FOR_PROMPT_S = 240.0  # s; the longest the test waits for the tool to start listening
GAP_S = 1.0  # s of silence that separates two prompts in the speaker capture


def _prompts(y: np.ndarray, sr: int, *, level: float = 0.01) -> list[np.ndarray]:
    """The sounding stretches of the speaker capture (the prompts), split at GAP_S of silence.

    Each is transcribed alone: Whisper may skip a prompt inside minutes of silence.
    """
    loud = np.flatnonzero(np.abs(y) > level)
    if loud.size == 0:
        return []
    cuts = np.flatnonzero(np.diff(loud) > GAP_S * sr)
    starts, ends = np.r_[loud[0], loud[cuts + 1]], np.r_[loud[cuts], loud[-1]]
    pad = int(0.2 * sr)
    return [y[max(a - pad, 0) : b + pad] for a, b in zip(starts, ends)]


def _answer_each_prompt(recordings, clips, played: list[str], sink: str, timeout_s=WAIT_FOR_PROMPT_S) -> None:
    """Background thread: for each new recording file, play the next answer into the mic."""
    seen: set = set()
    for name in ORDER:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            new = set(recordings.glob("*.wav")) - seen
            if new:
                seen |= new
                play_into_mic(clips[name], sink=sink).wait(timeout=120)
                played.append(name)
                break
            time.sleep(0.05)
        else:
            return


@pytest.mark.audio_device
@pytest.mark.slow
def test_interview_with_a_follow_up_on_the_sound_card(private_mic, isolated_home, tmp_path):
    from simulator.asr.transcribe import transcribe
    from simulator.audio.recording_file import list_interrupted, recordings_dir
    from simulator.sessions import interviews, store

    clips = synthesise(tmp_path)
    played: list[str] = []
    with SpeakerCapture(tmp_path / "s.raw", sink=private_mic["speaker"]) as spoken:
        args = (recordings_dir(), clips, played, private_mic["sink"])
        player = threading.Thread(target=_answer_each_prompt, args=args, daemon=True)
        player.start()
        env = dict(os.environ, MOCK_INTERVIEW_HOME=str(isolated_home), **private_mic["env"])
        res = subprocess.run(
            [
                sys.executable,
                "-m",
                "simulator",
                "interview",
                "--questions",
                QUESTIONS,
                "--json",
                "--answer-limit",
                "60",
            ],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            timeout=900,
        )
        player.join(timeout=5)
    assert res.returncode == 0, res.stderr
    assert played == list(ORDER)

    doc = json.loads(res.stdout)
    check_follow_up_counted(doc)
    assert {"certified", "accountant"} <= set(normalize_words(doc["questions"][0]["answer"]["transcript"]["text"]))

    # the interviewer spoke the questions and the follow-up into the speaker sink
    said = " ".join(transcribe(prompt, CAPTURE_SR).text for prompt in _prompts(spoken.audio(), CAPTURE_SR))
    asked = [doc["questions"][0]["question"]["text"], doc["questions"][0]["follow_up"]["text"]]
    asked += [q["question"]["text"] for q in doc["questions"][1:]]
    assert wer(" ".join(asked), said) <= SPOKEN_MAX_WER, said  # tiny.en on espeak: a word may be misheard

    _, record = interviews.load_interview(doc["interview_id"])
    assert record.status == "complete" and [a.position for a in record.answers] == [1, 2, 3]
    stored = store.list_sessions(interview_id=record.id)
    assert [(s.position, s.part) for s in stored] == [(1, "answer"), (1, "follow_up"), (2, "answer"), (3, "answer")]
    assert all(s.audio_path is not None and s.audio_path.is_file() for s in stored)
    assert list_interrupted() == []  # every recording moved into its session
