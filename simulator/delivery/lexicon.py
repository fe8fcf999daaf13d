"""Small word lists and token helpers shared by the pause and filler rules.

Tokens are Whisper words with their punctuation attached ("goal," "March.").
The word lists live in ``prompts/words.toml`` [delivery]; every one is used by a
documented rule in ``phrasing`` or ``fillers``, and hesitation sounds come from
the tool's one list (``simulator.hesitations``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from simulator.model.transcript import Word
from simulator.model.transcript import bare as norm  # the one token normaliser

SENTENCE_END = ".?!"
CLAUSE_END = SENTENCE_END + ",;:—–"


@dataclass(frozen=True)
class DeliveryWords:
    """The lists of ``prompts/words.toml`` [delivery], and the sets the rules join from them."""

    subject_pronouns: frozenset[str]  # with the be_contractions: "I", "we", "it's"
    be_contractions: frozenset[str]
    clause_openers: frozenset[str]
    needs_continuation: frozenset[str]
    number_words: frozenset[str]
    determiners: frozenset[str]
    discourse: frozenset[str]
    auxiliaries: frozenset[str]  # with the be_contractions
    adverbs: frozenset[str]
    like_verb_cues: frozenset[str]  # with the subject pronouns, but not the be_contractions ("it's like")
    like_comparison_cues: frozenset[str]
    like_not_after_i: frozenset[str]
    like_clause_next: frozenset[str]  # with the subject pronouns and the adverbs
    you_know_verb_cues: frozenset[str]


def delivery_words() -> DeliveryWords:
    """The delivery word lists, read on first use (``mock-interview --help`` never reads them)."""
    from simulator.paths import prompts_dir

    return _joined(str(prompts_dir()))


@lru_cache(maxsize=4)
def _joined(folder: str) -> DeliveryWords:
    from simulator.word_lists import load_word_lists

    w = load_word_lists(folder)["delivery"]
    be, subjects = w["be_contractions"], w["subject_pronouns"]
    joined = {
        "subject_pronouns": subjects | be,
        "auxiliaries": w["auxiliaries"] | be,
        "like_verb_cues": subjects | w["like_verb_cues"],
        "like_clause_next": subjects | be | w["adverbs"] | w["like_clause_next"],
    }
    return DeliveryWords(**{**w, **joined})


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


def is_number(token: str) -> bool:
    t = norm(token)
    return bool(_NUMBER_RE.match(t)) or t in delivery_words().number_words


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
