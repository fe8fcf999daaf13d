"""The question bank and the kinds of question, loaded from ``prompts/`` and validated strictly.

``questions.toml`` lists the questions; ``kinds.toml`` says which rubric
criteria each kind of question is judged on, and how to tell the kind of a
one-off question. A user's own bank (``--bank FILE``) uses the same schema.
"""

from __future__ import annotations

import re
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
KINDS_FILE = "kinds.toml"
GENERAL_FIELD = "general"  # a question for every field
GENERAL_KIND = "general"  # the kind of a one-off question that asks for no past event
BEHAVIOURAL_KIND = "behavioural"
CUSTOM_ID = "custom"  # id of a one-off question (--question-text)
_KEYS = {"id", "text", "kind", "category", "fields", "default"}
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Question:
    """One interview question, its kind and the rubric criteria its answers are checked on."""

    id: str
    text: str
    criteria: tuple[str, ...] = field(default_factory=tuple)
    default: bool = False
    kind: str = GENERAL_KIND
    category: str = ""
    fields: tuple[str, ...] = (GENERAL_FIELD,)

    def suits(self, job_field: str) -> bool:
        """True when the question fits ``job_field`` (a general question fits every field)."""
        return GENERAL_FIELD in self.fields or job_field in self.fields


@dataclass(frozen=True)
class Kinds:
    """The kinds of question (``kinds.toml``): criteria per kind, labels, and kind detection."""

    criteria: dict[str, tuple[str, ...]]
    labels: dict[str, str]
    categories: dict[str, str]
    fields: dict[str, str]
    behavioural: tuple[re.Pattern, ...] = ()

    def detect(self, text: str) -> str:
        """The kind of a one-off question: behavioural when it asks for a past event, else general."""
        low = " ".join(text.lower().split())
        return BEHAVIOURAL_KIND if any(p.search(low) for p in self.behavioural) else GENERAL_KIND


def load_toml(path: Path, *, missing: str = "restore it from the repository") -> dict:
    """Read a TOML data file, turning any failure into a ConfigError."""
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as e:
        raise ConfigError(f"{path} is missing; {missing}.") from e
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path} is not valid TOML ({e}); fix or restore it.") from e


