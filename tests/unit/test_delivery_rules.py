"""The transparent rules of the delivery analysis: fillers, pause kinds,
options and their overrides, the JSON names and the report text."""

from __future__ import annotations

import json

import numpy as np
import pytest

from simulator.delivery import DeliveryOptions, DeliveryReport, analyze_delivery
from simulator.delivery.fillers import find_fillers
from simulator.delivery.lexicon import count_words
from simulator.delivery.pace import pace_series
from simulator.delivery.phrasing import assign_words, pause_kind
from simulator.errors import ConfigError
from simulator.model.codec import dumps, load, to_jsonable
from simulator.model.transcript import Transcript, Word
from simulator.report.delivery_text import mark_transcript, render
from simulator.report.style import Style, clock, to_text
from tests.unit.test_delivery_signal import SR, bursts, words_for


def timed(text: str, step: float = 0.3) -> list[Word]:
    return [Word(t, round(i * step, 2), round(i * step + step * 0.9, 2)) for i, t in enumerate(text.split())]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Um, I think so.", ["um"]),
        ("Uh, erm, hmm, ah okay", ["uh", "er", "hmm", "ah"]),
        ("I like working with data.", []),
        ("I would like to lead a team.", []),
        ("I'd like to lead a team.", []),
        ("It looks like a small thing.", []),
        ("Something like that.", []),
        ("I really like it, like, a lot.", ["like"]),
        ("a lot of them, like, I want", ["like"]),
        ("it took like five years", ["like"]),
        ("it took like 20 minutes", ["like"]),
        ("so like I just kept going", ["like"]),
        ("Like I said, it works.", []),
        ("Like, I want to grow.", ["like"]),
        ("skills like SQL and Python", []),
        ("it was, like, um, hard", ["like", "um"]),
        ("You know, it was hard.", ["you know"]),
        ("It was hard, you know?", ["you know"]),
        ("Do you know the answer?", []),
        ("you know how to do it", []),
        ("I mean, it was fine.", ["I mean"]),
        ("What I mean is simple.", []),
        ("I mean it.", []),
        ("That kind of work is fun.", []),
        ("What sort of role is it?", []),
        ("It was kind of hard.", ["kind of"]),
        ("I kind of want to lead.", ["kind of"]),
        ("I kinda want to lead.", ["kind of"]),
        ("Basically, I want to lead.", ["basically"]),
        ("And basically I just want more.", ["basically"]),
        ("It is basically free.", []),
        ("I actually finished the course.", []),
        ("Actually, I finished it.", ["actually"]),
        ("I finished it, actually.", ["actually"]),
        ("", []),
    ],
)
def test_filler_rules(text, expected):
    fillers = find_fillers(timed(text))
    assert [f.word for f in fillers] == expected
    assert all(f.rule for f in fillers)


def test_fillers_point_at_their_words():
    words = timed("I, um, think you know, it is fine")
    fillers = find_fillers(words)
    assert [(f.word, f.word_index, f.n_words, f.start) for f in fillers] == [
        ("um", 1, 1, words[1].start),
        ("you know", 3, 2, words[3].start),
    ]


@pytest.mark.parametrize(
    "before, after, kind",
    [
        ("lead.", "First", "boundary"),  # 1: sentence end
        ("to", "finish", "hesitation"),  # 2: cannot end a phrase
        ("a", "team", "hesitation"),
        ("my,", "data", "hesitation"),  # Whisper's comma after "my" does not make a boundary
        ("course...", "and", "hesitation"),  # trailing off
        ("team", "because", "boundary"),  # 3: clause opener
        ("analyst,", "and", "boundary"),
        ("clinic;", "the", "boundary"),  # 4: semicolon
        ("years,", "I", "boundary"),  # comma before a subject
        ("analyst,", "role", "hesitation"),  # 5: comma alone is not trusted
        ("senior", "analyst", "hesitation"),
    ],
)
def test_pause_kind_rules(before, after, kind):
    words = [Word("We", 0, 0.2), Word(before, 0.2, 0.5), Word(after, 1.5, 1.8), Word("done.", 1.8, 2.0)]
    assert pause_kind(words, 1, 2) == kind


def test_pause_kind_skips_hesitation_sounds_to_find_the_words():
    words = timed("I want to, uh, lead a team")
    assert pause_kind(words, 3, 4) == "hesitation"  # "to" before "uh"
    words = timed("the course. Um, then I")
    assert pause_kind(words, 1, 2) == "boundary"


