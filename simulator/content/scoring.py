"""Score and summary of a checked answer (its shape is found in shape.py)."""

from __future__ import annotations

from simulator.content.types import (
    AVOID,
    CLEAR,
    FLAGGED,
    MET,
    MISSING,
    PARTIAL,
    CriterionResult,
    Summary,
    Weighting,
)

TOP_IMPROVEMENTS = 3
MAX_WELL_DONE = 4
SEVERITY = {FLAGGED: 0, MISSING: 1, PARTIAL: 2}  # lower is more urgent
PRAISE_CLEAR_SUBSTANCE = 0.5  # substance (0-1) an answer needs before "nothing to avoid" is said as praise
# Exponent on the substance (unitless): an answer that says two thirds of a good answer is vague, not two thirds
# good, so substance 0.7 scores about 49 (the vague band) while 0.87 and above stays strong (>= 75).
SUBSTANCE_POWER = 2.0


FORMULA = (
    "substance = sum(weight * credit) / sum(weight) over the criteria not scaled (1 if none); "
    "score = 100 * substance ** substance_power * (sum(weight of those) + sum(weight * credit of the scaled)) "
    "/ sum(weight), "
    "at most flagged_cap when any avoid criterion is flagged"
)


def weighting(rubric, ids: tuple[str, ...]) -> Weighting:
    """Weights, credits, the scaled criteria (manner and avoid) and the cap, as the score uses them."""
    crit = rubric.criteria
    return Weighting(
        weights={i: crit[i].weight for i in ids},
        status_values=dict(rubric.status_values),
        formula=FORMULA,
        scaled=[i for i in ids if crit[i].manner or crit[i].kind == AVOID],
        flagged_cap=rubric.flagged_cap,
        substance_power=SUBSTANCE_POWER,
    )


def substance(results: list[CriterionResult], weights: Weighting) -> float:
    """Weighted mean credit, 0-1, of what the answer says: the criteria whose credit is not scaled."""
    said = [r for r in results if r.id not in weights.scaled]
    total = sum(weights.weights[r.id] for r in said)
    if not total:
        return 1.0
    return sum(weights.weights[r.id] * weights.status_values[r.status] for r in said) / total


def score(results: list[CriterionResult], weights: Weighting) -> int:
    """0-100. Saying nothing wrong, briefly and without hedging, is no merit on its own: the credit of the
    scaled criteria (manner and avoid) counts in proportion to the substance, raised to ``substance_power`` so a
    partly said answer scores as vague, and a flag caps the score."""
    w, credit = weights.weights, weights.status_values
    total = sum(w[r.id] for r in results)
    if not total:
        return 0
    kept = sum(w[r.id] if r.id not in weights.scaled else w[r.id] * credit[r.status] for r in results)
    value = 100 * substance(results, weights) ** weights.substance_power * kept / total
    if weights.flagged_cap is not None and any(r.status == FLAGGED for r in results):
        value = min(value, weights.flagged_cap)
    return round(value)


def _praise(r: CriterionResult, *, quoted: bool = True) -> str | None:
    """'Label: “quote”' with the first quote the recogniser was sure of; None when every quote may be misheard.
    A criterion of manner is praised unquoted: its quotes are what to change (the one hedge, a run-on sentence)."""
    if not quoted:
        return r.label or r.id
    sure = [e for e in r.evidence if not e.unsure]
    if r.evidence and not sure:
        return None
    return f"{r.label or r.id}" + (f": “{sure[0].text}”" if sure else "")


def summarize(results: list[CriterionResult], weights: Weighting, *, not_praised: set[str] = frozenset()) -> Summary:
    """Well done (met 'do' criteria, heaviest first) and the top three improvements.

    Never praised: criteria in ``not_praised`` (their words are the flagged point), quotes that may be
    misheard, and "nothing to avoid" on an answer with too little substance for that to mean anything.
    """
    order = {r.id: k for k, r in enumerate(results)}
    good = sorted(
        (r for r in results if r.status == MET and r.id not in not_praised),
        key=lambda r: (-weights.weights[r.id], order[r.id]),
    )
    well = [p for p in (_praise(r, quoted=r.id not in weights.scaled) for r in good) if p][:MAX_WELL_DONE]
    avoid = [r for r in results if r.kind == AVOID]
    if avoid and all(r.status == CLEAR for r in avoid) and substance(results, weights) >= PRAISE_CLEAR_SUBSTANCE:
        well.append("Nothing to avoid: " + ", ".join((r.label or r.id).lower() for r in avoid) + ".")
    todo = sorted(
        (r for r in results if r.status in SEVERITY),
        key=lambda r: (SEVERITY[r.status], -weights.weights[r.id], order[r.id]),
    )
    return Summary(well_done=well, improvements=[r.tip for r in todo[:TOP_IMPROVEMENTS]])
