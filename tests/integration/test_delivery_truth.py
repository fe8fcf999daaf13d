"""Delivery analysis against known truth: espeak-ng fixtures with silences of
chosen lengths at chosen places, transcribed by the real Whisper model.

Fixtures and their truth JSON come from audio_fixtures/make_delivery_fixtures.py
(and make_fixtures.py for good_answer / rushed_answer). Each clip is
transcribed once per session.
"""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf

from simulator.audio.files import load_audio
from simulator.delivery import DeliveryOptions, analyze_delivery
from simulator.delivery.lexicon import norm
from tests.conftest import FIXTURES, load_truth

pytestmark = pytest.mark.slow

TOL_S = 0.15  # s; the tolerance on pause start and duration
MIN_CHECKED_PAUSE_S = 0.5  # s; inserted pauses this long must all be found
WPM_TOL = 0.07  # relative; wpm vs words / true speaking span
PAUSE_FIXTURES = [
    "pace_slow",
    "pace_easy",
    "pace_fast",
    "fillers_um_like",
    "fillers_phrases",
    "rushed_answer",
    "good_answer",
]
PACE_FIXTURES = ["pace_slow", "pace_easy", "pace_fast", "rushed_answer", "good_answer"]
NOISE_DBFS = -50.0  # level of the added microphone-like hiss


class Clips:
    """Decoded fixtures and their Whisper transcripts, each computed once."""

    def __init__(self):
        self._audio, self._transcripts = {}, {}

    def audio(self, name: str) -> tuple[np.ndarray, int]:
        if name not in self._audio:
            self._audio[name] = load_audio(FIXTURES / f"{name}.flac")
        return self._audio[name]

    def transcript(self, name: str):
        from simulator.asr.transcribe import transcribe

        if name not in self._transcripts:
            self._transcripts[name] = transcribe(*self.audio(name))
        return self._transcripts[name]

    def report(self, name: str, **kw):
        y, sr = self.audio(name)
        return analyze_delivery(y, sr, self.transcript(name), **kw)


@pytest.fixture(scope="session")
def clips() -> Clips:
    return Clips()


def _nearest(pauses, start: float):
    return min(pauses, key=lambda p: abs(p.start - start), default=None)


def assert_pauses_found(pauses, truth: dict, tol: float = TOL_S) -> None:
    for t in truth["inserted_pauses"]:
        if t["duration"] < MIN_CHECKED_PAUSE_S:
            continue
        p = _nearest(pauses, t["start"])
        assert p is not None, f"no pause found near {t['start']} s"
        assert abs(p.start - t["start"]) <= tol, (p, t)
        assert abs(p.duration - t["duration"]) <= tol, (p, t)


@pytest.mark.parametrize("name", PAUSE_FIXTURES)
def test_every_inserted_pause_is_found_with_its_start_and_duration(clips, name):
    report = clips.report(name)
    truth = load_truth(name)
    assert_pauses_found(report.pauses, truth)
    # Leading and trailing silence are not pauses; every pause is inside the spoken span.
    assert all(truth["speech_start"] < p.start and p.end < truth["speech_end"] for p in report.pauses)
    assert report.longest_pause_s == pytest.approx(max(t["duration"] for t in truth["inserted_pauses"]), abs=TOL_S)


@pytest.mark.parametrize("name", PACE_FIXTURES)
def test_wpm_matches_words_over_the_true_speaking_span(clips, name):
    report = clips.report(name)
    truth = load_truth(name)
    span = truth["speech_end"] - truth["speech_start"]
    assert report.speaking_time_s == pytest.approx(span, abs=0.05)
    assert report.wpm == pytest.approx(60 * truth["words"] / span, rel=WPM_TOL)
    paused = sum(p.duration for p in report.pauses)
    assert report.articulation_wpm == pytest.approx(60 * report.words / (report.speaking_time_s - paused), rel=0.01)


@pytest.mark.parametrize(
    "name, pace",
    [
        ("pace_slow", "too slow"),
        ("pace_easy", "slow and clear"),
        ("pace_fast", "too fast"),
        ("rushed_answer", "too fast"),
    ],
)
def test_pace_verdict_is_right_for_slow_easy_and_fast_speech(clips, name, pace):
    assert load_truth(name).get("expected_pace", pace) == pace
    report = clips.report(name)
    assert report.verdict.pace == pace
    assert report.verdict.slow_and_clear is False or pace == "slow and clear"
    if pace != "slow and clear":
        assert "wpm" in report.verdict.reasons[0]  # pace is the first thing to change


def test_pace_and_pause_kinds_of_the_same_text_at_three_rates(clips):
    """The mid-phrase pauses of the script are hesitations, the sentence ends boundaries."""
    for name in ("pace_slow", "pace_easy"):
        report, truth = clips.report(name), load_truth(name)
        agree = [_nearest(report.pauses, t["start"]).kind == t["kind"] for t in truth["inserted_pauses"]]
        assert sum(agree) >= len(agree) - 1, (name, agree)


