"""Hedges located in the transcript: every hedge the content check finds, with its word index.

Each row is a timed answer (word i spoken from 0.5*i s to 0.5*i + 0.4 s) and
the hedges a careful listener marks in it, as (phrase, first word index,
number of words). Answers without hedges sit in the same table.
"""

from __future__ import annotations

import json
import re

import pytest

from simulator.content import check_content
from simulator.model.analysis import AnswerContext
from simulator.model.codec import dumps
from simulator.model.transcript import Transcript, Word
from simulator.questions import get_question

STEP_S, LENGTH_S = 0.5, 0.4

CASES = [
    (
        # "Um" is left out of the parse; indexes still count it.
        "Um, I guess I'll maybe take the exam in May, if I pass the course.",
        [("i guess", 1, 2), ("maybe", 4, 1), ("if i pass", 10, 3)],
    ),
    (
        # "I'm" is one transcript word but two tokens.
        "I'm hoping to lead the audit team, kind of like my mentor did.",
        [("i'm hoping", 0, 2), ("kind of", 7, 2)],
    ),
    (
        "Uh, honestly I think I would probably try to, like, finish the CPA by 2026, I don't know.",
        [("i think", 2, 2), ("probably", 6, 1), ("try to", 7, 2), ("like", 9, 1), ("i don't know", 15, 3)],
    ),
    ("I have no doubt I'll earn the license, and I doubt it will take more than a year.", [("doubt", 10, 1)]),
    # "think critically" frames no clause; "that kind of model" is a noun.
    ("I think critically about data and I build that kind of model every day.", []),
    # a thought recounted in the past is no doubt now; the same thought said today is
    ("A year ago I thought, okay, I want to do this for real, so I enrolled.", []),
    ("I think, okay, I want to do this for real, so I enrolled.", [("i think", 0, 2)]),
]


def timed(text: str) -> Transcript:
    words = [Word(w, STEP_S * i, STEP_S * i + LENGTH_S) for i, w in enumerate(text.split())]
    return Transcript(text=text, words=words)


def check(transcript: Transcript):
    return check_content(transcript, get_question("career-goals"), AnswerContext())


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_hedges_point_at_the_hedge_words(text, expected):
    transcript = timed(text)
    report = check(transcript)
    assert [(h.phrase, h.word_index, h.n_words) for h in report.hedges] == expected
    for h in report.hedges:
        first, last = transcript.words[h.word_index], transcript.words[h.word_index + h.n_words - 1]
        assert (h.start, h.end) == (first.start, last.end)


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_confident_language_counts_and_quotes_the_listed_hedges(text, expected):
    report = check(timed(text))
    verdict = report.get("confident_language")
    assert int(re.match(r"(\d+) hedge", verdict.reason).group(1)) == len(report.hedges)
    words = text.split()
    for h in report.hedges:  # every hedge is quoted in the phrase that holds it
        said = " ".join(words[h.word_index : h.word_index + h.n_words]).rstrip(".,")
        assert any(said in ev.text for ev in verdict.evidence), (said, verdict.evidence)
    if report.hedges and verdict.status != "met":  # "5 hedges (…)" lists five
        listed = re.findall(r"“[^”]+”", verdict.tip)
        assert len(listed) == len(report.hedges), verdict.tip


def test_hedges_of_text_input_have_indexes_but_no_times():
    report = check(Transcript.from_text(CASES[0][0]))
    assert [(h.word_index, h.start, h.end) for h in report.hedges] == [
        (1, None, None),
        (4, None, None),
        (10, None, None),
    ]


def test_hedges_are_written_to_json_like_fillers():
    doc = json.loads(dumps(check(timed(CASES[1][0]))))
    assert doc["hedges"] == [
        {"phrase": "i'm hoping", "word_index": 0, "n_words": 2, "start": 0.0, "end": 0.9},
        {"phrase": "kind of", "word_index": 7, "n_words": 2, "start": 3.5, "end": 4.4},
    ]
