"""Fillers: hesitation sounds, and filler uses of "like", "you know", "I mean",
"kind of", "sort of", "basically" and "actually".

The rules read the transcript's words with their punctuation. For each
candidate the first rule that matches decides; each reported filler names its
rule. "Before"/"after" mean the neighbouring transcript words; a word "ends in a
comma" when the transcript puts , ; : - or ... after it. A *clause start* is the
first word, a word after . ? ! or a comma, or a word after a discourse word
(and, but, so, or, because, then, well, yeah, okay, um, uh...).

Hesitation sounds (um, uh, er, ah, hmm and their spellings): always fillers.

"like":
  L1 after a subject or auxiliary with no comma between ("I like", "would like",
     "to like", "don't like", "really like")           -> verb, not a filler
  L2 after a comparison word ("looks like", "feel like", "something like",
     "more like", "just like", "is like")                -> comparison, not a filler
  L3 "like I said" / "like I mentioned"                  -> not a filler
  L4 followed by a comma, or by um/uh ("like, I want")   -> filler
  L5 followed by a number or quantity ("like five years") -> filler (approximator)
  L6 at a clause start and followed by a subject or an adverb
     ("so like I just", ", like we")                     -> filler
  otherwise (e.g. "like that", "a job like this")        -> not a filler

"you know": a filler when "know" ends in a comma or ? or . or is followed by
  um/uh/like, unless "you" follows do/did/don't/if/as/what/would/let ("do you
  know", "as you know"). "you know what/how/the..." is a verb.
"I mean": a filler when "mean" ends in a comma/dash/ellipsis or is followed by
  um/uh/like ("I mean, ..."); "what I mean is" and "I mean it" are not.
"kind of"/"sort of" (also "kinda", "sorta"): a noun after a determiner
  ("that kind of impact", "what sort of role") is not a filler; a hedge after a
  subject, auxiliary or adverb ("I kind of", "it was kind of", "just sort of"),
  before a comma or um/uh, or at a clause start not followed by a determiner
  is a filler.
"basically"/"actually": a filler at a clause start ("And basically I..."),
  before a comma, or closing a sentence after a comma (", actually."); inside
  a clause ("I actually finished", "what basically happens") it is not.
"""

from __future__ import annotations

from simulator.delivery.lexicon import (
    CLAUSE_END,
    SENTENCE_END,
    delivery_words,
    ends_with,
    is_number,
    norm,
    trails_off,
)
from simulator.delivery.results import Filler
from simulator.hesitations import hesitation
from simulator.model.transcript import Word

HESITATION = "<hesitation>"  # what every hesitation sound reads as in the rules below
FOLLOWERS = frozenset({HESITATION, "like"})  # after a phrase, these set it off like a comma does


def _has_pause_mark(token: str) -> bool:
    """A comma, dash, colon, semicolon or ellipsis after the token."""
    return ends_with(token, CLAUSE_END.replace(".", "").replace("?", "").replace("!", "")) or trails_off(token)


class _Context:
    def __init__(self, words: list[Word]):
        self.lex = delivery_words()
        self.tokens = [w.word for w in words]
        self.sounds = [hesitation(t) for t in self.tokens]  # the spelling reports use, or None
        self.bare = [HESITATION if s else norm(t) for s, t in zip(self.sounds, self.tokens)]

    def prev(self, i: int) -> str | None:
        return self.bare[i - 1] if i > 0 else None

    def prev_plain(self, i: int) -> str | None:
        """The previous word, if nothing (no punctuation) separates it from word ``i``."""
        if i == 0 or ends_with(self.tokens[i - 1], CLAUSE_END) or trails_off(self.tokens[i - 1]):
            return None
        return self.bare[i - 1]

    def next(self, i: int, k: int = 1) -> str | None:
        return self.bare[i + k] if i + k < len(self.bare) else None

    def clause_start(self, i: int) -> bool:
        if i == 0:
            return True
        t = self.tokens[i - 1]
        prev = self.bare[i - 1]  # a hesitation sound counts as a discourse word
        return ends_with(t, CLAUSE_END) or trails_off(t) or prev == HESITATION or prev in self.lex.discourse

    def marked(self, i: int) -> bool:
        """Word ``i`` is followed by a comma-like mark, or by um/uh/like."""
        return _has_pause_mark(self.tokens[i]) or self.next(i) in FOLLOWERS


