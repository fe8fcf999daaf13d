"""Turn the bundled CTranslate2 Whisper model into an openai-whisper checkpoint.

The ``model.bin`` of a CTranslate2 model is read with numpy only (no
CTranslate2 needed); its layout is the one written by CTranslate2's
``ModelSpec._serialize`` (binary version 6)::

    u32 version, str spec_name, u32 revision, u32 n_variables,
    n_variables x (str name, u8 rank, rank x u32 dim, u8 dtype, u32 n_bytes, bytes),
    u32 n_aliases, n_aliases x (str alias, str target)

where ``str`` is a u16 length (counting a trailing NUL) followed by the UTF-8
bytes and the NUL (versions 4 to 6 share this layout). The weights are then
renamed to openai-whisper's ``state_dict`` names: fused QKV / KV projections
are split (key biases are zero in Whisper and dropped), LayerNorm gamma/beta
become weight/bias, and int8/int16 weights are dequantized with their
``*_scale`` variables.

``load_checkpoint()`` converts once and caches the result as a ``.pt`` file in
the user cache folder, keyed by the model.bin's size and mtime.
"""

from __future__ import annotations

import json
import logging
import struct
from pathlib import Path

import numpy as np

from simulator.atomic import atomic_path
from simulator.errors import ModelError

log = logging.getLogger(__name__)

CONVERTER_VERSION = 1  # bump when the mapping changes, to invalidate cached .pt files
SUPPORTED_BINARY_VERSIONS = (4, 5, 6)  # the layout below is unchanged since version 4
SPEC_NAME = "WhisperSpec"
# Order of CTranslate2's DataType enum (include/ctranslate2/types.h).
_CT2_DTYPES = ("float32", "int8", "int16", "int32", "float16", "bfloat16")


class _Reader:
    """Sequential little-endian reader over the bytes of a model.bin."""

    def __init__(self, data: bytes):
        self.data, self.pos = data, 0

    def unpack(self, fmt: str):
        value = struct.unpack_from("<" + fmt, self.data, self.pos)[0]
        self.pos += struct.calcsize(fmt)
        return value

    def string(self) -> str:
        n = self.unpack("H")
        text = self.data[self.pos : self.pos + n - 1].decode("utf-8")
        self.pos += n
        return text

    def array(self, dtype: str, shape: tuple[int, ...], n_bytes: int) -> np.ndarray:
        raw = self.data[self.pos : self.pos + n_bytes]
        self.pos += n_bytes
        if dtype == "bfloat16":  # numpy has no bfloat16: widen the top 16 bits
            wide = np.frombuffer(raw, dtype="<u2").astype(np.uint32) << 16
            return wide.view(np.float32).reshape(shape)
        return np.frombuffer(raw, dtype=np.dtype(dtype).newbyteorder("<")).reshape(shape)


def read_ct2_model(path: str | Path) -> tuple[str, dict[str, np.ndarray]]:
    """Read a CTranslate2 ``model.bin``: its spec name and all variables (aliases resolved)."""
    path = Path(path)
    try:
        r = _Reader(path.read_bytes())
        version = r.unpack("I")
        if version not in SUPPORTED_BINARY_VERSIONS:
            raise ModelError(f"{path}: CTranslate2 binary version {version} is not supported (need 4 to 6).")
        spec = r.string()
        r.unpack("I")  # spec revision
        variables: dict[str, np.ndarray] = {}
        for _ in range(r.unpack("I")):
            name = r.string()
            shape = tuple(r.unpack("I") for _ in range(r.unpack("B")))
            dtype = _CT2_DTYPES[r.unpack("B")]
            variables[name] = r.array(dtype, shape, r.unpack("I"))
        for _ in range(r.unpack("I")):
            alias, target = r.string(), r.string()
            variables[alias] = variables[target]
            if target + "_scale" in variables:  # as CTranslate2 does: the scale follows its weight
                variables[alias + "_scale"] = variables[target + "_scale"]
    except (struct.error, IndexError, KeyError, UnicodeDecodeError, ValueError) as e:
        raise ModelError(f"{path} is not a readable CTranslate2 model.bin ({e}).") from e
    return spec, variables