def test_words_stretched_over_a_pause_go_to_the_side_they_are_spoken_on():
    segments = [(0.0, 1.62), (2.42, 4.0)]
    words = [Word("is", 1.18, 1.54), Word("to", 1.54, 2.54), Word("finish", 2.54, 3.0)]
    assert assign_words(words, segments) == [0, 0, 1]
    words = [Word("step,", 0.9, 1.6), Word("and", 1.5, 2.9), Word("then", 2.9, 3.2)]  # mostly after the pause
    assert assign_words(words, segments) == [0, 1, 1]


@pytest.mark.parametrize(
    "text, n",
    [("I finished it full -time.", 4), ("Um, I think so.", 4), ("It's 10 weeks", 3), ("... - ,", 0)],
)
def test_word_count(text, n):
    assert count_words(timed(text)) == n


def test_pace_series_covers_the_answer_in_sliding_windows():
    words = timed(" ".join(["w"] * 100), step=0.4)  # 150 wpm for 40 s
    series = pace_series(words, 0.0, 40.0, DeliveryOptions(pace_window_s=10.0, pace_step_s=5.0))
    assert [p.t for p in series] == [5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 35.0]
    assert all(p.wpm == pytest.approx(150, abs=6) for p in series)
    assert len(pace_series(words[:10], 0.0, 4.0)) == 1


@pytest.mark.parametrize(
    "overrides, expect",
    [
        ({}, {}),
        ({"long_pause_s": "1.5"}, {"long_pause_s": 1.5}),
        ({"pace-min-wpm": "100", "pace_max_wpm": "150"}, {"pace_min_wpm": 100.0, "pace_max_wpm": 150.0}),
        ({"max_long_pauses": "2"}, {"max_long_pauses": 2}),
        ({"long_pause": "1.5"}, ConfigError("long_pause_s")),  # unknown: suggests the close name
        ({"long_pause_s": "soon"}, ConfigError("must be a number")),
        ({"max_long_pauses": "1.5"}, ConfigError("whole number")),
        ({"min_pause_s": "-1"}, ConfigError("between")),
        ({"pace_min_wpm": "170"}, ConfigError("below pace_max_wpm")),
        ({"long_pause_s": "nan"}, ConfigError("finite")),
    ],
)
def test_options_from_overrides(overrides, expect):
    if isinstance(expect, Exception):
        with pytest.raises(ConfigError, match=str(expect)):
            DeliveryOptions.from_overrides(overrides)
        return
    opts = DeliveryOptions.from_overrides(overrides)
    for name, value in expect.items():
        assert getattr(opts, name) == value and type(getattr(opts, name)) is type(value)


def test_every_option_is_documented_with_a_unit():
    rows = DeliveryOptions.describe()
    assert {name for name, *_ in rows} >= {
        "min_pause_s",
        "long_pause_s",
        "pace_min_wpm",
        "pace_max_wpm",
        "pitch_fmin_hz",
    }
    assert all(unit and help_text for _, _, unit, help_text in rows)
    assert DeliveryOptions().pitch_fmin_hz == 65.0 and DeliveryOptions().pitch_fmax_hz == 400.0


@pytest.fixture(scope="module")
def report():
    y, _, _ = bursts()
    words = words_for()
    words.words[1] = Word("um,", words.words[1].start, words.words[1].end, 0.3)
    return analyze_delivery(y, SR, words), words


def test_json_uses_the_issue_names(report):
    doc = json.loads(json.dumps(to_jsonable(report[0])))
    assert set(doc) >= {
        "duration_s",
        "speaking_time_s",
        "words",
        "wpm",
        "articulation_wpm",
        "pace_series",
        "pauses",
        "long_pauses",
        "longest_pause_s",
        "pauses_per_min",
        "fillers",
        "fillers_per_min",
        "pitch",
        "volume",
        "clarity",
        "verdict",
        "options",
    }
    assert set(doc["pauses"][0]) >= {"start", "end", "duration", "kind"}
    assert set(doc["pace_series"][0]) == {"t", "wpm"}
    assert set(doc["fillers"][0]) >= {"word", "start"}
    assert set(doc["pitch"]) >= {"median_hz", "range_semitones", "monotone"}
    assert set(doc["volume"]) >= {"mean_dbfs", "too_quiet", "clipping", "trailing_off"}
    assert set(doc["verdict"]) >= {"pace", "slow_and_clear", "reasons"}
    assert doc["options"]["long_pause_s"] == 2.0


