"""The interview orchestration with fake voice, answers and delivery (the content check and the store are real)."""

from __future__ import annotations

import json
import threading

import pytest

from simulator.errors import BadInputError
from simulator.model.analysis import AnswerContext
from simulator.model.codec import dumps, load
from simulator.model.interview import COMPLETE, FOLLOW_UP, STOPPED, InterviewRecord, InterviewSettings
from simulator.pipeline.interview import ANSWER_END, PROMPT_START, Take, run_interview, start_interview
from simulator.pipeline.interview_parts import FullAnalyser
from simulator.questions import get_question
from simulator.sessions import interviews, store
from tests.session_docs import delivery_report

CPA = (
    "My goal is to become a CPA, because I enjoy helping small businesses keep honest books. I passed the first "
    "part of the exam last spring, and I am studying for the audit section now with the Becker review course. This "
    "role would let me apply accounting skills to real clients, and I will bring careful bookkeeping to your team."
)
BY_JUNE = "I expect to pass the last section by June next year."
STRENGTH = (
    "My greatest strength is attention to detail. At Smith and Co in 2023 I found a 40,000 dollar error in the March "
    "accounts before the audit, and I built a checklist that the team of six still uses every month for closing. "
    "That checklist cut the time to close the books from nine days to six, and my manager Dana asked me to train the "
    "two new hires on it. I enjoy that kind of careful work, and I check my own figures twice before anything goes "
    "out. In this role I would bring the same care to your clients' accounts from the first week."
)
CLOSING = "Yes. What does a typical week look like for your team?"
PLAN = ["career-goals", "greatest-strength", "questions-for-us"]


class FakeVoice:
    def __init__(self):
        self.said: list[str] = []
        self.prepared: list[str] = []

    def prepare(self, text):
        self.prepared.append(text)

    def say(self, text, *, on_start):
        self.said.append(text)
        on_start()


class FakeAnswers:
    """Written answers in order; ``stop_at`` raises that exception instead of the answer with that index."""

    def __init__(self, texts, *, stop_at: int | None = None, error: BaseException = KeyboardInterrupt()):
        self.texts, self.stop_at, self.error = list(texts), stop_at, error
        self.prompts = []

    def countdown(self, seconds):
        pass

    def take(self, prompt, settings):
        if self.stop_at is not None and len(self.prompts) == self.stop_at:
            raise self.error
        self.prompts.append(prompt)
        return Take(text=self.texts[len(self.prompts) - 1])


class FakeDelivery(FullAnalyser):
    """The real content check, and a made-up delivery of 150 wpm for every answer."""

    def __init__(self, wait_for: threading.Event | None = None):
        super().__init__()
        self.wait_for = wait_for
        self.waited: list[bool] = []

    def second(self, analysis, take):
        if self.wait_for is not None:
            self.waited.append(self.wait_for.wait(timeout=10))
        analysis.delivery = delivery_report(wpm=150.0, duration_s=30.0, speaking_time_s=30.0)


def _start(plan=PLAN, **settings) -> InterviewRecord:
    questions = [get_question(q) for q in plan]
    return start_interview(questions, AnswerContext(role="Staff accountant"), InterviewSettings(**settings))


