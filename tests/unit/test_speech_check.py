"""The English check on transcripts with a known answer: each sign of speech the model could not
follow (low confidence, a loop, its prompt echoed, another language heard) beside English answers
that show one of them only a little."""

from __future__ import annotations

import pytest

from simulator.asr.speech_check import (
    MAX_PROMPT_ECHO,
    NOT_ENGLISH_LOGPROB,
    OTHER_LANGUAGE_PROB,
    not_english_reason,
    prompt_echo_share,
)
from simulator.model.transcript import Transcript, Word

ANSWER = (
    "My goal for the next two years is to become a certified data analyst who helps product teams make "
    "better decisions. Last spring I finished an online database course in ten weeks while working full-time."
)


def transcript(text: str, **kw) -> Transcript:
    words = [Word(w, i * 0.4, i * 0.4 + 0.3) for i, w in enumerate(text.split())]
    return Transcript(text=text, words=words, **{"avg_logprob": -0.3, **kw})


# (label, transcript, the reason's first words, or None for English)
CASES = [
    ("an English answer", transcript(ANSWER), None),
    ("English heard as English by base", transcript(ANSWER, language="en", language_probability=0.62), None),
    ("another language, unsure", transcript(ANSWER, language="la", language_probability=0.75), None),
    (
        "another language, sure",
        transcript(ANSWER, language="es", language_probability=OTHER_LANGUAGE_PROB),
        "the speech model heard language 'es'",
    ),
    ("low confidence", transcript(ANSWER, avg_logprob=NOT_ENGLISH_LOGPROB - 0.01), "the speech model's confidence"),
    (
        "a loop",
        transcript("I'm, I'm, I'm, I'm, I'm, I'm, I'm, I'm thinking"),
        "the speech model could not follow it and looped",
    ),
    (
        "the prompt echoed",
        transcript("Okay, here's what I'm, like, hmm... Okay, here's what I'm, like, hmm..."),
        "the speech model could not follow it and echoed its prompt",
    ),
    ("the prompt's words once in an answer", transcript("Okay, here's what I'm thinking. " + ANSWER), None),
    ("too short to judge an echo", transcript("Okay, here's what I'm"), None),
    ("a text answer", Transcript.from_text(ANSWER), None),
]


@pytest.mark.parametrize("label, t, reason", CASES, ids=[c[0] for c in CASES])
def test_not_english_reason(label, t, reason):
    got = not_english_reason(t)
    assert (got is None) == (reason is None), got
    if reason:
        assert got.startswith(reason), got


@pytest.mark.parametrize(
    "text, share",
    [
        # "like, hmm... Okay" is in the prompt too; "I'm, like, hmm" is not
        ("Okay, here's what I'm, like, hmm... Okay, here's what I'm, like, hmm...", 11 / 12),
        ("Um, let me think like, hmm... Okay, here's what I'm, like, thinking.", 1.0),  # "Umm" spelled "Um"
        ("Okay, here's what I'm thinking. " + ANSWER, 4 / 40),
        (ANSWER, 0.0),
    ],
)
def test_prompt_echo_share(text, share):
    got = prompt_echo_share(transcript(text))
    assert got == pytest.approx(share)
    assert (got > MAX_PROMPT_ECHO) == (share > 0.5)
