"""Five criteria re-weighed with the verdicts on all thirteen: a logistic regression per criterion.

A labeller reads single focus, milestones, contribution, past evidence and the link to the role against the whole
answer (one clear goal in an answer that says little else is a thin focus; "grow with the company" in an answer about
a title a thin link), which a rule reading one phrase does not. Fitted on the labelled career-goals answers by
``bench/train_stack.py``, the re-weighing agreed with labellers of sets it had not seen more often than the rules
alone on these five; on the other eight it gained nothing clear, so it is not asked about them (figures in
docs/content.md). Each model reads every verdict's status and its tip outcome ("generic", "income", "rambles"): held
out, the outcomes gained 20 answers on the four criteria re-weighed before and made past evidence worth re-weighing
(+32 against +20 without them). The link to the role is also told how the answer points at the job
(``job_refs.REF_KINDS``): without that it gained nothing. Every model also reads the embedding of the answer's
opening, the one goal_why and the avoid model read (so it costs nothing more): held out it gained most on milestones
(+12), where a vague answer and a planned one read apart. Without the embedder (``semantic`` off) nothing is
re-weighed.

It moves a status by one step at most, and up only from a partial status whose words the rules quoted, so every
tip still quotes the answer's own words; the link to the role may also rise from missing to partial, with a tip that
quotes nothing.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from simulator.content.rules import IMPLIED
from simulator.content.types import CLEAR, FLAGGED, MET, MISSING, PARTIAL
from simulator.content.why_model import MIN_WORDS, opening_embedding  # MIN_WORDS: a sentence or two is left alone
from simulator.errors import ModelError

WEIGHTS_PATH = Path(__file__).with_name("stack_weights.json")
STACKED = ("single_focus", "milestones", "contribution", "past_accomplishment", "role_alignment")
WITH_REF_KINDS = ("role_alignment",)  # these models also read how the answer refers to the job
# A link the rules found nowhere that the model reads as there, with a probability of RAISE_PROB or more, may rise
# to partial with a tip that quotes nothing, unless the answer is flagged as driven by money (the job as income).
# Held out one set at a time this gained 13 of 1765 answers on role_alignment; on the other four it lost up to 3.
FROM_MISSING = ("role_alignment",)
RAISE_PROB = 0.8  # the one-shared-word answer reads 0.74 and stays missing; with no floor, 11 more held out
# Partial outcomes never read up to met: a quote that takes the job only as income, or three goals the speaker
# counted aloud ("I've got three things I'm working toward").
NOT_RAISED = ("income", "stated")
# The career-goals criteria whose verdicts are the features, in this order (two indicators for a "do" criterion,
# one for an avoid criterion), then the answer's length in hundreds of words, then one indicator per tip outcome
# (``outcome_inputs``).
INPUTS = (
    "single_focus",
    "goal_why",
    "role_alignment",
    "contribution",
    "milestones",
    "past_accomplishment",
    "timeline",
    "confident_language",
    "specificity",
    "succinct",
    "no_boasting",
    "professional_goal",
    "motivation_not_money",
)
AVOID_INPUTS = ("no_boasting", "professional_goal", "motivation_not_money")
WEIGHED = "weighed"  # the tip outcome of a status the model lowered to partial: it says the rest of the answer is thin
MISSING_OUTCOME = {"single_focus": "none"}  # the others' outcome for a missing status is "missing"
_RANK = {MET: 0, PARTIAL: 1, MISSING: 2}
_REASON = {
    MET: "read as met once weighed with the rest of the answer",
    PARTIAL: "read as partial once weighed with the rest of the answer",
    MISSING: "read as missing once weighed with the rest of the answer",
}


@cache  # the rules' declarations are fixed once imported; read them once, not for every answer
def outcome_inputs() -> tuple[tuple[str, str], ...]:
    """The (criterion, tip outcome) pairs read as indicators: every outcome the ``INPUTS`` rules declare, except
    those a status already says ("met", "missing", "clear") and those only the re-weighing gives."""
    from simulator.content.rubric import implemented_rules

    rules = implemented_rules()
    said = (MET, MISSING, CLEAR, WEIGHED, IMPLIED)
    return tuple((cid, o) for cid in INPUTS for o in rules[cid].outcomes if o not in said)


def features(statuses: dict[str, str], outcomes: dict[str, str], word_count: int) -> list[float]:
    """The verdicts on ``INPUTS`` as indicators, the length, then the ``outcome_inputs`` indicators, in the order the
    weights were fitted in."""
    out: list[float] = []
    for cid in INPUTS:
        status = statuses[cid]
        out += [float(status == FLAGGED)] if cid in AVOID_INPUTS else [float(status == MET), float(status == PARTIAL)]
    return out + [word_count / 100] + [float(outcomes[cid] == o) for cid, o in outcome_inputs()]


def model_inputs(cid: str, x: list[float], kinds: frozenset[str], opening: list[float]) -> list[float]:
    """``x`` from ``features``, then for ``WITH_REF_KINDS`` one indicator per ``job_refs.REF_KINDS``, then the
    embedding of the answer's opening (``why_model.opening_embedding``)."""
    from simulator.content.job_refs import REF_KINDS

    refs = [float(k in kinds) for k in REF_KINDS] if cid in WITH_REF_KINDS else []
    return x + refs + opening


