"""Signs that an answer rambles whatever its length: repeating itself, run-on sentences, too many goals.

Length alone misses the answer that says "do a good job" six times in eighty words, or chains every thought
with "and … and then … so …" into one breathless sentence. Each sign is a plain count over the parsed answer,
with its threshold in ``ContentOptions``, so the succinct verdict can say what it saw.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
SENTENCE_ENDS = frozenset({".", "!", "?", "…"})
MAX_NAMED = 2  # repeated words named in the tip


@dataclass
class Rambling:
    """What makes an answer ramble, empty when nothing does."""

    repeated: list[str] = field(default_factory=list)  # the words said again and again, most used first
    run_ons: list[tuple[int, int]] = field(default_factory=list)  # token spans of run-on sentences
    run_on_words: int = 0  # words in the longest run-on sentence
    goals: int = 0  # distinct goals named, when there are too many to follow

    def __bool__(self) -> bool:
        return bool(self.repeated or self.run_ons or self.goals)

    def describe(self) -> str:
        """'“job” and “reliable” again and again, a run-on sentence of 55 words, 5 different goals'."""
        parts = []
        if self.repeated:
            parts.append(" and ".join(f"“{w}”" for w in self.repeated[:MAX_NAMED]) + " again and again")
        if self.run_ons:
            parts.append(f"a run-on sentence of {self.run_on_words} words")
        if self.goals:
            parts.append(f"{self.goals} different goals")
        return ", ".join(parts)


def _repeated(doc, opts) -> list[str]:
    """Content words used at least ``repeat_uses`` times, when such repeats make up a large share of the answer."""
    lemmas = [t.lemma_.lower() for t in doc if t.is_alpha and not t.is_stop and t.pos_ in CONTENT_POS]
    counts = Counter(lemmas)
    heavy = {w: n for w, n in counts.items() if n >= opts.repeat_uses}
    if not lemmas or sum(heavy.values()) / len(lemmas) < opts.repetition_share:
        return []
    return sorted(heavy, key=lambda w: (-heavy[w], w))


def _sentences(doc) -> list:
    """Sentences as punctuated ("." "!" "?"), not as the parser splits them: a run-on is one sentence however
    many clauses the parser finds in it."""
    out, start = [], 0
    for tok in doc:
        if tok.text in SENTENCE_ENDS:
            out.append(doc[start : tok.i + 1])
            start = tok.i + 1
    return out + ([doc[start:]] if start < len(doc) else [])


def _links(sent, lex) -> int:
    """Clauses chained in one sentence: 'and'/'but'/'or' joining verbs, and 'so'/'then' going on."""
    joins = sum(1 for t in sent if t.dep_ == "cc" and t.head.pos_ in ("VERB", "AUX"))
    return joins + sum(1 for t in sent if t.lower_ in lex.words("succinct", "chain_words") and t.dep_ != "cc")


def find_rambling(ctx) -> Rambling:
    opts, doc = ctx.options, ctx.doc
    found = Rambling(repeated=_repeated(doc, opts))
    for sent in _sentences(doc):
        words = sum(1 for t in sent if t.is_alpha)
        if words > opts.run_on_words or _links(sent, ctx.lex) >= opts.run_on_links:
            found.run_ons.append((sent.start, sent.end))
            found.run_on_words = max(found.run_on_words, words)
    real = [g for g in ctx.goals.goals if not g.generic]  # "keep growing" is vague, not another topic
    listed = len(real)
    if (ctx.goals.stated_count or 0) >= opts.many_goals:  # "I have a lot of goals": each one listed is a topic
        listed = max(listed, len({g.head_i for g in ctx.goals.mentions}))
    if listed >= opts.many_goals:
        found.goals = listed
    return found