def check_keys(table: object, allowed: tuple[str, ...], where: str) -> dict:
    """``table`` if it is a table holding exactly the ``allowed`` keys; else a ConfigError naming the keys."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table; fix the file.")
    unknown = sorted(set(table) - set(allowed))
    if unknown:
        raise ConfigError(f"{where} has unknown key(s) {unknown}; allowed: {', '.join(allowed)}.")
    missing = [k for k in allowed if k not in table]
    if missing:
        raise ConfigError(f"{where} is missing key(s) {missing}; add them.")
    return table


def _str_table(data: dict, key: str, path: Path) -> dict[str, str]:
    table = data.get(key)
    if not isinstance(table, dict) or not table or not all(isinstance(v, str) for v in table.values()):
        raise ConfigError(f"{path}: [{key}] must map ids to labels; fix or restore the file.")
    return dict(table)


def _kind_criteria(data: dict, path: Path) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    kinds = data.get("kind")
    if not isinstance(kinds, dict) or not kinds:
        raise ConfigError(f"{path} must define at least one [kind.ID] table.")
    criteria, labels = {}, {}
    for kid, entry in kinds.items():
        ids = entry.get("criteria") if isinstance(entry, dict) else None
        if not isinstance(ids, list) or not all(isinstance(c, str) and c for c in ids):
            raise ConfigError(f"{path}: [kind.{kid}] needs 'criteria', a list of criterion ids.")
        criteria[kid], labels[kid] = tuple(ids), str(entry.get("label", kid))
    return criteria, labels


def parse_kinds(data: dict, path: Path) -> Kinds:
    """Validate the parsed TOML of ``kinds.toml``."""
    criteria, labels = _kind_criteria(data, path)
    for required in (GENERAL_KIND, BEHAVIOURAL_KIND):
        if required not in criteria:
            raise ConfigError(f"{path} must define [kind.{required}]: one-off questions use it.")
    try:
        patterns = tuple(re.compile(p) for p in data.get("detect", {}).get(BEHAVIOURAL_KIND, []))
    except (re.error, TypeError) as e:
        raise ConfigError(f"{path}: [detect] {BEHAVIOURAL_KIND} has a bad pattern ({e}); fix it.") from e
    return Kinds(criteria, labels, _str_table(data, "categories", path), _str_table(data, "fields", path), patterns)


def _text(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where} needs a non-empty string '{key}'.")
    return value.strip()


def _parse_question(entry: object, kinds: Kinds, where: str) -> Question:
    if not isinstance(entry, dict):
        raise ConfigError(f"{where} must be a table; fix the file.")
    unknown = set(entry) - _KEYS
    if unknown:
        raise ConfigError(f"{where} has unknown key(s) {sorted(unknown)}; remove them.")
    qid = _text(entry, "id", where)
    where = f"{where} ('{qid}')"
    if not _ID.match(qid):
        raise ConfigError(f"{where}: ids use lower-case letters, digits and dashes only.")
    kind = entry.get("kind", GENERAL_KIND)
    if kind not in kinds.criteria:
        raise ConfigError(f"{where}: unknown kind '{kind}'; use one of {sorted(kinds.criteria)}.")
    category = entry.get("category", "")
    if category and category not in kinds.categories:
        raise ConfigError(f"{where}: unknown category '{category}'; use one of {sorted(kinds.categories)}.")
    fields = entry.get("fields", [GENERAL_FIELD])
    if not isinstance(fields, list) or not fields or any(f not in kinds.fields for f in fields):
        raise ConfigError(f"{where}: 'fields' must be a list drawn from {sorted(kinds.fields)}.")
    default = entry.get("default", False)
    if not isinstance(default, bool):
        raise ConfigError(f"{where}: 'default' must be true or false.")
    text = _text(entry, "text", where)
    return Question(qid, text, kinds.criteria[kind], default, kind, category, tuple(fields))


def parse_bank(data: dict, path: Path, kinds: Kinds, *, need_default: bool = True) -> tuple[Question, ...]:
    """Validate the parsed TOML of a question bank."""
    unknown = set(data) - {"question"}
    if unknown:
        raise ConfigError(f"{path} has unknown top-level key(s) {sorted(unknown)}; only [[question]] tables.")
    entries = data.get("question")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{path} must define at least one [[question]].")
    questions = tuple(_parse_question(e, kinds, f"{path}: question #{i + 1}") for i, e in enumerate(entries))
    ids = [q.id for q in questions]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ConfigError(f"{path} repeats question id(s) {dupes}; ids must be unique.")
    defaults = sum(q.default for q in questions)
    if defaults > 1 or (need_default and defaults != 1):
        raise ConfigError(f"{path} must mark exactly one question with default = true.")
    return questions


@lru_cache(maxsize=4)
def _load_kinds(folder: str) -> Kinds:
    path = Path(folder) / KINDS_FILE
    return parse_kinds(load_toml(path), path)


def load_kinds(folder: Path | None = None) -> Kinds:
    """The kinds of question of the prompts folder, validated and cached."""
    return _load_kinds(str(folder or prompts_dir()))


@lru_cache(maxsize=8)
def _load_bank(path: str, kinds_folder: str, users: bool) -> tuple[Question, ...]:
    data = load_toml(Path(path), missing="check the --bank path" if users else "restore it from the repository")
    return parse_bank(data, Path(path), _load_kinds(kinds_folder), need_default=not users)


def load_questions(folder: Path | None = None, *, bank: Path | None = None) -> tuple[Question, ...]:
    """All questions of the bank (or of a user's ``bank`` file), in file order."""
    folder = folder or prompts_dir()
    if bank is not None:
        return _load_bank(str(Path(bank).expanduser()), str(folder), True)
    return _load_bank(str(Path(folder) / QUESTIONS_FILE), str(folder), False)


def filter_questions(
    questions: tuple[Question, ...], *, category: str | None = None, job_field: str | None = None
) -> list[Question]:
    """The questions of ``category`` that suit ``job_field``; unknown names are a ConfigError."""
    kinds = load_kinds()
    if category is not None and category not in kinds.categories:
        raise ConfigError(f"No category '{category}'. Known categories: {', '.join(kinds.categories)}.")
    if job_field is not None and job_field not in kinds.fields:
        raise ConfigError(f"No field '{job_field}'. Known fields: {', '.join(kinds.fields)}.")
    return [
        q
        for q in questions
        if (category is None or q.category == category) and (job_field is None or q.suits(job_field))
    ]


def custom_question(text: str, folder: Path | None = None) -> Question:
    """A one-off question (``--question-text``): behavioural when it asks for a past event, else general."""
    text = " ".join(text.split())
    if not text:
        raise ConfigError("The question text is empty; give the question in quotes, e.g. --question-text 'Why us?'.")
    kinds = load_kinds(folder)
    kind = kinds.detect(text)
    return Question(CUSTOM_ID, text, kinds.criteria[kind], False, kind, "", (GENERAL_FIELD,))


def get_question(question_id: str | None = None, folder: Path | None = None, *, bank: Path | None = None) -> Question:
    """The question with this id, or the default question (the first of a user's bank) when id is None."""
    questions = load_questions(folder, bank=bank)
    if question_id is None:
        return next((q for q in questions if q.default), questions[0])
    for q in questions:
        if q.id == question_id:
            return q
    known = ", ".join(q.id for q in questions)
    raise ConfigError(f"No question '{question_id}'. Known ids: {known} (see `mock-interview questions`).")
