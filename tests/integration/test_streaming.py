"""Stretches and streaming: cuts only inside silences, the same cuts live and
for a whole file, no window decoded past the speech, and transcripts that
match a whole-file transcription."""

from __future__ import annotations

import time

import numpy as np
import pytest

from simulator.asr.faster_engine import get_model
from simulator.asr.pause_cutter import FLOOR_PERCENTILE, PauseCutter, plan_stretches
from simulator.asr.streaming import StreamingTranscriber, StreamOptions
from simulator.asr.transcribe import transcribe, transcribe_stretches
from simulator.asr.wer import wer
from simulator.audio.files import load_audio
from simulator.pipeline.answer import transcribe_answer
from tests.conftest import FIXTURES, load_truth

SR = 16_000
BLOCK = 800  # 50 ms, as the recorder delivers


def feed_all(streamer: StreamingTranscriber, y: np.ndarray, sr: int = SR) -> None:
    for i in range(0, y.size, BLOCK):
        streamer.feed(y[i : i + BLOCK], sr)


class _NoASR(StreamingTranscriber):
    """Records the stretches it would transcribe instead of running the model."""

    def _decode(self, s):
        from concurrent.futures import Future

        from simulator.model.transcript import Transcript

        job = Future()
        job.set_result(Transcript(text=""))
        return job


def _bursts(spans: list[tuple[float, float]], total_s: float, noise_dbfs: float = -55.0) -> np.ndarray:
    rng = np.random.default_rng(0)
    y = rng.normal(0, 10 ** (noise_dbfs / 20), int(total_s * SR)).astype(np.float32)
    t = np.arange(y.size) / SR
    for a, b in spans:
        sel = (t >= a) & (t < b)
        y[sel] += 0.3 * np.sin(2 * np.pi * 220 * t[sel]).astype(np.float32)
    return y


# Speech bursts (s), total length (s) -> the silences (s) where the audio must be cut,
# with min_chunk_s = 8 s. The last cut is the end of the answer and is not checked.
CUTS = [
    (
        "6 s phrases: cut in the 0.8 s silences, never in the 0.3 s one",
        [(0.5, 6.5), (6.8, 12.8), (13.6, 19.6), (20.4, 26.4), (27.2, 33.2)],
        35.0,
        [(12.8, 13.6), (26.4, 27.2)],
    ),
    (
        "a silence that begins before 8 s of speech and lasts past it is cut",
        [(0.5, 6.5), (9.5, 15.5), (15.8, 21.0)],
        22.0,
        [(6.5, 9.5)],
    ),
    ("no silence of 0.5 s: no cut before the end", [(0.5, 6.5), (6.8, 12.8), (13.1, 19.0)], 20.0, []),
]


@pytest.mark.parametrize("label, spans, total_s, cut_in", CUTS, ids=[c[0] for c in CUTS])
def test_cuts_fall_inside_silences_only(label, spans, total_s, cut_in):
    s = _NoASR(stream_options=StreamOptions(min_chunk_s=8.0))
    feed_all(s, _bursts(spans, total_s))
    s.finish()
    inner = s.cuts[:-1]
    assert len(inner) == len(cut_in), (label, s.cuts)
    for cut, (a, b) in zip(inner, cut_in):
        assert a < cut < b, (label, cut)
    assert s.cuts[-1] == pytest.approx(spans[-1][1], abs=0.3), "the answer ends after its last word"


def test_the_threshold_is_numpys_percentile_of_the_levels_so_far():
    # The cutter keeps its levels sorted instead of calling np.percentile on every
    # block (quadratic in the answer's length); the threshold must not move by a bit.
    rng = np.random.default_rng(3)
    level = np.repeat(10 ** rng.uniform(-4, -0.5, 200), 160)  # 10 ms steps of random loudness
    y = (rng.normal(0, 1, level.size) * level).astype(np.float32)
    so = StreamOptions()
    cutter = PauseCutter(SR, so)
    for i in range(0, y.size, 373):  # odd blocks: some add no frame, the first adds one
        cutter.feed(y[i : i + 373])
        if cutter._frame_db:
            floor, typical = np.percentile(cutter._frame_db, [FLOOR_PERCENTILE, 50])
            expected = max(
                float(min(floor + so.speech_margin_db, typical - so.below_typical_db)), so.min_threshold_dbfs
            )
            assert cutter.threshold_db() == expected


