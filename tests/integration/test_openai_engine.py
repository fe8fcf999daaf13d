"""openai-whisper as a second engine: the CTranslate2 -> openai-whisper conversion and
the agreement of the two engines on the same weights and audio.

Tests that run torch skip (with the install command) when the optional extra is
missing; the reader, the mapping and the error paths run without it.
"""

from __future__ import annotations

import importlib.util
import json
import struct
import sys

import numpy as np
import pytest

from simulator.asr.ct2_convert import alignment_mask, ct2_to_openai, read_ct2_model
from simulator.asr.engine import TranscribeOptions, bundled_model_path
from simulator.asr.wer import wer
from simulator.errors import ModelError
from tests.conftest import FIXTURES, load_truth

HAVE_OPENAI_WHISPER = all(importlib.util.find_spec(m) for m in ("torch", "whisper"))
needs_openai_whisper = pytest.mark.skipif(
    not HAVE_OPENAI_WHISPER,
    reason="openai-whisper/torch not installed (pip install 'mock-interview[openai-whisper]')",
)

ENCODER_TOLERANCE = 1e-3  # max abs difference of encoder outputs, fp32 both sides
ENGINE_WER_MAX = 0.05  # WER between the two engines' transcripts
SCRIPT_WER_MAX = 0.15  # WER of each engine against the fixture's script
TINY = dict(layers=2, heads=2, state=64, mels=8, vocab=60, text_ctx=16, audio_ctx=50)


# --- a tiny int8 model written by CTranslate2's own writer -------------------------------


def _tiny_spec(rng):
    """A random 2-layer Whisper spec; returns (spec, float32 originals by CT2 name)."""
    from ctranslate2.specs import whisper_spec

    t = TINY
    d, spec, orig = t["state"], whisper_spec.WhisperSpec(t["layers"], t["heads"], t["layers"], t["heads"]), {}

    def put(obj, attr, name, shape, scale=0.2, base=0.0):
        value = (base + scale * rng.standard_normal(shape)).astype(np.float32)
        setattr(obj, attr, value)
        orig[name] = value.copy()

    def linear(obj, name, n_out, n_in):
        put(obj, "weight", f"{name}/weight", (n_out, n_in))
        put(obj, "bias", f"{name}/bias", (n_out,), 0.1)

    def norm(obj, name):
        put(obj, "gamma", f"{name}/gamma", (d,), 0.1, 1.0)
        put(obj, "beta", f"{name}/beta", (d,), 0.1)

    def block(layer, name, cross):
        norm(layer.self_attention.layer_norm, f"{name}/self_attention/layer_norm")
        linear(layer.self_attention.linear[0], f"{name}/self_attention/linear_0", 3 * d, d)
        linear(layer.self_attention.linear[1], f"{name}/self_attention/linear_1", d, d)
        if cross:
            norm(layer.attention.layer_norm, f"{name}/attention/layer_norm")
            for i, n_out in enumerate((d, 2 * d, d)):
                linear(layer.attention.linear[i], f"{name}/attention/linear_{i}", n_out, d)
        norm(layer.ffn.layer_norm, f"{name}/ffn/layer_norm")
        linear(layer.ffn.linear_0, f"{name}/ffn/linear_0", 4 * d, d)
        linear(layer.ffn.linear_1, f"{name}/ffn/linear_1", d, 4 * d)

    enc, dec = spec.encoder, spec.decoder
    put(enc.conv1, "weight", "encoder/conv1/weight", (d, t["mels"], 3))
    put(enc.conv1, "bias", "encoder/conv1/bias", (d,), 0.1)
    put(enc.conv2, "weight", "encoder/conv2/weight", (d, d, 3), 0.1)
    put(enc.conv2, "bias", "encoder/conv2/bias", (d,), 0.1)
    put(enc.position_encodings, "encodings", "encoder/position_encodings/encodings", (t["audio_ctx"], d), 0.1)
    norm(enc.layer_norm, "encoder/layer_norm")
    for i, layer in enumerate(enc.layer):
        block(layer, f"encoder/layer_{i}", cross=False)
    put(dec.embeddings, "weight", "decoder/embeddings/weight", (t["vocab"], d))
    dec.projection.weight = dec.embeddings.weight
    put(dec.position_encodings, "encodings", "decoder/position_encodings/encodings", (t["text_ctx"], d), 0.1)
    norm(dec.layer_norm, "decoder/layer_norm")
    for i, layer in enumerate(dec.layer):
        block(layer, f"decoder/layer_{i}", cross=True)
    spec.register_vocabulary([f"t{i}" for i in range(t["vocab"])])
    return spec, orig


