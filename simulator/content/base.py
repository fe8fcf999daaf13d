"""What every rule receives (``Ctx``) and returns (``Verdict``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from simulator.content.types import ContentOptions


@dataclass
class Verdict:
    """A rule's decision: status, the tip outcome, supporting token spans and tip slots."""

    status: str
    outcome: str  # key of the rubric tip template
    spans: list[tuple[int, int]] = field(default_factory=list)  # token ranges quoted as evidence
    slots: dict[str, str] = field(default_factory=dict)
    reason: str = ""
    signal: str = "rule"  # "model" when the sentence classifier's call decided the status
    signal_score: float | None = None  # its probability of the label it gave the deciding sentence


@dataclass
class Ctx:
    """The parsed answer plus everything the rules share (computed once, lazily)."""

    parsed: object  # segment.Parsed
    lex: object  # lexicon.Lexicon
    context: object  # analysis.AnswerContext
    options: ContentOptions
    word_count: int
    speech_s: float | None
    nlp: object = None

    @property
    def doc(self):
        return self.parsed.doc

    @cached_property
    def meaning(self):
        from simulator.content.meaning import Meaning

        return Meaning(self.parsed, self.options)

    @cached_property
    def goals(self):
        from simulator.content.goals import add_goal_read_by_model, find_goals, toward_this_job

        return toward_this_job(add_goal_read_by_model(self, find_goals(self.parsed, self.lex)), self.role_refs)

    @cached_property
    def role_refs(self) -> list[int]:
        """Token indices of references to this position, team or company."""
        from simulator.content.job_refs import explicit_refs

        return explicit_refs(self)

    @cached_property
    def times(self):
        from simulator.content.timex import find_time_expressions

        return find_time_expressions(self.doc, self.lex)

    @cached_property
    def hedges(self):
        from simulator.content.hedges import find_hedges

        return find_hedges(self.doc, self.lex)

    @cached_property
    def not_pay(self) -> list[tuple[int, int]]:
        """Money and title words that are not the speaker's pay or rank (read by the money rules and the prefetch)."""
        from simulator.content.status import not_pay

        return not_pay(self.doc, self.lex)

    @cached_property
    def money_hits(self) -> list[tuple[int, int]]:
        """Money and title words that may be the speaker's pay or status (read per reason, value and sentence)."""
        from simulator.content.status import money_hits

        return money_hits(self)

    @cached_property
    def why(self):
        from simulator.content.why import find_why

        return find_why(self)

    @cached_property
    def steps(self):
        from simulator.content.plan import find_steps

        return find_steps(self)

    @cached_property
    def accomplishments(self):
        from simulator.content.accomplishments import find_accomplishments

        return find_accomplishments(self)

    @cached_property
    def hobbies(self) -> list[tuple[int, int]]:
        """Hobby words in goals and plans (read by the prefetch, professional_goal, role_alignment and goal_why)."""
        from simulator.content.hobbies import hobby_words

        return hobby_words(self)

    @cached_property
    def set_aside(self) -> list[tuple[int, int]]:
        """Sentences of pastimes said to be apart from the work (read by milestones, timeline and the step finder)."""
        from simulator.content.hobbies import set_aside

        return set_aside(self)

    @cached_property
    def taken_back(self) -> list[tuple[int, int]]:
        """Sentences the speaker takes back ("… Ha. No, look, I'm here for the job"): no step or time frame."""
        from simulator.content.plan import taken_back

        return taken_back(self)

    @cached_property
    def star(self):
        from simulator.content.star import find_star

        return find_star(self)

    def quote(self, span: tuple[int, int]) -> str:
        return self.parsed.quote(*span)

    def q(self, span: tuple[int, int]) -> str:
        """The whole phrase around ``span`` in quotes, said to be as heard when it holds words that may have
        been misheard, so a tip never praises them as if they were certain."""
        ev = self.parsed.evidence(*span)
        return f"“{ev.text}”" + (" (as heard; it may have been misheard)" if ev.unsure else "")

    def goal_text(self) -> str:
        main = self.goals.main
        return f"“{main.text}”" if main else "your goal"

    def in_goal(self, i: int) -> bool:
        return any(g.start <= i < g.end for g in self.goals.mentions)


def q(text: str) -> str:
    """Quote words the candidate said."""
    return f"“{text}”"


def distinct(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans in their order of importance, without those that overlap an earlier one."""
    out: list[tuple[int, int]] = []
    for s in spans:
        if not any(s[0] < o[1] and o[0] < s[1] for o in out):
            out.append(s)
    return out


def quoted(ctx: Ctx, status: str, outcome: str, spans: list[tuple[int, int]], reason: str, limit: int = 3) -> Verdict:
    """A verdict quoting up to ``limit`` distinct spans, the first one also as the tip's {quote}."""
    spans = distinct(spans)[:limit]
    return Verdict(status, outcome, spans, {"quote": q(ctx.quote(spans[0]))} if spans else {}, reason)


def first_found(ctx: Ctx, rungs: list[tuple[list, str, str, str]], missing: str) -> Verdict:
    """The verdict of the first rung (spans, status, outcome, reason) that found something; else "missing"."""
    for spans, status, outcome, reason in rungs:
        if spans:
            return quoted(ctx, status, outcome, spans, reason)
    return quoted(ctx, "missing", "missing", [], missing)
