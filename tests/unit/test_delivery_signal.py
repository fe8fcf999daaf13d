"""Delivery measurements on synthetic signals whose truth is exact: voiced tone
bursts separated by silences at known times, with noise, gain changes, other
sample rates, clipping and fading added. No Whisper here."""

from __future__ import annotations

import numpy as np
import pytest

from simulator.delivery import DeliveryOptions, analyze_delivery
from simulator.delivery.levels import measure_levels
from simulator.delivery.pauses import find_silences
from simulator.delivery.pitch import (
    PITCH_EVERY,
    PITCH_SR,
    aperiodicity,
    frame_length,
    frame_pitch,
    grid_step,
    measure_pitch,
    pitch_frames,
)
from simulator.errors import NoSpeechError
from simulator.model.transcript import Transcript, Word

SR = 16_000
LEAD_S, TAIL_S = 0.5, 0.7  # silence before the first and after the last burst
# (burst seconds, silence after it): the silences are the pauses' truth.
LAYOUT = [(1.2, 0.6), (0.9, 0.3), (1.5, 2.4), (0.7, 0.45), (1.1, 1.0), (0.8, 0.0)]
EDGE_TOL_S = 0.02  # s; pause edges on clean synthetic signals


def voiced(n: int, f0: float | np.ndarray, sr: int = SR, seed: int = 0) -> np.ndarray:
    """A vowel-like harmonic signal (f0 may vary per sample) with a little breath noise."""
    f = np.broadcast_to(np.asarray(f0, dtype=float), (n,))
    phase = 2 * np.pi * np.cumsum(f) / sr
    y = sum(np.sin(k * phase) / k for k in range(1, 9))
    y += 0.02 * np.random.default_rng(seed).standard_normal(n)
    return 0.25 * y / np.max(np.abs(y))


def bursts(layout=LAYOUT, *, sr: int = SR, f0=140.0, noise_dbfs: float | None = None, gain: float = 1.0):
    """(signal, truth pauses as (start, end), speech span) for a burst layout."""
    pieces, t, pauses = [np.zeros(int(LEAD_S * sr))], LEAD_S, []
    for k, (burst_s, gap_s) in enumerate(layout):
        n = int(burst_s * sr)
        pieces.append(voiced(n, f0(n) if callable(f0) else f0, sr, seed=k))
        t += n / sr
        if gap_s:
            pauses.append((t, t + int(gap_s * sr) / sr))
            pieces.append(np.zeros(int(gap_s * sr)))
            t += int(gap_s * sr) / sr
    pieces.append(np.zeros(int(TAIL_S * sr)))
    y = gain * np.concatenate(pieces)
    if noise_dbfs is not None:
        y = y + np.random.default_rng(42).normal(0, 10 ** (noise_dbfs / 20), y.size)
    return y.astype(np.float32), pauses, (LEAD_S, t)


def words_for(layout=LAYOUT, per_burst: int = 3) -> Transcript:
    """A timed transcript: ``per_burst`` words spread over each burst."""
    words, t = [], LEAD_S
    for k, (burst_s, gap_s) in enumerate(layout):
        step = burst_s / per_burst
        for j in range(per_burst):
            token = f"word{k}{j}" + ("." if j == per_burst - 1 and gap_s >= 1.0 else "")
            words.append(Word(token, round(t + j * step, 3), round(t + (j + 1) * step, 3), 0.9))
        t += burst_s + gap_s
    return Transcript(" ".join(w.word for w in words), words)


def silences_inside(y, sr, span, opts=DeliveryOptions()):
    levels = measure_levels(y, sr, opts)
    return [s for s in find_silences(levels, min_silence_s=opts.min_pause_s) if span[0] < s.start and s.end < span[1]]


