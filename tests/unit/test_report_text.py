"""The terminal report as a user reads it: real renderers on real analyses, at real terminal widths.

"No word is split" is checked by rendering the same report very wide: every
token of the narrow rendering must be a token of the wide one (wrapping may
only move words to the next line, never cut them).
"""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from simulator.model.codec import load_analysis
from simulator.report import TOP_CHANGES, render_text, top_changes
from simulator.report.style import Style, to_text
from tests.conftest import ROOT
from tests.session_docs import analysis_from_truth, metrics_analysis

STORED = ROOT / "tests" / "data" / "sessions"
WIDE = 1000


def real(name: str):
    return load_analysis(STORED / f"{name}-0.1.0.json")


def analyses() -> dict:
    short = analysis_from_truth("rushed_answer", until_s=4.7)
    return {
        "good": real("good_answer"),
        "rushed": real("rushed_answer"),
        "text": real("text_answer"),
        "constructed": analysis_from_truth("rushed_answer"),
        "short": short,
    }


def split_words(narrow: str, wide: str) -> list[str]:
    """Tokens of the narrow rendering that the wide one does not have (a word cut by wrapping)."""
    missing = Counter(narrow.split()) - Counter(wide.split())
    return sorted(missing)


@pytest.mark.parametrize("name", sorted(analyses()))
@pytest.mark.parametrize("width", [60, 80, 100])
def test_the_report_fits_the_width_and_never_splits_a_word(name, width):
    analysis = analyses()[name]
    text = render_text(analysis, width=width)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    assert split_words(text, render_text(analysis, width=WIDE)) == []
    assert not any(line.endswith(" ") for line in lines)


@pytest.mark.parametrize("name", sorted(analyses()))
def test_the_first_screen_comes_first_and_brief_is_only_that(name):
    analysis = analyses()[name]
    full = render_text(analysis, width=80).splitlines()
    brief = render_text(analysis, width=80, brief=True).splitlines()
    assert full[: len(brief)] == brief and len(brief) <= 24  # one screen
    assert any(line.startswith("Verdict:") for line in brief)
    changes = top_changes(analysis)
    assert len(changes) <= TOP_CHANGES
    flowing = " ".join(" ".join(brief).split())
    for k, change in enumerate(changes, 1):
        assert f"{k}. {' '.join(change.split())}" in flowing
    if analysis.content is not None:
        assert f"content score {analysis.content.score}/100" in flowing


def test_the_top_changes_take_delivery_and_content_in_turn():
    analysis = real("rushed_answer")
    d, c = analysis.delivery.verdict.reasons, analysis.content.summary.improvements
    assert top_changes(analysis) == [d[0], c[0], d[1]]
    text = " ".join(render_text(analysis, width=WIDE).split())
    assert text.count(d[0]) == 1  # said once, on the first screen
    improve = text.split("Improve:")[1].split("Shape of the answer")[0]
    assert c[0] not in improve and all(tip in improve for tip in c[1:])  # the rest of the content list follows
    for reason in d[2:]:
        assert reason in text  # the rest with the details


def test_a_very_short_answer_is_too_short_to_judge_pace_and_pitch():
    analysis = analyses()["short"]
    assert analysis.delivery.speaking_time_s < analysis.delivery.options.min_judged_speech_s
    text = " ".join(render_text(analysis, width=80).split())
    assert "Verdict: Too short to judge pace and pitch" in text
    assert "too short to judge (0:" in text and "needs 10 s)" in text
    assert "too fast" not in text and "slow and clear" not in text.lower().replace("not yet slow and clear", "")
    long_enough = render_text(analyses()["constructed"], width=80)
    assert "too fast" in long_enough and "too short to judge" not in long_enough


@pytest.mark.parametrize(
    ("name", "label", "judged"), [("short", "too short to judge", False), ("constructed", "target", True)]
)
def test_the_html_pace_card_judges_only_an_answer_long_enough(name, label, judged):
    import re

    from simulator.report.html import render_html

    html = render_html(analyses()[name])
    card = re.search(
        r'<div class="card ?([a-z]*)"><div class="v">\d+</div><div class="l">words per minute([^<]*)<', html
    )
    assert card is not None and label in card.group(2)
    assert (card.group(1) in ("good", "bad")) is judged


def test_plain_text_keeps_the_filler_marks_and_colour_replaces_them():
    analysis = analyses()["constructed"]
    plain, coloured = render_text(analysis), render_text(analysis, color=True)
    assert "*Um*" in plain and "\033[" not in plain
    assert "*Um*" not in coloured and "\033[" in coloured


def test_notes_are_on_the_first_screen():
    analysis = dataclasses.replace(metrics_analysis(wpm=150.0, score=60.0), notes=["The recording was cut off."])
    brief = render_text(analysis, brief=True)
    assert brief.splitlines()[-1] == "Note: The recording was cut off."


def test_the_clarity_line_speaks_of_the_recogniser():
    text = " ".join(
        to_text(
            __import__("simulator.report.delivery_text", fromlist=["render"]).render(
                real("good_answer").delivery, Style(False)
            ),
            width=WIDE,
        ).split()
    )
    assert "the recogniser's mean word confidence 0.87" in text and "mean word probability" not in text
