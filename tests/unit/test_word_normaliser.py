"""The one token normaliser (simulator.model.transcript): how every module compares words,
and the word error rate built on it."""

from __future__ import annotations

import pytest

from simulator.asr.wer import normalize_words, wer
from simulator.model.transcript import bare, bare_words, fold


@pytest.mark.parametrize(
    "word, expect",
    [
        (" Goal,", "goal"),
        ("March.", "march"),
        ("“Quote”", "quote"),
        ("(aside)", "aside"),
        ("Don’t", "don't"),  # curly apostrophes made straight
        ("‘Cause", "'cause"),  # apostrophes at the ends stay: they are part of the word
        ("'s", "'s"),
        ("well-known", "well-known"),  # inside a word nothing is stripped
        ("so...", "so"),
        ("…", ""),  # punctuation alone is nothing
        ("", ""),
        ("-", ""),
    ],
)
def test_bare(word, expect):
    assert bare(word) == expect


@pytest.mark.parametrize(
    "text, expect",
    [
        ("Don’t STOP", "don't stop"),
        ("‘A’", "'a'"),
        ("already folded", "already folded"),
    ],
)
def test_fold(text, expect):
    assert fold(text) == expect


@pytest.mark.parametrize(
    "text, expect",
    [
        ("Ten weeks, I think.", ["ten", "weeks", "i", "think"]),
        ("A follow-up/next step — done!", ["a", "follow", "up", "next", "step", "done"]),
        ("  Um... , so  ", ["um", "so"]),
        ("I’m sure", ["i'm", "sure"]),
        ("", []),
        ("... — !", []),
    ],
)
def test_bare_words(text, expect):
    assert bare_words(text) == expect


@pytest.mark.parametrize(
    "reference, hypothesis, expect",
    [
        ("In ten weeks I'll finish.", "in 10 weeks, I’ll finish", 0.0),  # numbers, case, apostrophes, punctuation
        ("a follow-up call", "a follow up call", 0.0),
        ("one two three four", "one two four", 0.25),  # a deletion
        ("one two three four", "one two three four five", 0.25),  # an insertion
        ("one two", "one three", 0.5),  # a substitution
        ("", "", 0.0),
        ("", "anything", 1.0),
        ("...", "", 0.0),  # punctuation alone has no words
    ],
)
def test_wer_table(reference, hypothesis, expect):
    assert wer(reference, hypothesis) == pytest.approx(expect)


def test_normalize_words_unifies_small_numbers():
    assert normalize_words("Ten weeks, two goals and 3 plans.") == ["10", "weeks", "2", "goals", "and", "3", "plans"]
