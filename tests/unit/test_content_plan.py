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
    # a step hedged ("maybe", "probably") or only thought about is no commitment: vague
    ("milestones", "partial", "I want to become a sommelier, and maybe I'll take the WSET Level 3 exam."),
    ("milestones", "met", "I want to become a sommelier, and I'll take the WSET Level 3 exam in June."),
    ("milestones", "partial", "I want to become a site manager, and I'm thinking about doing a construction diploma."),
    ("milestones", "met", "I want to become a site manager, and I'm doing a construction management diploma at night."),
    # work taken off the employer's hands is an offer, not a step toward the goal
    ("milestones", "missing", "I want to grow as a bookkeeper, and I can take your payroll reconciliations off you."),
    (
        "milestones",
        "met",
        "I want to grow as a bookkeeper, and I'll take the QuickBooks certification course this fall.",
    ),
    # "already" on a present verb: a duty held now
    ("milestones", "missing", "I want to become a charge nurse, and I already run the medication audits on my ward."),
    ("milestones", "met", "I want to become a charge nurse, and I'll run the medication audit training next month."),
    # a companion is not what is learned; "at a time" is no object
    ("milestones", "missing", "I want to be a great swim coach and keep learning alongside my athletes."),
    ("milestones", "missing", "I don't plan far ahead as a carpenter, I take things one day at a time."),
    # a study plan, even inside the goal statement, is the rubric's vague step; learning "as much as I can" or
    # "fast" names nothing, school already done is past, and in a list of four goals it is one more goal
    (
        "milestones",
        "partial",
        "I want to become a head chef, so I can learn the management side, ordering and costing.",
    ),
    ("milestones", "partial", "I want to keep growing as a physio aide and maybe go back to school at some point."),
    ("milestones", "partial", "My goal is to lead tenant campaigns, and at some point I'd like to do a master's."),
    ("milestones", "missing", "I want to become a head chef, and I learn fast."),
    ("milestones", "missing", "I want to learn as much as I can and be the best version of myself."),
    ("milestones", "missing", "I went back to school at night, and now I want to become a shift lead."),
    ("milestones", "missing", "I want to manage a team, open a cafe, learn Italian and get my real estate license."),
    # a weak verb whose object is time or work is time spent, not a result
    ("past_accomplishment", "partial", "I did two years as a barista and I want to become a cafe manager."),
    ("past_accomplishment", "partial", "i did fourteen months as a bank teller at chase so i know the branch side."),
    (
        "past_accomplishment",
        "met",
        "I did the barista training course at Ritual Coffee and I want to become a cafe manager.",
    ),
    # an intention set is not a result
    ("past_accomplishment", "missing", "I've set myself a plan to become a head gardener."),
    (
        "past_accomplishment",
        "met",
        "I set a sales record at the garden centre last spring, and I want to become a head gardener.",
    ),
    # a listed action done again ("reorganized") is a result; the same verb ahead is not
    (
        "past_accomplishment",
        "met",
        "I reorganized the parts warehouse on my own, and I want to become a depot manager.",
    ),
    ("past_accomplishment", "missing", "I want to reorganize the parts warehouse and become a depot manager."),
    # a past "have" of a superlative is a ranking reached
    (
        "past_accomplishment",
        "met",
        "Last quarter I had the highest close rate in our branch, and I want to be a loan officer.",
    ),
    ("past_accomplishment", "partial", "I had a job at a bank for three years, and I want to become a loan officer."),
    # the perfect progressive without a step noun tells experience up to now, not a step
    ("past_accomplishment", "partial", "I've been tutoring high-school maths students and I want to become a teacher."),
    ("milestones", "missing", "I've been tutoring high-school maths students and I want to become a teacher."),
    ("milestones", "met", "I want to become a financial advisor. I've been studying for the insurance licensing exam."),
    # a time on a negated verb frames nothing
    ("timeline", "missing", "I don't make long-term plans, I just want to be a good electrician."),
    ("timeline", "partial", "In the long term I want to be a master electrician."),
    # a vague length ahead ("stay for a long time") is a vague horizon; a length behind is none
    ("timeline", "partial", "I want to become a head brewer, and I plan to stay with this brewery for a long time."),
    ("timeline", "missing", "I've wanted to be a head brewer for a long time."),
    # "next"/"coming" puts a time ahead whatever the verb's tense
    ("timeline", "met", "I want to become a court reporter, and I had the certification test booked for next March."),
    ("timeline", "missing", "I want to become a court reporter, and I passed the typing test last March."),
    # a perfect commitment with a date: the present perfect takes no past date, so the date is ahead
    ("timeline", "met", "I want to become a triathlon coach, and I've registered for the coaching clinic in November."),
    ("timeline", "missing", "I want to become a triathlon coach, and I've coached swimmers since 2019."),
    # "for the next year" is a period ahead, not a length
    ("timeline", "met", "My main goal for the next year is to become a certified arborist."),
    ("timeline", "missing", "I want to become a certified arborist; I've climbed trees for ten years."),
    # a wanted step done "first" on the way to the goal is a step on the path
    (
        "milestones",
        "met",
        "I want to become a flight paramedic. I want to get through my critical care course first, then fly.",
    ),
    ("milestones", "missing", "First of all, I want to become a flight paramedic, then lead a crew."),
]


@pytest.mark.parametrize("criterion,expected,text", CASES, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_plan_criterion(criterion, expected, text):
    report = check_content(Transcript.from_text(text), GOALS, AnswerContext())
    assert report.get(criterion).status == expected
