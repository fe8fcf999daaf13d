"""What each kind of question adds to the rubric: its recommended shape and its own tips.

``kinds.toml`` says which criteria each kind applies (read by
``simulator.questions``); this module reads the rest of each ``[kind.ID]``
table, validated strictly against the rubric and the registered shape parts:

    shape_name = "STAR"
    shape = [{ part = "situation", label = "Situation" }, …]   # absent: no shape section
    [kind.ID.tips.CRITERION]                                  # this kind's wording of a tip
    OUTCOME = "template"

A kind's own tips replace the rubric's for that criterion and outcome, so a
general criterion such as ``succinct`` never points a behavioural answer at
another kind's parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from simulator.content.rules import PARTS, check_template
from simulator.errors import ConfigError
from simulator.questions import KINDS_FILE, load_toml

_KIND_KEYS = ("label", "criteria", "shape", "shape_name", "tips")
_PART_KEYS = ("part", "label")


@dataclass(frozen=True)
class ShapePart:
    """One part of a kind's recommended shape: the finder's id and the label shown."""

    part: str
    label: str


@dataclass(frozen=True)
class KindRubric:
    """The recommended shape of a kind of question, and its own tip templates."""

    shape: tuple[ShapePart, ...] = ()
    shape_name: str = ""  # shown beside the shape, e.g. "STAR"
    tips: dict[str, dict[str, str]] = field(default_factory=dict)  # criterion id -> outcome -> template

    def tip(self, criterion_id: str, outcome: str, default: str) -> str:
        return self.tips.get(criterion_id, {}).get(outcome, default)


def _shape(entry: dict, where: str) -> tuple[tuple[ShapePart, ...], str]:
    raw, name = entry.get("shape"), entry.get("shape_name")
    if raw is None:
        if name is not None:
            raise ConfigError(f"{where}: 'shape_name' needs a 'shape'; add the shape or drop the name.")
        return (), ""
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{where}: a 'shape' needs a 'shape_name', the name shown beside it.")
    if not isinstance(raw, list) or not raw:
        raise ConfigError(f"{where}: 'shape' must be a non-empty list of {{ part = …, label = … }} tables.")
    parts = []
    for i, item in enumerate(raw):
        at = f"{where} shape #{i + 1}"
        if not isinstance(item, dict) or sorted(item) != sorted(_PART_KEYS):
            raise ConfigError(f"{at} must be a table with exactly the keys {list(_PART_KEYS)}.")
        part, label = item["part"], item["label"]
        if part not in PARTS:
            raise ConfigError(f"{at}: no finder implements the part {part!r}; known parts: {', '.join(PARTS)}.")
        if not isinstance(label, str) or not label.strip():
            raise ConfigError(f"{at}: 'label' must be a non-empty string.")
        parts.append(ShapePart(part, label.strip()))
    ids = [p.part for p in parts]
    if len(set(ids)) != len(ids):
        raise ConfigError(f"{where}: 'shape' names a part twice; keep each part once.")
    return tuple(parts), name.strip()


def _tips(entry: dict, where: str, outcomes: dict[str, tuple[str, ...]]) -> dict[str, dict[str, str]]:
    raw = entry.get("tips", {})
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: 'tips' must be a table of [kind.ID.tips.CRITERION] tables.")
    criteria = entry.get("criteria", [])
    out: dict[str, dict[str, str]] = {}
    for cid, table in raw.items():
        at = f"{where} tips.{cid}"
        if cid not in criteria or cid not in outcomes:
            raise ConfigError(f"{at}: the kind does not apply the criterion {cid!r}; list it in 'criteria' first.")
        if not isinstance(table, dict) or not table:
            raise ConfigError(f"{at} must map outcomes to tip templates.")
        unknown = sorted(set(table) - set(outcomes[cid]))
        if unknown:
            raise ConfigError(f"{at} has unknown outcome(s) {unknown}; the rule ends in {list(outcomes[cid])}.")
        out[cid] = {o: check_template(t, f"{at}.{o}") for o, t in table.items()}
    return out


def parse_kind_rubrics(raw: dict, path: Path | str, outcomes: dict[str, tuple[str, ...]]) -> dict[str, KindRubric]:
    """Validate the shape and tips of every ``[kind.ID]``; ``outcomes`` maps criterion id -> its rule's outcomes."""
    kinds = raw.get("kind")
    if not isinstance(kinds, dict):
        raise ConfigError(f"{path} must define at least one [kind.ID] table.")
    out = {}
    for kid, entry in kinds.items():
        where = f"{path}: [kind.{kid}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where} must be a table.")
        unknown = sorted(set(entry) - set(_KIND_KEYS))
        if unknown:
            raise ConfigError(f"{where} has unknown key(s) {unknown}; allowed: {', '.join(_KIND_KEYS)}.")
        shape, name = _shape(entry, where)
        out[kid] = KindRubric(shape=shape, shape_name=name, tips=_tips(entry, where, outcomes))
    return out


def load_kind_rubrics(folder: Path, outcomes: dict[str, tuple[str, ...]]) -> dict[str, KindRubric]:
    """The shapes and tips of ``folder``'s kinds.toml (none when the folder has no such file)."""
    path = Path(folder) / KINDS_FILE
    return parse_kind_rubrics(load_toml(path), path, outcomes) if path.is_file() else {}