def test_three_questions_one_follow_up_merged_and_stored():
    voice, answers = FakeVoice(), FakeAnswers([CPA, BY_JUNE, STRENGTH, CLOSING])
    run = run_interview(_start(), voice=voice, answers=answers, analyser=FakeDelivery())

    assert [(p.position, p.part) for p in answers.prompts] == [
        (1, "answer"),
        (1, FOLLOW_UP),
        (2, "answer"),
        (3, "answer"),
    ]
    assert voice.said[1] == "You mentioned becoming a CPA: by when do you expect to get there?"
    doc = json.loads(dumps(run.interview))
    assert list(doc) == ["interview_id", "questions", "summary"]
    q1, q2, q3 = doc["questions"]
    assert all(list(q) == ["question", "answer", "follow_up"] for q in doc["questions"])
    assert list(q1["follow_up"]) == ["text", "aims_at", "answer"] and q1["follow_up"]["aims_at"] == "timeline"
    assert q1["follow_up"]["answer"]["transcript"]["text"] == BY_JUNE
    timeline = next(c for c in q1["answer"]["content"]["criteria"] if c["id"] == "timeline")
    assert (timeline["status"], timeline["via"]) == ("met", "follow_up")
    assert [e["text"] for e in timeline["evidence"] if "by June next year" in e["text"]]  # a whole phrase holding it
    assert q2["follow_up"] is None and q3["follow_up"] is None  # a full answer, and the closing question
    assert doc["summary"]["verdicts"][2]["score"] is None  # light feedback for the closing question
    assert doc["summary"]["strongest"] in (1, 2) and len(doc["summary"]["practise"]) <= 3

    record = run.record
    assert record.status == COMPLETE and [a.position for a in record.answers] == [1, 2, 3]
    assert record.answers[0].follow_up.aims_at == "timeline"
    stored = store.list_sessions(interview_id=record.id)
    assert [(s.position, s.part) for s in stored] == [(1, "answer"), (1, FOLLOW_UP), (2, "answer"), (3, "answer")]
    assert store.load_session(record.answers[0].session_id).analysis.content.get("timeline").via == "follow_up"
    _, reread = interviews.load_interview(record.id)
    assert reread == record  # interview.json round-trips


def test_no_follow_ups_takes_one_answer_per_question():
    answers = FakeAnswers([CPA, STRENGTH, CLOSING])
    run = run_interview(_start(follow_ups=False), voice=FakeVoice(), answers=answers, analyser=FakeDelivery())
    assert [p.part for p in answers.prompts] == ["answer"] * 3
    assert all(q.follow_up is None for q in run.interview.questions)


def test_the_next_question_is_synthesised_while_the_answer_is_given():
    voice = FakeVoice()
    run_interview(
        _start(follow_ups=False), voice=voice, answers=FakeAnswers([CPA, STRENGTH, CLOSING]), analyser=FakeDelivery()
    )
    texts = [get_question(q).text for q in PLAN]
    assert voice.prepared == texts[1:]  # each prepared before its predecessor was asked


def test_analysis_runs_in_the_background_while_the_next_question_is_asked():
    asked_third = threading.Event()

    class Voice(FakeVoice):
        def say(self, text, *, on_start):
            super().say(text, on_start=on_start)
            if text == get_question("questions-for-us").text:
                asked_third.set()

    analyser = FakeDelivery(wait_for=asked_third)
    run = run_interview(
        _start(follow_ups=False), voice=Voice(), answers=FakeAnswers([CPA, STRENGTH, CLOSING]), analyser=analyser
    )
    assert analyser.waited[:2] == [True, True]  # the first answers' delivery waited for the third question
    kinds = [(kind, pos) for _, kind, pos, _ in run.events]
    assert kinds == [
        (PROMPT_START, 1),
        (ANSWER_END, 1),
        (PROMPT_START, 2),
        (ANSWER_END, 2),
        (PROMPT_START, 3),
        (ANSWER_END, 3),
    ]


@pytest.mark.parametrize(
    "error, raised",
    [(KeyboardInterrupt(), KeyboardInterrupt), (BadInputError("no file for the next prompt"), BadInputError)],
    ids=["ctrl-c", "bad-input"],
)
def test_stopped_interview_keeps_completed_answers_and_resumes(error, raised):
    record = _start()
    with pytest.raises(raised):
        run_interview(
            record,
            voice=FakeVoice(),
            answers=FakeAnswers([CPA, BY_JUNE, STRENGTH], stop_at=3, error=error),
            analyser=FakeDelivery(),
        )
    _, stopped = interviews.load_interview(record.id)
    assert stopped.status == STOPPED and [a.position for a in stopped.answers] == [1, 2]
    assert stopped.answers[0].follow_up.session_id is not None
    assert len(store.list_sessions(interview_id=record.id)) == 3

    voice, answers = FakeVoice(), FakeAnswers([CLOSING])
    run = run_interview(stopped, voice=voice, answers=answers, analyser=FakeDelivery())
    assert voice.said == [get_question("questions-for-us").text]  # only what was left
    assert run.record.status == COMPLETE and len(run.interview.questions) == 3
    assert run.interview.questions[0].follow_up.aims_at == "timeline"