@pytest.mark.parametrize(
    "case, kwargs",
    [
        ("clean", {}),
        ("hiss at -50 dBFS", {"noise_dbfs": -50.0}),
        ("hiss at -40 dBFS", {"noise_dbfs": -40.0}),
        ("quiet recording (-30 dB gain)", {"gain": 10 ** (-30 / 20)}),
        ("quiet and hissy", {"gain": 10 ** (-20 / 20), "noise_dbfs": -60.0}),
        ("44.1 kHz", {"sr": 44_100}),
        ("8 kHz telephone rate", {"sr": 8_000}),
    ],
)
def test_silences_between_bursts_are_found_at_their_true_times(case, kwargs):
    sr = kwargs.get("sr", SR)
    y, truth, span = bursts(**kwargs)
    found = silences_inside(y, sr, span)
    assert len(found) == len(truth), (case, found)
    for s, (a, b) in zip(found, truth):
        assert s.start == pytest.approx(a, abs=EDGE_TOL_S), case
        assert s.end == pytest.approx(b, abs=EDGE_TOL_S), case


def test_frame_levels_are_librosa_rms_over_the_whole_signal():
    """Measured in batches of frames, the levels are those of one centred librosa.feature.rms call."""
    import librosa

    from simulator.audio.level_meter import power_dbfs

    y = (bursts(LAYOUT * 3, noise_dbfs=-60.0)[0] + 0.01).astype(np.float32)  # 25 s, with a DC offset
    levels = measure_levels(y, SR)
    rms = librosa.feature.rms(y=y - np.float32(levels.dc), frame_length=levels.win, hop_length=levels.hop)[0]
    assert levels.dc == pytest.approx(0.01, abs=1e-4)
    assert np.array_equal(levels.db, power_dbfs(np.square(rms, dtype=np.float64)))


def test_noise_floor_threshold_where_librosa_split_top_db_fails():
    """With hiss at -50 dBFS, top_db=60 below the peak sees no silence at all."""
    import librosa

    y, truth, span = bursts(noise_dbfs=-50.0)
    split = librosa.effects.split(y, top_db=60)
    assert len(split) == 1  # one "non-silent" interval: the pauses vanished
    found = silences_inside(y, SR, span)
    assert len(found) == len(truth)


def test_stereo_input_gives_the_same_pauses_as_mono():
    y, truth, span = bursts()
    mono = silences_inside(y, SR, span)
    for stereo in (np.stack([y, 0.5 * y], axis=1), np.stack([y, 0.5 * y], axis=0)):
        assert silences_inside(stereo, SR, span) == mono


def test_clicks_inside_a_pause_do_not_split_it():
    y, truth, span = bursts()
    a, b = truth[2]  # the 2.4 s pause
    click_at = int((a + b) / 2 * SR)
    y[click_at : click_at + 40] = 0.5  # a 2.5 ms click
    found = silences_inside(y, SR, span)
    assert len(found) == len(truth)
    assert found[2].duration == pytest.approx(b - a, abs=EDGE_TOL_S)


def test_analysis_reports_pauses_pace_and_leaves_out_leading_and_trailing_silence():
    y, truth, span = bursts()
    report = analyze_delivery(y, SR, words_for())
    assert report.speech_start_s == pytest.approx(span[0], abs=EDGE_TOL_S)
    assert report.speech_end_s == pytest.approx(span[1], abs=EDGE_TOL_S)
    assert report.speaking_time_s == pytest.approx(span[1] - span[0], abs=2 * EDGE_TOL_S)
    assert [(p.start, p.end) for p in report.pauses] == [pytest.approx(t, abs=EDGE_TOL_S) for t in truth]
    assert [p.duration for p in report.long_pauses] == [pytest.approx(2.4, abs=EDGE_TOL_S)]
    assert report.longest_pause_s == pytest.approx(2.4, abs=EDGE_TOL_S)
    words = len(LAYOUT) * 3
    assert report.words == words
    assert report.wpm == pytest.approx(60 * words / (span[1] - span[0]), rel=0.01)
    paused = sum(b - a for a, b in truth)
    assert report.articulation_wpm == pytest.approx(60 * words / (span[1] - span[0] - paused), rel=0.02)
    assert report.pauses_per_min == pytest.approx(60 * len(truth) / report.speaking_time_s, rel=0.01)
    assert report.pace_series and all(p.wpm > 0 for p in report.pace_series)
    assert [p.kind for p in report.pauses] == ["hesitation", "hesitation", "boundary", "hesitation", "boundary"]


