"""The question bank: loaded from ``prompts/questions.toml`` and validated strictly."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from simulator.errors import ConfigError
from simulator.paths import prompts_dir

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

QUESTIONS_FILE = "questions.toml"
_KEYS = {"id", "text", "criteria", "default"}


@dataclass(frozen=True)
class Question:
    """One interview question and the rubric criteria its answers are checked on."""

    id: str
    text: str
    criteria: tuple[str, ...] = field(default_factory=tuple)
    default: bool = False


def load_toml(path: Path) -> dict:
    """Read a TOML data file, turning any failure into a ConfigError."""
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as e:
        raise ConfigError(f"{path} is missing; restore it from the repository.") from e
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path} is not valid TOML ({e}); fix or restore it.") from e


def _parse_question(entry: object, path: Path, index: int) -> Question:
    where = f"{path}: question #{index + 1}"
    if not isinstance(entry, dict):
        raise ConfigError(f"{where} must be a table; fix the file.")
    unknown = set(entry) - _KEYS
    if unknown:
        raise ConfigError(f"{where} has unknown key(s) {sorted(unknown)}; remove them.")
    qid, text = entry.get("id"), entry.get("text")
    if not isinstance(qid, str) or not qid.strip():
        raise ConfigError(f"{where} needs a non-empty string 'id'.")
    if not isinstance(text, str) or not text.strip():
        raise ConfigError(f"{where} ('{qid}') needs a non-empty string 'text'.")
    criteria = entry.get("criteria", [])
    if not isinstance(criteria, list) or not all(isinstance(c, str) and c for c in criteria):
        raise ConfigError(f"{where} ('{qid}'): 'criteria' must be a list of criterion ids.")
    default = entry.get("default", False)
    if not isinstance(default, bool):
        raise ConfigError(f"{where} ('{qid}'): 'default' must be true or false.")
    return Question(id=qid, text=text.strip(), criteria=tuple(criteria), default=default)


def parse_bank(data: dict, path: Path) -> tuple[Question, ...]:
    """Validate the parsed TOML of a question bank."""
    unknown = set(data) - {"question"}
    if unknown:
        raise ConfigError(f"{path} has unknown top-level key(s) {sorted(unknown)}.")
    entries = data.get("question")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{path} must define at least one [[question]].")
    questions = tuple(_parse_question(e, path, i) for i, e in enumerate(entries))
    ids = [q.id for q in questions]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ConfigError(f"{path} repeats question id(s) {dupes}; ids must be unique.")
    if sum(q.default for q in questions) != 1:
        raise ConfigError(f"{path} must mark exactly one question with default = true.")
    return questions


@lru_cache(maxsize=4)
def _load_bank(folder: str) -> tuple[Question, ...]:
    path = Path(folder) / QUESTIONS_FILE
    return parse_bank(load_toml(path), path)


def load_questions(folder: Path | None = None) -> tuple[Question, ...]:
    """All questions of the bank, in file order."""
    return _load_bank(str(folder or prompts_dir()))


def get_question(question_id: str | None = None, folder: Path | None = None) -> Question:
    """The question with this id, or the default question when id is None."""
    questions = load_questions(folder)
    if question_id is None:
        return next(q for q in questions if q.default)
    for q in questions:
        if q.id == question_id:
            return q
    known = ", ".join(q.id for q in questions)
    raise ConfigError(f"No question '{question_id}'. Known ids: {known} (see `mock-interview questions`).")
