"""The score rule on hand-made statuses: what the answer says carries it, avoid and manner credit
scale with that, a flag caps it. tests/unit/test_content_bands.py checks it on written answers."""

from __future__ import annotations

import pytest

from simulator.content import load_rubric
from simulator.content.scoring import score, substance, weighting
from simulator.content.types import CriterionResult

RUBRIC = load_rubric()
GOALS = tuple(RUBRIC.criteria)  # the career-goals question uses every criterion


def results(statuses: dict[str, str], default_do: str = "missing") -> list[CriterionResult]:
    out = []
    for cid, crit in RUBRIC.criteria.items():
        status = statuses.get(cid, default_do if crit.kind == "do" else "clear")
        out.append(CriterionResult(id=cid, kind=crit.kind, status=status))
    return out


def score_of(statuses: dict[str, str], default_do: str = "missing") -> int:
    res = results(statuses, default_do)
    return score(res, weighting(RUBRIC, tuple(r.id for r in res)))


@pytest.mark.parametrize(
    "statuses, default_do, lo, hi",
    [
        ({}, "met", 100, 100),  # everything said and nothing wrong
        ({}, "missing", 0, 0),  # nothing said: clear avoid criteria earn nothing
        ({"confident_language": "met", "succinct": "met"}, "missing", 0, 0),  # said briefly and plainly: still nothing
        ({"confident_language": "met", "single_focus": "partial"}, "missing", 0, 10),  # "I want to grow." and no more
        ({}, "partial", 15, 50),  # vague throughout: half the substance, squared, is a quarter
        ({"professional_goal": "flagged"}, "met", 55, 55),  # a hobby goal, however well built
        ({"motivation_not_money": "flagged", "no_boasting": "flagged"}, "met", 0, 55),
        ({"milestones": "partial", "contribution": "missing"}, "met", 75, 100),  # strong with gaps
    ],
)
def test_score_rule_on_hand_made_statuses(statuses, default_do, lo, hi):
    assert lo <= score_of(statuses, default_do) <= hi


def test_manner_and_avoid_credit_scale_with_substance():
    """Losing confident_language costs less on a thin answer than on a full one, and a clear avoid
    criterion adds nothing to an empty answer."""
    full_drop = score_of({}, "met") - score_of({"confident_language": "missing"}, "met")
    # Every criterion met but six of the other kinds': a little over half the substance (squared, about 0.4).
    thin = dict.fromkeys(("star_situation", "star_task", "star_action", "star_result", "present", "past"), "missing")
    thin_drop = score_of({**thin, "confident_language": "met"}, "met") - score_of(
        {**thin, "confident_language": "missing"}, "met"
    )
    assert 0 < thin_drop < full_drop
    res = results({})
    assert substance(res, weighting(RUBRIC, GOALS)) == 0


def test_a_question_with_only_manner_criteria_scores_its_manner():
    """'Any questions for us?' uses confident_language alone: with nothing substantive to weigh, it counts fully."""
    res = [CriterionResult(id="confident_language", kind="do", status="partial")]
    assert score(res, weighting(RUBRIC, ("confident_language",))) == 50
