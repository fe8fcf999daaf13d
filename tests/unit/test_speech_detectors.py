"""One level measure and one threshold rule behind the three speech/silence detectors:
the recorder's end-of-answer detector, the transcription's pause cutter and the
delivery analysis. Synthetic signals whose speech spans are known exactly."""

from __future__ import annotations

import math

import numpy as np
import pytest

from simulator.asr.pause_cutter import PauseCutter, StreamOptions
from simulator.audio.level_meter import (
    SILENT_DBFS,
    LevelHistory,
    SilenceDetector,
    SilenceOptions,
    ThresholdRule,
    block_dbfs,
    frames_dbfs,
    percentile_of_sorted,
    power_dbfs,
    speech_threshold,
)
from simulator.delivery.levels import measure_levels
from simulator.delivery.options import DeliveryOptions

SR = 16_000
SPEECH = [(1.0, 3.0), (4.0, 4.6), (6.0, 8.5)]  # s; tone bursts, silence elsewhere
TOTAL_S = 10.0
SPEECH_DBFS = -20.0  # level of the bursts (a sine's RMS)


def signal(noise_dbfs: float | None, gain_db: float = 0.0) -> np.ndarray:
    t = np.arange(int(TOTAL_S * SR)) / SR
    amp = math.sqrt(2) * 10 ** (SPEECH_DBFS / 20)
    on = np.zeros(t.size, bool)
    for a, b in SPEECH:
        on |= (t >= a) & (t < b)
    y = np.where(on, amp * np.sin(2 * np.pi * 180 * t), 0.0)
    if noise_dbfs is not None:
        y = y + np.random.default_rng(5).normal(0, 10 ** (noise_dbfs / 20), t.size)
    return (10 ** (gain_db / 20) * y).astype(np.float32)


def truth(times: np.ndarray) -> np.ndarray:
    return np.any([(times >= a) & (times < b) for a, b in SPEECH], axis=0)


@pytest.mark.parametrize("q", [0, 5, 10, 37.5, 50, 95, 100])
@pytest.mark.parametrize("n", [1, 2, 7, 200])
def test_percentile_of_sorted_is_numpys_to_the_bit(q, n):
    values = np.sort(np.random.default_rng(n).normal(-50, 20, n))
    assert percentile_of_sorted(values.tolist(), q) == np.percentile(values, q)


@pytest.mark.parametrize(
    "power, dbfs",
    [(1.0, 0.0), (0.5, -3.0103), (1e-4, -40.0), (0.0, SILENT_DBFS), (1e-20, SILENT_DBFS), (-1.0, SILENT_DBFS)],
)
def test_power_dbfs(power, dbfs):
    assert float(power_dbfs(power)) == pytest.approx(dbfs, abs=1e-4)


# levels: 90 frames of noise at -80 dBFS and 10 of speech at -20 dBFS (floor -80, median -80, 95th -20)
NOISE_AND_SPEECH = [-80.0] * 90 + [-20.0] * 10


@pytest.mark.parametrize(
    "rule, levels, expected",
    [
        (ThresholdRule(5, 10), NOISE_AND_SPEECH, -70.0),
        (ThresholdRule(5, 10, 95, min_below_speech_db=55), NOISE_AND_SPEECH, -75.0),  # quiet speech kept
        (ThresholdRule(5, 10, 95, max_below_speech_db=40), NOISE_AND_SPEECH, -60.0),  # dither ignored
        (ThresholdRule(5, 10, 95, min_below_speech_db=70, min_noise_margin_db=3), NOISE_AND_SPEECH, -77.0),
        (ThresholdRule(10, 12, min_dbfs=-50), NOISE_AND_SPEECH, -50.0),  # the recorder's floor
        (ThresholdRule(5, 12, 50, min_below_speech_db=15, min_dbfs=-60), NOISE_AND_SPEECH, -60.0),
        (ThresholdRule(5, 12, 50, min_below_speech_db=15, min_dbfs=-60), [], -60.0),  # nothing heard yet
        (ThresholdRule(5, 10, 95, min_noise_margin_db=3), [], SILENT_DBFS + 10),
    ],
)
def test_threshold_rule(rule, levels, expected):
    assert speech_threshold(sorted(levels), rule).dbfs == pytest.approx(expected)


def test_a_level_window_keeps_the_latest_levels_sorted():
    history = LevelHistory(window=50)
    values = np.random.default_rng(2).normal(-40, 15, 400)
    for k, v in enumerate(values):
        history.add(float(v))
        recent = values[max(0, k - 49) : k + 1]
        assert history.sorted == sorted(recent.tolist())
    assert history.latest(3) == values[-3:].tolist()


CASES = [
    ("digital silence", None, 0.0),
    ("hiss at -60 dBFS", -60.0, 0.0),
    ("hiss at -45 dBFS", -45.0, 0.0),
    ("quiet microphone (-25 dB) with hiss", -55.0, -25.0),
]


@pytest.mark.parametrize("case, noise, gain", CASES)
def test_the_three_detectors_find_the_known_speech(case, noise, gain):
    y = signal(noise, gain)
    # the delivery analysis: librosa RMS frames, 10 ms apart
    levels = measure_levels(y, SR, DeliveryOptions())
    times = levels.frame_time(np.arange(levels.db.size))
    inner = np.abs(times[:, None] - np.ravel(SPEECH)[None, :]).min(axis=1) > 0.02  # away from the edges
    assert np.array_equal(levels.active[inner], truth(times)[inner]), case
    # the pause cutter: 20 ms frames of the blocks it is fed
    cutter = PauseCutter(SR, StreamOptions())
    for i in range(0, y.size, 800):
        cutter.feed(y[i : i + 800])
    frame_db = np.array(cutter.levels.recent)
    centres = (np.arange(frame_db.size) + 0.5) * 0.02
    inner = np.abs(centres[:, None] - np.ravel(SPEECH)[None, :]).min(axis=1) > 0.02
    assert np.array_equal((frame_db >= cutter.threshold_db())[inner], truth(centres)[inner]), case
    # the recorder: 50 ms blocks; all of the speech is heard as speech
    detector = SilenceDetector(SilenceOptions(silence_stop_s=0, no_speech_stop_s=0))
    for i in range(0, y.size, 800):
        detector.update(block_dbfs(y[i : i + 800]))
    assert detector.speech_s == pytest.approx(sum(b - a for a, b in SPEECH), abs=0.06), case


def test_every_detector_measures_levels_the_same_way():
    y = signal(-60.0)
    frames = frames_dbfs(y, 320)  # the cutter's 20 ms frames
    assert np.allclose(frames, [block_dbfs(y[i : i + 320]) for i in range(0, y.size, 320)])  # the recorder's
    # the delivery analysis: librosa's centred 20 ms frame 2j + 1 (10 ms hop) covers block j's samples
    levels = measure_levels(y, SR, DeliveryOptions(frame_s=0.02, hop_s=0.01))
    assert np.allclose(levels.db[1::2][: frames.size], frames, atol=0.01)
