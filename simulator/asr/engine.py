"""What every speech-to-text engine shares: its options, its interface, and the
rules that turn Whisper segments into a ``Transcript``.

Both engines run the same weights and must report alike, so the
hallucination rule, filler spelling, word rounding and confidence weighting
live here once. Importing this module is cheap (no numpy, no model library):
the command line reads the option defaults from it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from simulator.hesitations import hesitation
from simulator.model.transcript import Transcript, Word

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

# A segment Whisper itself thinks is probably not speech, and decoded with low
# confidence, is a hallucination on noise or music ("I'm, I'm, I'm..."): dropped.
NO_SPEECH_PROB = 0.6
NO_SPEECH_MAX_LOGPROB = -0.5
MIN_SEGMENT_S = 0.01  # s; a segment's least weight in the mean log-probability

# Whisper drops hesitations unless its prompt shows them; this keeps most.
FILLER_PROMPT = "Umm, let me think like, hmm... Okay, here's what I'm, like, thinking."

# A decode whose words are mostly instants has broken timing: the prompt can make tiny.en open with a late
# timestamp and cram the stretch's words into its end, dropping the rest (normal decodes: at most 9 % instants).
INSTANT_WORD_S = 0.02  # s; a word shorter than this has no real duration
MAX_INSTANT_SHARE = 0.5  # share of instant words above which the timing is broken
MIN_WORDS_TIMING = 4  # fewer words say too little about the timing


@dataclass(frozen=True)
class TranscribeOptions:
    """Decoding settings, recorded in every result so a report can be reproduced.

    The defaults are faster-whisper's; ``simulator.asr.engines.options_for``
    applies another engine's own defaults.
    """

    engine: str = "faster-whisper"
    model: str = "tiny.en"  # a name in simulator.asr.models.MODEL_NAMES, or the folder given as model_path
    model_path: str | None = None  # a CTranslate2 model folder; None: the model ``model`` names
    compute_type: str = "int8"
    beam_size: int = 5
    language: str = "en"
    initial_prompt: str = FILLER_PROMPT
    vad_filter: bool = False  # VAD shifts word timestamps; pauses need them exact
    cpu_threads: int = 1  # per worker; 0: the library's default (all cores)
    workers: int = 2  # stretches transcribed at the same time


class Engine:
    """One speech-to-text implementation; ``simulator.asr.engines`` names them.

    An engine decodes one stretch of 16 kHz mono samples into a transcript
    whose word times are offset by ``offset_s``; cutting an answer into
    stretches and running them side by side is the caller's business.
    """

    name: ClassVar[str]
    # Options that differ from TranscribeOptions' defaults for this engine.
    option_defaults: ClassVar[Mapping[str, object]] = {}
    # Stretches this engine can decode side by side on one model (None: as many as the options ask).
    max_workers: ClassVar[int | None] = 1

    def load(self, options: TranscribeOptions) -> object:
        """Load (once) and return the model for ``options``."""
        raise NotImplementedError

    def transcribe(
        self,
        y: np.ndarray,
        *,
        options: TranscribeOptions,
        offset_s: float = 0.0,
        speech_end_s: float | None = None,
    ) -> Transcript:
        """Transcribe ``y``; ``speech_end_s`` (seconds into ``y``) is where its speech ends, if known."""
        raise NotImplementedError

    def workers(self, options: TranscribeOptions) -> int:
        """How many stretches to decode at the same time with these options."""
        cap = options.workers if self.max_workers is None else min(options.workers, self.max_workers)
        return max(1, cap)


def normalize_filler(token: str) -> str:
    """Spell hesitations one way: 'Umm,' -> 'Um,'; leaves real words alone."""
    core = token.strip(".,!?;:…- ")
    canon = hesitation(core)  # the one list: prompts/lexicons.toml [hesitations]
    if canon is None or not core:
        return token
    if core[0].isupper():
        canon = canon.capitalize()
    return token.replace(core, canon, 1)


def is_non_speech(start: float, text: str, no_speech_prob: float, avg_logprob: float) -> bool:
    """True for a segment to drop: Whisper doubts it is speech and decoded it with low confidence."""
    if no_speech_prob > NO_SPEECH_PROB and avg_logprob < NO_SPEECH_MAX_LOGPROB:
        log.info("dropping a likely non-speech segment at %.1f s: %r", start, text)
        return True
    return False


def timing_collapsed(transcript: Transcript) -> bool:
    """True when most words of ``transcript`` last no time: the decode's word timing (and often its words) broke."""
    words = transcript.words
    if len(words) < MIN_WORDS_TIMING:
        return False
    instants = sum(w.end - w.start < INSTANT_WORD_S for w in words)
    return instants / len(words) > MAX_INSTANT_SHARE


def timed_words(words: Iterable[tuple[str, float, float, float]], offset_s: float) -> list[Word]:
    """``(text, start, end, probability)`` from a segment as Words, fillers spelled one way."""
    out = []
    for text, start, end, probability in words:
        token = normalize_filler(text.strip())
        if token:
            out.append(
                Word(
                    token,
                    round(float(start) + offset_s, 3),
                    round(float(end) + offset_s, 3),
                    round(float(probability), 4),
                )
            )
    return out


def joined_text(texts: Iterable[str]) -> str:
    """The kept segments' texts as one line, fillers spelled as in the words."""
    return " ".join(normalize_filler(t) for t in " ".join(t.strip() for t in texts).split())


def weighted_logprob(spans: Iterable[tuple[float, float, float]]) -> float | None:
    """Duration-weighted mean of ``(start, end, avg_logprob)`` segment log-probabilities."""
    pairs = [(lp, max(end - start, MIN_SEGMENT_S)) for start, end, lp in spans]
    total = sum(w for _, w in pairs)
    return round(sum(lp * w for lp, w in pairs) / total, 4) if total else None


def heard_language(parts: list[Transcript]) -> tuple[str, float]:
    """The language heard over most of the speech: each stretch's votes for its language with
    its probability times its span; returns that language and its share of all the spans."""
    votes: dict[str, float] = {}
    total = 0.0
    for p in parts:
        if p.words:
            span = max(p.words[-1].end - p.words[0].start, MIN_SEGMENT_S)
            votes[p.language] = votes.get(p.language, 0.0) + p.language_probability * span
            total += span
    if not votes:
        return Transcript.language, Transcript.language_probability
    language = max(votes, key=votes.__getitem__)
    return language, round(votes[language] / total, 4)


def merge_transcripts(parts: list[Transcript]) -> Transcript:
    """Join consecutive stretch transcripts (word times already absolute), weighting confidence by word span."""
    words = [w for p in parts for w in p.words]
    text = " ".join(p.text for p in parts if p.text)
    spans = [(p.words[0].start, p.words[-1].end, p.avg_logprob) for p in parts if p.words and p.avg_logprob is not None]
    language, probability = heard_language(parts)
    return Transcript(
        text=text, words=words, language=language, language_probability=probability, avg_logprob=weighted_logprob(spans)
    )