def _float(variables: dict[str, np.ndarray], name: str) -> np.ndarray:
    """A float weight, dequantized when CTranslate2 stored it as int8/int16 with a scale."""
    value = variables[name]
    if value.dtype.kind == "f":
        return value
    scale = variables.get(name + "_scale")
    if scale is None:
        raise ModelError(f"{name} is {value.dtype} without a {name}_scale; cannot dequantize.")
    scale = scale.astype(np.float32)
    flat = value.reshape(value.shape[0], -1).astype(np.float32)
    if scale.ndim == 0:  # int16: one scale for the tensor
        return (flat / scale).reshape(value.shape)
    return (flat / scale[:, None]).reshape(value.shape)  # int8: one scale per output row


def _linear(v, src: str, dst: str, sd: dict) -> None:
    sd[f"{dst}.weight"] = _float(v, f"{src}/weight")
    sd[f"{dst}.bias"] = _float(v, f"{src}/bias")


def _layer_norm(v, src: str, dst: str, sd: dict) -> None:
    sd[f"{dst}.weight"] = _float(v, f"{src}/gamma")
    sd[f"{dst}.bias"] = _float(v, f"{src}/beta")


def _split_linear(v, src: str, dsts: list[str], sd: dict) -> None:
    """Split a fused projection (QKV or KV) into openai-whisper's query/key/value."""
    weights = np.split(_float(v, f"{src}/weight"), len(dsts), axis=0)
    biases = np.split(_float(v, f"{src}/bias"), len(dsts), axis=0)
    for dst, w, b in zip(dsts, weights, biases):
        sd[f"{dst}.weight"] = w
        if not dst.endswith(".key"):  # Whisper's key projections have no bias (stored as zeros)
            sd[f"{dst}.bias"] = b


def _layer_count(v: dict, prefix: str) -> int:
    n = 0
    while f"{prefix}/layer_{n}/ffn/linear_0/weight" in v:
        n += 1
    return n


def _block(v, src: str, dst: str, sd: dict, *, cross: bool) -> None:
    _layer_norm(v, f"{src}/self_attention/layer_norm", f"{dst}.attn_ln", sd)
    _split_linear(v, f"{src}/self_attention/linear_0", [f"{dst}.attn.{p}" for p in ("query", "key", "value")], sd)
    _linear(v, f"{src}/self_attention/linear_1", f"{dst}.attn.out", sd)
    if cross:
        _layer_norm(v, f"{src}/attention/layer_norm", f"{dst}.cross_attn_ln", sd)
        _linear(v, f"{src}/attention/linear_0", f"{dst}.cross_attn.query", sd)
        _split_linear(v, f"{src}/attention/linear_1", [f"{dst}.cross_attn.key", f"{dst}.cross_attn.value"], sd)
        _linear(v, f"{src}/attention/linear_2", f"{dst}.cross_attn.out", sd)
    _layer_norm(v, f"{src}/ffn/layer_norm", f"{dst}.mlp_ln", sd)
    _linear(v, f"{src}/ffn/linear_0", f"{dst}.mlp.0", sd)
    _linear(v, f"{src}/ffn/linear_1", f"{dst}.mlp.2", sd)


