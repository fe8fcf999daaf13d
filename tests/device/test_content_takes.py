"""The same verdict on every take: one answer played twice through the virtual microphone scores alike.

`mock-interview practice --json --no-speak` records each take from a private microphone sink while the good answer
fixture (60 s of espeak-ng speech) is played into it; the recogniser hears each take afresh, so small
differences in what it hears must not move the content score by more than the issue allows.
"""

from __future__ import annotations

import json
import threading

import pytest

from tests.audio_device import run_practice
from tests.conftest import FIXTURES
from tests.device.test_practice_e2e import _play_when_listening

MAX_SCORE_GAP = 10  # points between two takes of one recording (the bar)
MAX_SECONDS = 90  # the take's recording limit: the 60 s answer, the silence stop and start-up lag


def _take(home, clip, mic: dict) -> dict:
    from simulator.audio.recording_file import recordings_dir

    args = (recordings_dir(), clip, threading.Event(), mic["sink"])
    player = threading.Thread(target=_play_when_listening, args=args)
    player.start()
    pulse = {"PULSE_SOURCE": mic["env"]["PULSE_SOURCE"]}  # a microphone of its own: no other sound mixes in
    res = run_practice(home, "--no-speak", "--max-seconds", str(MAX_SECONDS), env=pulse)
    player.join(timeout=5)
    assert res.returncode == 0, (res.stderr, _levels(home))
    return json.loads(res.stdout)


def _levels(home) -> list[tuple[str, list[float]]]:
    """RMS per second of each recording left behind, to tell a silent take from a garbled one."""
    import numpy as np
    import soundfile as sf

    out = []
    for path in sorted(home.rglob("*.wav")):
        y, sr = sf.read(path, dtype="float32", always_2d=True)
        y = y.mean(axis=1)
        out.append((path.name, [round(float(np.sqrt(np.mean(y[i : i + sr] ** 2))), 3) for i in range(0, len(y), sr)]))
    return out


@pytest.mark.audio_device
@pytest.mark.slow
def test_two_takes_of_one_answer_score_within_ten_points(private_mic, isolated_home, monkeypatch, tmp_path):
    clip = FIXTURES / "good_answer.flac"
    takes = []
    for k in range(2):
        home = tmp_path / f"take{k}"
        monkeypatch.setenv("MOCK_INTERVIEW_HOME", str(home))  # recordings_dir() of this take's process
        takes.append(_take(home, clip, private_mic))
    scores = [t["content"]["score"] for t in takes]
    assert all(len(t["transcript"]["words"]) > 100 for t in takes)  # each take heard the whole answer
    assert abs(scores[0] - scores[1]) <= MAX_SCORE_GAP, (scores, [t["transcript"]["text"] for t in takes])
    assert min(scores) >= 75  # the good answer is a strong one, whatever the take