def test_record_json_round_trips_through_the_codec():
    record = _start()
    assert load(InterviewRecord, dumps(record)) == record


def test_delete_interview_removes_every_answer_and_forget_keeps_the_rest():
    run = run_interview(
        _start(), voice=FakeVoice(), answers=FakeAnswers([CPA, BY_JUNE, STRENGTH, CLOSING]), analyser=FakeDelivery()
    )
    rid = run.record.id
    second = store.load_session(run.record.answers[1].session_id)
    store.delete_session(second.id)
    interviews.forget_session(second)
    _, record = interviews.load_interview(rid)
    assert [a.position for a in record.answers] == [1, 3]
    assert sorted(interviews.results(record)) == [1, 3]
    row, gone = interviews.delete_interview(rid)
    assert row.id == rid and len(gone) == 3
    assert store.list_sessions() == [] and interviews.list_interviews() == []


def test_resolve_names_interviews_and_sessions():
    run = run_interview(
        _start(follow_ups=False),
        voice=FakeVoice(),
        answers=FakeAnswers([CPA, STRENGTH, CLOSING]),
        analyser=FakeDelivery(),
    )
    rid, sid = run.record.id, run.record.answers[0].session_id
    assert interviews.resolve(rid) == (interviews.INTERVIEW, rid)
    assert interviews.resolve(sid) == (interviews.SESSION, sid)
    assert interviews.resolve("last") == (interviews.INTERVIEW, rid)


def test_rebuild_relinks_answers_from_the_record():
    run = run_interview(
        _start(), voice=FakeVoice(), answers=FakeAnswers([CPA, BY_JUNE, STRENGTH, CLOSING]), analyser=FakeDelivery()
    )
    store.db_path().unlink()
    result, count = interviews.rebuild_index()
    assert result.indexed == 4 and count == 1
    [row] = interviews.list_interviews()
    assert (row.id, row.answered, row.planned) == (run.record.id, 3, 3) and row.score is not None
    parts = [(s.position, s.part) for s in store.list_sessions(interview_id=run.record.id)]
    assert parts == [(1, "answer"), (1, FOLLOW_UP), (2, "answer"), (3, "answer")]


@pytest.mark.parametrize("follow_ups", [True, False])
def test_an_unscorable_answer_is_left_out_and_the_interview_goes_on(follow_ups):
    from simulator.errors import NoSpeechError, UnsupportedLanguageError

    class Picky(FakeDelivery):
        def first(self, take, question, context):
            if take.text == "(silence)":
                raise NoSpeechError("No speech detected in the recording.")
            if take.text == "(mumbled)":
                raise UnsupportedLanguageError("the recording does not sound like English speech.")
            return super().first(take, question, context)

    notes = []
    texts = ["(silence)", STRENGTH, "(mumbled)"]
    run = run_interview(
        _start(follow_ups=follow_ups),
        voice=FakeVoice(),
        answers=FakeAnswers(texts),
        analyser=Picky(),
        on_note=notes.append,
    )
    assert run.record.status == COMPLETE and [a.position for a in run.record.answers] == [2]
    assert len(notes) == 2 and "question 1 is left out" in notes[0] and "question 3 is left out" in notes[1]


def test_an_answer_the_time_limit_cut_off_is_reported_as_unfinished():
    from simulator.audio.recorder import cut_note
    from simulator.report.interview_html import interview_html
    from simulator.report.interview_text import render_interview

    class CutSecond(FakeAnswers):
        def take(self, prompt, settings):
            take = super().take(prompt, settings)
            if prompt.position == 2:
                take.notes.append(cut_note(settings.answer_limit_s))
            return take

    run = run_interview(
        _start(follow_ups=False, answer_limit_s=90.0),
        voice=FakeVoice(),
        answers=CutSecond([CPA, STRENGTH, CLOSING]),
        analyser=FakeDelivery(),
    )
    note = cut_note(90.0)
    assert [q.answer.notes for q in run.interview.questions] == [[], [note], []]
    text = render_interview(run.interview, width=200)
    assert text.count("unfinished answer") == 1
    assert text.index("unfinished answer") > text.index("2.  ")  # under the second question
    assert interview_html(run.interview).count("unfinished answer") == 1
