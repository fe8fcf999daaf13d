"""Renderers on constructed analyses: marks come from the recorded indexes, pauses from the measured ones."""

from __future__ import annotations

import dataclasses
import re
from html import unescape

import pytest

from simulator.cli import replay
from simulator.content.types import Hedge
from simulator.delivery.options import DeliveryOptions
from simulator.delivery.results import BOUNDARY, HESITATION, Filler, Pause
from simulator.model.codec import load_analysis
from simulator.model.transcript import Transcript, Word
from simulator.report import render_text
from simulator.report.delivery_text import mark_transcript
from simulator.report.html import render_html
from simulator.report.style import Style, to_text
from simulator.report.tokens import PAUSE, SHOW_PAUSE_S, WORD, marked, tokens
from tests.conftest import ROOT
from tests.session_docs import content_report, delivery_report, metrics_analysis

TEXT = "Um, you know, I banana want to lead maybe the team next year."
# Word i spans [0.5 i, 0.5 i + 0.4] s, except a 1.5 s silence measured after "lead," (word 7).
STARTS = [0.5 * i + (1.5 if i >= 8 else 0.0) for i in range(13)]


def _analysis(*, fillers=(), hedges=(), pauses=(), long_pause_s: float = 2.0):
    words = [Word(w, s, s + 0.4) for w, s in zip(TEXT.split(), STARTS)]
    analysis = metrics_analysis(wpm=130.0, score=60.0)
    analysis.transcript = Transcript(TEXT, words)
    options = DeliveryOptions(long_pause_s=long_pause_s)
    analysis.delivery = dataclasses.replace(
        delivery_report(wpm=130.0, pauses=list(pauses), fillers=list(fillers)), options=options
    )
    analysis.content = dataclasses.replace(content_report(words, 60), hedges=list(hedges))
    return analysis


FILLERS = [Filler("um", 0.0, 0.4, word_index=0), Filler("you know", 0.5, 1.4, word_index=1, n_words=2)]
HEDGED = [Hedge("banana", word_index=4)]  # not a lexicon hedge: only the recorded index can mark it
PAUSE_AFTER_LEAD = Pause(3.9, 5.5, 1.6, HESITATION, word_index=None)  # no word index: placed by time


def _words(toks, flag: str) -> list[str]:
    return [t.text for t in toks if t.kind == WORD and getattr(t, flag)]


@pytest.mark.parametrize(
    "fillers, hedges, filler_words, hedge_words",
    [
        (FILLERS, HEDGED, ["Um,", "you", "know,"], ["banana"]),
        ([], [], [], []),  # "Um," and "maybe" stay unmarked when the analysis recorded nothing there
        ([], [Hedge("maybe", word_index=8), Hedge("i guess", word_index=12, n_words=2)], [], ["maybe", "year."]),
        ([Filler("um", None, word_index=99)], [Hedge("x", word_index=-5)], [], []),  # outside the transcript
    ],
)
def test_marks_come_from_the_recorded_indexes(fillers, hedges, filler_words, hedge_words):
    toks = tokens(_analysis(fillers=fillers, hedges=hedges))
    assert _words(toks, "filler") == filler_words and _words(toks, "hedge") == hedge_words


@pytest.mark.parametrize(
    "pause, long_pause_s, before, long",
    [
        (PAUSE_AFTER_LEAD, 2.0, "maybe", False),
        (PAUSE_AFTER_LEAD, 1.5, "maybe", True),  # "long" is the analysis' own long_pause_s
        (dataclasses.replace(PAUSE_AFTER_LEAD, word_index=2), 2.0, "maybe", False),  # an index far off: by time
        (dataclasses.replace(PAUSE_AFTER_LEAD, word_index=8), 2.0, "maybe", False),  # the index where it fits
        (Pause(0.42, 0.48, 0.06, BOUNDARY), 2.0, None, False),  # shorter than SHOW_PAUSE_S: not drawn
        (Pause(9.0, 9.9, 0.9, BOUNDARY), 2.0, "(end)", False),  # after the last word: kept, last
    ],
)
def test_pauses_are_the_measured_ones_placed_by_index_or_time(pause, long_pause_s, before, long):
    toks = tokens(_analysis(pauses=[pause], long_pause_s=long_pause_s))
    at = [i for i, t in enumerate(toks) if t.kind == PAUSE]
    if before is None:
        assert at == []
        return
    [i] = at
    assert (toks[i + 1].text if i + 1 < len(toks) else "(end)") == before
    assert toks[i].long == long and toks[i].text == f"{pause.duration:.1f} s"


