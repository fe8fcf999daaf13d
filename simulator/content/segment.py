"""The answer as parsed text: sentences, clauses, and quotes mapped to word times.

The transcript's words are joined with single spaces (fillers such as "um"
left out, so they do not confuse the parser) and parsed once with spaCy.
Every token knows which transcript word it came from, so any span of tokens
becomes an ``Evidence`` quote with the start and end time of those words.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from simulator.content.types import Evidence, Hedge
from simulator.hesitations import is_hesitation
from simulator.model.transcript import Transcript, bare

MAX_QUOTE_WORDS = 28  # words; longer clauses are cut at the phrase edge nearest the matched words
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "conj", "relcl", "parataxis", "acl", "csubj"})
EDGE_TRIM = frozenset({"cc", "punct"})
# Phrases inside a clause, where a clause too long to quote is cut: "| in the spring | of 2026".
PHRASE_DEPS = frozenset({"prep", "dobj", "pobj", "advmod", "npadvmod", "attr", "xcomp", "acomp", "appos", "dative"})
# Words next to a quote that attach into it with these relations start or continue another clause; with any
# other ("is | exactly where…", "That showed | me coaching…", "The goal I'm working toward | is…") they belong.
SEPARATE = frozenset({"cc", "punct", "conj", "advcl", "parataxis", "intj", "mark", "discourse"})
SUBJECT_DEPS = frozenset({"csubj", "nsubj", "nsubjpass"})
CLAUSE_PUNCT = frozenset(',;:.!?—–…()"“”')  # a hyphen inside "bread-making" is no clause edge
COMPLETE_ROUNDS = 4  # times a quote is widened by the words that attach into it


@dataclass
class Parsed:
    """A transcript parsed by spaCy, with token -> transcript-word mapping."""

    transcript: Transcript
    doc: object  # spacy.tokens.Doc
    tok_word: list[int]  # token index -> index into transcript.words
    unsure_below: float = 0.0  # word probability under which a word may have been misheard
    unsure_tokens: frozenset[int] = field(default_factory=frozenset)  # tokens of such words

    @property
    def words(self):
        return self.transcript.words

    @cached_property
    def clause_edges(self) -> list[int]:
        """Token positions where a clause starts or ends: sentence edges, punctuation, conjunctions, subclauses."""
        return sorted(_edges(self.doc, CLAUSE_DEPS - {"ROOT"}, clause_level=True))

    @cached_property
    def phrase_edges(self) -> list[int]:
        """Clause edges plus the edges of the phrases inside clauses."""
        return sorted(set(self.clause_edges) | _edges(self.doc, PHRASE_DEPS, clause_level=False))

    def whole(self, start: int, end: int) -> tuple[int, int]:
        """Tokens [start, end) widened to the clause that holds them, cut at phrase edges when too long to quote."""
        edges, doc = self.clause_edges, self.doc
        lo = edges[bisect_right(edges, start) - 1]
        hi = self._with_relative(lo, edges[bisect_left(edges, max(end, start + 1))])
        if self._words(lo, hi) > MAX_QUOTE_WORDS:
            lo, hi = self._within(lo, hi, start, end)
        else:
            lo, hi = self._complete(lo, hi)
        while lo < hi - 1 and (doc[lo].dep_ in EDGE_TRIM or doc[lo].text in CLAUSE_PUNCT):
            lo += 1
        while hi - 1 > lo and (doc[hi - 1].dep_ in EDGE_TRIM or doc[hi - 1].text in CLAUSE_PUNCT):
            hi -= 1
        return lo, hi

    def _complete(self, lo: int, hi: int) -> tuple[int, int]:
        """Widen [lo, hi) by the words either side that belong to it, while it stays short enough to quote."""
        doc = self.doc
        for _ in range(COMPLETE_ROUNDS):
            a, b = lo, hi
            right = _attached(doc[hi], lo, hi) if hi < len(doc) else None
            if right is not None and right.dep_ not in SEPARATE:
                b = right.right_edge.i + 1
            left = _attached(doc[lo - 1], lo, hi) if lo > 0 else None
            if left is not None and left.dep_ not in SEPARATE:
                a = left.left_edge.i
            a, b = _hung(doc, lo, hi, a, b)
            if (a, b) == (lo, hi) or self._words(a, b) > MAX_QUOTE_WORDS:
                break
            lo, hi = a, b
        return lo, hi

    def _with_relative(self, lo: int, hi: int) -> int:
        """'I want to be the person | who catches it': a relative clause about a word of the quote belongs to it."""
        for tok in self.doc[hi : hi + 2]:
            if tok.dep_ in ("relcl", "acl") and tok.left_edge.i == hi and lo <= tok.head.i < hi:
                return tok.right_edge.i + 1
        return hi

    def _words(self, lo: int, hi: int) -> int:
        w0, w1 = self.word_range(lo, hi)
        return w1 - w0 + 1

    def _within(self, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
        """The phrase edges nearest [start, end) inside the clause [lo, hi), at most MAX_QUOTE_WORDS long."""
        inner = [e for e in self.phrase_edges if lo <= e <= hi]
        a = max(e for e in inner if e <= start)
        b = min((e for e in inner if e >= end), default=hi)
        while b > a + 1 and self._words(a, b) > MAX_QUOTE_WORDS:
            shorter = [e for e in inner if a < e < b]
            if not shorter:
                break
            b = shorter[-1]
        return a, b

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
        """Quote the whole phrase around tokens [start, end) as the transcript words that hold them, with times
        and the words that may have been misheard."""
        w0, w1 = self.word_range(*self.whole(start, end))
        if w1 - w0 + 1 > MAX_QUOTE_WORDS:
            w1 = w0 + MAX_QUOTE_WORDS - 1
        words = self.words[w0 : w1 + 1]
        text = " ".join(w.word for w in words).strip(" ,;:-").rstrip(".,;:")
        unsure = [bare(w.word) for w in words if w.probability < self.unsure_below and bare(w.word)]
        return Evidence(text=text, start=words[0].start, end=words[-1].end, unsure=unsure)

    def quote(self, start: int, end: int) -> str:
        return self.evidence(start, end).text


def _hung(doc, lo: int, hi: int, a: int, b: int) -> tuple[int, int]:
    """[a, b) widened by what the quote's root hangs on: the verb of a subject ("Working in your ICU | would
    give me …"), or a word before it that it completes ("I want | people to see …", "Kids | who get scared",
    "I set | a goal to move …")."""
    root = next((t for t in doc[lo:hi] if not lo <= t.head.i < hi), None)
    if root is None or root.head.i == root.i or root.dep_ in SEPARATE:
        return a, b
    head = root.head
    if root.dep_ in SUBJECT_DEPS and head.i >= hi:
        b = max(b, clause_span(head)[1])
    elif head.i < lo and head.pos_ in ("VERB", "AUX"):
        a = min(a, clause_span(head, keep=root)[0])
    elif head.i < lo:
        a = min(a, head.left_edge.i)
    return a, b


def _attached(tok, lo: int, hi: int):
    """The ancestor of ``tok`` (or ``tok``) whose head lies in [lo, hi), or None when it attaches elsewhere."""
    for _ in range(len(tok.doc)):
        if lo <= tok.head.i < hi:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _edges(doc, deps: frozenset[str], clause_level: bool) -> set[int]:
    """Start and end positions of the subtrees of tokens with these dependencies; for clauses, also the
    punctuation and the conjunctions or subordinators that join clauses."""
    out: set[int] = set()
    for tok in doc:
        if tok.dep_ in deps and (not clause_level or tok.pos_ in ("VERB", "AUX")):
            out |= {tok.left_edge.i, tok.right_edge.i + 1}
        clause_punct = tok.is_punct and tok.text in CLAUSE_PUNCT
        if clause_level and (clause_punct or tok.dep_ in ("cc", "mark")):  # not the parser's sentence starts:
            out |= {tok.i, tok.i + 1} if clause_punct else {tok.i}  # it splits "…finishing | the AWS course"
    return out | {0, len(doc)}


def parse(transcript: Transcript, nlp, *, unsure_below: float = 0.0) -> Parsed:
    """Parse the transcript's words (without fillers) and map tokens back to words.

    Tokens of words heard with a probability below ``unsure_below`` are listed in ``unsure_tokens``.
    """
    pieces, offsets, owners = [], [], []
    pos = 0
    for i, w in enumerate(transcript.words):
        if is_hesitation(w.word):
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
    words = transcript.words
    unsure = frozenset(i for i, w in enumerate(tok_word) if words and words[w].probability < unsure_below)
    return Parsed(transcript=transcript, doc=doc, tok_word=tok_word, unsure_below=unsure_below, unsure_tokens=unsure)


def clause_head(token):
    """The verb (or root) heading the clause that contains ``token``."""
    t = token
    while t.dep_ not in CLAUSE_DEPS and t.head.i != t.i:
        t = t.head
    return t


def _causative(head, child) -> bool:
    """'get my licence done', 'have it signed off' (the tagger sometimes reads 'done' as a past tense)."""
    participle = child.tag_ == "VBN" or child.lower_ == "done"
    return head.lemma_.lower() in ("get", "have") and child.dep_ == "ccomp" and participle


def clause_span(head, keep=None) -> tuple[int, int]:
    """Token range of the clause headed by ``head``: its subtree minus nested clauses.

    Nested clauses (conjoined or subordinate verbs with their own subtree) are
    left out unless they contain the token ``keep``.
    """
    drop = set()
    for child in head.children:
        if _causative(head, child):
            continue  # "get my licence done": the participle is what is got, not a clause of its own
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
    return sum(1 for w in transcript.words if bare(w.word) and not is_hesitation(w.word))


def speech_seconds(transcript: Transcript) -> float | None:
    """Seconds from the first word's start to the last word's end (None for text)."""
    if not transcript.timed:
        return None
    timed = [w for w in transcript.words if w.start is not None and w.end is not None]
    return round(timed[-1].end - timed[0].start, 3) if timed else None