def _like(c: _Context, i: int) -> str | None:
    if c.prev_plain(i) in c.lex.like_verb_cues or c.prev_plain(i) in c.lex.like_comparison_cues:
        return None
    if c.next(i) == "i" and c.next(i, 2) in c.lex.like_not_after_i:
        return None
    if _has_pause_mark(c.tokens[i]) or c.next(i) == HESITATION:
        return "L4: comma or hesitation after 'like'"
    if c.next(i) is not None and is_number(c.tokens[i + 1]):
        return "L5: 'like' before a number"
    if c.clause_start(i) and c.next(i) in c.lex.like_clause_next:
        return "L6: 'like' opening a clause"
    return None


def _you_know(c: _Context, i: int) -> str | None:
    if c.prev_plain(i) in c.lex.you_know_verb_cues:
        return None
    j = i + 1
    if ends_with(c.tokens[j], CLAUSE_END) or trails_off(c.tokens[j]) or c.next(j) in FOLLOWERS:
        return "'you know' set off by punctuation"
    return None


def _i_mean(c: _Context, i: int) -> str | None:
    return "'I mean' set off by punctuation" if c.marked(i + 1) else None


def _hedge(c: _Context, i: int, last: int) -> str | None:
    """'kind of' / 'sort of' spanning words i..last (last is 'of', or i for 'kinda')."""
    prev, lex = c.prev_plain(i), c.lex
    if prev in lex.determiners:
        return None
    if prev in lex.subject_pronouns or prev in lex.auxiliaries or prev in lex.adverbs:
        return "hedge after a subject, auxiliary or adverb"
    if c.marked(last):
        return "hedge before a comma or hesitation"
    if c.clause_start(i) and c.next(last) not in lex.determiners:
        return "hedge opening a clause"
    return None


def _adverb(c: _Context, i: int) -> str | None:
    if c.clause_start(i):
        return "opening a clause"
    if _has_pause_mark(c.tokens[i]):
        return "before a comma"
    if ends_with(c.tokens[i], SENTENCE_END) and i > 0 and ends_with(c.tokens[i - 1], ","):
        return "closing a sentence after a comma"
    return None


def find_fillers(words: list[Word]) -> list[Filler]:
    """Every filler use in the transcript, in order."""
    c = _Context(words)
    out: list[Filler] = []
    i = 0
    while i < len(words):
        b, nxt = c.bare[i], c.next(i)
        found: tuple[str, int, str] | None = None  # (word, n_words, rule)
        if b == HESITATION:
            found = (c.sounds[i], 1, "hesitation sound")
        elif b == "like":
            rule = _like(c, i)
            found = ("like", 1, rule) if rule else None
        elif b == "you" and nxt == "know":
            rule = _you_know(c, i)
            found = ("you know", 2, rule) if rule else None
        elif b == "i" and nxt == "mean":
            rule = _i_mean(c, i)
            found = ("I mean", 2, rule) if rule else None
        elif b in ("kind", "sort") and nxt == "of" and not ends_with(c.tokens[i], CLAUSE_END):
            rule = _hedge(c, i, i + 1)
            found = (f"{b} of", 2, rule) if rule else None
        elif b in ("kinda", "sorta"):
            rule = _hedge(c, i, i)
            found = ({"kinda": "kind of", "sorta": "sort of"}[b], 1, rule) if rule else None
        elif b in ("basically", "actually"):
            rule = _adverb(c, i)
            found = (b, 1, rule) if rule else None
        if found:
            word, n, rule = found
            last = words[i + n - 1]
            out.append(Filler(word=word, start=words[i].start, end=last.end, word_index=i, n_words=n, rule=rule))
            i += n
        else:
            i += 1
    return out
