"""The speech-to-text engines by name: the one place an engine is chosen.

Cheap to import (the command line lists the names); an engine's module, and
its model library, load only when the engine is asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from simulator.asr.engine import Engine, TranscribeOptions
from simulator.errors import BadInputError


def _faster_whisper() -> Engine:
    from simulator.asr.faster_engine import FasterWhisper

    return FasterWhisper()


def _openai_whisper() -> Engine:
    from simulator.asr.openai_engine import OpenAIWhisper

    return OpenAIWhisper()


_ENGINES: dict[str, Callable[[], Engine]] = {
    "faster-whisper": _faster_whisper,
    "openai-whisper": _openai_whisper,  # needs the [openai-whisper] extra
}
ENGINE_NAMES = tuple(_ENGINES)


@cache
def get_engine(name: str) -> Engine:
    """The engine called ``name``; BadInputError naming the choices for any other name."""
    try:
        make = _ENGINES[name]
    except KeyError:
        raise BadInputError(f"Unknown speech engine {name!r}; choose one of: {', '.join(ENGINE_NAMES)}.") from None
    return make()


def options_for(engine: str = TranscribeOptions.engine, **kw) -> TranscribeOptions:
    """TranscribeOptions with ``engine``'s own defaults (openai-whisper: fp32, one stretch at a time), then ``kw``."""
    return TranscribeOptions(engine=engine, **{**get_engine(engine).option_defaults, **kw})