def test_marked_covers_multi_word_spans():
    assert marked(FILLERS, 13) == {0, 1, 2}
    assert marked([Hedge("kind of", 11, 2)], 12) == {11}


def test_terminal_transcript_marks_fillers_hedges_and_the_pause():
    analysis = _analysis(fillers=FILLERS, hedges=HEDGED, pauses=[PAUSE_AFTER_LEAD])
    text = mark_transcript(analysis.transcript, analysis.delivery, Style(False), hedges=analysis.content.hedges)
    assert text.plain == "*Um*, *you* *know*, I _banana_ want to lead [1.6s pause] maybe the team next year."
    assert "_banana_" in render_text(analysis) and "\033[" in render_text(analysis, color=True)
    assert "_banana_" not in render_text(analysis, color=True)  # in colour the mark is the colour


def test_html_marks_the_same_words():
    html = render_html(_analysis(fillers=FILLERS, hedges=HEDGED, pauses=[PAUSE_AFTER_LEAD]))
    spans = re.findall(r'<span class="(w[^"]*)"[^>]*>([^<]*)</span>', html)
    assert [unescape(w) for c, w in spans if "filler" in c] == ["Um,", "you", "know,"]
    assert [w for c, w in spans if "hedge" in c] == ["banana"]
    assert re.search(r'lead</span> <span class="pause" data-start="3.90"[^>]*>1.6s</span> <span[^>]*>maybe<', html)


def test_replay_marks_the_fillers_and_breaks_at_the_sentence_end():
    lines = replay.lines(_analysis(fillers=FILLERS, pauses=[PAUSE_AFTER_LEAD]))
    text = replay.render_line(lines[0], Style(False)).plain
    assert text == "[Um,] [you] [know,] I banana want to lead (pause 1.6 s) maybe the team next year."


def test_a_written_answer_has_words_only():
    analysis = metrics_analysis(score=50.0)
    analysis.delivery, analysis.audio = None, None
    analysis.transcript = Transcript.from_text("I will maybe lead.")
    assert [t.kind for t in tokens(analysis)] == [WORD] * 4
    assert "(a written answer: no fillers or pauses were measured)" in to_text(
        replay.text_replay(analysis, Style(False))
    )
    assert 'class="pause' not in render_html(analysis)


STORED = ROOT / "tests" / "data" / "sessions" / "good_answer-0.1.0.json"  # a real analysis of good_answer.flac


def test_pauses_of_a_real_answer_fall_between_the_words_the_analysis_put_them():
    """Whisper stretched "Last" and "When" over the pauses before them; the pauses stay between sentences."""
    analysis = load_analysis(STORED)
    words = analysis.transcript.words
    toks = tokens(analysis)
    shown = [(toks[i - 1].text, toks[i + 1].text) for i, t in enumerate(toks) if t.kind == PAUSE]
    assert ("impact.", "Last") in shown and ("week.", "When") in shown
    assert len(shown) == sum(p.duration >= SHOW_PAUSE_S for p in analysis.delivery.pauses)
    for before, after in shown:
        assert before.endswith((".", ",")), (before, after)  # every pause of this answer is at a boundary
    last = words[46]  # Whisper's "Last" overlaps the measured pause before it
    assert last.word == "Last" and any(last.start < p.end and p.start < last.end for p in analysis.delivery.pauses)
    replayed = to_text(replay.text_replay(analysis, Style(False)), width=200)
    assert "impact." in replayed and "(pause 0.8 s) Last spring" in replayed and "Last (pause" not in replayed
    assert "(pause 0.6 s) When I finish" in replayed and "When (pause" not in replayed
    html = render_html(analysis)
    assert re.search(r'impact\.</span> <span class="pause"[^>]*>0\.8s</span> <span[^>]*>Last<', html)
    assert not re.search(r'>Last</span> <span class="pause"', html)
