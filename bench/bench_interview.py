#!/usr/bin/env python3
"""How soon after an answer ends does the interviewer ask the next prompt, and how long is each analysis?

Runs the three-question interview of the tests (career goals with a follow-up
on the timeline, greatest strength, the closing question) through
``run_interview`` with the real parts but no sound device: each answer is fed
at real-time pace, in the recorder's 50 ms blocks, to the streaming
transcriber and the pitch track, followed by the recorder's 3 s silence stop;
each prompt is synthesised by the real voice and "played" by waiting as long
as its audio lasts. Measured: the wait from the end of each answer to the
start of the next prompt, and each answer's analysis time (content first,
then delivery, in the background).

The baseline, in the same run, is the plain sequence: analyse the answer
whole, then synthesise the next prompt, then ask it. Every variant starts
with an empty speech cache.

    python bench/bench_interview.py [--voice espeak|piper] [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from machine import cpu_line  # bench/machine.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator.audio.files import SAMPLE_RATE, load_audio  # noqa: E402
from simulator.model.analysis import AnswerContext  # noqa: E402
from simulator.model.interview import InterviewSettings  # noqa: E402
from simulator.pipeline.answer import warm_up  # noqa: E402
from simulator.pipeline.interview import ANSWER_END, PROMPT_START, Take, run_interview, start_interview  # noqa: E402
from simulator.pipeline.interview_parts import FullAnalyser, SpokenVoice  # noqa: E402
from simulator.pipeline.plan import by_ids, parse_ids  # noqa: E402
from simulator.questions import load_questions  # noqa: E402
from tests.interview_answers import ORDER, QUESTIONS, synthesise  # noqa: E402

BLOCK = 800  # samples: the recorder's 50 ms blocks
SILENCE_STOP_S = 3.0


class SilentPlayback(SpokenVoice):
    """The real voice (synthesis ahead, cache), with playback replaced by waiting the audio's length."""

    def say(self, text, *, on_start):
        import soundfile as sf

        self.prepare(text)
        path = self.files.pop(text).result()
        on_start()
        time.sleep(sf.info(str(path)).duration)


class RealtimeAnswers:
    """The answers fed as a live recording would be: real time, 50 ms blocks, transcribed while given."""

    def __init__(self, clips: list[np.ndarray]):
        self.clips = list(clips)

    def countdown(self, seconds):
        pass

    def take(self, prompt, settings):
        from simulator.asr.streaming import StreamingTranscriber
        from simulator.delivery.pitch_track import PitchTrack

        y = np.concatenate([self.clips.pop(0), np.zeros(int(SILENCE_STOP_S * SAMPLE_RATE), np.float32)])
        streamer, track = StreamingTranscriber(), PitchTrack()
        t0 = time.monotonic()
        for i in range(0, y.size, BLOCK):
            delay = t0 + (i + BLOCK) / SAMPLE_RATE - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            track.feed(streamer.feed(y[i : i + BLOCK]))
        return Take(y=streamer.audio(), sr=SAMPLE_RATE, transcript=streamer.finish, pitch_track=track)


class TimedAnalyser(FullAnalyser):
    """Records how long each step of each answer's analysis took."""

    def __init__(self):
        super().__init__()
        self.times: dict[str, list[float]] = {"first": [], "second": [], "merge": []}

    def _timed(self, step, fn, *args):
        t0 = time.monotonic()
        try:
            return fn(*args)
        finally:
            self.times[step].append(time.monotonic() - t0)

    def first(self, take, question, context):
        return self._timed("first", super().first, take, question, context)

    def second(self, analysis, take):
        return self._timed("second", super().second, analysis, take)

    def merge(self, main, follow):
        return self._timed("merge", super().merge, main, follow)


def _fresh_home() -> None:
    os.environ["MOCK_INTERVIEW_HOME"] = tempfile.mkdtemp(prefix="bench-interview-")


def run_built(clips, plan, voice: str) -> tuple[list[float], TimedAnalyser]:
    """The interview as built; returns the waits (s) from each answer's end to the next prompt."""
    _fresh_home()
    analyser = TimedAnalyser()
    record = start_interview(plan, AnswerContext(), InterviewSettings(voice=voice))
    speaker = SilentPlayback(voice, on_note=print)
    run = run_interview(record, voice=speaker, answers=RealtimeAnswers(clips), analyser=analyser, on_note=print)
    waits, ended = [], None
    for t, kind, _pos, _part in run.events:
        if kind == ANSWER_END:
            ended = t
        elif kind == PROMPT_START and ended is not None:
            waits.append(t - ended)
    assert len(run.record.answers) == 3 and run.record.answers[0].follow_up is not None, "expected one follow-up"
    return waits, analyser


def run_sequential(clips, plan, voice: str) -> list[float]:
    """The baseline: each answer analysed whole, then the next prompt synthesised and asked."""
    from simulator.audio import tts
    from simulator.pipeline.followups import choose_follow_up
    from simulator.pipeline.interview import Prompt, follow_up_question, may_follow_up

    _fresh_home()
    analyser, answers, settings = FullAnalyser(), RealtimeAnswers(clips), InterviewSettings(voice=voice)
    queue = [(q, q, q.text) for q in plan]  # (the planned question, the question asked, what is said)
    waits = []
    while queue:
        planned, asked, text = queue.pop(0)
        take = answers.take(Prompt(1, planned, text), settings)
        ended = time.monotonic()
        analysis = analyser.first(take, asked, AnswerContext())
        analyser.second(analysis, take)
        follow = choose_follow_up(analysis) if asked is planned and may_follow_up(planned, settings) else None
        if follow is not None:
            queue.insert(0, (planned, follow_up_question(planned, follow.text, follow.aims_at), follow.text))
        if queue:
            tts.speech_file(queue[0][2], voice=voice)
            waits.append(time.monotonic() - ended)
    return waits


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--voice", default="espeak", choices=("espeak", "piper"))
    ap.add_argument("--repeat", type=int, default=1, help="runs of each variant; medians are shown")
    args = ap.parse_args()
    plan = by_ids(load_questions(), parse_ids(QUESTIONS))
    with tempfile.TemporaryDirectory() as folder:
        files = synthesise(Path(folder))
        clips = [load_audio(files[name])[0] for name in ORDER]
    warm_up()
    print(f"bench_interview on {cpu_line()}; voice {args.voice}; {len(plan)} questions, one follow-up")
    runs = [run_built(clips, plan, args.voice) for _ in range(args.repeat)]
    built = [statistics.median(w) for w in zip(*(waits for waits, _ in runs))]
    base = [statistics.median(w) for w in zip(*(run_sequential(clips, plan, args.voice) for _ in range(args.repeat)))]
    analyser = runs[-1][1]
    print(f"medians of {args.repeat} run(s) per variant")
    labels = ["goal -> follow-up", "follow-up -> Q2", "Q2 -> Q3 (closing)"]
    print(f"{'wait after the answer':<24} {'built (s)':>9} {'sequential (s)':>15} {'ratio':>6}")
    for label, b, s in zip(labels, built, base):
        print(f"{label:<24} {b:>9.2f} {s:>15.2f} {b / s:>6.2f}")
    print(
        f"{'mean':<24} {statistics.mean(built):>9.2f} {statistics.mean(base):>15.2f} "
        f"{statistics.mean(built) / statistics.mean(base):>6.2f}"
    )
    for step, times in analyser.times.items():
        print(f"analysis step {step:<7} " + ", ".join(f"{t:.2f}" for t in times) + " s")


if __name__ == "__main__":
    main()
