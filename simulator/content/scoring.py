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


def weighting(rubric, ids: tuple[str, ...]) -> Weighting:
    return Weighting(weights={i: rubric.criteria[i].weight for i in ids}, status_values=dict(rubric.status_values))


def score(results: list[CriterionResult], weights: Weighting) -> int:
    total = sum(weights.weights[r.id] for r in results)
    if not total:
        return 0
    got = sum(weights.weights[r.id] * weights.status_values[r.status] for r in results)
    return round(100 * got / total)


def summarize(results: list[CriterionResult], weights: Weighting) -> Summary:
    """Well done (met 'do' criteria, heaviest first) and the top three improvements."""
    order = {r.id: k for k, r in enumerate(results)}
    good = sorted((r for r in results if r.status == MET), key=lambda r: (-weights.weights[r.id], order[r.id]))
    well = []
    for r in good[:MAX_WELL_DONE]:
        quote = f": “{r.evidence[0].text}”" if r.evidence else ""
        well.append(f"{r.label or r.id}{quote}")
    avoid = [r for r in results if r.kind == AVOID]
    if avoid and all(r.status == CLEAR for r in avoid):
        well.append("Nothing to avoid: " + ", ".join((r.label or r.id).lower() for r in avoid) + ".")
    todo = sorted(
        (r for r in results if r.status in SEVERITY),
        key=lambda r: (SEVERITY[r.status], -weights.weights[r.id], order[r.id]),
    )
    return Summary(well_done=well, improvements=[r.tip for r in todo[:TOP_IMPROVEMENTS]])