def may_rise(cid: str, prob: float, *, paid: bool) -> bool:
    """Whether ``cid`` may rise from missing: see ``FROM_MISSING`` (``paid``: the answer is flagged money-driven)."""
    return cid in FROM_MISSING and prob >= RAISE_PROB and not paid


def allowed(rule_status: str, model_status: str, *, quoted: bool, from_missing: bool = False) -> str:
    """The status the criterion takes: one step toward the model's, and up only from a quoted partial status (or,
    with ``from_missing``, from missing to partial)."""
    step = _RANK[model_status] - _RANK[rule_status]
    if step < 0 and rule_status == MISSING and from_missing:
        return PARTIAL
    if step == 0 or (step < 0 and (rule_status == MISSING or not quoted)):
        return rule_status
    return [MET, PARTIAL, MISSING][_RANK[rule_status] + (1 if step > 0 else -1)]


def _read(path: Path) -> dict:
    import numpy as np

    from simulator.content.semantic import EMBEDDER, EMBEDDER_VERSION, MODEL_VARIANT

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        embedder = data["embedder"]
        found = (embedder["package"], embedder["version"], embedder["variant"])
        dim = int(embedder["dim"])
        models = {
            cid: (tuple(m["labels"]), np.asarray(m["weights"], float), np.asarray(m["bias"], float))
            for cid, m in data["models"].items()
        }
        inputs = tuple(data["inputs"]), tuple(tuple(pair) for pair in data["outcomes"])
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ModelError(f"The stacked weights ({path}) are missing or damaged: {e}.") from e
    base = features(dict.fromkeys(INPUTS, MET), dict.fromkeys(INPUTS, MET), 0)
    if inputs != (INPUTS, outcome_inputs()) or set(models) != set(STACKED):
        raise ModelError(f"{path.name} was fitted on other criteria or outcomes; rerun bench/train_stack.py.")
    if found != (EMBEDDER, EMBEDDER_VERSION, MODEL_VARIANT):
        raise ModelError(f"{path.name} was fitted on other embeddings; rerun bench/train_stack.py.")
    for cid, (labels, weights, _) in models.items():
        width = len(model_inputs(cid, base, frozenset(), [0.0] * dim))
        if set(labels) != {MET, PARTIAL, MISSING} or weights.shape != (3, width):
            raise ModelError(f"{path.name} has weights of shape {weights.shape}; rerun bench/train_stack.py.")
    return models


def _models() -> dict:
    from simulator.content.semantic import _once

    return _once("stack", lambda: _read(WEIGHTS_PATH))


def judge(cid: str, x: list[float]) -> tuple[str, float]:
    """The status the model gives ``cid`` on features ``x``, and its probability."""
    import numpy as np

    labels, weights, bias = _models()[cid]
    logits = weights @ np.asarray(x, float) + bias
    probs = np.exp(logits - logits.max())
    probs /= probs.sum()
    best = int(probs.argmax())
    return labels[best], round(float(probs[best]), 4)


def _moved(cid: str, rule, status: str, prob: float):
    """The verdict at the model's ``status``, quoting what the rules quoted."""
    from simulator.content.base import Verdict
    from simulator.content.meaning import MODEL

    if status == MISSING:
        return Verdict(MISSING, MISSING_OUTCOME.get(cid, "missing"), [], {}, _REASON[status], MODEL, prob)
    if rule.status == MISSING:  # nothing was quoted: the tip asks for the link the rest of the answer implies
        return Verdict(status, IMPLIED, [], rule.slots, _REASON[status], MODEL, prob)
    outcome = "met" if status == MET else WEIGHED
    return Verdict(status, outcome, rule.spans, rule.slots, _REASON[status], MODEL, prob)


def reweigh(ctx, verdicts: dict, *, keep=frozenset()) -> None:
    """Re-weigh the ``STACKED`` criteria in place from the verdicts on all ``INPUTS`` in an answer of ``MIN_WORDS``
    or more; criteria in ``keep`` (whose words are a flagged point, or whose tip already points away from it) keep
    the rules' verdict."""
    if not set(INPUTS) <= set(verdicts) or ctx.word_count < MIN_WORDS or not ctx.options.semantic:
        return
    from simulator.content.job_refs import ref_kinds

    x = features(
        {c: v.status for c, v in verdicts.items()}, {c: v.outcome for c, v in verdicts.items()}, ctx.word_count
    )
    kinds, opening = ref_kinds(ctx, ctx.role_refs), opening_embedding(ctx.doc.text).tolist()
    for cid in STACKED:
        rule = verdicts[cid]
        if cid in keep:
            continue
        wanted, prob = judge(cid, model_inputs(cid, x, kinds, opening))
        quoted = bool(rule.spans) and rule.outcome not in NOT_RAISED
        up = may_rise(cid, prob, paid=verdicts["motivation_not_money"].status == FLAGGED)
        status = allowed(rule.status, wanted, quoted=quoted, from_missing=up)
        if status != rule.status:
            verdicts[cid] = _moved(cid, rule, status, prob)