def test_most_um_and_uh_are_reported_and_the_verb_like_is_not(clips):
    report = clips.report("fillers_um_like")
    truth = load_truth("fillers_um_like")
    words = clips.transcript("fillers_um_like").words
    spoken = sum(f["word"] in ("um", "uh") for f in truth["fillers"])
    reported = sum(f.word in ("um", "uh") for f in report.fillers)
    assert reported >= 0.75 * spoken
    likes = [f for f in report.fillers if f.word == "like"]
    assert 1 <= len(likes) <= sum(f["word"] == "like" for f in truth["fillers"])
    for f in likes:  # "I like working", "would like to", "looks like a" are not fillers
        assert norm(words[f.word_index - 1].word) not in {"i", "would", "looks"}, f
    verb_likes = [
        i for i, w in enumerate(words) if norm(w.word) == "like" and i and norm(words[i - 1].word) in {"i", "would"}
    ]
    assert verb_likes, "the transcript should hold the verb 'like' this test is about"
    assert report.fillers_per_min == pytest.approx(60 * len(report.fillers) / report.speaking_time_s, rel=0.01)


def test_filler_phrases_are_told_from_their_plain_uses(clips):
    report = clips.report("fillers_phrases")
    words = clips.transcript("fillers_phrases").words
    found = {f.word for f in report.fillers}
    assert {"basically", "I mean"} <= found
    flagged = {i for f in report.fillers for i in range(f.word_index, f.word_index + f.n_words)}
    for i, w in enumerate(words):  # "that kind of work", "I actually enjoy", "you know how", "I like that"
        if norm(w.word) in {"kind", "actually", "like"} and i and norm(words[i - 1].word) in {"that", "i"}:
            assert i not in flagged, w
        if norm(w.word) == "you" and i + 2 < len(words) and norm(words[i + 2].word) == "how":
            assert i not in flagged, w


def _stereo_44k(tmp_path, name: str):
    import soxr

    raw, sr = sf.read(FIXTURES / f"{name}.flac", dtype="float32")
    st = soxr.resample(raw, sr, 44_100)
    path = tmp_path / f"{name} stereo 44k.wav"
    sf.write(path, np.stack([st, 0.8 * st], axis=1), 44_100)
    return path, np.stack([st, 0.8 * st], axis=1)


def _same_pauses(a, b, tol: float) -> None:
    assert len(a) == len(b), ([(p.start, p.duration) for p in a], [(p.start, p.duration) for p in b])
    for p, q in zip(a, b):
        assert abs(p.start - q.start) <= tol and abs(p.duration - q.duration) <= tol, (p, q)


def test_a_stereo_44k_copy_gives_the_same_pauses(clips, tmp_path):
    name = "pace_easy"
    original = clips.report(name)
    path, stereo = _stereo_44k(tmp_path, name)
    # The raw stereo 44.1 kHz array with the original transcript: the signal path alone.
    direct = analyze_delivery(stereo, 44_100, clips.transcript(name))
    _same_pauses(direct.pauses, original.pauses, 0.01)
    # Through the loader and a fresh transcription, as `mock-interview analyze` does.
    from simulator.asr.transcribe import transcribe

    y, sr = load_audio(path)
    loaded = analyze_delivery(y, sr, transcribe(y, sr))
    _same_pauses(loaded.pauses, original.pauses, 0.03)
    assert loaded.wpm == pytest.approx(original.wpm, rel=0.03)


@pytest.mark.parametrize("name", ["pace_slow", "fillers_um_like", "good_answer"])
def test_pauses_survive_microphone_hiss_at_minus_50_dbfs(clips, name):
    """librosa.effects.split's top_db breaks here; the noise-floor threshold does not."""
    y, sr = clips.audio(name)
    noisy = y + np.random.default_rng(3).normal(0, 10 ** (NOISE_DBFS / 20), y.size).astype(np.float32)
    report = analyze_delivery(noisy, sr, clips.transcript(name))
    assert_pauses_found(report.pauses, load_truth(name))
    assert report.volume.noise_floor_dbfs == pytest.approx(NOISE_DBFS, abs=2.0)


def test_delivery_options_change_the_measurement(clips):
    report = clips.report("pace_easy", options=DeliveryOptions(long_pause_s=0.8, pace_max_wpm=130.0))
    assert [p.duration >= 0.8 for p in report.pauses] == [p in report.long_pauses for p in report.pauses]
    assert len(report.long_pauses) >= 3
    assert report.verdict.pace == "too fast"
    assert report.options.long_pause_s == 0.8


def test_a_decode_whose_word_timing_collapses_is_decoded_again(tmp_path):
    """rushed_answer as a 44.1 kHz float WAV with equal channels: with the filler prompt, tiny.en opens with a late
    timestamp and crams 18 of its 58 words into the last second; the stretch is decoded again without the prompt."""
    import soxr

    from simulator.asr.engine import timing_collapsed
    from simulator.asr.transcribe import transcribe

    raw, sr = sf.read(FIXTURES / "rushed_answer.flac", dtype="float32")
    st = soxr.resample(raw, sr, 44_100)
    path = tmp_path / "rushed float stereo 44k.wav"
    sf.write(path, np.stack([st, st], axis=1), 44_100, subtype="FLOAT")
    y, sr = load_audio(path)
    truth = load_truth("rushed_answer")
    transcript = transcribe(y, sr)
    assert not timing_collapsed(transcript)
    assert len(transcript.words) >= 0.9 * truth["words"], transcript.text
    report = analyze_delivery(y, sr, transcript)
    assert_pauses_found(report.pauses, truth)
    assert report.speaking_time_s == pytest.approx(truth["speech_end"] - truth["speech_start"], abs=0.3)
