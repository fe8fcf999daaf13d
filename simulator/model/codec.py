"""The result model to JSON and back: the only place JSON is produced or read into types.

Writing is a small recursive walk (``to_jsonable``). Reading validates with
pydantic's ``TypeAdapter`` over the same stdlib dataclasses, which also gives
the JSON Schema; pydantic is imported only when a document is read, so the
CLI's ``--help`` stays instant. Unknown keys are ignored and missing optional
ones take the dataclass defaults, so sessions stored by older versions load.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from simulator.errors import BadInputError

if TYPE_CHECKING:
    from simulator.model.analysis import Analysis

FLOAT_DIGITS = 3
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
MAX_LISTED_ERRORS = 3  # validation problems named in one error message

T = TypeVar("T")


def to_jsonable(obj: Any) -> Any:
    """Recursively convert dataclasses, tuples, paths and numpy scalars to JSON types."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, Path):
        return str(obj)
    if isinstance(obj, bool) or obj is None or isinstance(obj, (str, int)):
        return obj
    if isinstance(obj, float) or hasattr(obj, "dtype"):  # numpy scalars too
        value = obj.item() if hasattr(obj, "item") else obj
        if isinstance(value, float):
            return round(value, FLOAT_DIGITS) if math.isfinite(value) else None
        return value
    raise TypeError(f"cannot convert {type(obj).__name__} to JSON")


def dumps(obj: Any, *, indent: int | None = 2) -> str:
    return json.dumps(to_jsonable(obj), indent=indent, ensure_ascii=False)


@cache
def _adapter(cls: type):
    """A cached TypeAdapter; the lazily imported result types are in scope so ``Analysis``'s names resolve."""
    from pydantic import TypeAdapter

    from simulator.asr.transcribe import TranscribeOptions  # noqa: F401 - resolves Analysis.engine
    from simulator.content.types import ContentReport  # noqa: F401 - resolves Analysis.content
    from simulator.delivery.results import DeliveryReport  # noqa: F401 - resolves Analysis.delivery

    return TypeAdapter(cls)


def _json_text(source: Any, what: str) -> str | bytes:
    """JSON text from a dict or list (dumped), JSON text (str or bytes) or a path to a JSON file."""
    if isinstance(source, os.PathLike):
        try:
            return Path(source).read_bytes()
        except OSError as e:
            raise BadInputError(f"Cannot read {what} {source} ({e.strerror or e}); check the path.") from e
    if isinstance(source, (str, bytes, bytearray)):
        return source
    return json.dumps(source)


def _problems(error) -> str:
    """The first few validation errors as ``path.to.field: message``."""
    items = error.errors(include_url=False)
    listed = [f"{'.'.join(str(p) for p in e['loc']) or '(top)'}: {e['msg']}" for e in items[:MAX_LISTED_ERRORS]]
    more = f"; and {len(items) - MAX_LISTED_ERRORS} more" if len(items) > MAX_LISTED_ERRORS else ""
    return "; ".join(listed) + more


def load(cls: type[T], source: Any) -> T:
    """A typed result (``Analysis``, ``DeliveryReport``...) from a dict, JSON text or a JSON file path.

    Validation is strict as for JSON (a number stays a number, "0.5" is not
    one), so the loader accepts what the published schema describes. Raises
    BadInputError when the document cannot be read or does not fit the type.
    """
    from pydantic import ValidationError

    what = f"{cls.__name__} document"
    text = _json_text(source, what)
    try:
        return _adapter(cls).validate_json(text, strict=True)
    except ValidationError as e:
        first = e.errors(include_url=False)[0]
        if first["type"] == "json_invalid":
            raise BadInputError(f"The {what} is not valid JSON ({first['msg']}).") from e
        raise BadInputError(f"The {what} does not fit the result model ({_problems(e)}).") from e


def load_analysis(source: Any) -> Analysis:
    """An ``Analysis`` from a dict, JSON text or the path of an ``analysis.json``."""
    from simulator.model.analysis import Analysis

    return load(Analysis, source)


def analysis_schema() -> dict:
    """The JSON Schema of an analysis document, generated from the dataclasses.

    Option fields documented with a unit and help text (``DeliveryOptions``)
    carry them as the property's description.
    """
    from pydantic.json_schema import GenerateJsonSchema

    from simulator.model.analysis import Analysis

    class _WithFieldHelp(GenerateJsonSchema):
        def dataclass_schema(self, schema):
            out = super().dataclass_schema(schema)
            props = out.get("properties", {})
            for f in dataclasses.fields(schema["cls"]):
                if f.name in props and f.metadata.get("help"):
                    unit = f" ({f.metadata['unit']})" if f.metadata.get("unit") else ""
                    props[f.name]["description"] = f"{f.metadata['help']}{unit}"
            return out

    schema = _adapter(Analysis).json_schema(schema_generator=_WithFieldHelp)
    return {"$schema": SCHEMA_DIALECT, **schema}


def schema_text() -> str:
    """The schema as published in docs/analysis.schema.json and printed by ``mock-interview schema``."""
    return json.dumps(analysis_schema(), indent=2, ensure_ascii=False) + "\n"
