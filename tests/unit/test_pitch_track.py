"""Pitch measured while recording matches pitch measured on the whole file."""

from __future__ import annotations

import numpy as np
import pytest

from simulator.audio.files import load_audio
from simulator.delivery import analyze_delivery
from simulator.delivery.levels import measure_levels
from simulator.delivery.options import DeliveryOptions
from simulator.delivery.pitch import frame_pitch
from simulator.delivery.pitch_track import PitchTrack
from simulator.model.transcript import Transcript, Word
from tests.conftest import FIXTURES, load_truth

BLOCK = 800  # 50 ms at 16 kHz, as the recorder delivers


def fed_track(y: np.ndarray, options: DeliveryOptions = DeliveryOptions()) -> PitchTrack:
    track = PitchTrack(options=options)
    for i in range(0, y.size, BLOCK):
        track.feed(y[i : i + BLOCK])
    return track


def truth_transcript(name: str) -> Transcript:
    """The script's words spread evenly over the fixture's spoken phrases (known times)."""
    truth = load_truth(name)
    tokens, phrases = truth["script"].split(), truth["phrases"]
    total = sum(p["end"] - p["start"] for p in phrases)
    words, k = [], 0
    for i, p in enumerate(phrases):
        n = len(tokens) - k if i == len(phrases) - 1 else round(len(tokens) * (p["end"] - p["start"]) / total)
        edges = np.linspace(p["start"], p["end"], n + 1)
        words += [Word(tokens[k + j], float(edges[j]), float(edges[j + 1])) for j in range(n)]
        k += n
    return Transcript(text=truth["script"], words=words)


@pytest.mark.parametrize("name", ["good_answer", "pace_slow"])
def test_tracked_pitch_matches_the_whole_file(name):
    y, sr = load_audio(FIXTURES / f"{name}.flac")
    track = fed_track(y)
    levels = measure_levels(y, sr)
    f0_file, ap_file = frame_pitch(levels, levels.active)
    # The track measured almost everything while the audio arrived ...
    assert track.frames * 2 >= levels.db.size - 2 * 1.0 / levels.hop_s
    f0_live, ap_live = frame_pitch(levels, levels.active, known=track)
    # ... and the very same values: both frame the same samples the same way.
    assert np.array_equal(f0_live, f0_file)
    assert np.array_equal(ap_live, ap_file)
    transcript = truth_transcript(name)
    live = analyze_delivery(y, sr, transcript, pitch_track=track).pitch
    whole = analyze_delivery(y, sr, transcript).pitch
    assert live == whole


def test_a_track_with_other_settings_is_not_used():
    y, sr = load_audio(FIXTURES / "pace_fast.flac")
    track = fed_track(y, DeliveryOptions(pitch_fmin_hz=100.0))
    levels = measure_levels(y, sr)
    assert not track.usable_for(levels, DeliveryOptions())
    f0, _ = frame_pitch(levels, levels.active, known=track)
    assert np.array_equal(f0, frame_pitch(levels, levels.active)[0])


@pytest.mark.parametrize("block, sr", [(800, 16_000), (373, 16_000), (16_000, 16_000), (2205, 44_100)])
def test_any_block_size_and_rate_gives_the_file_values(block, sr):
    y, _ = load_audio(FIXTURES / "pace_fast.flac", sr=sr)
    track = PitchTrack(sr)
    for i in range(0, y.size, block):
        track.feed(y[i : i + block])
    levels = measure_levels(y, sr)
    every = np.ones_like(levels.active)
    assert track.frames * 2 >= levels.db.size - 2 * 1.0 / levels.hop_s
    assert np.array_equal(frame_pitch(levels, every, known=track)[0], frame_pitch(levels, every)[0])