@pytest.mark.parametrize(
    "case, signal, error",
    [
        ("digital silence", np.zeros(SR * 3, np.float32), NoSpeechError),
        ("steady white noise", np.random.default_rng(1).normal(0, 0.05, SR * 3).astype(np.float32), NoSpeechError),
        ("3-D array", np.zeros((2, 2, SR), np.float32), ValueError),
        ("tone bursts", bursts()[0], None),
        (
            "tone bursts with NaN and inf samples",
            np.where(np.arange(bursts()[0].size) % 997 == 0, np.nan, bursts()[0]),
            None,
        ),
        ("inf only", np.full(SR * 2, np.inf, np.float32), NoSpeechError),
    ],
)
def test_signals_without_speech_raise_a_clear_error(case, signal, error):
    transcript = Transcript("you", [Word("you", 0.5, 0.8)])
    if error is None:
        assert analyze_delivery(signal, SR, transcript).speaking_time_s > 0
    else:
        with pytest.raises(error):
            analyze_delivery(signal, SR, transcript)


def test_pitch_frames_are_librosa_yin_over_the_whole_signal():
    """Batches and the skipping of unasked frames change nothing: the f0 of every asked frame
    is that of one centred librosa.yin call over the whole signal, resampled by librosa."""
    import librosa

    o = DeliveryOptions()
    y, _, _ = bursts([(1.2, 0.5), (0.9, 0.0)], f0=lambda n: 110 * 2 ** (np.arange(n) / n))
    levels = measure_levels(y, SR)
    y8 = librosa.resample(levels.y, orig_sr=SR, target_sr=PITCH_SR, res_type="soxr_hq")
    whole = librosa.yin(
        y8, fmin=65, fmax=400, sr=PITCH_SR, frame_length=frame_length(o), hop_length=grid_step(o), center=True
    )
    mask = levels.active.copy()
    mask[: mask.size // 3] = False  # ask for some frames only
    f0, _ = frame_pitch(levels, mask)
    assert np.allclose(f0, whole[pitch_frames(mask) // PITCH_EVERY], rtol=1e-5)


@pytest.mark.parametrize(
    "case, signal, period, lo, hi",
    [
        ("harmonic voice at its period", voiced(PITCH_SR, 160.0, PITCH_SR, 1), PITCH_SR / 160.0, 0.0, 0.05),
        ("voice at a fractional period", voiced(PITCH_SR, 170.0, PITCH_SR, 2), PITCH_SR / 170.0, 0.0, 0.05),
        ("voice at half its period", voiced(PITCH_SR, 160.0, PITCH_SR, 3), PITCH_SR / 320.0, 0.5, 1.0),
        ("white noise", np.random.default_rng(4).normal(0, 0.1, PITCH_SR), 100.0, 0.8, 1.0),
        ("digital silence", np.zeros(PITCH_SR), 100.0, 1.0, 1.0),
        ("sound only in the last part", np.r_[np.zeros(350), voiced(34, 160.0, PITCH_SR)], 50.0, 1.0, 1.0),
    ],
)
def test_aperiodicity_of_known_signals(case, signal, period, lo, hi):
    frames = librosa_frames(signal.astype(np.float32))
    ap = aperiodicity(frames, np.full(frames.shape[0], period))
    assert lo <= np.median(ap) <= hi, (case, np.median(ap))


def librosa_frames(y: np.ndarray) -> np.ndarray:
    import librosa

    o = DeliveryOptions()
    return librosa.util.frame(y, frame_length=frame_length(o), hop_length=grid_step(o), axis=0)


@pytest.mark.parametrize(
    "case, f0, median, monotone",
    [
        ("flat 120 Hz voice", 120.0, 120.0, True),
        ("flat 220 Hz voice", 220.0, 220.0, True),
        ("voice gliding 100-200 Hz", "glide", 141.0, False),
        ("noise only (no voicing)", None, None, False),
    ],
)
def test_pitch_median_range_and_monotone(case, f0, median, monotone):
    layout = [(1.5, 0.5), (1.5, 0.5), (1.5, 0.0)]
    if f0 == "glide":  # one octave up over each burst
        y, _, _ = bursts(layout, f0=lambda n: 100 * 2 ** (np.arange(n) / n))
    elif f0 is None:
        y, _, _ = bursts(layout)
        y = np.where(y != 0, np.random.default_rng(0).normal(0, 0.1, y.size), 0).astype(np.float32)
    else:
        y, _, _ = bursts(layout, f0=f0)
    levels = measure_levels(y, SR)
    pitch = measure_pitch(levels, levels.active)
    if median is None:
        assert pitch.median_hz is None and not pitch.monotone
        return
    assert pitch.median_hz == pytest.approx(median, rel=0.03), case
    assert pitch.monotone is monotone, (case, pitch)
    if f0 == "glide":
        assert 8.0 < pitch.range_semitones < 12.0


def test_pitch_is_computed_only_on_the_frames_asked_for():
    y, _, _ = bursts([(1.0, 0.5), (1.0, 0.0)])
    levels = measure_levels(y, SR)
    f0, _ = frame_pitch(levels, np.zeros_like(levels.active))
    assert f0.size == 0


def _with_fading_endings(y: np.ndarray, drop_db: float, tail_s: float = 0.4) -> np.ndarray:
    """Each burst's last ``tail_s`` made ``drop_db`` quieter."""
    out = y.copy()
    loud = np.abs(y) > 0
    ends = np.flatnonzero(loud[:-1] & ~loud[1:])
    for e in ends:
        out[max(0, e - int(tail_s * SR)) : e + 1] *= 10 ** (-drop_db / 20)
    return out


@pytest.mark.parametrize(
    "case, transform, expect",
    [
        ("normal", lambda y: y, {}),
        ("speech at -45 dBFS", lambda y: y * 10 ** (-33 / 20), {"too_quiet": True}),
        ("clipped at full scale", lambda y: np.clip(y * 8, -1, 1), {"clipping": True}),
        ("sentence endings fade by 15 dB", lambda y: _with_fading_endings(y, 15.0), {"trailing_off": True}),
        ("endings fade by only 3 dB", lambda y: _with_fading_endings(y, 3.0), {}),
    ],
)
def test_volume_flags(case, transform, expect):
    layout = [(1.6, 0.6), (1.6, 0.6), (1.6, 0.6), (1.6, 0.0)]
    y, _, _ = bursts(layout)
    words = words_for([(b, 1.0) for b, _ in layout], per_burst=5)  # every burst is a 5-word sentence
    report = analyze_delivery(transform(y).astype(np.float32), SR, words)
    flags = {k: getattr(report.volume, k) for k in ("too_quiet", "clipping", "trailing_off")}
    assert flags == {k: expect.get(k, False) for k in flags}, (case, report.volume)
    if expect.get("too_quiet"):
        assert report.verdict.slow_and_clear is False
        assert any("quiet" in r for r in report.verdict.reasons)


def test_speech_whisper_skipped_is_estimated_and_counted():
    y, truth, span = bursts()
    full = words_for()
    report = analyze_delivery(y, SR, full)
    assert report.skipped_speech == [] and report.words == report.transcribed_words == len(full.words)
    # Whisper drops the fifth burst's words.
    kept = [w for w in full.words if not w.word.startswith("word4")]
    report = analyze_delivery(y, SR, Transcript("x", kept))
    assert len(report.skipped_speech) == 1
    skipped = report.skipped_speech[0]
    assert skipped.start == pytest.approx(truth[3][1], abs=EDGE_TOL_S) and skipped.end == pytest.approx(
        truth[4][0], abs=EDGE_TOL_S
    )
    assert report.transcribed_words == len(kept)
    assert report.words == pytest.approx(len(full.words), abs=1)
