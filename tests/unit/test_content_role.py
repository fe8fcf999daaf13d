"""role_alignment, contribution and the avoid criteria's false alarms on constructions that decide them: each rule has a row that flips and a
counter-example that must not (answers written for these tests, checked through the real spaCy model).

Every row is (criterion, expected status, answer text, context).
"""

from __future__ import annotations

import pytest

from simulator.content import check_content
from simulator.model.analysis import AnswerContext
from simulator.model.transcript import Transcript
from simulator.questions import get_question

GOALS = get_question("career-goals")
OPERATOR = AnswerContext(role="Forklift Operator", company="Corbin Foods")
NONE = AnswerContext()
ANALYST = AnswerContext(role="Claims Analyst", company="Harlow Mutual")

CASES = [
    # The title's modifier alone (a "forklift" licence) is not the title.
    ("role_alignment", "partial", "My goal is to run a warehouse shift. I got my forklift licence in March.", OPERATOR),
    ("role_alignment", "met", "My goal is to run a warehouse shift, starting as a forklift operator.", OPERATOR),
    # The title as the speaker's own past job is not this job.
    (
        "role_alignment",
        "partial",
        "I've been a claims analyst for four years at a small insurer, and I want to lead fraud reviews.",
        ANALYST,
    ),
    ("role_alignment", "met", "I want to become a claims analyst who leads fraud reviews.", ANALYST),
    # A sentence quoting a pay rate, or asking only for steady hours, names the job as income; a time span does not.
    (
        "role_alignment",
        "partial",
        "My goal is to lead fraud reviews. I'm on twenty eight thousand a year now and Harlow offers thirty two.",
        ANALYST,
    ),
    (
        "role_alignment",
        "met",
        "My goal is to lead fraud reviews. In a year I'd like to be running the fraud desk at Harlow.",
        ANALYST,
    ),
    (
        "role_alignment",
        "partial",
        "My goal is to open a pottery studio, and I want this job at Harlow for the regular hours.",
        ANALYST,
    ),
    # "applying to your practice" seeks the job; "apply my experience to" gives to it.
    (
        "contribution",
        "missing",
        "My goal is to become a dental nurse, and I'm applying to your practice because it's close to home.",
        NONE,
    ),
    (
        "contribution",
        "met",
        "My goal is to become a dental nurse, and I'd apply my scheduling experience to your practice's waiting lists.",
        NONE,
    ),
    # "at the dental school" is where the work is done; "at your practice" addresses the employer.
    (
        "contribution",
        "missing",
        "My goal is to become a dental nurse, and later I want to train students at the dental school.",
        NONE,
    ),
    (
        "contribution",
        "met",
        "My goal is to become a dental nurse, and I want to help out at your practice on the busy Saturday lists.",
        NONE,
    ),
    # The employer named only as the payer.
    (
        "role_alignment",
        "partial",
        "My goal is to lead fraud reviews, and people say the analysts at Harlow pay off their loans fastest.",
        ANALYST,
    ),
    (
        "role_alignment",
        "met",
        "My goal is to lead fraud reviews, and the analysts at Harlow run the best fraud unit in the state.",
        ANALYST,
    ),
    # "the teams" is any teams; "the team" is this one.
    (
        "role_alignment",
        "missing",
        "I want to be the architect the teams call when their builds break. I'm sitting the AWS exam in May.",
        AnswerContext(),
    ),
    (
        "role_alignment",
        "met",
        "I want to be the architect the team calls when its builds break. I'm sitting the AWS exam in May.",
        AnswerContext(),
    ),
    # A trait offered ("my passion") is a vague offer; work offered is met.
    ("contribution", "partial", "My goal is to become a pastry chef, and I'd bring my passion to your kitchen.", NONE),
    (
        "contribution",
        "met",
        "My goal is to become a pastry chef, and I'd bring my laminated-dough skills to your kitchen.",
        NONE,
    ),
    # The employer receiving the speaker: "you get a welder who…"; the generic "you get customers" is no offer.
    ("contribution", "met", "I want to run a pipe crew. In exchange you get a welder who shows up early.", NONE),
    ("contribution", "met", "I want to run a pipe crew. What you'd have from me is steady hands.", NONE),
    ("contribution", "missing", "I want to run a pipe crew. In this trade you get jobs from everywhere.", NONE),
    # A relative clause on what the speaker is carries their offer; on someone else it does not.
    (
        "contribution",
        "met",
        "My aim is a surveying licence. I'm the surveyor who'll keep your site plans current.",
        NONE,
    ),
    ("contribution", "missing", "My aim is a surveying licence. My uncle is a surveyor who'll retire soon.", NONE),
    # "you know" as a filler addresses no one.
    (
        "contribution",
        "missing",
        "I'd want to keep learning on the floor and then move up so I can keep progressing, you know.",
        NONE,
    ),
    # "as best I can" is effort, not a boast; "the best" said of oneself still is.
    (
        "no_boasting",
        "clear",
        "I think my main aim is to be really efficient and, you know, assist whoever I'm driving for as best I can.",
        NONE,
    ),
    (
        "no_boasting",
        "flagged",
        "My goal is to run the parts counter. I'm the best counterman in the county. I start the ASE course in May.",
        NONE,
    ),
    # A leisure word as a time adverbial is when one works; as the goal it is a pastime.
    (
        "professional_goal",
        "clear",
        "My goal is to run my own route by next year, and I'll cover the shifts nobody else wants, weekends, holidays.",
        NONE,
    ),
    ("professional_goal", "flagged", "My goal is to take a long holiday in Portugal next year.", NONE),
    # A rank wanted for itself is a title motive; a ranking won in the past is an achievement.
    (
        "motivation_not_money",
        "flagged",
        "My goal is to make senior engineer within two years. I like having a clear rank, and people listen to you "
        "more when you have one.",
        NONE,
    ),
    (
        "motivation_not_money",
        "clear",
        "My goal is to lead the night crew, because I want the floor to run safely. Last spring I was ranked first of "
        "forty trainees.",
        NONE,
    ),
    # With no role given, a named career goal is its field (partial); a bare rank, a scatter of goals, a pastime or
    # a given role with no link to it are not.
    ("role_alignment", "partial", "My goal is to become a dental hygienist within three years.", NONE),
    ("role_alignment", "missing", "My goal is to become a manager one day.", NONE),
    (
        "role_alignment",
        "missing",
        "I have lots of goals: learn Spanish, become a pilot, open a bakery and buy a farm.",
        NONE,
    ),
    ("role_alignment", "missing", "My goal is to run the Chicago marathon next October.", NONE),
    ("role_alignment", "missing", "My goal is to become a dental hygienist within three years.", ANALYST),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_constructions(case):
    criterion, expected, text, context = case
    report = check_content(Transcript.from_text(text), GOALS, context)
    assert report.get(criterion).status == expected