@pytest.fixture(scope="module")
def tiny_int8(tmp_path_factory):
    """A tiny random Whisper saved as int8 by CTranslate2, plus its float originals."""
    spec, orig = _tiny_spec(np.random.default_rng(0))
    spec.validate()
    spec.optimize(quantization="int8")
    out = tmp_path_factory.mktemp("tiny-int8")
    spec.save(str(out))
    (out / "config.json").write_text(json.dumps({"alignment_heads": [[1, 0], [1, 1]]}))
    return out, orig


def test_reader_sees_int8_weights_with_scales(tiny_int8):
    model_dir, _ = tiny_int8
    spec, variables = read_ct2_model(model_dir / "model.bin")
    assert spec == "WhisperSpec"
    assert variables["encoder/layer_0/ffn/linear_0/weight"].dtype == np.int8
    assert variables["encoder/layer_0/ffn/linear_0/weight_scale"].shape == (4 * TINY["state"],)
    assert variables["decoder/projection/weight"] is variables["decoder/embeddings/weight"]  # alias resolved
    assert variables["decoder/projection/weight_scale"] is variables["decoder/embeddings/weight_scale"]


def test_int8_dequantized_within_half_a_step(tiny_int8):
    """Every int8 weight comes back within half a quantization step of the float original."""
    model_dir, orig = tiny_int8
    _, variables = read_ct2_model(model_dir / "model.bin")
    dims, sd = ct2_to_openai(variables)
    d = TINY["state"]
    pairs = {
        "encoder.blocks.1.mlp.0.weight": orig["encoder/layer_1/ffn/linear_0/weight"],
        "encoder.conv2.weight": orig["encoder/conv2/weight"],
        "decoder.blocks.0.attn.key.weight": orig["decoder/layer_0/self_attention/linear_0/weight"][d : 2 * d],
        "decoder.blocks.1.cross_attn.value.weight": orig["decoder/layer_1/attention/linear_1/weight"][d:],
    }
    for name, want in pairs.items():
        step = np.abs(want.reshape(want.shape[0], -1)).max(axis=1) / 127.0
        err = np.abs(sd[name] - want).reshape(want.shape[0], -1).max(axis=1)
        assert np.all(err <= step / 2 + 1e-7), name
    # biases are not quantized: exact; key biases are dropped, query/value biases split out
    qkv_bias = orig["decoder/layer_1/self_attention/linear_0/bias"]
    np.testing.assert_array_equal(sd["decoder.blocks.1.attn.value.bias"], qkv_bias[2 * d :])
    assert "decoder.blocks.1.attn.key.bias" not in sd and "decoder.blocks.1.cross_attn.key.bias" not in sd
    np.testing.assert_array_equal(sd["decoder.ln.weight"], orig["decoder/layer_norm/gamma"])
    assert dims == {
        "n_mels": TINY["mels"],
        "n_audio_ctx": TINY["audio_ctx"],
        "n_audio_state": d,
        "n_audio_head": TINY["heads"],
        "n_audio_layer": TINY["layers"],
        "n_vocab": TINY["vocab"],
        "n_text_ctx": TINY["text_ctx"],
        "n_text_state": d,
        "n_text_head": TINY["heads"],
        "n_text_layer": TINY["layers"],
    }


def _model_bin(version=6, spec="WhisperSpec", truncate=0) -> bytes:
    def s(text):
        return struct.pack("<H", len(text) + 1) + text.encode() + b"\0"

    var = (
        s("encoder/num_heads")
        + struct.pack("<B", 0)
        + struct.pack("<B", 2)
        + struct.pack("<I", 2)
        + struct.pack("<h", 6)
    )
    data = (
        struct.pack("<I", version) + s(spec) + struct.pack("<I", 3) + struct.pack("<I", 1) + var + struct.pack("<I", 0)
    )
    return data[: len(data) - truncate]


@pytest.mark.parametrize(
    "data, expect",
    [
        (_model_bin(), "WhisperSpec"),
        (_model_bin(version=4), "WhisperSpec"),
        (_model_bin(spec="TransformerSpec"), "TransformerSpec"),
        (_model_bin(version=2), "binary version 2"),
        (_model_bin(truncate=3), "not a readable CTranslate2 model.bin"),
        (b"", "not a readable CTranslate2 model.bin"),
        (b"PK\x03\x04 a zip file, not a model", "binary version"),
    ],
    ids=["ok", "ok-v4", "other-spec", "old-version", "truncated", "empty", "garbage"],
)
def test_read_ct2_model_table(tmp_path, data, expect):
    path = tmp_path / "model.bin"
    path.write_bytes(data)
    if expect.endswith("Spec"):
        spec, variables = read_ct2_model(path)
        assert spec == expect and int(variables["encoder/num_heads"]) == 6
    else:
        with pytest.raises(ModelError, match=expect):
            read_ct2_model(path)


