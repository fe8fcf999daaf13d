"""The recording screen in a real terminal (tmux, 80 columns) while a 30 s answer is played into the microphone.

The screen is captured every FRAME_S. From the first frame showing the meter
to the frame that says why the recording stopped, every frame must show the
meter (and no spinner); afterwards no meter or spinner line is left above
the report, and the last lines say where the session was saved and what to
do next.
"""

from __future__ import annotations

import json
import time

import pytest
import soundfile as sf
from rich._spinners import SPINNERS

from simulator.cli.practice_cmd import NEXT_HINT
from simulator.cli.progress import SPINNER
from tests.audio_device import play_into_mic
from tests.conftest import FIXTURES
from tests.tmux import Pane, python_command

ANSWER_S = 30.0  # s of good_answer played: its first four phrases (to 29.1 s) and the silence after them
FRAME_S = 0.1  # s between screen captures
METER = "● REC "
SPINNER_GLYPHS = "".join(SPINNERS[SPINNER]["frames"])
STOPPED = "Recording stopped"


@pytest.fixture(scope="module")
def answer_clip(tmp_path_factory):
    y, sr = sf.read(FIXTURES / "good_answer.flac", dtype="float32")
    path = tmp_path_factory.mktemp("screen") / "answer.wav"
    sf.write(path, y[: int(ANSWER_S * sr)], sr)
    return path


def _watch(pane: Pane, clip, sink: str, timeout_s: float = 300.0) -> list[str]:
    """Screens captured every FRAME_S until the recording has stopped; plays the clip once the meter shows."""
    frames: list[str] = []
    player = None
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline:
            screen = pane.screen()
            frames.append(screen)
            if player is None and METER in screen:
                player = play_into_mic(clip, sink)
            if STOPPED in screen:
                return frames
            time.sleep(FRAME_S)
    finally:
        if player is not None:
            player.wait(timeout=60)
    raise TimeoutError("the recording did not stop:\n" + (frames[-1] if frames else ""))


def _recording_frames(frames: list[str]) -> list[str]:
    first = next(i for i, f in enumerate(frames) if METER in f)
    return frames[first:-1]  # up to the frame that says why it stopped


def _practise(mic: dict, clip, home, folder, max_seconds: int) -> tuple[list[str], str]:
    """`practice` in an 80-column terminal while ``clip`` is played into ``mic``: (screens while recording, output)."""
    with Pane(folder, width=80, env={"MOCK_INTERVIEW_HOME": str(home), **mic["env"]}) as pane:
        pane.start(python_command("practice", "--no-speak", "--max-seconds", str(max_seconds)))
        frames = _watch(pane, clip, mic["sink"])
        assert pane.wait(300) == 0, pane.output()
        return frames, pane.output()


@pytest.mark.audio_device
@pytest.mark.slow
def test_the_recording_screen_shows_the_meter_in_every_frame(private_mic, answer_clip, isolated_home, tmp_path):
    frames, output = _practise(private_mic, answer_clip, isolated_home, tmp_path, 60)
    recording = _recording_frames(frames)
    assert len(recording) * FRAME_S >= ANSWER_S  # the whole answer was watched
    missing = [i for i, f in enumerate(recording) if not any(line.startswith(METER) for line in f.splitlines())]
    assert missing == [], recording[missing[0]] if missing else ""
    assert not any(g in f for f in recording for g in SPINNER_GLYPHS)  # nothing else draws over the meter
    meter = next(line for line in recording[-1].splitlines() if line.startswith(METER))
    assert " / 1:00 " in meter and "Enter or 3 s of silence stops" in meter and len(meter) <= 80
    lines = output.splitlines()
    stop = next(line for line in lines if line.startswith(STOPPED))
    assert stop.startswith("Recording stopped after 3 s of silence (0:3")
    assert not any(METER in line for line in lines)  # the live area is gone, no stale meter above the report
    assert not any(g in line for line in lines for g in SPINNER_GLYPHS)
    assert lines.index(stop) < lines.index("Mock interview report")
    assert lines[-2].startswith("Saved as session ") and lines[-1] == NEXT_HINT


@pytest.mark.audio_device
@pytest.mark.slow
def test_a_cut_answer_is_said_to_be_cut_and_noted_as_unfinished(private_mic, answer_clip, isolated_home, tmp_path):
    _, output = _practise(private_mic, answer_clip, isolated_home, tmp_path, 10)
    flowing = " ".join(output.split())
    assert "Recording stopped at the 0:10 time limit: the answer was cut off." in output
    assert "Note: The recording reached its 0:10 time limit and cut the answer off" in flowing
    [folder] = (isolated_home / "sessions").iterdir()
    doc = json.loads((folder / "analysis.json").read_text())
    assert any("time limit" in note and "unfinished answer" in note for note in doc["notes"])
