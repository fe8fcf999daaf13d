"""Rule declarations: each criterion's id, kind and outcomes, declared on the rule function.

Beside the rules, ``@part("situation")`` registers the finder of one part of a
recommended answer shape (kinds.toml ``shape``): it returns the token span
where the answer covers that part, or None.

``@rule("timeline", kind=DO, outcomes=("met", "vague", "missing"))`` registers
the function under its criterion id. This module and the ``crit_*`` modules
import nothing heavy at module level, so the rubric validation can read what
the code implements without loading the NLP model. A rule ends in one of its
declared outcomes; the rubric must give a tip template for exactly these.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from dataclasses import dataclass

from simulator.content.types import AVOID, DO
from simulator.errors import ConfigError

KINDS = (DO, AVOID)
# The outcome the check gives a rule about the goal when the goal itself is flagged (a hobby, money as the
# goal), or when the rule's own evidence is the flagged point: its tip points away from that goal.
OFF_GOAL = "off_goal"
# The outcome of a partial that a fitted model read in the whole answer where the rules found nothing to quote.
IMPLIED = "implied"

# Placeholders a tip template may use; the check fills all of them (maybe with "").
PLACEHOLDERS = frozenset(
    {
        "goal",
        "quote",
        "count",
        "goals",
        "role_ref",
        "words",
        "seconds",
        "hedges",
        "examples",
        "term",
        "step",
        "when",
        "rambling",
        "gaps",
    }
)


def check_template(template: object, where: str) -> str:
    """A tip template, stripped; a ConfigError names an empty one, bad braces or an unknown placeholder."""
    if not isinstance(template, str) or not template.strip():
        raise ConfigError(f"{where} must be a non-empty string.")
    try:
        fields = {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}
    except ValueError as e:
        raise ConfigError(f"{where} is not a valid template ({e}); balance the {{braces}}.") from e
    unknown = sorted(fields - PLACEHOLDERS)
    if unknown:
        raise ConfigError(f"{where} uses unknown placeholder(s) {unknown}; allowed: {', '.join(sorted(PLACEHOLDERS))}.")
    return template.strip()


@dataclass(frozen=True)
class Rule:
    """One criterion as the code implements it."""

    id: str
    kind: str  # "do" | "avoid"
    outcomes: tuple[str, ...]  # keys of the rubric tip templates the rule can end in
    check: Callable  # (Ctx) -> Verdict
    about_goal: bool = False  # judges the stated goal itself: redirected (OFF_GOAL) whenever that goal is flagged


RULES: dict[str, Rule] = {}  # criterion id -> rule, in declaration order


def rule(criterion_id: str, *, kind: str, outcomes: tuple[str, ...], about_goal: bool = False) -> Callable:
    """Register the decorated function as the rule of ``criterion_id``.

    A rule with an ``OFF_GOAL`` outcome ends in it when its evidence is a flagged point; one ``about_goal``
    also whenever the stated goal is flagged.
    """
    if kind not in KINDS or not outcomes:
        raise ValueError(f"rule {criterion_id!r}: kind must be one of {KINDS} and outcomes non-empty")
    if about_goal and OFF_GOAL not in outcomes:
        raise ValueError(f"rule {criterion_id!r}: a rule about the goal needs the {OFF_GOAL!r} outcome")

    def register(fn: Callable) -> Callable:
        known = RULES.get(criterion_id)
        if known is not None and known.check.__qualname__ != fn.__qualname__:
            raise ValueError(f"two rules declare the criterion id {criterion_id!r}")
        RULES[criterion_id] = Rule(criterion_id, kind, tuple(outcomes), fn, about_goal)
        return fn

    return register


PARTS: dict[str, Callable] = {}  # shape part id -> finder: (Ctx) -> (start, end) token span or None


def part(part_id: str) -> Callable:
    """Register the decorated function as the finder of the shape part ``part_id``."""

    def register(fn: Callable) -> Callable:
        known = PARTS.get(part_id)
        if known is not None and known.__qualname__ != fn.__qualname__:
            raise ValueError(f"two finders declare the shape part {part_id!r}")
        PARTS[part_id] = fn
        return fn

    return register
