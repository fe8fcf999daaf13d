"""Typed transcript containers shared by every analysis module."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_LETTERS = re.compile(r"[^\W_]", re.UNICODE)
_STRAIGHT_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
EDGE_PUNCTUATION = '.,!?;:"“”()[]…-'  # stripped from a word's ends; apostrophes stay ("'s", "goin'")
_WORD_BREAKS = re.compile(r"[\s\-–—/]+")  # between the words of a text: "follow-up" is two


def fold(text: str) -> str:
    """Lower-case with straight apostrophes, the one form words are compared in: 'Don’t' -> "don't"."""
    return text.translate(_STRAIGHT_APOSTROPHES).lower()


def bare(word: str) -> str:
    """A word as compared: folded, surrounding punctuation stripped: ' Goal,' -> 'goal'."""
    return fold(word.strip().strip(EDGE_PUNCTUATION))


def bare_words(text: str) -> list[str]:
    """The bare words of a text, split at white space, dashes and slashes; punctuation alone is dropped."""
    return [w for w in map(bare, _WORD_BREAKS.split(text)) if w]


@dataclass(frozen=True)
class Word:
    """One transcribed word.

    ``word`` is the text as transcribed, without surrounding white space but
    with attached punctuation ("goal," "March."), which marks clause ends.
    Times are seconds in the audio, or None for text-only input.
    """

    word: str
    start: float | None = None
    end: float | None = None
    probability: float = 1.0


@dataclass
class Transcript:
    """What was said: full text plus per-word timing."""

    text: str
    words: list[Word] = field(default_factory=list)
    language: str = "en"
    language_probability: float = 1.0
    # Decoder confidence: duration-weighted mean token log-probability of the
    # kept segments (None for text input). Very low values mean the audio is
    # not English speech the English-only model can follow.
    avg_logprob: float | None = None

    @property
    def timed(self) -> bool:
        """True when the words carry times from audio."""
        return bool(self.words) and self.words[0].start is not None

    @classmethod
    def from_text(cls, text: str) -> Transcript:
        """Build an untimed transcript from plain text (for ``analyze --text``)."""
        tokens = text.split()
        words = [Word(t) for t in tokens if _LETTERS.search(t)]
        return cls(text=" ".join(tokens), words=words)
