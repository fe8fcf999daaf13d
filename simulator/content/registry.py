"""What the code implements, for validating the rubric data without loading NLP.

Each criterion id has a rule in one of the ``crit_*`` modules. A rule ends in
one of the outcomes listed here; the rubric must give a tip template for
exactly these outcomes, so no verdict is ever shown without advice.
"""

from __future__ import annotations

from simulator.content.types import AVOID, DO

# criterion id -> (kind, outcomes the rule can produce)
RULES: dict[str, tuple[str, tuple[str, ...]]] = {
    "single_focus": (DO, ("met", "generic", "implicit", "none", "three", "many")),
    "goal_why": (DO, ("met", "thin", "impact_only", "money", "missing")),
    "role_alignment": (DO, ("met", "field", "missing")),
    "contribution": (DO, ("met", "vague", "missing")),
    "milestones": (DO, ("met", "vague", "missing")),
    "past_accomplishment": (DO, ("met", "vague", "missing")),
    "timeline": (DO, ("met", "vague", "missing")),
    "confident_language": (DO, ("met", "some", "many")),
    "specificity": (DO, ("met", "few", "generic", "none")),
    "succinct": (DO, ("met", "short", "long", "very_short", "very_long")),
    "no_boasting": (AVOID, ("clear", "boast", "put_down")),
    "professional_goal": (AVOID, ("clear", "hobby")),
    "motivation_not_money": (AVOID, ("clear", "money", "title")),
}

# Placeholders a tip template may use; every rule fills all of them (maybe with "").
PLACEHOLDERS = frozenset(
    {"goal", "quote", "count", "goals", "role_ref", "words", "seconds", "hedges", "examples", "term", "step", "when"}
)
