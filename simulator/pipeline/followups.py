"""The interviewer's follow-up question: which gap it aims at, how it is worded, and how its answer counts.

Driven by ``prompts/followups.toml``: a priority list of criteria per kind of
question and templates per criterion whose slots are filled from the answer's
own words (its goal, plan, evidence quotes) and the interview's context. The
choice reads only the answer's ``ContentReport``, so it is deterministic and
explainable: ``FollowUp.aims_at`` names the criterion.

The follow-up's answer is merged by re-running the content check on the main
answer with the follow-up's transcript appended; a criterion whose status
improves takes the new status with ``via = "follow_up"``.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.content.types import CLEAR, FLAGGED, MET, MISSING, PARTIAL, ContentReport, Evidence
from simulator.errors import ConfigError
from simulator.model.transcript import Transcript, Word
from simulator.paths import prompts_dir
from simulator.questions import load_toml

if TYPE_CHECKING:
    from simulator.model.analysis import Analysis

FOLLOWUPS_FILE = "followups.toml"
VIA_FOLLOW_UP = "follow_up"  # CriterionResult.via of a status the follow-up supplied
GAP_STATUSES = (MISSING, FLAGGED)  # a criterion in one of these statuses may get a follow-up
RANK = {MISSING: 0, PARTIAL: 1, MET: 2, FLAGGED: 0, CLEAR: 1}  # higher is better, within a criterion's kind
JOIN_GAP_S = 1.0  # s; silence placed between the answer and the follow-up's answer in the joined transcript
SLOTS = ("goal", "plan", "past", "quote", "said", "role", "company")
SENTENCE_END = (".", "!", "?")
_QUOTE_TRIM = " .,;:!?\"“”'"


@dataclass(frozen=True)
class FollowUp:
    """The follow-up question chosen for an answer."""

    text: str
    aims_at: str  # the criterion id it aims at
    status: str  # that criterion's status in the answer (missing or flagged)


@dataclass(frozen=True)
class FollowUpRules:
    """``followups.toml``, validated."""

    priority: dict[str, tuple[str, ...]]  # kind -> criterion ids, most important gap first
    templates: dict[str, dict[str, tuple[str, ...]]]  # criterion id -> status[_outcome] -> templates
    pairs: dict[str, str]  # word pairs turned to the second person ("i am" -> "you are")
    words: dict[str, str]  # single words turned to the second person
    drop_first: tuple[str, ...]  # words dropped from the front of a goal
    gerunds: dict[str, str]  # irregular -ing forms


def _str_list(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where} must be a list of non-empty strings; fix or restore the file.")
    return tuple(value)


def _templates(cid: str, table: object, path: Path) -> dict[str, tuple[str, ...]]:
    if not isinstance(table, dict) or not table:
        raise ConfigError(f"{path}: [criterion.{cid}] must map statuses to lists of templates.")
    out = {}
    for key, texts in table.items():
        if key.partition("_")[0] not in GAP_STATUSES:
            raise ConfigError(f"{path}: [criterion.{cid}] key '{key}' must start with one of {list(GAP_STATUSES)}.")
        out[key] = _str_list(texts, f"{path}: [criterion.{cid}] {key}")
        for text in out[key]:
            unknown = {f for _, f, _, _ in string.Formatter().parse(text) if f} - set(SLOTS)
            if unknown:
                raise ConfigError(f"{path}: [criterion.{cid}] uses unknown slot(s) {sorted(unknown)}; see SLOTS.")
    return out


def parse_followups(data: dict, path: Path) -> FollowUpRules:
    """Validate the parsed TOML of ``followups.toml``."""
    criteria = data.get("criterion")
    if not isinstance(criteria, dict) or not criteria:
        raise ConfigError(f"{path} must define [criterion.ID] tables of follow-up templates.")
    templates = {cid: _templates(cid, table, path) for cid, table in criteria.items()}
    raw_priority = data.get("priority")
    if not isinstance(raw_priority, dict):
        raise ConfigError(f"{path} must define [priority]: a list of criterion ids per kind.")
    priority = {}
    for kind, ids in raw_priority.items():
        priority[kind] = () if ids == [] else _str_list(ids, f"{path}: [priority] {kind}")
        untemplated = [c for c in priority[kind] if c not in templates]
        if untemplated:
            raise ConfigError(f"{path}: [priority] {kind} lists {untemplated} without a [criterion.ID] template.")
    view = data.get("perspective", {})
    pairs, words = view.get("pairs", {}), view.get("words", {})
    gerunds = data.get("gerund", {})
    for name, table in (("perspective.pairs", pairs), ("perspective.words", words), ("gerund", gerunds)):
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise ConfigError(f"{path}: [{name}] must map words to words.")
    drop = _str_list(view.get("drop_first", []), f"{path}: [perspective] drop_first") if view.get("drop_first") else ()
    return FollowUpRules(priority, templates, dict(pairs), dict(words), drop, dict(gerunds))


@lru_cache(maxsize=4)
def _load(folder: str) -> FollowUpRules:
    path = Path(folder) / FOLLOWUPS_FILE
    return parse_followups(load_toml(path), path)


def load_followups(folder: Path | None = None) -> FollowUpRules:
    """The follow-up rules of the prompts folder, validated and cached."""
    return _load(str(folder or prompts_dir()))


# --- the candidate's words, said back by the interviewer ---------------------------


def gerund(verb: str, rules: FollowUpRules) -> str:
    """The -ing form of a verb ("become" -> "becoming"); spaCy lemmatises but does not inflect, and a goal's
    first verb needs only these spelling rules plus the few exceptions in the data."""
    low = verb.lower()
    if low in rules.gerunds:
        return rules.gerunds[low]
    if low.endswith("ie"):
        return low[:-2] + "ying"
    if low.endswith(("ee", "ye", "oe")) or not low.endswith("e"):
        doubled = re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", low) is not None
        return low + (low[-1] if doubled else "") + "ing"
    return low[:-1] + "ing"


def second_person(text: str, rules: FollowUpRules) -> str:
    """The candidate's words as the interviewer says them back: "I am studying" -> "you are studying"."""
    tokens, out, i = text.split(), [], 0
    while i < len(tokens):
        pair = " ".join(t.lower() for t in tokens[i : i + 2])
        if i + 1 < len(tokens) and pair in rules.pairs:
            out.append(rules.pairs[pair])
            i += 2
            continue
        core = tokens[i].rstrip(_QUOTE_TRIM)
        tail = tokens[i][len(core) :]
        out.append(rules.words.get(core.lower(), core) + tail)
        i += 1
    return " ".join(out).strip(_QUOTE_TRIM)


