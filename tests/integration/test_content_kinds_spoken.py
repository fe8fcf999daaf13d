"""Per-kind rubrics on spoken answers: espeak-ng speaks them, the real Whisper transcribes them.

A transcript differs from the written answer (numbers as digits, punctuation
guessed, the odd word misheard); the kind's verdicts must not.
"""

from __future__ import annotations

import pytest

from simulator.content import check_content
from simulator.model.analysis import AnswerContext
from simulator.model.transcript import Transcript
from simulator.questions import get_question

ANSWERS = [
    (
        "conflict-coworker",
        "Last year at the bakery where I work, a new colleague kept forgetting to lock the back door at night. As "
        "the shift manager, I had to make sure the shop was safe. I showed him the closing list, I put a sign on "
        "the door, and I checked the door with him for two weeks. After that, the door was locked every night for "
        "the rest of the year.",
        {"star_situation": "met", "star_task": "met", "star_action": "met", "star_result": "met"},
    ),
    (
        "tight-deadline",
        "During a product launch at a software agency, our team had to ship the release by Friday. We split the "
        "testing, we fixed the open bugs, and we worked late on Thursday. In the end it went well.",
        {"star_situation": "met", "star_task": "partial", "star_action": "partial", "star_result": "partial"},
    ),
    (
        "tell-me-about-yourself",
        "I'm a payroll officer at a logistics firm, where I run the weekly pay for four hundred drivers. Before "
        "that I worked in retail for three years and was named employee of the month twice. I applied for this "
        "role because your team is moving to a new payroll system, and I want to help lead that change.",
        {"present": "met", "past": "met", "future_fit": "met"},
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize("qid,text,expected", ANSWERS, ids=[a[0] for a in ANSWERS])
def test_spoken_answers_get_the_kinds_verdicts_of_the_written_ones(tmp_path, has_espeak, qid, text, expected):
    if not has_espeak:
        pytest.skip("espeak-ng is not installed")
    from simulator.audio.tts import synthesize
    from simulator.pipeline.answer import analyze_file

    question = get_question(qid)
    written = check_content(Transcript.from_text(text), question, AnswerContext())
    assert {cid: written.get(cid).status for cid in expected} == expected
    analysis, _, _ = analyze_file(synthesize(text, tmp_path / "answer.wav"), question, AnswerContext())
    spoken = analysis.content
    assert {cid: spoken.get(cid).status for cid in expected} == expected, analysis.transcript.text
    assert [p.part for p in spoken.structure] == [p.part for p in written.structure]
    for cid in expected:
        for ev in spoken.get(cid).evidence:
            assert ev.start is not None and ev.end is not None and ev.start <= ev.end