def test_report_text_shows_pace_pauses_fillers_and_verdict(report):
    delivery, transcript = report
    text = to_text(render(delivery, Style(False)), width=200)
    assert f"{delivery.wpm:.0f} wpm" in text and "band 110-160" in text
    assert "Over time" in text
    assert "1 long (>= 2 s)" in text and f"{clock(delivery.long_pauses[0].start)}  2.4 s" in text
    assert '"um" x1' in text
    assert "To change" in text
    for reason in delivery.verdict.reasons:
        assert reason in text
    shown = delivery.verdict.reasons[:1]  # what the first screen already said is not repeated
    assert shown[0] not in to_text(render(delivery, Style(False), shown=shown), width=200)
    # The same after a round trip through the stored JSON.
    assert to_text(render(load(DeliveryReport, dumps(delivery)), Style(False))) == to_text(
        render(delivery, Style(False))
    )


def test_marked_transcript_shows_fillers_and_long_pauses(report):
    delivery, transcript = report
    text = mark_transcript(transcript, delivery, Style(False)).plain
    assert "*um*," in text
    assert "[2.4s pause]" in text
    assert text.index("[2.4s pause]") > text.index("word22")  # the 2.4 s pause follows the third burst
    colored = to_text(mark_transcript(transcript, delivery, Style(True)), color=True)
    assert "\033[" in colored and "*um*" not in colored
    assert mark_transcript(Transcript("plain text"), delivery, Style(False)).plain == "plain text"


GOOD_LAYOUT = [(3.0, 0.4), (3.0, 0.4), (3.0, 0.4), (3.0, 0.0)]  # 12 s of speech: long enough to judge


def test_report_for_a_good_answer_says_so():
    y, _, _ = bursts(GOOD_LAYOUT)
    d = analyze_delivery(y, SR, words_for(GOOD_LAYOUT, per_burst=7))
    assert d.verdict.pace == "slow and clear" and d.long_pauses == [] and d.verdict.slow_and_clear
    assert any("inside the 110-160 wpm band" in s for s in d.verdict.strengths)
    assert np.isfinite(d.wpm)


@pytest.mark.parametrize(
    "layout, per_burst, judged",
    [
        ([(1.0, 0.0)], 4, False),  # 1 s at 240 wpm: too short to call too fast
        ([(3.0, 0.4), (3.0, 0.0)], 12, False),  # 6 s of speech
        ([(3.0, 0.4)] * 3 + [(3.0, 0.0)], 12, True),  # 12 s at 240 wpm: too fast
    ],
)
def test_a_very_short_answer_is_too_short_to_judge_pace_and_pitch(layout, per_burst, judged):
    y, _, _ = bursts(layout)
    d = analyze_delivery(y, SR, words_for(layout, per_burst=per_burst))
    short = [r for r in d.verdict.reasons if r.startswith("Too short to judge pace and pitch")]
    assert bool(short) is not judged
    assert any(r.startswith("Slow down") for r in d.verdict.reasons) is judged
    assert not any(s.startswith(("Pace ", "A lively voice")) for s in d.verdict.strengths) or judged
    assert not any("semitones" in r for r in d.verdict.reasons) or judged
    if not judged:
        assert not d.verdict.slow_and_clear and f"at least {d.options.min_judged_speech_s:g} s" in short[0]


@pytest.mark.parametrize(
    "gain, speed_words, says_stretch",
    [
        (1.0, 7, False),  # clean, loud, unhurried speech: the recogniser's doubt is not blamed on the speaker
        (0.005, 7, True),  # a quiet recording explains it
        (1.0, 16, True),  # so does rushing (320 wpm between pauses)
    ],
)
def test_an_unclear_stretch_is_reported_only_where_the_signal_supports_it(gain, speed_words, says_stretch):
    y, _, _ = bursts(GOOD_LAYOUT, gain=gain)
    transcript = words_for(GOOD_LAYOUT, per_burst=speed_words)
    for i in (3, 4):  # two unsure words in a row: an unclear stretch
        w = transcript.words[i]
        transcript.words[i] = Word(w.word, w.start, w.end, 0.2)
    d = analyze_delivery(y, SR, transcript)
    assert d.clarity.unclear_stretches and d.clarity.clear
    assert any(r.startswith("Say the stretch at") for r in d.verdict.reasons) is says_stretch
