"""Content check: what the answer said, judged against the article's rubric.

``check_content(transcript, question, context)`` returns a ``ContentReport``:
one ``CriterionResult`` per criterion the question lists (status, evidence
quotes with times, a tip written for this answer), a 0-100 score with its
weighting, a summary and the answer's structure.

Importing this package is cheap; the spaCy model and the sentence classifiers
load on the first check (or earlier, in the background, via ``warm_up()``).
"""

from __future__ import annotations

from simulator.content.types import (
    ContentOptions,
    ContentReport,
    CriterionResult,
    Evidence,
    StructurePart,
    Summary,
    Weighting,
)

__all__ = [
    "check_content",
    "warm_up",
    "load_rubric",
    "ContentOptions",
    "ContentReport",
    "CriterionResult",
    "Evidence",
    "StructurePart",
    "Summary",
    "Weighting",
]


def check_content(
    transcript, question, context, *, rubric=None, options: ContentOptions = ContentOptions()
) -> ContentReport:
    """Check the answer's content against ``question.criteria`` (see ``simulator.content.check``)."""
    from simulator.content.check import check_content as _check

    return _check(transcript, question, context, rubric=rubric, options=options)


def warm_up(background: bool = True):
    """Start loading the NLP model and the sentence classifiers now (in daemon threads by default), so that
    ``practice`` loads them while the question is spoken and ``analyze`` while the answer is decoded."""
    from simulator.content.nlp import warm_up as _warm
    from simulator.content.semantic import warm_up as _warm_semantic

    _warm_semantic(background)
    return _warm(background)


def load_rubric(folder=None):
    """The validated rubric (criteria, weights, tips, lexicons) of the prompts folder."""
    from simulator.content.rubric import load_rubric as _load

    return _load(folder)