# The frame of a goal statement, dropped before its aim: "My goal is | to become a CPA", "I want | to lead".
_GOAL_FRAME = re.compile(
    r"^(?:(?:my|our|the)\s+(?:\w+\s+)?(?:goal|aim|ambition|objective|dream|plan|target)\s+(?:is|was|would be)"
    r"|i(?:'d| would)?\s+(?:really\s+)?(?:want|hope|plan|aim|intend|like|love))\s+(?=to\s)",
    re.IGNORECASE,
)


def goal_phrase(text: str, rules: FollowUpRules) -> str:
    """A stated goal as the object of "You mentioned …": "My goal is to become a CPA" -> "becoming a CPA"."""
    words = _GOAL_FRAME.sub("", text.strip(_QUOTE_TRIM)).split()
    if len(words) > 1 and words[0].lower() == "to":
        words = [gerund(words[1], rules), *words[2:]]
    elif len(words) > 1 and words[0].lower() in rules.drop_first:
        words = words[1:]
    return second_person(" ".join(words), rules)


def _part(content: ContentReport, name: str) -> str:
    part = next((p for p in content.structure if p.part == name and p.found and p.evidence), None)
    return part.evidence.text if part else ""


def _role(role: str | None) -> str:
    if not role or not role.strip():
        return "this role"
    role = " ".join(role.split())
    if len(role) > 1 and role[1].islower():
        role = role[0].lower() + role[1:]
    return f"the {role}" if role.lower().endswith((" role", " position", " job")) else f"the {role} role"


def slots(analysis: Analysis, criterion_id: str, rules: FollowUpRules) -> dict[str, str]:
    """The template slots for a follow-up on ``criterion_id``; a slot is "" when the answer does not fill it."""
    content = analysis.content
    crit = content.get(criterion_id) if content else None
    quote = crit.evidence[0].text.strip(_QUOTE_TRIM) if crit and crit.evidence else ""
    goal = _part(content, "goal") if content else ""
    plan, past = (_part(content, p) if content else "" for p in ("plan", "past_evidence"))
    ctx = analysis.context
    return {
        "goal": goal_phrase(goal, rules) if goal else "",
        "plan": second_person(plan, rules) if plan else "",
        "past": second_person(past, rules) if past else "",
        "quote": f"“{quote}”" if quote else "",
        "said": second_person(quote, rules) if quote else "",
        "role": _role(ctx.role),
        "company": ctx.company.strip() if ctx.company and ctx.company.strip() else "us",
    }


