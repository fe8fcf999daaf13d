"""The typed result of the delivery analysis. Field names are the JSON names."""

from __future__ import annotations

from dataclasses import dataclass, field

from simulator.delivery.options import DeliveryOptions

BOUNDARY = "boundary"  # pause at a sentence or clause boundary
HESITATION = "hesitation"  # pause in mid-phrase

PACE_TOO_SLOW = "too slow"
PACE_OK = "slow and clear"
PACE_TOO_FAST = "too fast"


@dataclass(frozen=True)
class Pause:
    """A silence inside the answer, measured on the signal (seconds)."""

    start: float
    end: float
    duration: float
    kind: str  # BOUNDARY or HESITATION
    after_word: str | None = None  # the word spoken before the pause
    before_word: str | None = None  # the word spoken after it
    word_index: int | None = None  # index in transcript.words of the word after the pause


@dataclass(frozen=True)
class Skipped:
    """A stretch of speech Whisper gave (almost) no words (see ``coverage``)."""

    start: float
    end: float
    words: int  # estimated words missing from the transcript here


@dataclass(frozen=True)
class PacePoint:
    """Words per minute in a window centred on ``t`` seconds."""

    t: float
    wpm: float


@dataclass(frozen=True)
class Filler:
    """One filler use: a hesitation sound, or a filler use of a word like "like"."""

    word: str  # canonical form: "um", "uh", "like", "you know", "I mean", ...
    start: float | None
    end: float | None = None
    word_index: int = 0  # index in transcript.words of its first word
    n_words: int = 1  # how many transcript words it spans
    rule: str = ""  # why it counts (transparent rule name)


@dataclass(frozen=True)
class Pitch:
    """Voice pitch over voiced frames only."""

    median_hz: float | None
    range_semitones: float | None  # 10th to 90th percentile
    monotone: bool
    p10_hz: float | None = None
    p90_hz: float | None = None
    voiced_s: float = 0.0  # seconds of voiced speech the figures rest on


@dataclass(frozen=True)
class Volume:
    """Loudness while speaking, in dB relative to full scale."""

    mean_dbfs: float | None  # RMS level of the speech frames
    too_quiet: bool
    clipping: bool
    trailing_off: bool
    peak_dbfs: float | None = None
    clipped_fraction: float = 0.0  # share of samples in the answer at the clip level
    ending_drop_db: float | None = None  # median drop at sentence ends
    noise_floor_dbfs: float | None = None
    silence_threshold_dbfs: float | None = None


@dataclass(frozen=True)
class UnsureWord:
    word: str
    start: float | None
    probability: float


@dataclass(frozen=True)
class UnclearStretch:
    """Two or more consecutive words Whisper was unsure of."""

    start: float | None
    end: float | None
    text: str


@dataclass(frozen=True)
class Clarity:
    """How sure Whisper was of the words (hesitation sounds excluded)."""

    mean_probability: float | None
    unsure_words: list[UnsureWord] = field(default_factory=list)
    unclear_stretches: list[UnclearStretch] = field(default_factory=list)
    clear: bool = True


@dataclass(frozen=True)
class Verdict:
    pace: str  # PACE_TOO_SLOW, PACE_OK or PACE_TOO_FAST
    slow_and_clear: bool
    reasons: list[str] = field(default_factory=list)  # things to change, most important first
    strengths: list[str] = field(default_factory=list)  # what went well


def filler_counts(fillers: list[Filler]) -> dict[str, int]:
    """Fillers per canonical word, most frequent first."""
    counts: dict[str, int] = {}
    for f in fillers:
        counts[f.word] = counts.get(f.word, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


@dataclass(frozen=True)
class DeliveryReport:
    """How the answer was said."""

    duration_s: float
    speaking_time_s: float
    words: int
    wpm: float
    articulation_wpm: float
    pace_series: list[PacePoint]
    pauses: list[Pause]
    long_pauses: list[Pause]
    longest_pause_s: float
    pauses_per_min: float
    fillers: list[Filler]
    fillers_per_min: float
    pitch: Pitch
    volume: Volume
    clarity: Clarity
    verdict: Verdict
    options: DeliveryOptions
    speech_start_s: float = 0.0  # the answer's first sound (s)
    speech_end_s: float = 0.0  # its last sound (s)
    transcribed_words: int = 0  # words in the transcript; ``words`` adds those Whisper skipped
    skipped_speech: list[Skipped] = field(default_factory=list)  # sound Whisper gave (almost) no words

    @property
    def too_short(self) -> bool:
        """Too little speech to judge pace and pitch (the verdict says so too)."""
        return self.speaking_time_s < self.options.min_judged_speech_s

    @property
    def hesitations(self) -> list[Pause]:
        return [p for p in self.pauses if p.kind == HESITATION]

    def filler_counts(self) -> dict[str, int]:
        """Fillers per canonical word, most frequent first."""
        return filler_counts(self.fillers)
