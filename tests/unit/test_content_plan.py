"""The plan criteria (milestones, timeline, past_accomplishment) on constructions that fooled them.

Each rule has a row it must decide and a counter-example row that must not change, in the
same table. The answers are written for these tests and checked through the real spaCy model.
"""

from __future__ import annotations

import pytest

from simulator.content import check_content
from simulator.model.analysis import AnswerContext
from simulator.model.transcript import Transcript
from simulator.questions import get_question

GOALS = get_question("career-goals")

CASES = [
    # "<time> at a time" is a pace, not a time frame
    ("timeline", "missing", "I don't make big plans as a welder, I handle things one month at a time."),
    ("timeline", "met", "I want to become a certified welding inspector, and I'll sit the CWI exam in one month."),
    # "at the end of the day" means "all in all", not a time
    ("timeline", "missing", "At the end of the day I want pharmacy customers to trust the advice I give them."),
    (
        "timeline",
        "met",
        "I want to become a pharmacist, and I'll finish my pre-pharmacy courses by the end of the year.",
    ),
    # perfect progressive with a length: time counted up to now, not ahead
    ("milestones", "missing", "I've been driving a forklift for about four years and I want to become a shift lead."),
    ("timeline", "missing", "I've been driving a forklift for about four years and I want to become a shift lead."),
    (
        "timeline",
        "met",
        "I've been driving a forklift for four years, and I'll get my shift lead ticket by next spring.",
    ),
    # a time that is what is viewed ("I see the next two years as …") frames nothing
    ("timeline", "missing", "I see the next two years as a chance to grow as a paralegal, so I want to keep learning."),
    ("timeline", "met", "I want to become a senior paralegal in the next two years."),
    # a date on someone else's action is no cue for a scheduled step
    ("milestones", "missing", "I want to become a lab supervisor, and I'm the hardest worker you'll meet this month."),
    ("milestones", "met", "I want to become a lab supervisor, and my certification exam is scheduled for May fifth."),
]


@pytest.mark.parametrize("criterion,expected,text", CASES, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_plan_criterion(criterion, expected, text):
    report = check_content(Transcript.from_text(text), GOALS, AnswerContext())
    assert report.get(criterion).status == expected
