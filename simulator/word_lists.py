"""Single-word lists from ``prompts/words.toml``, validated strictly and read once, on first use.

Each entry is compared with one transcript word in its bare form (``simulator.model.transcript.bare``), so an
entry that is not already bare could never match and is refused when the file is read rather than ignored.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from simulator.errors import ConfigError
from simulator.model.transcript import bare
from simulator.paths import prompts_dir
from simulator.questions import check_keys, load_toml

WORDS_FILE = "words.toml"

# section -> its list keys, space-separated (all required, no others allowed).
_KEYS = {
    "delivery": (
        "subject_pronouns be_contractions clause_openers needs_continuation number_words determiners discourse "
        "auxiliaries adverbs like_verb_cues like_comparison_cues like_not_after_i like_clause_next you_know_verb_cues"
    ),
    "report": "question_openers lead_ins",
}
SCHEMA: dict[str, tuple[str, ...]] = {section: tuple(keys.split()) for section, keys in _KEYS.items()}


def _words(value: object, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not value:
        raise ConfigError(f"{where} must be a non-empty list of words; fix or restore the file.")
    for item in value:
        if not isinstance(item, str) or not item or item != bare(item) or len(item.split()) != 1:
            raise ConfigError(f"{where} holds {item!r}; each entry must be one lower-case word without punctuation.")
    if len(set(value)) != len(value):
        twice = sorted({w for w in value if value.count(w) > 1})
        raise ConfigError(f"{where} lists {twice} twice; keep one of each.")
    return frozenset(value)


def _section(raw: dict, section: str, where: str) -> dict[str, frozenset[str]]:
    if section not in raw:
        raise ConfigError(f"{where} is missing the [{section}] table; restore it from the repository.")
    table = check_keys(raw[section], SCHEMA[section], f"{where} [{section}]")
    return {k: _words(table[k], f"{where} [{section}] {k}") for k in SCHEMA[section]}


def parse_word_lists(raw: object, where: str) -> dict[str, dict[str, frozenset[str]]]:
    """``{section: {key: words}}`` from the parsed TOML; ConfigError naming the file and key if malformed."""
    if not isinstance(raw, dict):
        raise ConfigError(f"{where} must hold tables; fix or restore the file.")
    unknown = sorted(set(raw) - set(SCHEMA))
    if unknown:
        raise ConfigError(f"{where} has unknown section(s) {unknown}; allowed: {', '.join(SCHEMA)}.")
    return {section: _section(raw, section, where) for section in SCHEMA}


@lru_cache(maxsize=4)
def load_word_lists(folder: str) -> dict[str, dict[str, frozenset[str]]]:
    """Every validated list of ``words.toml`` in ``folder``, read once per folder."""
    path = Path(folder) / WORDS_FILE
    return parse_word_lists(load_toml(path), str(path))


def word_lists(section: str) -> dict[str, frozenset[str]]:
    """The validated lists of one section of ``prompts/words.toml``: ``{key: frozenset of words}``."""
    return load_word_lists(str(prompts_dir()))[section]
