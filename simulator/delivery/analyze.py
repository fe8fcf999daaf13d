"""``analyze_delivery``: signal + transcript in, ``DeliveryReport`` out."""

from __future__ import annotations

import bisect
import logging

import numpy as np

from simulator.delivery.clarity import measure_clarity
from simulator.delivery.coverage import skipped_speech
from simulator.delivery.fillers import find_fillers
from simulator.delivery.levels import Levels, measure_levels
from simulator.delivery.lexicon import count_words
from simulator.delivery.options import DeliveryOptions
from simulator.delivery.pace import pace_series, per_minute
from simulator.delivery.pauses import Silence, find_silences
from simulator.delivery.phrasing import Phrasing, pause_kind, phrase, words_around
from simulator.delivery.pitch import measure_pitch
from simulator.delivery.results import DeliveryReport, Pause
from simulator.delivery.verdict import judge
from simulator.delivery.volume import measure_volume
from simulator.errors import NoSpeechError
from simulator.model.transcript import Transcript

log = logging.getLogger(__name__)


def inner_pauses(silences: list[Silence], ph: Phrasing, transcript: Transcript) -> list[Pause]:
    """The silences strictly inside the answer, with their kind and neighbouring words."""
    ends = [seg[1] for seg in ph.segments]
    out = []
    for s in silences:
        if s.start <= ph.start or s.end >= ph.end:
            continue  # leading or trailing silence, or outside the answer
        k = bisect.bisect_left(ends, s.start - 1e-9)  # the segment that ends where this silence starts
        before, after = words_around(ph, k) if ph.word_segment else (None, None)
        words = transcript.words
        out.append(
            Pause(
                start=s.start,
                end=s.end,
                duration=round(s.end - s.start, 3),
                kind=pause_kind(words, before, after),
                after_word=words[before].word if before is not None else None,
                before_word=words[after].word if after is not None else None,
                word_index=after,
            )
        )
    return out


def speech_frames(levels: Levels, start: float, end: float) -> np.ndarray:
    """Mask of the frames above the silence threshold inside [start, end]."""
    t = levels.frame_time(np.arange(levels.db.size))
    return levels.active & (t >= start) & (t <= end)


def analyze_delivery(
    y: np.ndarray, sr: int, transcript: Transcript, *, options: DeliveryOptions | None = None, pitch_track=None
) -> DeliveryReport:
    """Measure pace, pauses, fillers, pitch, volume and clarity of one spoken answer.

    ``y`` is the answer's audio (mono, or (samples, channels) / (channels,
    samples); any rate), ``transcript`` its timed Whisper transcript.
    ``pitch_track`` (a ``PitchTrack`` fed ``y`` while it was recorded) holds
    pitch frames already measured.
    Raises NoSpeechError when the signal holds no sound above its noise floor.
    """
    from simulator.paths import configure_numba_cache

    configure_numba_cache()  # before librosa (levels, pitch) imports numba: its compiled functions are cached there
    opts = options or DeliveryOptions()
    levels = measure_levels(y, sr, opts)
    silences = find_silences(levels, min_silence_s=opts.min_pause_s, min_sound_s=opts.min_sound_s)
    ph = phrase(transcript.words, silences, levels.duration_s)
    if not ph.segments or ph.end <= ph.start:
        raise NoSpeechError("No speech detected: the recording holds no sound above its noise floor.")
    pauses = inner_pauses(silences, ph, transcript)
    long_pauses = [p for p in pauses if p.duration >= opts.long_pause_s]
    speaking = ph.end - ph.start
    paused = sum(p.duration for p in pauses)
    transcribed = count_words(transcript.words)
    skipped = skipped_speech(transcript.words, ph) if transcript.timed else []
    n_words = transcribed + sum(s.words for s in skipped)
    if skipped:
        log.info("Whisper skipped speech at %s", [(s.start, s.end, s.words) for s in skipped])
    wpm = per_minute(n_words, speaking)
    articulation = per_minute(n_words, max(speaking - paused, 1e-9))
    fillers = find_fillers(transcript.words)
    fillers_per_min = per_minute(len(fillers), speaking)
    speech = speech_frames(levels, ph.start, ph.end)
    pitch = measure_pitch(levels, speech, opts, known=pitch_track)
    volume = measure_volume(y, levels, speech, transcript.words, ph.start, ph.end, opts)
    clarity = measure_clarity(transcript.words, opts)
    verdict = judge(
        words=n_words,
        wpm=wpm,
        articulation_wpm=articulation,
        speaking_time_s=speaking,
        pauses=pauses,
        long_pauses=long_pauses,
        fillers=fillers,
        fillers_per_min=fillers_per_min,
        pitch=pitch,
        volume=volume,
        clarity=clarity,
        opts=opts,
    )
    return DeliveryReport(
        duration_s=round(levels.duration_s, 3),
        speaking_time_s=round(speaking, 3),
        words=n_words,
        wpm=round(wpm, 1),
        articulation_wpm=round(articulation, 1),
        pace_series=pace_series(transcript.words, ph.start, ph.end, opts, extra=skipped) if transcript.timed else [],
        pauses=pauses,
        long_pauses=long_pauses,
        longest_pause_s=round(max((p.duration for p in pauses), default=0.0), 3),
        pauses_per_min=round(per_minute(len(pauses), speaking), 2),
        fillers=fillers,
        fillers_per_min=round(fillers_per_min, 2),
        pitch=pitch,
        volume=volume,
        clarity=clarity,
        verdict=verdict,
        options=opts,
        speech_start_s=round(ph.start, 3),
        speech_end_s=round(ph.end, 3),
        transcribed_words=transcribed,
        skipped_speech=skipped,
    )
