"""Decoding: every supported format and rate gives the same 16 kHz mono signal;
bad files give one clear BadInputError."""

from __future__ import annotations

import os

import numpy as np
import pytest
import soundfile as sf

from simulator.audio.files import SAMPLE_RATE, load_audio, write_audio
from simulator.errors import BadInputError

CLIP_S = 3.0


@pytest.fixture(scope="module")
def clip(fixtures_dir):
    y, sr = sf.read(fixtures_dir / "good_answer.flac", dtype="float32")
    assert sr == SAMPLE_RATE
    return y[: int(CLIP_S * sr)]


def _encode_m4a(path, y, sr):
    import av

    with av.open(str(path), "w") as out:
        stream = out.add_stream("aac", rate=sr)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray(y.reshape(1, -1).astype(np.float32), format="fltp", layout="mono")
        frame.sample_rate = sr
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


def make_input(kind: str, d, clip):
    """Write one test input of the given kind; return its path."""
    import soxr

    sr = SAMPLE_RATE
    p = d / f"{kind}.wav"
    if kind == "wav16":
        sf.write(p, clip, sr)
    elif kind == "stereo48":
        y = soxr.resample(clip, sr, 48_000)
        sf.write(p, np.stack([y, y], axis=1), 48_000)
    elif kind == "phone8":
        sf.write(p, soxr.resample(clip, sr, 8_000), 8_000, subtype="PCM_16")
    elif kind in {"flac", "ogg", "mp3"}:
        p = d / f"clip.{kind}"
        sf.write(p, clip, sr, format={"flac": "FLAC", "ogg": "OGG", "mp3": "MP3"}[kind])
    elif kind == "m4a":
        p = d / "clip.m4a"
        _encode_m4a(p, clip, sr)
    elif kind == "spaces_unicode":
        p = d / "my answer – café ünïcode.wav"
        sf.write(p, clip, sr)
    elif kind == "text_as_wav":
        p.write_text("this is not audio\n" * 20)
    elif kind == "zero_bytes":
        p.write_bytes(b"")
    elif kind == "truncated_header":
        sf.write(p, clip, sr)
        p.write_bytes(p.read_bytes()[:30])
    elif kind == "missing":
        p = d / "nope.wav"
    elif kind == "directory":
        p = d / "folder.wav"
        p.mkdir()
    elif kind == "unreadable":
        sf.write(p, clip, sr)
        p.chmod(0)
    return p


@pytest.mark.parametrize(
    "kind, error",
    [
        ("wav16", None),
        ("stereo48", None),
        ("phone8", None),
        ("flac", None),
        ("ogg", None),
        ("mp3", None),
        ("m4a", None),
        ("spaces_unicode", None),
        ("text_as_wav", "not a readable audio file"),
        ("zero_bytes", "empty"),
        ("truncated_header", "not a readable audio file|damaged"),
        ("missing", "no such file"),
        ("directory", "is a folder"),
        ("unreadable", "permission denied"),
    ],
)
def test_load_audio_table(tmp_path, clip, kind, error):
    path = make_input(kind, tmp_path, clip)
    if kind == "unreadable" and os.geteuid() == 0:
        pytest.skip("root can read any file, so permissions cannot make it unreadable")
    if error:
        with pytest.raises(BadInputError, match=error) as info:
            load_audio(path)
        assert "\n" not in str(info.value)
        return
    y, sr = load_audio(path)
    assert sr == SAMPLE_RATE and y.dtype == np.float32 and y.ndim == 1
    # Same length (codec padding aside) and the same loudness envelope as the
    # original, allowing for an encoder delay of up to 0.2 s (AAC priming).
    assert abs(y.size / sr - CLIP_S) < 0.2
    assert _best_envelope_correlation(y, clip) > 0.9


def _envelope(a: np.ndarray, hop: int = 160) -> np.ndarray:
    frames = a[: a.size // hop * hop].reshape(-1, hop)
    return np.sqrt((frames**2).mean(axis=1))


def _best_envelope_correlation(y: np.ndarray, ref: np.ndarray, max_lag: int = 20) -> float:
    ey, er = _envelope(y), _envelope(ref)
    best = -1.0
    for lag in range(max_lag + 1):
        a = ey[lag:]
        n = min(a.size, er.size)
        best = max(best, float(np.corrcoef(a[:n], er[:n])[0, 1]))
    return best


def test_over_long_file_is_refused_before_decoding(tmp_path):
    path = tmp_path / "long.wav"
    sf.write(path, np.zeros(SAMPLE_RATE * 5, np.float32), SAMPLE_RATE)
    with pytest.raises(BadInputError, match="limit is"):
        load_audio(path, max_duration_s=2.0)


def test_write_audio_round_trip_is_lossless_enough(tmp_path, clip):
    path = write_audio(tmp_path / "a.flac", clip, SAMPLE_RATE)
    y, sr = load_audio(path)
    assert sr == SAMPLE_RATE and np.max(np.abs(y - clip)) < 1e-3
    assert not list(tmp_path.glob(".*.part"))


@pytest.mark.parametrize("rate", [8_000, 22_050, 44_100, 48_000])
def test_resampling_is_librosas_soxr_hq(rate):
    import librosa

    from simulator.audio.files import resample

    y = np.random.default_rng(rate).standard_normal(rate).astype(np.float32)
    expected = librosa.resample(y, orig_sr=rate, target_sr=16_000, res_type="soxr_hq")
    assert np.array_equal(resample(y, rate, 16_000), expected)
