"""The one list of hesitation sounds ("um", "uh", "er", "ah", "hmm"), read from ``prompts/lexicons.toml``.

Every part of the tool that asks "is this word a hesitation?" asks here: the
transcript's spelling clean-up, the filler and pause rules, the content
parser. Whisper writes one sound several ways and holds letters longer
("Umm,", "hmmmm"), so a word matches a listed spelling once runs of a repeated
letter are squeezed to one ("ummm" and "um" are both "um"); that keeps the
list short instead of enumerating every length.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from simulator.errors import ConfigError
from simulator.model.transcript import bare

LEXICON_FILE = "lexicons.toml"
SECTION = "hesitations"
MIN_LETTERS = 2  # a single letter ("m") is never taken for a hesitation sound
_LETTERS_ONLY = re.compile(r"^[a-z]+$")
_REPEATS = re.compile(r"(.)\1+")


def squeeze(word: str) -> str:
    """``word`` with every run of one repeated letter cut to one: 'ummm' -> 'um', 'hmm' -> 'hm'."""
    return _REPEATS.sub(r"\1", word)


def parse_hesitations(raw: object, where: str) -> dict[str, str]:
    """{squeezed spelling: the spelling reports use} from the ``[hesitations]`` table; ConfigError if malformed."""
    if not isinstance(raw, dict) or not raw:
        raise ConfigError(f"{where} needs a [{SECTION}] table of sounds; restore it from the repository.")
    table: dict[str, str] = {}
    for sound, others in raw.items():
        if not isinstance(others, list) or not all(isinstance(s, str) for s in others):
            raise ConfigError(f"{where} [{SECTION}] {sound} must be a list of spellings (strings).")
        for spelling in [sound, *others]:
            if not _LETTERS_ONLY.match(spelling) or len(spelling) < MIN_LETTERS:
                raise ConfigError(
                    f"{where} [{SECTION}] {sound}: {spelling!r} must be {MIN_LETTERS} or more lower-case letters."
                )
            key = squeeze(spelling)
            if table.get(key, sound) != sound:
                raise ConfigError(f"{where} [{SECTION}]: {spelling!r} is listed under both {table[key]} and {sound}.")
            table[key] = sound
    return table


@lru_cache(maxsize=4)
def _load(folder: str) -> dict[str, str]:
    from simulator.questions import load_toml

    path = Path(folder) / LEXICON_FILE
    return parse_hesitations(load_toml(path).get(SECTION), str(path))


def spellings() -> dict[str, str]:
    """{squeezed spelling: the spelling reports use} for every listed hesitation sound."""
    from simulator.paths import prompts_dir

    return _load(str(prompts_dir()))


def sounds() -> frozenset[str]:
    """The spellings reports use ("um", "uh", ...): one per sound."""
    return frozenset(spellings().values())


def hesitation(token: str) -> str | None:
    """The spelling reports use for ``token`` ('Umm,' -> 'um'), or None when it is not a hesitation sound."""
    word = bare(token)
    if len(word) < MIN_LETTERS or not _LETTERS_ONLY.match(word):
        return None
    return spellings().get(squeeze(word))


def is_hesitation(token: str) -> bool:
    return hesitation(token) is not None
