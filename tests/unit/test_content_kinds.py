"""The rubric per kind of question: STAR, present/past/future, horizon, closing; shapes and tips per kind.

Every row of the criterion tables is (question id, criterion, expected status,
answer). The answers are written for these tests and checked as text through
the real spaCy model.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from simulator.content import check_content
from simulator.content.rubric import load_rubric
from simulator.errors import ConfigError
from simulator.model.analysis import Analysis, AnswerContext
from simulator.model.transcript import Transcript
from simulator.questions import get_question, load_kinds
from simulator.report.content_text import render
from simulator.report.html import render_html
from simulator.report.style import Style
from tests.unit.test_content_rubric import copy_prompts, edit

STAR_ALL = (
    "Last March at the garden centre where I work, a colleague kept leaving the tills unbalanced at the end of "
    "his shift. As the supervisor, I had to make sure the cash matched before we closed. I counted the tills "
    "with him for a week, showed him where the mistakes crept in, and added a sign-off sheet. The tills balanced "
    "every night for the rest of the season."
)
ALL_WE = (
    "During a product launch at a software agency in 2021, our team disagreed about whether to delay the release. "
    "We had to decide by Friday. We met with the client, we listed the open bugs, and we agreed a two-day delay. "
    "The release went out with no critical bugs."
)
HYPOTHETICAL = (
    "If a colleague and I disagreed, I would ask to talk privately and I would listen to their side first. "
    "Then I would suggest we find a compromise together."
)
VAGUE_RESULT = (
    "At a bakery I worked at in 2020, the head baker and I argued about the weekly flour order. I was responsible "
    "for the orders. I rewrote the order sheet and talked it through with him. In the end it went well and "
    "everyone was happy."
)
NO_RESULT = (
    "Two winters ago at the leisure centre where I was a lifeguard, the pool heating failed an hour before a "
    "swimming gala. I needed to keep the gala going safely. I phoned the maintenance contractor, measured the "
    "water temperature every fifteen minutes, and moved the youngest swimmers' races to the warmer teaching pool."
)
GENERAL = "I always stay calm in conflicts and I try to see both sides. Communication is key for me."
THIN = "One time a coworker was rude to me. I handled it. Things got better after that."
LESSON = (
    "In my first week at a veterinary practice in 2022, I booked two surgeries into the same theatre slot. I "
    "apologised to both owners, moved one surgery to the afternoon and checked the rota with the head nurse. "
    "Since then I always check the theatre list before I confirm a booking."
)

STAR_CASES = [
    # star_situation: what was going on, with when or where
    ("star_situation", "met", STAR_ALL),
    ("star_situation", "met", NO_RESULT),
    ("star_situation", "partial", THIN),
    ("star_situation", "missing", HYPOTHETICAL),
    ("star_situation", "missing", GENERAL),
    # star_task: the candidate's own responsibility; the team's is partial
    ("star_task", "met", STAR_ALL),
    ("star_task", "met", VAGUE_RESULT),
    ("star_task", "partial", ALL_WE),
    ("star_task", "missing", THIN),
    ("star_task", "missing", HYPOTHETICAL),
    # star_action: own concrete past steps; all "we" or vague is partial; "I would" is no past action
    ("star_action", "met", STAR_ALL),
    ("star_action", "met", NO_RESULT),
    ("star_action", "met", LESSON),
    ("star_action", "partial", ALL_WE),
    ("star_action", "partial", THIN),
    ("star_action", "missing", HYPOTHETICAL),
    ("star_action", "missing", GENERAL),
    # star_result: a measured or concrete outcome or a lesson; "it went well" is partial
    ("star_result", "met", STAR_ALL),
    ("star_result", "met", ALL_WE),
    ("star_result", "met", LESSON),
    ("star_result", "partial", VAGUE_RESULT),
    ("star_result", "partial", THIN),
    ("star_result", "missing", NO_RESULT),
    ("star_result", "missing", HYPOTHETICAL),
]

INTRO_CASES = [
    (
        "present",
        "met",
        "I'm a junior accountant at a housing association, where I run the monthly bank reconciliations.",
    ),
    ("present", "met", "I'm in the second year of a paramedic science degree at Coventry."),
    ("present", "partial", "At the moment I'm between jobs. I used to be a florist."),
    ("present", "missing", "I grew up on a farm and I love animals. My friends say I'm very patient."),
    (
        "past",
        "met",
        "Before this I spent four years at a call centre, where I was promoted to team leader in my second year.",
    ),
    ("past", "partial", "Before this I worked in a couple of restaurants and a hotel."),
    ("past", "missing", "I'm a receptionist at a dental surgery, and I enjoy meeting people."),
    (
        "future_fit",
        "met",
        "I'm a lab assistant. I applied for this role because your team runs the genetic tests I want to specialise in.",
    ),
    ("future_fit", "partial", "I'm a lab assistant. Eventually I'd like to move into research."),
    ("future_fit", "missing", "I'm a lab assistant at a university and I like working with samples."),
]


def _year(ahead: int) -> int:
    return dt.date.today().year + ahead


HORIZON_CASES = [
    ("horizon", "met", "In five years I want to be leading a team of surveyors, and this role is the first step."),
    ("horizon", "met", f"By {_year(6)} I'd like to be a consultant radiographer."),
    ("horizon", "met", "Long term, I want to run the pastry section of a hotel kitchen like yours."),
    ("horizon", "partial", "Next year I want to pass my driving test and within two years I'd like to be a courier."),
    ("horizon", "partial", f"By {_year(1)} I want to be a shift supervisor."),
    ("horizon", "partial", "Eventually I'd like to be a manager."),
    ("horizon", "missing", "I like my job and my colleagues, and I've learned a lot there."),
]

CLOSING_CASES = [
    ("real_question", "met", "Yes. How will you measure success for this role in the first six months?"),
    ("real_question", "met", "I was wondering how the night team hands over to the day team"),
    ("real_question", "partial", "How much annual leave would I get, and is there a pension?"),
    ("real_question", "partial", "So how did I do?"),
    ("real_question", "missing", "No, I think that's everything. Thank you for your time."),
]


def _question(criterion: str):
    if criterion.startswith("star"):
        return get_question("conflict-coworker")
    if criterion in ("present", "past", "future_fit"):
        return get_question("tell-me-about-yourself")
    return get_question("five-years" if criterion == "horizon" else "questions-for-us")


def _check(criterion: str, text: str):
    return check_content(Transcript.from_text(text), _question(criterion), AnswerContext())


@pytest.mark.parametrize(
    "criterion,expected,text",
    STAR_CASES + INTRO_CASES + HORIZON_CASES + CLOSING_CASES,
    ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(STAR_CASES + INTRO_CASES + HORIZON_CASES + CLOSING_CASES)],
)
def test_criterion_on_written_answers(criterion, expected, text):
    result = _check(criterion, text).get(criterion)
    assert result.status == expected, result.reason
    if expected != "missing":
        assert result.evidence, "a verdict other than missing quotes the words behind it"


def test_a_behavioural_answer_without_outcome_gets_star_result_missing_with_a_tip_for_it():
    report = _check("star_result", NO_RESULT)
    result = report.get("star_result")
    assert result.status == "missing"
    assert "result" in result.tip.lower() and result.tip in report.summary.improvements


def test_all_we_and_hypothetical_answers_are_told_why():
    we = _check("star_action", ALL_WE).get("star_action")
    assert "'we'" in we.tip and "We met with the client" in we.tip
    would = _check("star_action", HYPOTHETICAL).get("star_action")
    assert "would" in would.tip


def test_each_kind_applies_its_own_criteria():
    kinds = load_kinds()
    assert kinds.criteria["behavioural"][:4] == ("star_situation", "star_task", "star_action", "star_result")
    assert kinds.criteria["tell-me-about-yourself"][:3] == ("present", "past", "future_fit")
    assert kinds.criteria["five-years"][:3] == ("role_alignment", "horizon", "milestones")
    general = ("confident_language", "specificity", "succinct", "no_boasting", "professional_goal")
    assert kinds.criteria["general"][:5] == general
    assert kinds.criteria["closing"] == ("real_question", "confident_language")


SHAPES = [
    ("conflict-coworker", STAR_ALL, ["situation", "task", "action", "result"], "STAR"),
    (
        "tell-me-about-yourself",
        "I'm a payroll officer at a logistics firm. Before that I worked in retail for three years and was named "
        "employee of the month twice. I applied for this role because your team is moving to a new payroll system.",
        ["present", "past", "future"],
        "Present, past, future",
    ),
    ("five-years", "In five years I want to lead a small team of analysts here.", [], ""),
    ("why-this-role", "I like your products and I want to work with the people who build them.", [], ""),
    ("questions-for-us", "What are the next steps in the process?", [], ""),
]


@pytest.mark.parametrize("qid,text,parts,name", SHAPES, ids=[s[0] for s in SHAPES])
def test_each_kind_shows_its_own_shape_or_none(qid, text, parts, name):
    report = check_content(Transcript.from_text(text), get_question(qid), AnswerContext())
    assert [p.part for p in report.structure] == parts
    assert report.shape_name == name and report.kind == get_question(qid).kind
    shown = "\n".join(render(report, Style(False)))
    if parts:
        assert f"Shape of the answer: {name}" in shown
        assert all(p.found for p in report.structure) and report.in_recommended_order
    else:
        assert "Shape of the answer" not in shown
    for career_part in ("Past evidence", "Next milestone", "Timeline", "Goal  ", "Plan  "):
        assert career_part not in shown
    transcript = Transcript.from_text(text)
    page = render_html(Analysis(get_question(qid), AnswerContext(), transcript, content=report))
    items = re.findall(r'<ul class="shape".*?</ul>', page, re.DOTALL)
    if parts:
        assert f"Recommended shape: {name}" in page and len(items) == 1
        assert [p.label for p in report.structure] == re.findall(r'<li class="found">([^<]+)</li>', items[0])
    else:
        assert not items and "Recommended shape" not in page


CAREER_WORDS = re.compile(r"\b(goals?|plan|past evidence|milestones?|timeline)\b", re.IGNORECASE)


@pytest.mark.parametrize("kind", ["behavioural", "tell-me-about-yourself", "general", "closing"])
def test_no_tip_of_another_kind_mentions_the_career_goals_parts(kind):
    rubric = load_rubric()
    own = rubric.kinds[kind]
    for cid in load_kinds().criteria[kind]:
        for outcome, template in rubric.criteria[cid].tips.items():
            tip = own.tip(cid, outcome, template)
            assert not CAREER_WORDS.search(tip), (kind, cid, outcome, tip)


def test_five_years_tips_name_no_career_goals_part_but_its_own_milestones():
    rubric = load_rubric()
    own = rubric.kinds["five-years"]
    for cid in load_kinds().criteria["five-years"]:
        for outcome, template in rubric.criteria[cid].tips.items():
            tip = own.tip(cid, outcome, template)
            assert not re.search(r"\b(goal|plan|past evidence|timeline)\b", tip, re.IGNORECASE), (cid, outcome, tip)


def test_five_years_answer_that_stops_at_two_years_no_longer_scores_full_marks():
    text = (
        "Next year I want to pass my CIMA strategic exams, and within two years I'd like to be a finance business "
        "partner on your commercial team. I'm taking the case study exam in May, and I bring five years of "
        "management accounts experience at Acme Foods to your month-end close."
    )
    report = check_content(Transcript.from_text(text), get_question("five-years"), AnswerContext())
    assert report.get("horizon").status == "partial"
    assert report.score < 100


STAR_SHAPE = '{ part = "situation", label = "Situation" },'
KIND_DATA_CASES = [
    ("", "", None),  # unchanged: valid
    (STAR_SHAPE, '{ part = "situation", label = "Context" },', None),  # another label
    (STAR_SHAPE, '{ part = "backstory", label = "Situation" },', "no finder implements the part 'backstory'"),
    (STAR_SHAPE, '{ part = "situation" },', "must be a table with exactly the keys"),
    (STAR_SHAPE, '{ part = "task", label = "Task" },', "names a part twice"),
    ('shape_name = "STAR"\n', "", "a 'shape' needs a 'shape_name'"),
    ("[kind.general]\n", '[kind.general]\nshape_name = "Any"\n', "'shape_name' needs a 'shape'"),
    ("[kind.behavioural.tips.specificity]", "[kind.behavioural.tips.timeline]", "does not apply the criterion"),
    ("[kind.behavioural.tips.specificity]\nnone", "[kind.behavioural.tips.specificity]\nnothing", "unknown outcome"),
    ("At {words} words{seconds} the story is a little thin", "At {length} the story is thin", "unknown placeholder"),
    ('label = "Closing"', 'label = "Closing"\ncolour = "red"', "unknown key(s) ['colour']"),
]


@pytest.mark.parametrize("old,new,error", KIND_DATA_CASES, ids=[f"kinds-{i}" for i in range(len(KIND_DATA_CASES))])
def test_kind_shapes_and_tips_are_validated(tmp_path, old, new, error):
    folder = copy_prompts(tmp_path)
    if old:
        edit(folder, "kinds.toml", old, new)
    if error is None:
        rubric = load_rubric(folder)
        assert [p.part for p in rubric.kinds["behavioural"].shape] == ["situation", "task", "action", "result"]
        return
    with pytest.raises(ConfigError) as info:
        load_rubric(folder)
    assert error in str(info.value) and "\n" not in str(info.value)
