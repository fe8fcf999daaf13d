"""Feedback a candidate can trust: tips that agree, counts that match their lists, whole quotes, no praise of a
flagged point or of words that may have been misheard, and the article's order read sensibly.

Answers are checked through the real spaCy model; timed transcripts get word probabilities set by hand.
"""

from __future__ import annotations

import re

import pytest

from simulator.content import check_content
from simulator.content.scoring import summarize
from simulator.model.analysis import AnswerContext
from simulator.model.transcript import Transcript, Word
from simulator.questions import get_question
from tests.conftest import ROOT

GOALS = get_question("career-goals")
DATA = ROOT / "tests" / "data"
SURE, UNSURE = 0.95, 0.2  # word probabilities well above and below the content check's threshold


def check(text: str, context: AnswerContext = AnswerContext()):
    return check_content(Transcript.from_text(text), GOALS, context)


def heard(text: str, unsure: dict[str, float] | None = None):
    """A timed transcript of ``text``; words listed in ``unsure`` get that probability, the rest SURE."""
    unsure = unsure or {}
    words = [
        Word(w, 0.4 * i, 0.4 * i + 0.3, unsure.get(w.strip(".,").lower(), SURE)) for i, w in enumerate(text.split())
    ]
    return Transcript(text=text, words=words)


MARATHON = (
    "My goal is to run the Boston Marathon next April. I've been training six days a week for a year, and I "
    "finished a half marathon in October in under two hours. My next race is a 30k in January. I'm organized, "
    "and I'd bring that discipline to this role."
)


@pytest.fixture(scope="module")
def marathon():
    return check(MARATHON, AnswerContext(role="Project Coordinator"))


def test_a_flagged_hobby_goal_is_neither_praised_nor_coached(marathon):
    assert marathon.get("professional_goal").status == "flagged"
    assert marathon.score <= 55
    hobby = re.compile(r"marathon|30k|race", re.IGNORECASE)
    for c in marathon.criteria:
        if c.id != "professional_goal":
            assert not hobby.search(c.tip), (c.id, c.tip)  # no "Tie 'run the Boston Marathon' to this role"
    assert not any(hobby.search(item) for item in marathon.summary.well_done), marathon.summary.well_done
    assert not any(item.startswith("Nothing to avoid") for item in marathon.summary.well_done)
    assert marathon.summary.improvements[0] == marathon.get("professional_goal").tip


def test_tips_point_at_a_goal_tied_to_the_job_once_the_goal_is_flagged(marathon):
    tips = {c.id: c.tip for c in marathon.criteria}
    assert "goal tied to the job" in tips["professional_goal"]
    assert "goal tied to this job" in tips["milestones"] and "goal tied to this job" in tips["single_focus"]
    assert "Project Coordinator" in tips["role_alignment"]


def test_a_pastime_as_the_only_goal_earns_no_career_plan(marathon):
    """Its training and race dates are no milestone, timeline or career focus, and the tips ask for a career goal."""
    for cid in ("single_focus", "milestones", "timeline"):
        assert marathon.get(cid).status == "missing", cid
        assert "goal tied to this job" in marathon.get(cid).tip, cid


def test_a_career_goal_said_in_the_same_sentence_as_a_race_still_counts():
    report = check("I want to get promoted to shift lead, learn Excel properly, and also run a marathon in May.")
    assert report.get("professional_goal").status == "flagged"
    assert report.get("single_focus").reason != "the only goal stated is a pastime"
    assert report.get("single_focus").status != "missing"


def test_a_professional_goal_with_a_hobby_on_the_side_keeps_its_own_tips():
    report = check(
        "My goal is to become a certified payroll professional because accurate pay keeps people's trust. "
        "I'm also training for a marathon in April. I will sit the CPP exam in October."
    )
    assert report.get("professional_goal").status == "flagged"
    assert report.get("milestones").status == "met" and report.get("timeline").status == "met"
    assert "payroll" in report.get("role_alignment").tip


