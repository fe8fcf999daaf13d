"""Every count the reports show equals the length of what they list beside it (listed + "and N more")."""

from __future__ import annotations

import dataclasses
import re

import pytest

from simulator.delivery.results import Clarity, Filler, Skipped, UnsureWord
from simulator.delivery.verdict import _NUMBERS, _filler_reason, join_listed
from simulator.report.delivery_text import render
from simulator.report.html import _voice_notes
from simulator.report.style import Style, to_text
from tests.unit.test_delivery_rules import report  # noqa: F401  (the fixture)


def _more(text: str) -> int:
    found = re.search(r" and (\d+) more", text)
    return int(found.group(1)) if found else 0


@pytest.mark.parametrize(
    "words",
    [
        ["um"] * 5,  # one kind
        ["um", "um", "uh", "like", "like"],  # three kinds: all listed
        ["um", "uh", "like", "you know", "basically"],  # five kinds of one each: three listed, "and 2 more"
        ["um"] * 3 + ["uh"] * 2 + ["like", "I mean", "basically", "er"],  # the tail of four kinds is cut
        ["um"],  # a single filler
    ],
)
def test_the_filler_reason_lists_as_many_fillers_as_it_counts(words):
    fillers = [Filler(w, float(i)) for i, w in enumerate(words)]
    reason = _filler_reason(fillers, 6.0)
    head = reason.split()[0].lower()
    said = _NUMBERS.index(head) if head in _NUMBERS else int(head)
    listed = sum(int(n) for n in re.findall(r'" x(\d+)', reason))
    assert said == len(words)
    assert listed + _more(reason) == said, reason


@pytest.mark.parametrize(
    "items, limit, expect",
    [
        (["a"], 3, "a"),
        (["a", "b"], 3, "a and b"),
        (["a", "b", "c"], 3, "a, b and c"),
        (["a", "b", "c", "d", "e"], 3, "a, b, c and 2 more"),
    ],
)
def test_join_listed_says_how_many_it_leaves_out(items, limit, expect):
    assert join_listed(items, limit=limit) == expect


@pytest.mark.parametrize("n_unsure", [1, 6, 9])
def test_unsure_words_in_both_reports_add_up_to_their_count(report, n_unsure):  # noqa: F811
    delivery, _ = report
    unsure = [UnsureWord(f"word{i}", float(i), 0.2) for i in range(n_unsure)]
    d = dataclasses.replace(delivery, clarity=Clarity(0.6, unsure_words=unsure, clear=False))
    line = next(x for x in to_text(render(d, Style(False)), width=400).splitlines() if "unsure of" in x)
    said = int(re.search(r"unsure of (\d+) words", line).group(1))
    assert said == n_unsure and line.count('"word') + _more(line) == said, line
    note = next(x for x in _voice_notes(d) if "unsure" in x)
    said = int(note.split()[0])
    assert said == n_unsure and note.count("word") - 1 + _more(note) == said, note


@pytest.mark.parametrize("n_skipped", [1, 4, 6])
def test_every_stretch_without_words_is_listed_or_counted(report, n_skipped):  # noqa: F811
    delivery, _ = report
    skipped = [Skipped(10.0 * i, 10.0 * i + 3, 5) for i in range(n_skipped)]
    d = dataclasses.replace(delivery, skipped_speech=skipped)
    note = next(x for x in to_text(render(d, Style(False)), width=400).splitlines() if "misses speech" in x)
    assert len(re.findall(r"\d:\d\d-\d:\d\d", note)) + _more(note) == n_skipped, note
