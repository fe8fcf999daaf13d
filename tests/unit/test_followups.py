"""Follow-up questions: the data covers every criterion, the choice is per gap and deterministic, the merge counts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from simulator.content.types import ContentReport, CriterionResult, Evidence, StructurePart, Summary, Weighting
from simulator.errors import ConfigError
from simulator.model.analysis import Analysis, AnswerContext
from simulator.model.transcript import Transcript, Word
from simulator.pipeline import followups
from simulator.pipeline.followups import (
    VIA_FOLLOW_UP,
    choose_follow_up,
    goal_phrase,
    joined_transcript,
    load_followups,
    merge_content,
    parse_followups,
    second_person,
)
from simulator.questions import get_question, load_kinds

RULES = load_followups()
STATUS_VALUES = {"met": 1.0, "partial": 0.5, "missing": 0.0, "clear": 1.0, "flagged": 0.0}


def test_every_criterion_of_every_kind_has_a_template_and_a_priority():
    kinds = load_kinds()
    for kind, criteria in kinds.criteria.items():
        assert kind in RULES.priority, f"followups.toml [priority] has no list for kind {kind!r}"
        order = RULES.priority[kind]
        if not order:  # a kind without follow-ups (the closing question)
            continue
        assert set(criteria) <= set(order), f"{kind}: add {sorted(set(criteria) - set(order))} to its priority"
        for cid in criteria:
            assert cid in RULES.templates, f"followups.toml needs [criterion.{cid}]"


def test_the_closing_question_gets_no_follow_up():
    assert RULES.priority["closing"] == ()


def test_upcoming_criteria_have_templates():
    for cid in (
        "star_situation",
        "star_task",
        "star_action",
        "star_result",
        "present",
        "past",
        "future_fit",
        "horizon",
    ):
        assert cid in RULES.templates
    assert RULES.templates["star_result"]["missing"] == (
        "What was the outcome? Did anything change because of what you did, in numbers?",
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("to become a CPA", "becoming a CPA"),
        ("to get certified as a project manager", "getting certified as a project manager"),
        ("to lead a data team", "leading a data team"),
        ("to run my own clinic", "running your own clinic"),
        ("to be a nurse", "being a nurse"),
        ("to open a bakery", "opening a bakery"),
        ("to see my name on a paper", "seeing your name on a paper"),
        ("to tie up loose ends", "tying up loose ends"),
        ("myself running my own clinic", "running your own clinic"),
        ("a management role in finance", "a management role in finance"),
        ("“to move into sales.”", "moving into sales"),
    ],
)
def test_goal_phrase(text, expected):
    assert goal_phrase(text, RULES) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I am studying for the audit section", "you are studying for the audit section"),
        ("I'm the best analyst", "you're the best analyst"),
        ("my manager told me", "your manager told you"),
        ("I was late, I think.", "you were late, you think"),
        ("we shipped it", "we shipped it"),
    ],
)
def test_second_person(text, expected):
    assert second_person(text, RULES) == expected


def _crit(cid: str, status: str, quote: str = "", kind: str = "do") -> CriterionResult:
    return CriterionResult(cid, kind, status, [Evidence(quote, 1.0, 2.0)] if quote else [], label=cid)


def _content(criteria, *, goal: str = "", plan: str = "", words: int = 150) -> ContentReport:
    parts = [
        StructurePart("goal", "Goal", bool(goal), 1 if goal else None, Evidence(goal) if goal else None),
        StructurePart("plan", "Plan", bool(plan), 2 if plan else None, Evidence(plan) if plan else None),
    ]
    weights = Weighting({c.id: 1.0 for c in criteria}, STATUS_VALUES)
    return ContentReport(50, weights, list(criteria), Summary(), parts, word_count=words)


def _analysis(question_id: str, criteria, *, role: str | None = None, **kw) -> Analysis:
    return Analysis(
        question=get_question(question_id),
        context=AnswerContext(role=role),
        transcript=Transcript("text", [Word("text", 0.0, 0.5)]),
        content=_content(criteria, **kw),
    )


CAREER_OK = [
    _crit(c, "met")
    for c in ("single_focus", "goal_why", "role_alignment", "contribution", "milestones", "past_accomplishment")
] + [_crit("timeline", "met"), _crit("succinct", "met"), _crit("no_boasting", "clear", kind="avoid")]


def _with(base, **statuses):
    out = []
    for c in base:
        if c.id in statuses:
            status, quote = statuses[c.id] if isinstance(statuses[c.id], tuple) else (statuses[c.id], "")
            c = replace(c, status=status, evidence=[Evidence(quote, 1.0, 2.0)] if quote else [])
        out.append(c)
    return out


@pytest.mark.parametrize(
    "question, statuses, kw, aims_at, text",
    [
        (
            "career-goals",
            {"timeline": "missing"},
            {"goal": "to become a CPA"},
            "timeline",
            "You mentioned becoming a CPA: by when do you expect to get there?",
        ),
        (
            "career-goals",
            {"timeline": "missing"},
            {"plan": "I am studying for the audit section"},
            "timeline",
            "You said you are studying for the audit section: by when do you expect to finish?",
        ),
        ("career-goals", {"timeline": "missing"}, {}, "timeline", "By when do you expect to reach that goal?"),
        (
            "career-goals",
            {"timeline": "missing", "role_alignment": "missing"},
            {"goal": "to lead a data team", "role": "Data analyst"},
            "role_alignment",
            "You mentioned leading a data team. How does the data analyst role help you get there?",
        ),
        ("career-goals", {"timeline": "partial"}, {}, None, None),  # partial is not a gap worth a follow-up
        ("career-goals", {}, {}, None, None),
        (
            "career-goals",
            {"no_boasting": ("flagged", "I'm the best analyst here")},
            {},
            "no_boasting",
            "You said “I'm the best analyst here”. What is one result that shows it?",
        ),
        (
            "career-goals",
            {"succinct": "missing"},
            {"words": 20},
            "succinct",
            "Could you say a bit more about that? Walk me through one example.",
        ),
        (
            "career-goals",
            {"succinct": "missing"},
            {"words": 600},
            "succinct",
            "If you had to pick one point for me to remember from that, what would it be?",
        ),
        ("questions-for-us", {"timeline": "missing"}, {}, None, None),  # closing: never
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 30 else None,
)
def test_choice_per_criterion(question, statuses, kw, aims_at, text):
    role = kw.pop("role", None)
    analysis = _analysis(question, _with(CAREER_OK, **statuses), role=role, **kw)
    chosen = choose_follow_up(analysis, rules=RULES)
    if aims_at is None:
        assert chosen is None
        return
    assert (chosen.aims_at, chosen.text) == (aims_at, text)
    assert chosen == choose_follow_up(analysis, rules=RULES)  # deterministic


def test_star_result_follow_up_once_the_kind_has_that_criterion():
    analysis = _analysis(
        "conflict-coworker", [_crit("star_action", "met", "I set up a meeting"), _crit("star_result", "missing")]
    )
    chosen = choose_follow_up(analysis, rules=RULES)
    assert chosen.aims_at == "star_result"
    assert chosen.text == "What was the outcome? Did anything change because of what you did, in numbers?"


def test_no_content_no_follow_up():
    analysis = _analysis("career-goals", CAREER_OK)
    analysis.content = None
    assert choose_follow_up(analysis) is None


def _bad(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    parse_followups(followups.load_toml(path), path)


@pytest.mark.parametrize(
    "text, message",
    [
        ('[priority]\ngeneral = ["x"]\n[criterion.x]\nmissing = ["Why?"]\n', None),
        ('[priority]\ngeneral = ["y"]\n[criterion.x]\nmissing = ["Why?"]\n', "without a [criterion.ID] template"),
        ('[priority]\ngeneral = []\n[criterion.x]\nmet = ["Why?"]\n', "must start with one of"),
        ('[priority]\ngeneral = []\n[criterion.x]\nmissing = ["Why {nope}?"]\n', "unknown slot"),
        ('[priority]\ngeneral = []\n[criterion.x]\nmissing = "Why?"\n', "list of non-empty strings"),
        ('[criterion.x]\nmissing = ["Why?"]\n', "must define [priority]"),
        ("[priority]\n", "must define [criterion.ID]"),
        ("[priority\n", "not valid TOML"),
    ],
)
def test_config_validation(tmp_path, text, message):
    if message is None:
        _bad(tmp_path / "f.toml", text)
        return
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        _bad(tmp_path / "f.toml", text)


def test_joined_transcript_shifts_the_follow_up():
    main = Transcript(
        "My goal is X", [Word("My", 0.2, 0.4), Word("goal", 0.5, 0.8), Word("is", 0.9, 1.0), Word("X", 1.1, 1.5)]
    )
    follow = Transcript("By June.", [Word("By", 0.3, 0.5), Word("June.", 0.6, 1.0)])
    joined, offset = joined_transcript(main, follow)
    assert offset == pytest.approx(1.5 + followups.JOIN_GAP_S)
    assert joined.text == "My goal is X. By June."
    assert [w.start for w in joined.words[-2:]] == pytest.approx([0.3 + offset, 0.6 + offset])
    untimed, none = joined_transcript(Transcript.from_text("My goal is X"), Transcript.from_text("By June."))
    assert none is None and untimed.text == "My goal is X. By June." and not untimed.timed


def test_merge_marks_what_the_follow_up_supplied_and_rescores():
    main = _content(
        [_crit("timeline", "missing"), _crit("goal_why", "met", "because"), _crit("no_boasting", "clear", kind="avoid")]
    )
    main = replace(main, score=67)
    offset = 20.0
    joined = _content(
        [
            CriterionResult(
                "timeline", "do", "met", [Evidence("by June", offset + 0.3, offset + 0.9)], label="Timeline"
            ),
            _crit("goal_why", "partial"),  # worse in the joined text: the answer's own status stands
            _crit("no_boasting", "flagged", "I'm the best", kind="avoid"),  # worse: not taken
        ]
    )
    merged = merge_content(main, joined, offset=offset, follow_text="by June")
    timeline = merged.get("timeline")
    assert (timeline.status, timeline.via) == ("met", VIA_FOLLOW_UP)
    assert timeline.evidence == [Evidence("by June", 0.3, 0.9)]  # times in the follow-up recording
    assert merged.get("goal_why") == main.get("goal_why") and merged.get("no_boasting").status == "clear"
    assert merged.score == 100 and main.score == 67
    assert all("timeline" not in s.lower() for s in merged.summary.improvements)