def test_alignment_mask_from_bundled_config():
    heads = json.loads((bundled_model_path() / "config.json").read_text())["alignment_heads"]
    mask = alignment_mask(bundled_model_path(), 4, 6)
    assert mask.sum() == len(heads) == 8
    assert all(mask[layer, head] for layer, head in heads)


# --- engine selection and the missing extra ----------------------------------------------


@pytest.mark.parametrize(
    "argv, engine",
    [
        (["analyze", "a.flac"], "faster-whisper"),
        (["analyze", "a.flac", "--engine", "openai-whisper"], "openai-whisper"),
        (["practice", "--engine", "openai-whisper", "--model", "/m"], "openai-whisper"),
        (["analyze", "a.flac", "--engine", "whisper.cpp"], SystemExit),
    ],
)
def test_engine_option(argv, engine, capsys):
    from simulator.cli.app import _transcribe_options, build_parser

    if engine is SystemExit:
        with pytest.raises(SystemExit):
            build_parser().parse_args(argv)
        assert "invalid choice" in capsys.readouterr().err
        return
    options = _transcribe_options(build_parser().parse_args(argv))
    assert options.engine == engine
    assert options.compute_type == ("float32" if engine == "openai-whisper" else "int8")


def test_missing_extra_is_a_model_error(monkeypatch):
    from simulator.asr.transcribe import transcribe

    monkeypatch.setitem(sys.modules, "whisper", None)  # import whisper -> ImportError
    y = np.zeros(16_000, dtype=np.float32)
    with pytest.raises(ModelError, match=r"pip install 'mock-interview\[openai-whisper\]'"):
        transcribe(y, 16_000, options=TranscribeOptions(engine="openai-whisper"))


@needs_openai_whisper
def test_import_waits_while_another_thread_hides_torch(monkeypatch):
    """simulator.content.nlp hides torch while spaCy loads; that is not a missing extra."""
    import threading

    import torch

    from simulator.asr.openai_engine import _import_whisper

    monkeypatch.setitem(sys.modules, "torch", None)
    threading.Timer(0.3, sys.modules.__setitem__, ("torch", torch)).start()
    assert _import_whisper().__name__ == "whisper"


# --- the real tiny.en, both engines --------------------------------------------------------


@needs_openai_whisper
def test_tiny_int8_encoder_matches_ctranslate2(tiny_int8):
    import ctranslate2
    import torch
    from whisper.model import ModelDimensions, Whisper

    from simulator.asr.ct2_convert import convert

    model_dir, _ = tiny_int8
    checkpoint = convert(model_dir)
    model = Whisper(ModelDimensions(**checkpoint["dims"]))
    model.load_state_dict(checkpoint["model_state_dict"])
    x = np.random.default_rng(1).standard_normal((1, TINY["mels"], 2 * TINY["audio_ctx"])).astype(np.float32)
    with torch.no_grad():
        ours = model.encoder(torch.from_numpy(x)).numpy()
    ct2 = ctranslate2.models.Whisper(str(model_dir), device="cpu", compute_type="float32")
    theirs = np.array(ct2.encode(ctranslate2.StorageView.from_array(x)))
    assert np.abs(ours - theirs).max() < 1e-4


@needs_openai_whisper
@pytest.mark.parametrize(
    "model, expect",
    [
        ("tiny-int8", None),
        ("whisper-without-weights", "lacks the Whisper weight"),
        ("translator", "not a Whisper model"),
    ],
)
def test_convert_table(tmp_path, tiny_int8, model, expect):
    from simulator.asr.ct2_convert import convert

    folder = tiny_int8[0] if model == "tiny-int8" else tmp_path
    if model != "tiny-int8":
        (tmp_path / "model.bin").write_bytes(
            _model_bin(spec="TransformerSpec" if model == "translator" else "WhisperSpec")
        )
    if expect is None:
        checkpoint = convert(folder)
        assert checkpoint["dims"]["n_text_head"] == TINY["heads"]
        assert checkpoint["alignment_heads"].numpy().tolist() == [[False, False], [True, True]]
    else:
        with pytest.raises(ModelError, match=expect):
            convert(folder)