def test_the_one_hedge_of_a_confident_answer_is_not_quoted_as_praise():
    text = (
        "My goal is to become a head grower at a commercial greenhouse. I got my Qualified Applicator license last "
        "fall, and in February I'm starting the greenhouse management certificate through Michigan State. I'm "
        "hoping to finish it by next December."
    )
    report = check_content(Transcript.from_text(text), GOALS, AnswerContext(role="Assistant Grower"))
    confident = report.get("confident_language")
    assert confident.status == "met" and any("hoping" in e.text for e in confident.evidence)  # the row shows it
    assert not any("hoping" in item for item in report.summary.well_done), report.summary.well_done
    alone = summarize([confident, report.get("milestones")], report.weighting).well_done  # both would be praised
    assert alone == [
        "Upcoming milestones: “in February I'm starting the greenhouse management certificate through Michigan State”",
        "Confident language",
    ], alone


def test_money_as_the_goal_is_not_praised():
    report = check(
        "My main goal is to make as much money as possible in the next five years. I passed my state insurance "
        "license exam last month, and I'm adding the Series 6 next spring so I can sell more products."
    )
    if report.get("motivation_not_money").status == "flagged":
        assert not any("money" in item for item in report.summary.well_done)
        assert report.score <= 55


COUNTED = re.compile(r"\b(\d+) [a-z][a-z ]*? \((“[^)]*?)\)")


def _reports_of(*names: str):
    import tomllib

    for name in names:
        for ans in tomllib.loads((DATA / name).read_text())["answer"]:
            ctx = AnswerContext(role=ans.get("role"), company=ans.get("company"), posting=ans.get("posting"))
            q = get_question(ans.get("question", "career-goals"))
            yield ans["id"], check_content(Transcript.from_text(ans["text"]), q, ctx)


@pytest.fixture(scope="module")
def many_reports():
    return list(_reports_of("content_labelled.toml", "score_bands.toml"))


def test_every_count_equals_the_length_of_its_list(many_reports):
    """'7 hedges (…)' lists seven, 'You named 4 goals (…)' lists four."""
    checked = 0
    for aid, report in many_reports:
        for text in [c.tip for c in report.criteria] + report.summary.improvements:
            for m in COUNTED.finditer(text):
                assert int(m.group(1)) == m.group(2).count("“"), (aid, text)
                checked += 1
    assert checked >= 10


OPENERS = frozenset(
    "and but so or because which who whom whose that what how why when while where if since although though as "
    "to then once until after before unless whether i we my our it this".split()
)


def _begins_clause(words: list[str], i: int) -> bool:
    return i == 0 or words[i - 1][-1] in ",.;:!?—" or words[i - 1].lower() in OPENERS or words[i].lower() in OPENERS


def _ends_clause(words: list[str], j: int) -> bool:
    return j == len(words) - 1 or words[j][-1] in ",.;:!?—" or words[j + 1].lower().strip(",.") in OPENERS


def test_evidence_quotes_are_whole_phrases_cut_at_clause_boundaries(many_reports):
    """Every quote starts and ends where a clause does: after punctuation, at a conjunction, subordinator or
    subject, or at the edge of the answer; never inside a phrase like "a week" of "two practice exams a week"."""
    import tomllib

    texts = {}
    for name in ("content_labelled.toml", "score_bands.toml"):
        texts |= {a["id"]: a["text"].split() for a in tomllib.loads((DATA / name).read_text())["answer"]}
    bad = []
    for aid, report in many_reports:
        words = texts[aid]
        bare = [w.strip(",.;:!?") for w in words]
        for c in report.criteria:
            for ev in c.evidence:
                quoted = [w.strip(",.;:!?") for w in ev.text.split()]
                starts = [i for i in range(len(words)) if bare[i : i + len(quoted)] == quoted]
                ok = any(_begins_clause(words, i) and _ends_clause(words, i + len(quoted) - 1) for i in starts)
                if not ok:
                    bad.append((aid, c.id, ev.text))
    assert len(bad) <= 0.03 * sum(len(c.evidence) for _, r in many_reports for c in r.criteria), bad


@pytest.mark.parametrize(
    "text, rhythm",
    [
        ("My goal is to pass the CPA exam. I'm taking two practice exams a week.", "two practice exams a week"),
        ("My goal is to pass the CPA exam. I study six days a week.", "six days a week"),  # "six days" | "a week"
    ],
)
def test_a_weekly_rhythm_is_quoted_whole_and_is_no_deadline(text, rhythm):
    report = check(text)
    quotes = [e.text for c in report.criteria for e in c.evidence]
    assert "a week" not in quotes
    assert any(rhythm in q for q in quotes)
    assert report.get("timeline").status == "missing"


