"""Streaming transcription: cuts only inside silences, and the streamed
transcript matches a whole-file transcription."""

from __future__ import annotations

import numpy as np
import pytest

from simulator.audio_io import load_audio
from simulator.streaming import StreamingTranscriber, StreamOptions
from simulator.transcribe import transcribe
from simulator.wer import wer
from tests.conftest import FIXTURES, load_truth

SR = 16_000
BLOCK = 800  # 50 ms, as the recorder delivers


def feed_all(streamer: StreamingTranscriber, y: np.ndarray, sr: int = SR) -> None:
    for i in range(0, y.size, BLOCK):
        streamer.feed(y[i : i + BLOCK], sr)


class _NoASR(StreamingTranscriber):
    """Records the stretches it would transcribe instead of running the model."""

    def _transcribe_next(self, chunk, offset_s, commit):
        from simulator.transcript import Transcript

        return Transcript(text="")


def _bursts(spans: list[tuple[float, float]], total_s: float, noise_dbfs: float = -55.0) -> np.ndarray:
    rng = np.random.default_rng(0)
    y = rng.normal(0, 10 ** (noise_dbfs / 20), int(total_s * SR)).astype(np.float32)
    t = np.arange(y.size) / SR
    for a, b in spans:
        sel = (t >= a) & (t < b)
        y[sel] += 0.3 * np.sin(2 * np.pi * 220 * t[sel]).astype(np.float32)
    return y


def test_cuts_fall_inside_silences_only():
    # 6 s speech stretches separated by 0.3 s (too short to cut) and 0.8 s silences.
    spans = [(0.5, 6.5), (6.8, 12.8), (13.6, 19.6), (20.4, 26.4), (27.2, 33.2)]
    y = _bursts(spans, 35.0)
    s = _NoASR(stream_options=StreamOptions(min_chunk_s=8.0))
    feed_all(s, y)
    s.finish()
    assert len(s.cuts) >= 2
    for cut in s.cuts[:-1]:
        assert any(b < cut < a for (_, b), (a, _) in zip(spans, spans[1:]) if a - b >= 0.5), cut
    # The 0.3 s gap at 6.5-6.8 s is never cut.
    assert not any(6.5 <= c <= 6.8 for c in s.cuts)


def test_other_rates_are_resampled_on_the_fly():
    y16 = _bursts([(0.5, 3.0)], 4.0)
    import soxr

    s = _NoASR()
    feed_all(s, soxr.resample(y16, SR, 48_000).astype(np.float32), 48_000)
    assert abs(s.duration_s - 4.0) < 0.05


@pytest.fixture(scope="module")
def good_answer():
    return load_audio(FIXTURES / "good_answer.flac")


def test_streamed_transcript_matches_whole_file(good_answer):
    y, sr = good_answer
    whole = transcribe(y, sr)
    s = StreamingTranscriber()
    feed_all(s, y)
    streamed = s.finish()
    assert len(s.cuts) >= 2, "a 60 s answer should be transcribed in several stretches"
    assert wer(whole.text, streamed.text) <= 0.03
    assert wer(load_truth("good_answer")["script"], streamed.text) <= 0.15
    starts = [w.start for w in streamed.words]
    assert starts == sorted(starts) and streamed.words[-1].end <= y.size / sr + 0.1
