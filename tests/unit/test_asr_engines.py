"""The engine registry: every engine by its name, its own option defaults, how many
stretches it decodes at once, and a clear error for any other name. No model runs."""

from __future__ import annotations

import pytest

from simulator.asr.engine import Engine, TranscribeOptions, merge_transcripts, normalize_filler, weighted_logprob
from simulator.asr.engines import ENGINE_NAMES, get_engine, options_for
from simulator.errors import BadInputError
from simulator.model.transcript import Transcript, Word

CHOICES = "choose one of: faster-whisper, openai-whisper"


@pytest.mark.parametrize(
    "name, defaults, workers_of_two",
    [
        ("faster-whisper", {"compute_type": "int8", "cpu_threads": 1, "workers": 2}, 2),
        ("openai-whisper", {"compute_type": "float32", "cpu_threads": 0, "workers": 1}, 1),
        ("whisper.cpp", BadInputError, None),
        ("", BadInputError, None),
        ("Faster-Whisper", BadInputError, None),  # names are exact, as on the command line
        (None, BadInputError, None),
    ],
)
def test_engine_registry(name, defaults, workers_of_two):
    if defaults is BadInputError:
        with pytest.raises(BadInputError, match=rf"Unknown speech engine {name!r}; {CHOICES}\.$"):
            get_engine(name)
        with pytest.raises(BadInputError, match="Unknown speech engine"):
            options_for(name)
        return
    engine = get_engine(name)
    assert isinstance(engine, Engine) and engine.name == name
    assert get_engine(name) is engine  # made once
    options = options_for(name, beam_size=3)
    assert options.engine == name and options.beam_size == 3
    assert {k: getattr(options, k) for k in defaults} == defaults
    assert options_for(name, workers=4).workers == 4  # the caller's options win over the engine's
    assert engine.workers(TranscribeOptions(engine=name, workers=2)) == workers_of_two
    assert engine.workers(TranscribeOptions(engine=name, workers=0)) == 1


def test_every_engine_is_listed_and_the_default_is_one_of_them():
    assert ENGINE_NAMES == ("faster-whisper", "openai-whisper")
    assert TranscribeOptions().engine in ENGINE_NAMES
    assert options_for() == TranscribeOptions()


@pytest.mark.parametrize(
    "token, spelled",
    [
        ("Umm,", "Um,"),
        ("uhh", "uh"),
        ("Hmmm.", "Hmm."),
        ("erm", "er"),
        ("Ahh", "Ah"),
        ("umbrella", "umbrella"),
        ("human", "human"),
        ("", ""),
        ("...", "..."),
    ],
)
def test_fillers_are_spelled_one_way(token, spelled):
    assert normalize_filler(token) == spelled


@pytest.mark.parametrize(
    "spans, expect",
    [
        ([(0.0, 1.0, -0.2), (1.0, 4.0, -0.6)], -0.5),  # weighted by duration: (-0.2 + 3 * -0.6) / 4
        ([(2.0, 2.0, -0.3)], -0.3),  # a zero-length segment still counts
        ([], None),
    ],
)
def test_weighted_logprob(spans, expect):
    assert weighted_logprob(spans) == expect


def test_merge_keeps_order_and_weights_confidence_by_word_span():
    a = Transcript("One two.", [Word("One", 0.0, 0.5), Word("two.", 0.5, 1.0)], avg_logprob=-0.2)
    b = Transcript("", [], avg_logprob=None)
    c = Transcript("Three.", [Word("Three.", 2.0, 5.0)], avg_logprob=-0.6)
    merged = merge_transcripts([a, b, c])
    assert merged.text == "One two. Three."
    assert [w.word for w in merged.words] == ["One", "two.", "Three."]
    assert merged.avg_logprob == -0.5