ROLE_ANSWER = (
    "My goal is to become a licensed electrician within two years because safe wiring protects families. "
    "I finished my apprenticeship in 2023. I will take the journeyman exam in March, and I would bring my "
    "commercial wiring experience to your team."
)


def test_a_quote_with_unsure_words_is_shown_as_heard_and_not_praised():
    sure = check_content(heard(ROLE_ANSWER), GOALS, AnswerContext())
    unsure = check_content(heard(ROLE_ANSWER, {"commercial": UNSURE}), GOALS, AnswerContext())
    assert any(e.text.startswith("I would bring") and not e.unsure for e in sure.get("contribution").evidence)
    ev = next(e for e in unsure.get("contribution").evidence if e.text.startswith("I would bring"))
    assert ev.unsure == ["commercial"]
    assert "may have been misheard" in unsure.get("contribution").tip
    assert not any("commercial" in item for item in unsure.summary.well_done)


@pytest.mark.parametrize(
    "text, word_a, word_b",
    [
        ("My goal is to become a shift supervisor. Honestly I'm the {} worker on the whole floor.", "best", "next"),
        ("My goal is to get a higher {} within two years.", "salary", "celery"),
        ("My goal is to lead a dispatch center. My coworkers there are {} and I cover for them.", "lazy", "lucky"),
        ("My goal is to run a {} next spring.", "marathon", "meeting"),
        ("My goal is to become a CPA, and this {} is the right next step toward it.", "role", "rule"),
        ("My goal is to become a nurse {} patients deserve better care.", "because", "become"),
        ("My goal is to become an editor, and I will bring my {} to your team.", "experience", "expedience"),
    ],
)
def test_one_unsure_word_does_not_flip_a_verdict(text, word_a, word_b):
    """The same recording heard two ways: "best worker" once, "next worker" the next time, each with low
    confidence, gets the same verdict on every criterion; heard with confidence, the word does count."""

    def statuses(word: str, p: float) -> dict[str, str]:
        report = check_content(heard(text.format(word), {word: p}), GOALS, AnswerContext())
        return {c.id: c.status for c in report.criteria}

    assert statuses(word_a, UNSURE) == statuses(word_b, UNSURE)
    assert statuses(word_a, SURE) != statuses(word_b, SURE)


def test_the_articles_own_example_is_in_the_articles_order():
    import tomllib

    cpa = next(a for a in tomllib.loads((DATA / "score_bands.toml").read_text())["answer"] if a["id"] == "article_cpa")
    report = check(cpa["text"], AnswerContext(role=cpa["role"]))
    found = [p.part for p in sorted((p for p in report.structure if p.found), key=lambda p: p.order)]
    assert found[0] == "goal" and "past_evidence" in found
    assert report.in_recommended_order


@pytest.mark.parametrize(
    "text, in_order",
    [
        (
            "My goal is to become a pharmacist. I will take the NAPLEX in June. I finished my PharmD last May.",
            True,
        ),
        (
            "Last year I finished my PharmD at Purdue. My goal now is to become a clinical pharmacist, and I will "
            "take the NAPLEX in June.",
            False,
        ),
        (  # the goal's own horizon opens its sentence: the goal still opens the answer
            "My goal for the next two years is to become a certified data analyst, who helps product teams decide "
            "from real numbers. Last spring I finished the Stanford SQL course. I will take the final exam in March.",
            True,
        ),
    ],
)
def test_an_answer_that_opens_with_its_goal_follows_the_article(text, in_order):
    assert check(text).in_recommended_order is in_order


@pytest.mark.parametrize(
    "text, note",
    [
        (
            "My goal is to become a pharmacist because patients need clear advice. I will take the NAPLEX in June. "
            "I finished my PharmD last May.",
            "it opens with the goal, as recommended",
        ),
        (
            "Last year I finished my PharmD at Purdue. My goal now is to become a clinical pharmacist, and I will "
            "take the NAPLEX in June.",
            "a different order from the recommended one: open with the goal",
        ),
    ],
)
def test_the_order_note_calls_an_order_recommended_only_when_it_is(text, note):
    from simulator.report.content_text import render
    from simulator.report.style import Style, to_text

    shown = " ".join(to_text(render(check(text), Style(False)), width=200).split())
    assert f"({note})." in shown


