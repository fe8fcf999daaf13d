"""Bounded fuzzing (hypothesis): the audio loader and the text/rubric path
raise only the documented errors, whatever they are fed. Each test stops by
itself after a fixed number of examples (well under a minute in all)."""

from __future__ import annotations

import io
import struct

import numpy as np
import pytest
import soundfile as sf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.audio.files import load_audio
from simulator.errors import BadInputError
from simulator.model.analysis import AnswerContext
from simulator.model.transcript import Transcript
from simulator.pipeline.answer import analyze_text
from simulator.questions import load_questions

FUZZ = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _valid_wav() -> bytes:
    buf = io.BytesIO()
    sf.write(buf, (np.sin(np.arange(1600) / 5) * 0.3).astype(np.float32), 16_000, format="WAV", subtype="PCM_16")
    return buf.getvalue()


VALID = _valid_wav()
HEADERS = [b"", b"RIFF", VALID[:44], b"fLaC", b"OggS", b"ID3\x03\x00", b"\xff\xfb\x90\x64", b"\x00\x00\x00\x20ftypM4A "]


@st.composite
def audio_bytes(draw) -> bytes:
    """Random bytes, random headers, or a real WAV with bytes flipped or cut."""
    kind = draw(st.sampled_from(["random", "header", "mutated", "truncated"]))
    if kind == "random":
        return draw(st.binary(max_size=4096))
    if kind == "header":
        return draw(st.sampled_from(HEADERS)) + draw(st.binary(max_size=2048))
    if kind == "truncated":
        return VALID[: draw(st.integers(0, len(VALID)))]
    data = bytearray(VALID)
    for _ in range(draw(st.integers(1, 12))):
        pos = draw(st.integers(0, 63 if draw(st.booleans()) else len(data) - 1))
        data[pos] = draw(st.integers(0, 255))
    if draw(st.booleans()):  # a lying size field
        data[40:44] = struct.pack("<I", draw(st.integers(0, 2**32 - 1)))
    return bytes(data)


@FUZZ
@given(data=audio_bytes())
def test_loader_raises_only_documented_errors(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "input.wav"
    path.write_bytes(data)
    try:
        y, sr = load_audio(path)
    except BadInputError as e:
        assert str(e) and "\n" not in str(e)
        return
    assert sr == 16_000 and y.dtype == np.float32 and np.all(np.isfinite(y))


WORDS = st.sampled_from(
    "I my goal will when if maybe not never by March next year in three weeks team role company "
    "salary title promoted best ever marathon bake CPA exam course finished learned like um uh "
    "you know kind of sort of basically actually hopefully probably . , ? ! ; — ' \" ( ) 2027 10% $".split()
)
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(WORDS, min_size=1, max_size=120).map(" ".join),
)


@pytest.fixture(scope="module")
def questions():
    return load_questions()


@FUZZ
@given(text=TEXT, qi=st.integers(0, 2), role=st.one_of(st.none(), st.text(max_size=30)))
def test_text_path_raises_only_documented_errors(questions, text, qi, role):
    question = questions[qi % len(questions)]
    try:
        analysis = analyze_text(text, question, AnswerContext(role=role, company=None, posting=text[:200] or None))
    except BadInputError as e:
        assert not Transcript.from_text(text).words, f"only text without words is refused, got: {e}"
        return
    content = analysis.content
    assert 0 <= content.score <= 100
    assert {c.id for c in content.criteria} == set(question.criteria)
