"""Succinct by content: repeats, run-on sentences and too many goals make an answer ramble at any length.

Each row is an answer written for this test with the status a reader gives it; the lengths are inside
the 90-300 word band unless the row says otherwise, so only the rambling can decide.
"""

from __future__ import annotations

import pytest

from simulator.content import check_content
from simulator.model.analysis import AnswerContext
from simulator.model.transcript import Transcript
from simulator.questions import get_question

GOALS = get_question("career-goals")

FOCUSED = (
    "My goal is to become a certified medical coder within eighteen months, because accurate codes decide whether "
    "a small clinic gets paid for the care it gives. Last year I finished the medical terminology course at Mesa "
    "College with a 96, and I taught myself ICD-10 lookups by coding twenty practice charts a week. I have booked "
    "the CPC exam for September ninth. Your billing office is moving to a new system this spring, so this role is "
    "the right next step, and I would bring careful chart review to help your team cut claim denials."
)
REPEATING = (
    "My goal is to be a good team member. Being a good team member matters to me, and I think a good team member "
    "always helps the team. I want to help the team every day and be a good team member for the team. If the team "
    "needs help, I help the team, because that is what a good team member does. So my goal is really to keep being "
    "a good team member and help the team, and I think this job would let me be a good team member on your team."
)
RUN_ON = (
    "So my goal is to work in logistics and I started in a warehouse and then I moved to receiving and then I got "
    "to do some scheduling and I liked the scheduling a lot and so I started reading about supply chains and then "
    "I took a course online and so now I think planning is where I want to go and I think your company would be a "
    "good place for that. I finished the course in May with a distinction. I will apply for the planner track next "
    "spring."
)
SCATTERED = (
    "My goal is to become a nurse practitioner. I also want to open a bakery with my sister, learn to fly small "
    "planes, and become a certified yoga teacher. I want to write a cookbook at some point too. I finished my BSN "
    "in 2021 and I have worked on a cardiac floor for three years. I plan to apply to an NP program next fall, and "
    "this role on your cardiac unit would keep my skills sharp while I decide between all of these paths."
)
MANY_SAID = (  # "I have a lot of goals", then four listed, some of them steps
    "Oh, I have a lot of goals. I want to finish my HVAC certificate, I want to get into estimating at some point, "
    "I'd also like to learn welding, and one day I want to open my own repair shop. Right now I service rooftop "
    "units for a school district, about forty sites, so I know the equipment and the paperwork. I just like having "
    "lots going on and I don't want to box myself in, so I'm open to wherever this role takes me next year."
)
TWO_SAID = (  # "I have two goals", the second built on the first
    "I have two goals. I want to finish my HVAC certificate this spring, and then I want to move into estimating "
    "for commercial jobs. Right now I service rooftop units for a school district, about forty sites, so I know the "
    "equipment and the paperwork. Estimating is where a careful tech saves a contractor money, and your commercial "
    "team bids the kind of jobs I already maintain, so I'd bring site knowledge to your quotes from day one. I "
    "passed the EPA 608 exam last year and I keep a log of every unit I touch."
)
LONG_RAMBLE = " ".join([RUN_ON, REPEATING, RUN_ON, SCATTERED, REPEATING])  # well over 300 words


@pytest.mark.parametrize(
    "text, expected",
    [
        (FOCUSED, "met"),
        (REPEATING, "partial"),
        (RUN_ON, "partial"),
        (SCATTERED, "partial"),
        (MANY_SAID, "partial"),
        (TWO_SAID, "met"),
        (LONG_RAMBLE, "missing"),
    ],
)
def test_rambling_is_judged_by_content(text, expected):
    result = check_content(Transcript.from_text(text), GOALS, AnswerContext()).get("succinct")
    assert result.status == expected, result.reason


def test_the_tip_says_what_made_it_ramble():
    result = check_content(Transcript.from_text(REPEATING), GOALS, AnswerContext()).get("succinct")
    assert "(“team” and" in result.tip and "again and again" in result.tip  # the most repeated word first
    assert "length is right" in result.tip
    run_on = check_content(Transcript.from_text(RUN_ON), GOALS, AnswerContext()).get("succinct")
    assert "run-on sentence" in run_on.tip and run_on.evidence  # the run-on sentence is quoted


@pytest.mark.parametrize(
    "words, expected",
    [(59, "missing"), (61, "partial"), (85, "partial"), (89, "partial"), (90, "met"), (96, "met")],
)
def test_about_ninety_words_is_a_floor(words, expected):
    """Under two-thirds of 90 words is missing; anything under 90 is a little short, as labellers read "about 90"."""
    text = " ".join(FOCUSED.split()[:words])
    result = check_content(Transcript.from_text(text), GOALS, AnswerContext()).get("succinct")
    assert (result.status, result.reason.split(";")[0]) == (expected, f"{words} words")


BACKGROUND = (
    "Before billing I spent four years on the front desk of a family practice in Tempe, where I checked in about "
    "sixty patients a day and learned how often a claim goes wrong before the visit even starts: a typo in a date "
    "of birth, an old insurance card, a referral nobody attached. I started keeping a checklist for new patients, "
    "and our front-end denials dropped by a third in six months. My manager asked me to train two new hires on it, "
    "which is when I realised I liked explaining the rules as much as following them. Outside work I volunteer with "
    "a tax clinic each spring, which keeps me careful with forms and deadlines."
)


@pytest.mark.parametrize(
    "opening, words, expected",
    [
        (FOCUSED, 280, "met"),
        (FOCUSED, 300, "met"),
        (FOCUSED, 301, "partial"),
        (FOCUSED, 305, "partial"),
        (REPEATING, 290, "partial"),
        (REPEATING, 305, "missing"),
    ],
)
def test_about_three_hundred_words_is_a_ceiling(opening, words, expected):
    """Over 300 words is long, as the labellers read "about 300"; rambling on top of that is missing."""
    text = " ".join(f"{opening} {TWO_SAID} {BACKGROUND} {FOCUSED}".split()[:words])
    result = check_content(Transcript.from_text(text), GOALS, AnswerContext()).get("succinct")
    assert (result.status, result.reason.split(";")[0]) == (expected, f"{words} words"), result.reason