def ct2_to_openai(variables: dict[str, np.ndarray]) -> tuple[dict[str, int], dict[str, np.ndarray]]:
    """Map CTranslate2 Whisper variables to openai-whisper ``(dims, state_dict)`` (numpy arrays)."""
    v = variables
    n_audio_layer, n_text_layer = _layer_count(v, "encoder"), _layer_count(v, "decoder")
    conv1 = _float(v, "encoder/conv1/weight")
    dims = {
        "n_mels": int(conv1.shape[1]),
        "n_audio_ctx": int(v["encoder/position_encodings/encodings"].shape[0]),
        "n_audio_state": int(conv1.shape[0]),
        "n_audio_head": int(v["encoder/num_heads"]),
        "n_audio_layer": n_audio_layer,
        "n_vocab": int(v["decoder/embeddings/weight"].shape[0]),
        "n_text_ctx": int(v["decoder/position_encodings/encodings"].shape[0]),
        "n_text_state": int(v["decoder/embeddings/weight"].shape[1]),
        "n_text_head": int(v["decoder/num_heads"]),
        "n_text_layer": n_text_layer,
    }
    sd: dict[str, np.ndarray] = {}
    for name in ("conv1", "conv2"):
        _linear(v, f"encoder/{name}", f"encoder.{name}", sd)
    sd["encoder.positional_embedding"] = _float(v, "encoder/position_encodings/encodings")
    for i in range(n_audio_layer):
        _block(v, f"encoder/layer_{i}", f"encoder.blocks.{i}", sd, cross=False)
    _layer_norm(v, "encoder/layer_norm", "encoder.ln_post", sd)
    sd["decoder.token_embedding.weight"] = _float(v, "decoder/embeddings/weight")
    sd["decoder.positional_embedding"] = _float(v, "decoder/position_encodings/encodings")
    for i in range(n_text_layer):
        _block(v, f"decoder/layer_{i}", f"decoder.blocks.{i}", sd, cross=True)
    _layer_norm(v, "decoder/layer_norm", "decoder.ln", sd)
    return dims, sd


def alignment_mask(model_dir: str | Path, n_text_layer: int, n_text_head: int) -> np.ndarray:
    """Dense boolean (layer, head) mask of the cross-attention heads used for word timing.

    Read from the model's config.json; without it, the last half of the
    layers (CTranslate2's own default).
    """
    mask = np.zeros((n_text_layer, n_text_head), dtype=bool)
    config = Path(model_dir) / "config.json"
    heads = json.loads(config.read_text(encoding="utf-8")).get("alignment_heads") if config.is_file() else None
    if heads:
        for layer, head in heads:
            mask[layer, head] = True
    else:
        mask[n_text_layer // 2 :, :] = True
    return mask


def cached_checkpoint_path(model_dir: str | Path) -> Path:
    """Where the converted checkpoint of ``model_dir`` is cached (size+mtime key)."""
    from simulator.paths import cache_home

    st = (Path(model_dir) / "model.bin").stat()
    return cache_home() / "openai-whisper" / f"ct2-v{CONVERTER_VERSION}-{st.st_size}-{st.st_mtime_ns}.pt"


def convert(model_dir: str | Path) -> dict:
    """Convert ``model_dir``/model.bin to an openai-whisper checkpoint dict (torch tensors)."""
    import torch

    spec, variables = read_ct2_model(Path(model_dir) / "model.bin")
    if spec != SPEC_NAME:
        raise ModelError(f"{model_dir} holds a {spec}, not a Whisper model; cannot use it with openai-whisper.")
    try:
        dims, sd = ct2_to_openai(variables)
    except KeyError as e:
        raise ModelError(f"{model_dir}/model.bin lacks the Whisper weight {e}; is it a Whisper model?") from e
    state = {k: torch.from_numpy(np.array(a)) for k, a in sd.items()}  # np.array: writable copy
    mask = alignment_mask(model_dir, dims["n_text_layer"], dims["n_text_head"])
    return {"dims": dims, "model_state_dict": state, "alignment_heads": torch.from_numpy(mask)}


def load_checkpoint(model_dir: str | Path) -> dict:
    """The converted checkpoint of ``model_dir``, converting and caching it on first use."""
    import torch

    target = cached_checkpoint_path(model_dir)
    if target.is_file():
        try:
            return torch.load(target, map_location="cpu", weights_only=True)
        except Exception as e:  # noqa: BLE001 - a torn or stale cache file: convert again
            log.warning("ignoring unreadable cached checkpoint %s (%s)", target, e)
    log.info("converting %s to an openai-whisper checkpoint at %s", model_dir, target)
    checkpoint = convert(model_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(target) as tmp:  # a concurrent reader never sees half a file
        torch.save(checkpoint, tmp)
    return checkpoint