def test_other_rates_are_resampled_on_the_fly():
    y16 = _bursts([(0.5, 3.0)], 4.0)
    import soxr

    s = _NoASR()
    feed_all(s, soxr.resample(y16, SR, 48_000).astype(np.float32), 48_000)
    assert abs(s.duration_s - 4.0) < 0.05


@pytest.fixture(scope="module")
def good_answer():
    return load_audio(FIXTURES / "good_answer.flac")


def test_streamed_transcript_matches_whole_file(good_answer):
    # The whole-file transcription is analyze's: the file cut by the same cutter
    # after the fact. faster-whisper's own 30 s windows over the file are not a
    # stable reference: they move 1-6 % from themselves when 0.1-0.25 s of
    # silence is added before the answer, and differ by CPU (bench/bench_streaming.py).
    y, sr = good_answer
    whole = transcribe_answer(y, sr)
    s = StreamingTranscriber()
    feed_all(s, y)
    streamed = s.finish()
    assert len(s.cuts) >= 2, "a 60 s answer should be transcribed in several stretches"
    assert wer(whole.text, streamed.text) <= 0.03
    assert wer(load_truth("good_answer")["script"], streamed.text) <= 0.15
    starts = [w.start for w in streamed.words]
    assert starts == sorted(starts) and streamed.words[-1].end <= y.size / sr + 0.1


@pytest.mark.parametrize("name", ["pace_easy", "rushed_answer"])
def test_a_short_answer_cut_once_streams_to_the_whole_file_words(name):
    # 17-19 s answers: a cut after 12 s, then a few seconds that are joined back.
    y, sr = load_audio(FIXTURES / f"{name}.flac")
    s = StreamingTranscriber()
    feed_all(s, y)
    streamed = s.finish()
    assert len(plan_stretches(y, sr)) == 1
    assert wer(transcribe(y, sr).text, streamed.text) <= 0.03


def test_a_whole_file_is_cut_where_a_live_recording_is():
    spans = [(0.5, 6.5), (6.8, 12.8), (13.6, 19.6), (20.4, 26.4), (27.2, 33.2)]
    y = _bursts(spans, 35.0)
    options = StreamOptions(min_chunk_s=8.0)
    live = _NoASR(stream_options=options)
    feed_all(live, y)
    live.finish()
    stretches = plan_stretches(y, SR, options=options)
    # The last stretch too: both end at the guess in the silence after the last word.
    assert [s.end / SR for s in stretches] == live.cuts
    assert stretches[0].start == 0 and all(a.end == b.start for a, b in zip(stretches, stretches[1:]))
    assert spans[-1][1] < stretches[-1].end / SR < spans[-1][1] + 0.3, "only silence may be left after the last stretch"
    for s in stretches:  # each stretch's speech ends at the burst before its cut (within a frame)
        burst_end = max(b for _, b in spans if b <= s.end / SR + 1e-9)
        assert abs(s.speech_end / SR - burst_end) <= 0.02 + 1e-9 and s.speech_end <= s.end


# How the recording ended -> where the last stretch ends. Speech 0.5-6.5 s, a 0.4 s
# pause (a guess there, decoded at once), then more speech until 9.0 s. The earlier
# guess is never made a cut: the answer is decoded in one stretch, as its file would be.
ENDINGS = [
    ("silence stop: the guess in the final silence is the last stretch", 3.0, 9.0 + 0.13),
    ("Enter 0.1 s after the last word: the whole answer is decoded at the stop", 0.1, 9.1),
    ("Enter mid-word: the whole answer is decoded at the stop", 0.0, 9.0),
]


@pytest.mark.parametrize("label, silence_after_s, end_s", ENDINGS, ids=[e[0] for e in ENDINGS])
def test_finish_keeps_the_final_guess_or_decodes_the_whole_last_stretch(label, silence_after_s, end_s):
    y = _bursts([(0.5, 6.5), (6.9, 9.0)], 9.0 + silence_after_s)
    s = _NoASR()
    feed_all(s, y)
    s.finish()
    assert s.cuts == [pytest.approx(end_s, abs=0.03)], label
    assert len(plan_stretches(y, SR)) == 1, "the file is one stretch too"