@needs_openai_whisper
def test_bundled_encoder_matches_ctranslate2(isolated_home):
    """The converted tiny.en encodes 30 s of the fixture as CTranslate2 (fp32) does."""
    import ctranslate2
    import torch
    import whisper

    from simulator.asr.openai_engine import get_openai_model
    from simulator.audio.files import load_audio

    y, _ = load_audio(FIXTURES / "good_answer.flac")
    mel = whisper.log_mel_spectrogram(whisper.pad_or_trim(y)).unsqueeze(0)
    with torch.no_grad():
        ours = get_openai_model().encoder(mel).numpy()
    ct2 = ctranslate2.models.Whisper(str(bundled_model_path()), device="cpu", compute_type="float32")
    theirs = np.array(ct2.encode(ctranslate2.StorageView.from_array(np.ascontiguousarray(mel.numpy()))))
    assert ours.shape == theirs.shape == (1, 1500, 384)
    assert np.abs(ours - theirs).max() < ENCODER_TOLERANCE


@needs_openai_whisper
@pytest.mark.parametrize("cache_state", ["absent", "cached", "corrupt"])
def test_checkpoint_cache(isolated_home, cache_state):
    from simulator.asr.ct2_convert import cached_checkpoint_path, load_checkpoint

    target = cached_checkpoint_path(bundled_model_path())
    assert str(target).startswith(str(isolated_home))
    if cache_state == "cached":
        load_checkpoint(bundled_model_path())
    elif cache_state == "corrupt":
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"half a file")
    before = target.stat().st_mtime_ns if target.exists() else None
    checkpoint = load_checkpoint(bundled_model_path())
    assert checkpoint["dims"]["n_text_layer"] == 4 and checkpoint["alignment_heads"].sum() == 8
    assert target.stat().st_size > 70_000_000
    assert (target.stat().st_mtime_ns == before) == (cache_state == "cached")


@pytest.fixture(scope="module")
def both_transcripts(tmp_path_factory):
    """good_answer.flac through each engine in one piece, and through openai-whisper as the
    pipeline cuts an answer (their own temp home for the cache). One torch thread: on a
    shared 2-core machine torch's default of one per core waited on busy cores for minutes."""
    from simulator.asr.engines import options_for
    from simulator.asr.transcribe import transcribe
    from simulator.audio.files import load_audio
    from simulator.pipeline.answer import transcribe_answer

    y, sr = load_audio(FIXTURES / "good_answer.flac")
    openai = options_for("openai-whisper", cpu_threads=1)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MOCK_INTERVIEW_HOME", str(tmp_path_factory.mktemp("engines-home")))
        return {
            "faster-whisper": transcribe(y, sr, options=options_for("faster-whisper")),
            "openai-whisper": transcribe(y, sr, options=openai),
            "openai-whisper answer": transcribe_answer(y, sr, options=openai),
        }


@pytest.mark.slow
@needs_openai_whisper
def test_engines_agree_on_fixture(both_transcripts):
    fw, ow = both_transcripts["faster-whisper"], both_transcripts["openai-whisper"]
    script = load_truth("good_answer")["script"]
    assert wer(fw.text, ow.text) <= ENGINE_WER_MAX
    assert wer(script, fw.text) <= SCRIPT_WER_MAX
    assert wer(script, ow.text) <= SCRIPT_WER_MAX


@pytest.mark.slow
@needs_openai_whisper
def test_openai_words_timed_and_normalised(both_transcripts):
    ow = both_transcripts["openai-whisper"]
    truth = load_truth("good_answer")
    starts = [w.start for w in ow.words]
    assert starts == sorted(starts) and all(w.end >= w.start for w in ow.words)
    assert abs(ow.words[-1].end - truth["speech_end"]) < 1.0
    assert ow.language == "en" and ow.avg_logprob is not None and ow.avg_logprob > -0.6
    assert wer(ow.text, " ".join(w.word for w in ow.words)) == 0.0  # same words as the text


@pytest.mark.slow
@needs_openai_whisper
def test_openai_answer_is_decoded_in_the_pipelines_stretches(both_transcripts):
    """``--engine openai-whisper`` goes through the same pause cuts as faster-whisper."""
    from simulator.asr.pause_cutter import plan_stretches
    from simulator.audio.files import SAMPLE_RATE, load_audio

    answer = both_transcripts["openai-whisper answer"]
    assert wer(load_truth("good_answer")["script"], answer.text) <= SCRIPT_WER_MAX
    stretches = plan_stretches(load_audio(FIXTURES / "good_answer.flac")[0])
    assert len(stretches) >= 3
    for s in stretches:  # every stretch yields words, each inside the stretch it was decoded from
        inside = [w for w in answer.words if s.start / SAMPLE_RATE <= w.start < s.end / SAMPLE_RATE]
        assert inside and all(w.end <= s.end / SAMPLE_RATE + 0.05 for w in inside)
    starts = [w.start for w in answer.words]
    assert starts == sorted(starts)
