"""The one list of hesitation sounds (prompts/lexicons.toml [hesitations]) and everyone who reads it."""

from __future__ import annotations

import re

import pytest

from simulator.errors import ConfigError
from simulator.hesitations import hesitation, parse_hesitations, sounds
from simulator.model.transcript import Transcript, Word

# token -> the spelling reports use, or None for a real word
TOKENS = [
    ("um", "um"),
    ("Umm,", "um"),
    ("UMMMM...", "um"),
    ("uhm", "um"),
    ("Uh", "uh"),
    ("uhhh.", "uh"),
    ("er", "er"),
    ("erm,", "er"),
    ("Errr", "er"),
    ("ah", "ah"),
    ("Ahh!", "ah"),
    ("hmm", "hmm"),
    ("Hm.", "hmm"),
    ("hmmmmm", "hmm"),
    ("mm", "hmm"),
    ("mhm", "hmm"),
    ("m", None),  # one letter
    ("a", None),
    ("I", None),
    ("umbrella", None),
    ("hum", None),
    ("uh-huh", None),
    ("summer", None),
    ("", None),
    ("2", None),
]


@pytest.mark.parametrize("token, expected", TOKENS)
def test_hesitation_spellings(token, expected):
    assert hesitation(token) == expected


def test_the_list_names_the_five_sounds():
    assert sounds() == {"um", "uh", "er", "ah", "hmm"}


@pytest.mark.parametrize(
    "raw, error",
    [
        ({"um": ["umm"], "uh": []}, None),
        (None, "needs a [hesitations] table"),
        ({}, "needs a [hesitations] table"),
        ({"um": "umm"}, "must be a list"),
        ({"um": ["u m"]}, "lower-case letters"),
        ({"um": ["Umm"]}, "lower-case letters"),
        ({"m": []}, "2 or more"),
        ({"um": ["hmm"], "hmm": []}, "listed under both"),
        ({"um": ["uhm"], "uh": ["uhmm"]}, "listed under both"),  # 'uhmm' squeezes to 'uhm'
    ],
)
def test_parse_hesitations(raw, error):
    if error is None:
        assert parse_hesitations(raw, "x.toml") == {"um": "um", "uh": "uh"}
    else:
        with pytest.raises(ConfigError, match=re.escape(error)):
            parse_hesitations(raw, "x.toml")


def test_the_filler_prompt_shows_listed_sounds():
    from simulator.asr.engine import FILLER_PROMPT

    shown = {hesitation(t) for t in FILLER_PROMPT.split()} - {None}
    assert shown == {"um", "hmm"}


SAID = "Umm, I was, uh, hmmm leading the erm team. Mm, ok"


def test_every_reader_agrees_with_the_list():
    from simulator.asr.engine import normalize_filler
    from simulator.content.segment import word_count
    from simulator.delivery.fillers import find_fillers

    tokens = SAID.split()
    expected = [hesitation(t) for t in tokens if hesitation(t)]
    assert expected == ["um", "uh", "hmm", "er", "hmm"]
    assert [normalize_filler(t) for t in tokens] == "Um, I was, uh, hmm leading the er team. Hmm, ok".split()
    words = [Word(t, i * 0.5, i * 0.5 + 0.4) for i, t in enumerate(tokens)]
    assert [f.word for f in find_fillers(words)] == expected
    assert word_count(Transcript(SAID, words)) == len(tokens) - len(expected)