@pytest.mark.parametrize("name, stop_after_s", [("pace_easy", 0.3), ("pace_fast", 0.3), ("pace_fast", 0.0)])
def test_a_stop_soon_after_the_last_word_streams_to_the_whole_file_words(name, stop_after_s):
    # Decoding only the words after the latest guess (at 0.97 s, or inside the
    # last sentence) gave "See you in the next one. Do you hear me? ..." for
    # pace_fast and "Folding that I read it" for pace_easy (bench/eval_tail.py).
    y, sr = load_audio(FIXTURES / f"{name}.flac")
    end = int(round(load_truth(name)["speech_end"] * sr))
    y = np.concatenate([y[:end], np.zeros(int(round(stop_after_s * sr)), np.float32)])
    s = StreamingTranscriber()
    feed_all(s, y[: end - sr])
    time.sleep(3.0)  # the guesses made so far finish, as they would while the person talks
    feed_all(s, y[end - sr :])
    streamed = s.finish()
    assert wer(transcribe_answer(y, sr).text, streamed.text) <= 0.03


def test_no_window_is_decoded_past_the_end_of_speech(good_answer):
    y, sr = good_answer
    first = plan_stretches(y, sr)[0]
    chunk = y[first.start : first.end]
    model = get_model()
    calls = []  # one per encoder pass that ran (the guard refuses a pass before it starts)
    encode = model.encode

    def counted(features):
        out = encode(features)
        calls.append(1)
        return out

    model.encode = counted
    try:
        plain = transcribe(chunk, sr)
        plain_calls, calls[:] = len(calls), []
        stopped = transcribe(chunk, sr, speech_end_s=(first.speech_end - first.start) / sr)
    finally:
        del model.encode
    assert len(calls) < plain_calls and len(calls) == 1
    assert stopped.text == plain.text


def test_stretches_are_transcribed_in_place(good_answer):
    y, sr = good_answer
    stretches = plan_stretches(y, sr)
    assert len(stretches) >= 3
    stretched = transcribe_stretches(y, sr, stretches)
    assert wer(load_truth("good_answer")["script"], stretched.text) <= 0.15
    for s in stretches:  # every word lies in the stretch it was decoded from
        inside = [w for w in stretched.words if s.start / sr <= w.start < s.end / sr]
        assert inside and all(w.end <= s.end / sr + 0.05 for w in inside)
    starts = [w.start for w in stretched.words]
    assert starts == sorted(starts)


_FALLBACK_CLIP = """
import json, sys
import numpy as np
from simulator.audio.files import load_audio
from simulator.asr.engine import FILLER_PROMPT, TranscribeOptions
from simulator.asr.faster_engine import get_model
easy, sr = load_audio(sys.argv[1])
fast, _ = load_audio(sys.argv[2])
# The end of the easy-paced answer, 1 s of silence, then most of the fast one:
# tiny.en fails its checks on this window and decodes it again by sampling.
y = np.concatenate([easy[263_427:], np.zeros(sr, np.float32), fast[:193_756]])
# One CTranslate2 worker: it keeps one random generator per worker thread, and
# with two a request may land on either (see faster_engine.SAMPLING_SEED).
segments, _ = get_model(TranscribeOptions(workers=1)).transcribe(
    y, language="en", beam_size=5, word_timestamps=True, initial_prompt=FILLER_PROMPT,
    condition_on_previous_text=False)
segments = list(segments)
print(json.dumps({"temperatures": [s.temperature for s in segments], "text": " ".join(s.text for s in segments)}))
"""


def test_a_sampled_redecode_on_one_worker_is_the_same_in_every_new_process():
    import json
    import subprocess
    import sys

    args = [sys.executable, "-c", _FALLBACK_CLIP, str(FIXTURES / "pace_easy.flac"), str(FIXTURES / "pace_fast.flac")]
    runs = [json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout) for _ in range(2)]
    assert any(t > 0 for t in runs[0]["temperatures"]), "the clip no longer makes Whisper fall back to sampling"
    assert runs[0]["text"] == runs[1]["text"]


