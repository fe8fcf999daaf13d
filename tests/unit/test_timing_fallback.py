"""A decode whose word timing collapsed is decoded again without the filler prompt (fake engine: orchestration only)."""

from __future__ import annotations

import numpy as np
import pytest

from simulator.asr import transcribe as tr
from simulator.asr.engine import FILLER_PROMPT, TranscribeOptions, timing_collapsed
from simulator.model.transcript import Transcript, Word


def _words(spans) -> Transcript:
    words = [Word(f"w{i}", a, b) for i, (a, b) in enumerate(spans)]
    return Transcript(" ".join(w.word for w in words), words)


TIMED = [(0.3 * i, 0.3 * i + 0.25) for i in range(10)]
CRAMMED = [(16.8, 18.2)] + [(18.2, 18.2)] * 9  # a late timestamp, then every word an instant
SOME_INSTANTS = TIMED[:7] + [(3.0, 3.0), (3.1, 3.1), (3.2, 3.2)]  # 3 of 10: short words at a segment's end


@pytest.mark.parametrize(
    ("spans", "collapsed"),
    [(TIMED, False), (CRAMMED, True), (SOME_INSTANTS, False), (CRAMMED[:3], False), ([], False)],
    ids=["timed", "crammed", "a-few-instants", "too-few-words", "empty"],
)
def test_timing_collapsed(spans, collapsed):
    assert timing_collapsed(_words(spans)) is collapsed


class Scripted:
    """An engine returning its transcripts in order, recording the prompt of each call."""

    def __init__(self, *results):
        self.results, self.prompts = list(results), []

    def transcribe(self, y, *, options, offset_s=0.0, speech_end_s=None):
        self.prompts.append(options.initial_prompt)
        return self.results.pop(0)


@pytest.mark.parametrize(
    ("first", "second", "prompts", "kept"),
    [
        (TIMED, None, [FILLER_PROMPT], "first"),
        (CRAMMED, TIMED, [FILLER_PROMPT, ""], "second"),
        (CRAMMED, CRAMMED, [FILLER_PROMPT, ""], "first"),  # no better: the prompted decode (its fillers) stays
    ],
    ids=["good-once", "collapsed-then-good", "collapsed-twice"],
)
def test_a_collapsed_decode_is_decoded_again_without_the_prompt(monkeypatch, first, second, prompts, kept):
    results = [_words(first)] + ([_words(second)] if second else [])
    engine = Scripted(*results)
    monkeypatch.setattr(tr, "get_engine", lambda name: engine)
    got = tr.transcribe(np.zeros(16000, np.float32), 16000, options=TranscribeOptions())
    assert engine.prompts == prompts
    assert got is results[0 if kept == "first" else 1]