def _fill(templates: tuple[str, ...], values: dict[str, str]) -> str | None:
    """The first template whose slots are all filled, filled in; None if none is."""
    for template in templates:
        needed = {f for _, f, _, _ in string.Formatter().parse(template) if f}
        if all(values.get(f) for f in needed):
            text = template.format(**values)
            return text[0].upper() + text[1:]
    return None


def _outcome(content: ContentReport, criterion_id: str) -> str:
    """The rule outcome a template may be keyed by: for length, "short" or "long"."""
    if criterion_id == "succinct":
        return "short" if content.word_count < content.options.min_words else "long"
    return ""


def choose_follow_up(analysis: Analysis, *, rules: FollowUpRules | None = None) -> FollowUp | None:
    """The one follow-up for this answer: aimed at the first gap in its kind's priority list, or None."""
    rules = rules or load_followups()
    content = analysis.content
    if content is None:
        return None
    for cid in rules.priority.get(analysis.question.kind, ()):
        crit = content.get(cid)
        if crit is None or crit.status not in GAP_STATUSES:
            continue
        table = rules.templates[cid]
        outcome = _outcome(content, cid)
        keys = [f"{crit.status}_{outcome}"] if outcome else []
        templates = tuple(t for k in [*keys, crit.status] for t in table.get(k, ()))
        text = _fill(templates, slots(analysis, cid, rules))
        if text:
            return FollowUp(text=text, aims_at=cid, status=crit.status)
    return None


# --- merging the follow-up's answer ------------------------------------------------


def joined_transcript(main: Transcript, follow: Transcript) -> tuple[Transcript, float | None]:
    """The answer with the follow-up's words appended; returns it and the follow-up's time offset (None: untimed).

    Timed follow-up words are shifted to start ``JOIN_GAP_S`` after the answer's last word.
    """
    words = list(main.words)
    if words and not words[-1].word.endswith(SENTENCE_END):
        words[-1] = replace(words[-1], word=words[-1].word + ".")
    offset = None
    if main.timed and follow.timed:
        offset = round(max(w.end or 0.0 for w in main.words) + JOIN_GAP_S, 3)
        follow_words = [replace(w, start=w.start + offset, end=(w.end or w.start) + offset) for w in follow.words]
    else:
        follow_words = [Word(w.word, probability=w.probability) for w in follow.words]
        words = [Word(w.word, probability=w.probability) for w in words]
    text = " ".join(w.word for w in words + follow_words)
    return Transcript(text=text, words=words + follow_words, language=main.language), offset


def _follow_up_evidence(evidence: list[Evidence], offset: float | None, follow_text: str) -> list[Evidence]:
    """The quotes that come from the follow-up, with times in the follow-up recording."""
    if offset is None:
        return [e for e in evidence if e.text and e.text in follow_text]
    out = []
    for e in evidence:
        if e.start is not None and e.start >= offset - 1e-6:
            out.append(
                Evidence(e.text, round(e.start - offset, 3), None if e.end is None else round(e.end - offset, 3))
            )
    return out


def merge_content(main: ContentReport, joined: ContentReport, *, offset: float | None, follow_text: str):
    """``main`` with each criterion that ``joined`` rates better replaced (``via`` = follow_up); rescored."""
    from simulator.content.scoring import score, summarize

    criteria = []
    for old in main.criteria:
        new = joined.get(old.id)
        if new is None or new.kind != old.kind or RANK[new.status] <= RANK[old.status]:
            criteria.append(old)
            continue
        evidence = _follow_up_evidence(new.evidence, offset, follow_text)
        criteria.append(replace(new, evidence=evidence, via=VIA_FOLLOW_UP))
    weights = main.weighting
    return replace(main, score=score(criteria, weights), criteria=criteria, summary=summarize(criteria, weights))


def merge_follow_up(main: Analysis, follow: Analysis) -> ContentReport | None:
    """The main answer's content report with what the follow-up's answer supplied; None without content."""
    from simulator.content import check_content

    if main.content is None or not follow.transcript.words:
        return main.content
    joined, offset = joined_transcript(main.transcript, follow.transcript)
    report = check_content(joined, main.question, main.context, options=main.content.options)
    return merge_content(main.content, report, offset=offset, follow_text=follow.transcript.text)


def improved(content: ContentReport | None) -> list[str]:
    """Ids of the criteria the follow-up supplied."""
    return [c.id for c in content.criteria if c.via == VIA_FOLLOW_UP] if content else []


__all__ = ["FollowUp", "choose_follow_up", "merge_follow_up", "load_followups", "VIA_FOLLOW_UP"]
