"""The sentence classifiers (semantic.py) as the rules use them: judged lazily, sentence by sentence.

A rule asks only about the sentences it is deciding on (its goal sentences, the sentences holding a money
word, the sentences that refer to the job), so an answer embeds the few sentences that matter, each once
(semantic.py caches embeddings across tasks). A judgement counts only with a margin: the classifier's
log-odds must clear ``ContentOptions.semantic_margin`` either way, otherwise the rule decides alone.
"""

from __future__ import annotations

from dataclasses import dataclass

RULE, MODEL = "rule", "model"  # which signal decided a criterion (CriterionResult.signal)
# Words above which a sentence is read as the clause around the word in question: embedding costs about 1 ms a
# word here, and the classifiers were fitted on sentences of 10-30 words (unpunctuated speech makes 80-word ones).
MAX_JUDGED_WORDS = 40


@dataclass(frozen=True)
class Call:
    """The model's call on one sentence for one task: positive, negative, or unsure (None)."""

    span: tuple[int, int]  # token span of the sentence
    positive: bool | None
    score: float  # probability of the task's positive label


class Meaning:
    """Judgements of the answer's sentences, computed on first request and kept."""

    def __init__(self, parsed, options):
        self.parsed = parsed
        self.doc = parsed.doc
        self.margin = options.semantic_margin
        self.enabled = options.semantic
        self._calls: dict[tuple[str, tuple[int, int]], Call] = {}

    def sentence(self, i: int) -> tuple[int, int]:
        """Token span of the sentence holding token ``i``, or of its clause when the sentence is very long."""
        sent = self.doc[i].sent
        if sum(t.is_alpha for t in sent) > MAX_JUDGED_WORDS:
            return self.parsed.whole(i, i + 1)
        return sent.start, sent.end

    def prefetch(self, requests: dict[str, list[tuple[int, int]]]) -> None:
        """Embed, in one call, the texts the tasks will judge for these sentence spans (the embedder costs about
        as much per call as per sentence, so one batch beats one call per rule)."""
        if not self.enabled:
            return
        from simulator.content.semantic import embed, judged_text

        texts = [judged_text(self.doc[a:b].text, task) for task, spans in requests.items() for a, b in spans]
        if texts:
            embed(list(dict.fromkeys(texts)))

    def judge(self, task: str, spans) -> list[Call]:
        """The model's call on each sentence span (deduplicated, in order); empty when the model is off."""
        if not self.enabled:
            return []
        spans = list(dict.fromkeys(spans))
        todo = [s for s in spans if (task, s) not in self._calls]
        if todo:
            from simulator.content.semantic import classify

            for span, j in zip(todo, classify([self.doc[a:b].text for a, b in todo], task)):
                sure = abs(j.margin) >= self.margin
                self._calls[(task, span)] = Call(span, j.positive if sure else None, j.score)
        return [self._calls[(task, s)] for s in spans]

    def positive(self, task: str, spans) -> list[Call]:
        return [c for c in self.judge(task, spans) if c.positive]

    def negative(self, task: str, spans) -> list[Call]:
        return [c for c in self.judge(task, spans) if c.positive is False]


def inside(i: int, calls: list[Call]) -> Call | None:
    """The call whose sentence holds token ``i``, if any."""
    return next((c for c in calls if c.span[0] <= i < c.span[1]), None)
