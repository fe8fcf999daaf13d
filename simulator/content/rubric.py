"""The rubric: ``prompts/rubric.toml`` (criteria, weights, tips), validated strictly.

Loading also checks that every criterion id named by ``questions.toml`` is
defined here, so a typo in either file fails at once with a one-line message.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from simulator.content.lexicon import LexiconData, load_lexicon
from simulator.content.rules import Rule, check_template
from simulator.content.types import AVOID_STATUSES, DO_STATUSES
from simulator.errors import ConfigError

RUBRIC_FILE = "rubric.toml"
_CRITERION_KEYS = ("id", "kind", "label", "weight", "description", "tips", "manner")
_STATUSES = DO_STATUSES + AVOID_STATUSES
CAP_KEY = "flagged_cap"  # [scoring] key: the highest score of an answer with a flagged avoid criterion
MAX_WEIGHT = 10.0
MAX_SCORE = 100


@dataclass(frozen=True)
class Criterion:
    id: str
    kind: str
    label: str
    weight: float
    description: str
    tips: dict[str, str]  # outcome -> template
    manner: bool = False  # judges how the answer is put, not what it says: its credit scales with the substance


@dataclass(frozen=True)
class Rubric:
    criteria: dict[str, Criterion]  # in file order
    status_values: dict[str, float]
    lexicon: LexiconData
    path: str = ""
    flagged_cap: float | None = None
    kinds: dict = field(default_factory=dict)  # kind id -> kinds.KindRubric (shape and own tips)


def implemented_rules() -> dict[str, Rule]:
    """Every criterion the code implements, read from the ``@rule`` declarations (shape parts register too)."""
    from simulator.content import (  # noqa: F401 - importing them registers their rules and shape parts
        crit_avoid,
        crit_closing,
        crit_goal,
        crit_horizon,
        crit_intro,
        crit_plan,
        crit_role,
        crit_star,
        crit_style,
        shape,
    )
    from simulator.content.rules import RULES

    return RULES


def _text(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: '{key}' must be a non-empty string.")
    return value.strip()


def _parse_criterion(entry: object, where: str) -> Criterion:
    if not isinstance(entry, dict):
        raise ConfigError(f"{where} must be a table.")
    unknown = sorted(set(entry) - set(_CRITERION_KEYS))
    if unknown:
        raise ConfigError(f"{where} has unknown key(s) {unknown}; allowed: {', '.join(_CRITERION_KEYS)}.")
    cid = _text(entry, "id", where)
    where = f"{where} ('{cid}')"
    rules = implemented_rules()
    if cid not in rules:
        raise ConfigError(f"{where}: no rule implements this id; known ids: {', '.join(rules)}.")
    kind, outcomes = rules[cid].kind, rules[cid].outcomes
    if entry.get("kind") != kind:
        raise ConfigError(f"{where}: 'kind' must be \"{kind}\" for this criterion.")
    weight = entry.get("weight")
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 < weight <= MAX_WEIGHT:
        raise ConfigError(f"{where}: 'weight' must be a number above 0 and at most {MAX_WEIGHT:g}.")
    tips = entry.get("tips")
    if not isinstance(tips, dict):
        raise ConfigError(f"{where}: [criterion.tips] must be a table with one template per outcome {list(outcomes)}.")
    extra, missing = sorted(set(tips) - set(outcomes)), [o for o in outcomes if o not in tips]
    if extra or missing:
        raise ConfigError(
            f"{where}: tips must cover exactly the outcomes {list(outcomes)} (missing {missing}, unknown {extra})."
        )
    manner = entry.get("manner", False)
    if not isinstance(manner, bool):
        raise ConfigError(f"{where}: 'manner' must be true or false.")
    if manner and kind != "do":
        raise ConfigError(f"{where}: 'manner' is for \"do\" criteria; avoid criteria always scale with the substance.")
    return Criterion(
        id=cid,
        kind=kind,
        label=_text(entry, "label", where),
        weight=float(weight),
        description=_text(entry, "description", where),
        tips={o: check_template(tips[o], f"{where} tip '{o}'") for o in outcomes},
        manner=manner,
    )


def _number(value: object, hi: float) -> bool:
    return not isinstance(value, bool) and isinstance(value, (int, float)) and 0 <= value <= hi


def _parse_scoring(table: object, where: str) -> tuple[dict[str, float], float | None]:
    """The credit per status, and the optional cap on the score of an answer with a flag."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where} needs a [scoring] table giving the credit for {list(_STATUSES)}.")
    credits = {k: v for k, v in table.items() if k != CAP_KEY}
    unknown, missing = sorted(set(credits) - set(_STATUSES)), [s for s in _STATUSES if s not in credits]
    if unknown or missing:
        raise ConfigError(
            f"{where} [scoring] must give exactly {list(_STATUSES)}, and may give {CAP_KEY} "
            f"(missing {missing}, unknown {unknown})."
        )
    for status, value in credits.items():
        if not _number(value, 1):
            raise ConfigError(f"{where} [scoring] {status} must be a number from 0 to 1.")
    cap = table.get(CAP_KEY)
    if cap is not None and not _number(cap, MAX_SCORE):
        raise ConfigError(f"{where} [scoring] {CAP_KEY} must be a score from 0 to {MAX_SCORE}.")
    return {s: float(credits[s]) for s in _STATUSES}, None if cap is None else float(cap)


