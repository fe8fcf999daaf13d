"""The answer as parsed text: sentences, clauses, and quotes mapped to word times.

The transcript's words are joined with single spaces (fillers such as "um"
left out, so they do not confuse the parser) and parsed once with spaCy.
Every token knows which transcript word it came from, so any span of tokens
becomes an ``Evidence`` quote with the start and end time of those words.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from simulator.content.types import Evidence, Hedge
from simulator.model.transcript import Transcript, bare

FILLERS = frozenset({"um", "uh", "er", "ah", "hmm", "erm", "uhm", "mm"})
MAX_QUOTE_WORDS = 28  # words; longer clauses are cut around the matched words
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "conj", "relcl", "parataxis", "acl", "csubj"})
EDGE_TRIM = frozenset({"cc", "punct"})


@dataclass
class Parsed:
    """A transcript parsed by spaCy, with token -> transcript-word mapping."""

    transcript: Transcript
    doc: object  # spacy.tokens.Doc
    tok_word: list[int]  # token index -> index into transcript.words

    @property
    def words(self):
        return self.transcript.words

    def word_range(self, start: int, end: int) -> tuple[int, int]:
        """The first and last transcript word holding tokens [start, end)."""
        return self.tok_word[start], self.tok_word[max(end, start + 1) - 1]

    def hedge(self, start: int, end: int, phrase: str) -> Hedge:
        """Tokens [start, end) as a hedge located in the transcript, like a filler."""
        w0, w1 = self.word_range(start, end)
        return Hedge(
            phrase=phrase, word_index=w0, n_words=w1 - w0 + 1, start=self.words[w0].start, end=self.words[w1].end
        )

    def evidence(self, start: int, end: int) -> Evidence:
        """Quote tokens [start, end) as the transcript words that hold them, with times."""
        w0, w1 = self.word_range(start, end)
        if w1 - w0 + 1 > MAX_QUOTE_WORDS:
            w1 = w0 + MAX_QUOTE_WORDS - 1
        words = self.words[w0 : w1 + 1]
        text = " ".join(w.word for w in words).strip(" ,;:-").rstrip(".,;:")
        return Evidence(text=text, start=words[0].start, end=words[-1].end)

    def quote(self, start: int, end: int) -> str:
        return self.evidence(start, end).text


def parse(transcript: Transcript, nlp) -> Parsed:
    """Parse the transcript's words (without fillers) and map tokens back to words."""
    pieces, offsets, owners = [], [], []
    pos = 0
    for i, w in enumerate(transcript.words):
        if bare(w.word) in FILLERS:
            continue
        offsets.append(pos)
        owners.append(i)
        pieces.append(w.word)
        pos += len(w.word) + 1
    text = " ".join(pieces)
    doc = nlp(text)
    tok_word = []
    for tok in doc:
        k = max(0, bisect_right(offsets, tok.idx) - 1)
        tok_word.append(owners[k] if owners else 0)
    return Parsed(transcript=transcript, doc=doc, tok_word=tok_word)


def clause_head(token):
    """The verb (or root) heading the clause that contains ``token``."""
    t = token
    while t.dep_ not in CLAUSE_DEPS and t.head.i != t.i:
        t = t.head
    return t


def clause_span(head, keep=None) -> tuple[int, int]:
    """Token range of the clause headed by ``head``: its subtree minus nested clauses.

    Nested clauses (conjoined or subordinate verbs with their own subtree) are
    left out unless they contain the token ``keep``.
    """
    drop = set()
    for child in head.children:
        if child.dep_ in CLAUSE_DEPS - {"ROOT"} and child.pos_ in ("VERB", "AUX") and child.i != head.i:
            sub = {t.i for t in child.subtree}
            if keep is None or keep.i not in sub:
                drop |= sub
    idx = sorted(t.i for t in head.subtree if t.i not in drop)
    anchor = keep.i if keep is not None and keep.i in idx else head.i
    lo = hi = anchor
    kept = set(idx)
    while lo - 1 in kept:
        lo -= 1
    while hi + 1 in kept:
        hi += 1
    doc = head.doc
    while lo < hi and doc[lo].dep_ in EDGE_TRIM and lo != head.i:
        lo += 1
    while hi > lo and (doc[hi].dep_ in ("cc", "punct") or doc[hi].is_punct):
        hi -= 1
    return lo, hi + 1


def clause_of(token) -> tuple[int, int]:
    return clause_span(clause_head(token), keep=token)


def word_count(transcript: Transcript) -> int:
    """Spoken words, fillers excluded."""
    return sum(1 for w in transcript.words if bare(w.word) and bare(w.word) not in FILLERS)


def speech_seconds(transcript: Transcript) -> float | None:
    """Seconds from the first word's start to the last word's end (None for text)."""
    if not transcript.timed:
        return None
    timed = [w for w in transcript.words if w.start is not None and w.end is not None]
    return round(timed[-1].end - timed[0].start, 3) if timed else None