@pytest.mark.parametrize(
    "text, asked, not_asked",
    [
        (  # has the goal, past evidence and a dated step: the tip asks only for what is left
            "My goal is to become a certified data analyst who helps product teams decide from real numbers. Last "
            "spring I finished the Stanford SQL course in eight weeks, top of my cohort of forty. I will take the "
            "final exam in March, and I have booked the study room every Tuesday until then. I enjoy the work, and "
            "the people on my current team say my weekly reports are the ones they actually read.",
            [],
            ["goal", "past evidence", "next milestone", "next step"],
        ),
        (  # a goal and nothing else: the tip names what is missing
            "My goal is to become a certified data analyst who helps product teams make decisions from real "
            "numbers, because teams that guess waste months, and I care a lot about that kind of work. Data is "
            "what I think about on the bus and at lunch, and I read about it most evenings. I think it is the most "
            "interesting field there is today, and I want to spend my working life in it.",
            ["the past evidence", "the next milestone"],
            ["the goal"],
        ),
    ],
)
def test_a_short_answer_is_asked_only_for_the_parts_it_lacks(text, asked, not_asked):
    succinct = next(c for c in check(text).criteria if c.id == "succinct")
    assert "a little thin" in succinct.tip
    assert all(part in succinct.tip for part in asked)
    assert not any(part in succinct.tip for part in not_asked)


@pytest.mark.parametrize(
    "text, timeline",
    [
        (  # the goal's own horizon, not a time said about something else later
            "My goal for the next two years is to become a certified data analyst. Last spring I finished the "
            "Stanford SQL course. I will take the final exam in March. I can bring my reporting to your dashboards "
            "from the first week.",
            "My goal for the next two years",
        ),
        (  # no horizon in the goal's sentence: the last time ahead
            "My goal is to become a certified data analyst. I will take the final exam in March, and I want to lead "
            "the reporting team by the end of next year.",
            "by the end of next year",
        ),
    ],
)
def test_the_timeline_part_quotes_the_goals_own_horizon(text, timeline):
    part = next(p for p in check(text).structure if p.part == "timeline")
    assert part.found and timeline in part.evidence.text


def test_parts_quoting_the_same_words_share_their_place():
    report = check(
        "My goal is to become a certified data analyst. Last spring I learned SQL and finished the course. I will "
        "take the final exam in March, and I can bring my reporting experience to your dashboards by next summer."
    )
    by_quote: dict[str, set[int]] = {}
    for part in report.structure:
        if part.found:
            by_quote.setdefault(part.evidence.text, set()).add(part.order)
    assert all(len(orders) == 1 for orders in by_quote.values())
    assert sorted({min(o) for o in by_quote.values()}) == list(range(1, len(by_quote) + 1))


def test_the_terminal_report_says_which_words_may_be_misheard():
    from simulator.report.content_text import render
    from simulator.report.style import Style, to_text

    report = check_content(heard(ROLE_ANSWER, {"commercial": UNSURE}), GOALS, AnswerContext())
    text = to_text(render(report, Style(False)), width=200)
    assert "“commercial” may have been misheard" in " ".join(text.split())


@pytest.mark.parametrize(
    "spans, in_order",
    [
        ({"zz_opening": (0, 3), "aa_later": (0, 3)}, True),  # the first part shares the opening sentence
        ({"zz_opening": (5, 8), "aa_later": (0, 3)}, False),
        ({"zz_opening": None, "aa_later": (0, 3)}, False),
    ],
)
def test_the_order_is_kept_when_the_first_part_opens_the_answer(spans, in_order, monkeypatch):
    """The shape's own order decides, not the part ids' alphabet."""
    from types import SimpleNamespace

    from simulator.content import rules, shape
    from simulator.content.kinds import ShapePart
    from simulator.content.types import Evidence

    for name, span in spans.items():
        monkeypatch.setitem(rules.PARTS, name, lambda ctx, span=span: span)
    parsed = SimpleNamespace(evidence=lambda a, b: Evidence(f"words {a}-{b}"), whole=lambda a, b: (a, b))
    ctx = SimpleNamespace(parsed=parsed)
    parts, kept = shape.structure(ctx, [ShapePart("zz_opening", "Opening"), ShapePart("aa_later", "Later")])
    assert kept is in_order