def test_when_idle_waits_for_a_worker_with_no_stretch_left(monkeypatch):
    import threading

    import simulator.asr.transcribe as tr
    from simulator.asr.engines import get_engine
    from simulator.asr.pause_cutter import Stretch
    from simulator.model.transcript import Transcript, Word

    events: list[tuple[str, float]] = []
    lock = threading.Lock()

    def fake_stretch(y, sr, s, *, options):
        with lock:
            events.append(("start", s.start))
        time.sleep(0.05 * (1 + s.start // SR))  # later stretches take longer
        return Transcript(text=str(s.start), words=[Word(str(s.start), s.start / SR, s.start / SR + 0.1)])

    def idle():
        with lock:
            events.append(("idle", -1))
        time.sleep(0.1)
        with lock:
            events.append(("idle done", -1))

    monkeypatch.setattr(tr, "transcribe_stretch", fake_stretch)
    monkeypatch.setattr(get_engine("faster-whisper"), "load", lambda options: None)
    stretches = [Stretch(k * SR, (k + 1) * SR, (k + 1) * SR) for k in range(5)]
    out = tr.transcribe_stretches(np.zeros(5 * SR, np.float32), SR, stretches, when_idle=idle)
    kinds = [k for k, _ in events]
    assert kinds.index("idle") > max(i for i, k in enumerate(kinds) if k == "start")
    assert kinds[-1] == "idle done", "returns only once the idle task is done"
    assert out.text.split() == [str(s.start) for s in stretches]


class _TimedASR(StreamingTranscriber):
    """Guesses before the last word are ready at once; other decodes take ``delay_s``.
    Each transcript says when its decode started."""

    def __init__(self, delay_s: float):
        super().__init__()
        self.delay_s, self.stopped = delay_s, False

    def finish(self):
        self.stopped = True
        return super().finish()

    def _decode(self, s):
        from concurrent.futures import Future

        from simulator.model.transcript import Transcript

        if not self.stopped and s.end < 8.5 * SR:
            job = Future()
            job.set_result(Transcript(text="earlier guess"))
            return job
        label = "at the stop" if self.stopped else "guess of the whole ending"
        return self._pool.submit(lambda: (time.sleep(self.delay_s), Transcript(text=label))[1])


# Speech 0.5-6.5 s, a guess in the 0.4 s pause (ready at once), speech until 9.0 s;
# the recording stops at total_s, and decodes after the earlier guess take 0.3 s.
FINISHES = [
    (
        "Enter 0.35 s after the last word: the running guess of the whole ending is waited for",
        9.35,
        "guess of the whole ending",
    ),
    ("Enter mid-word: the whole ending is decoded at the stop", 9.0, "at the stop"),
]


@pytest.mark.parametrize("label, total_s, text", FINISHES, ids=[f[0] for f in FINISHES])
def test_finish_never_makes_the_earlier_guess_a_cut(label, total_s, text):
    s = _TimedASR(delay_s=0.3)
    feed_all(s, _bursts([(0.5, 6.5), (6.9, 9.0)], total_s))
    assert s.finish().text == text, label
    assert len(s.cuts) == 1


# Speech bursts (s), total length (s) -> where the live recording is cut before its
# end, which the file's plan matches. A cut at 12-13 s after enough speech, then a
# short last stretch: joined to the one before unless the two exceed 25 s.
JOINS = [
    ("a short last stretch joins the one before", [(0.5, 13.0), (13.6, 17.0)], 20.0, []),
    ("a last stretch of 12 s or more stays apart", [(0.5, 12.2), (12.8, 24.5)], 27.5, [(12.2, 12.8)]),
    ("the two would not fit in 25 s", [(0.5, 20.0), (20.6, 27.0)], 30.0, [(20.0, 20.6)]),
    (
        "a last stretch already cut by the silence after it stays apart",
        [(0.5, 13.0), (13.6, 24.9)],
        27.0,
        [(13.0, 13.6)],
    ),
    (
        "Enter 0.1 s after the last word: the joined stretch is decoded whole, as the file's plan does",
        [(0.5, 13.0), (13.6, 16.0), (16.4, 18.0)],
        18.1,
        [],
    ),
]


@pytest.mark.parametrize("label, spans, total_s, cut_in", JOINS, ids=[j[0] for j in JOINS])
def test_a_short_last_stretch_is_decoded_with_the_one_before(label, spans, total_s, cut_in):
    y = _bursts(spans, total_s)
    live = _NoASR()
    feed_all(live, y)
    live.finish()
    inner = live.cuts[:-1]
    assert len(inner) == len(cut_in), (label, live.cuts)
    for cut, (a, b) in zip(inner, cut_in):
        assert a < cut < b, (label, cut)
    assert [s.end / SR for s in plan_stretches(y, SR)[:-1]] == inner