def parse_rubric(
    raw: dict, path: Path | str, lexicon: LexiconData, question_criteria: dict[str, tuple[str, ...]] | None = None
) -> Rubric:
    """Validate the parsed TOML of a rubric (and the criteria questions refer to)."""
    where = str(path)
    unknown = sorted(set(raw) - {"scoring", "criterion"})
    if unknown:
        raise ConfigError(f"{where} has unknown top-level key(s) {unknown}; allowed: scoring, criterion.")
    entries = raw.get("criterion")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{where} must define at least one [[criterion]].")
    criteria: dict[str, Criterion] = {}
    for i, entry in enumerate(entries):
        crit = _parse_criterion(entry, f"{where}: criterion #{i + 1}")
        if crit.id in criteria:
            raise ConfigError(f"{where} defines criterion '{crit.id}' twice; keep one.")
        criteria[crit.id] = crit
    credits, cap = _parse_scoring(raw.get("scoring"), where)
    rubric = Rubric(criteria=criteria, status_values=credits, lexicon=lexicon, path=where, flagged_cap=cap)
    for qid, ids in (question_criteria or {}).items():
        check_question_criteria(rubric, qid, ids)
    return rubric


def check_question_criteria(rubric: Rubric, question_id: str, ids: tuple[str, ...]) -> None:
    unknown = [c for c in ids if c not in rubric.criteria]
    if unknown:
        raise ConfigError(
            f"Question '{question_id}' lists unknown criterion id(s) {unknown}; "
            f"define them in {rubric.path or RUBRIC_FILE} or fix questions.toml."
        )


@lru_cache(maxsize=4)
def _load(folder: str) -> Rubric:
    from simulator.questions import QUESTIONS_FILE, load_questions, load_toml

    path = Path(folder) / RUBRIC_FILE
    lexicon = load_lexicon(Path(folder))
    from simulator.content.kinds import load_kind_rubrics

    questions = load_questions(Path(folder)) if (Path(folder) / QUESTIONS_FILE).is_file() else ()
    rubric = parse_rubric(load_toml(path), path, lexicon, {q.id: q.criteria for q in questions})
    outcomes = {cid: tuple(c.tips) for cid, c in rubric.criteria.items()}
    return replace(rubric, kinds=load_kind_rubrics(Path(folder), outcomes))


def load_rubric(folder: Path | None = None) -> Rubric:
    """The rubric of ``folder`` (default: the prompts folder), validated and cached."""
    from simulator.paths import prompts_dir

    return _load(str(folder or prompts_dir()))
