"""Small word lists and token helpers shared by the pause and filler rules.

Tokens are Whisper words with their punctuation attached ("goal," "March.").
Every list here is used by a documented rule in ``phrasing`` or ``fillers``.
"""

from __future__ import annotations

import re

from simulator.model.transcript import Word
from simulator.model.transcript import bare as norm  # the one token normaliser

HESITATIONS = frozenset({"um", "uh", "er", "ah", "hmm", "erm", "uhm", "umm", "uhh", "mm", "hm", "mhm"})
CANONICAL_HESITATION = {"erm": "er", "uhm": "um", "umm": "um", "uhh": "uh", "mm": "hmm", "hm": "hmm", "mhm": "hmm"}

SENTENCE_END = ".?!"
CLAUSE_END = SENTENCE_END + ",;:—–"

SUBJECT_PRONOUNS = frozenset(
    {
        "i",
        "you",
        "we",
        "they",
        "he",
        "she",
        "it",
        "people",
        "i'm",
        "i'll",
        "i've",
        "i'd",
        "we're",
        "we'll",
        "we've",
        "we'd",
        "you're",
        "you'll",
        "you'd",
        "they're",
        "they'll",
        "they'd",
        "he's",
        "she's",
        "it's",
        "that's",
        "there's",
    }
)
# Words that open a new clause: a pause before them is at a boundary.
CLAUSE_OPENERS = frozenset(
    {
        "and",
        "but",
        "or",
        "so",
        "because",
        "cause",
        "then",
        "when",
        "while",
        "if",
        "although",
        "though",
        "since",
        "unless",
        "until",
        "whereas",
        "which",
        "who",
        "where",
        "however",
        "also",
        "plus",
        "anyway",
        "well",
        "now",
        "first",
        "second",
        "third",
        "finally",
        "next",
        "after",
        "before",
        "once",
        "yet",
        "therefore",
        "instead",
    }
)
# Words that cannot end a phrase: a pause right after one is mid-phrase.
NEEDS_CONTINUATION = frozenset(
    {
        # articles, determiners, possessives
        "a",
        "an",
        "the",
        "this",
        "these",
        "those",
        "my",
        "your",
        "our",
        "their",
        "his",
        "her",
        "its",
        "some",
        "any",
        "every",
        "each",
        "no",
        "another",
        "such",
        # prepositions and the infinitive marker
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "about",
        "into",
        "onto",
        "over",
        "under",
        "through",
        "between",
        "toward",
        "towards",
        "during",
        "without",
        "within",
        "like",
        "than",
        "as",
        "via",
        # auxiliaries and modals
        "am",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "i'm",
        "i'll",
        "i've",
        "i'd",
        "we're",
        "we'll",
        "we've",
        "you're",
        "you'll",
        "they're",
        "they'll",
        "it's",
        "that's",
        "there's",
        "don't",
        "didn't",
        "won't",
        "can't",
        "isn't",
        "wasn't",
        "aren't",
        # subject pronouns, conjunctions and intensifiers waiting for their head
        "i",
        "we",
        "they",
        "he",
        "she",
        "and",
        "but",
        "or",
        "because",
        "if",
        "when",
        "while",
        "although",
        "that",
        "which",
        "who",
        "whose",
        "where",
        "very",
        "really",
        "more",
        "most",
        "quite",
        "so",
        "too",
    }
)
NUMBER_WORDS = frozenset(
    {
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "fifteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "million",
        "billion",
        "half",
        "dozen",
        "couple",
        "few",
        "maybe",
        "about",
        "around",
    }
)
DETERMINERS = frozenset(
    {
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "what",
        "which",
        "any",
        "some",
        "every",
        "each",
        "no",
        "one",
        "same",
        "different",
        "other",
        "all",
        "many",
        "certain",
        "right",
        "wrong",
        "new",
        "whatever",
        "my",
        "your",
        "our",
        "their",
        "his",
        "her",
        "its",
        "whole",
    }
)

_NUMBER_RE = re.compile(r"^[$£€]?\d[\d,.]*%?$")
_WORDY = re.compile(r"[^\W_]", re.UNICODE)


def is_continuation(token: str) -> bool:
    """Whisper splits some words: '-time.' or "'s" continue the previous token."""
    t = token.strip()
    return bool(t) and t[0] in "-'’" and bool(_WORDY.search(t))


def is_word(token: str) -> bool:
    return bool(_WORDY.search(token))


def count_words(words: list[Word]) -> int:
    """Spoken words: tokens with letters or digits, continuation pieces not counted twice."""
    return sum(1 for i, w in enumerate(words) if is_word(w.word) and not (i and is_continuation(w.word)))


def is_hesitation(token: str) -> bool:
    return norm(token) in HESITATIONS


def is_number(token: str) -> bool:
    t = norm(token)
    return bool(_NUMBER_RE.match(t)) or t in NUMBER_WORDS


def ends_with(token: str, marks: str) -> bool:
    """True when the token ends in one of ``marks`` (ignoring closing quotes and brackets).

    An ellipsis ("to...") marks an unfinished phrase, so it never counts as an end.
    """
    t = token.rstrip("\"'”’)] ")
    if not t or t.endswith("...") or t.endswith("…"):
        return False
    return t[-1] in marks


def trails_off(token: str) -> bool:
    """True for an unfinished token: "to..." or "to -"."""
    t = token.rstrip()
    return t.endswith("...") or t.endswith("…") or t.endswith("-") or t.endswith("—")
