"""goal_why weighed as a whole answer: a logistic regression over the answer's opening and the rules' evidence.

The rules find reasons, values and impacts, but weigh them unlike people who never saw them: a rich liking, a
buzzword or a "because" for a step reads as a real reason to the rules and as a thin one to a recruiter. Weighing
the evidence with the answer's own words, fitted on the labelled career-goals answers by
``bench/train_goal_why.py``, agreed with labellers of sets it had not seen clearly more often than the rules alone
(leave-one-set-out figures in docs/content.md). It re-weighs what the rules found, so a met or partial status
still quotes the answer's own words; where they found nothing it may only raise missing to partial, and the tip
then says the reason is implied rather than quoting one.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from simulator.content.types import MET, MISSING, PARTIAL
from simulator.errors import ModelError

OPENING_WORDS = 60  # words of the answer embedded: the goal and its reason come first, and embedding costs ~1 ms a word
MIN_WORDS = 40  # below this the rules decide alone: the model was fitted on whole answers, not a sentence or two
# A reason the rules missed is raised to partial only this surely: held out, 0.5 raised 45 answers (28 right, 16
# wrong) and 0.6 raised 36 (24 right, 12 wrong), the same gain with fewer wrong.
RAISE_PROB = 0.6
WEIGHTS_PATH = Path(__file__).with_name("goal_why_weights.json")
FEATURES = (
    "strong_reasons",
    "substantive_reasons",
    "thin_reasons",
    "money_reasons",
    "step_reasons",
    "rich_values",
    "thin_values",
    "impacts_with_beneficiary",
    "impacts_without",
    "success_pictures",
    "generic_goal",
    "goal_count",
    "stock_motives",
    "words_per_100",
    "steps",
    "rule_met",
    "rule_partial",
)


def opening(text: str) -> str:
    """The first ``OPENING_WORDS`` words of the answer, as embedded."""
    return " ".join(text.split()[:OPENING_WORDS])


def opening_embedding(text: str):
    """The e5 embedding of the answer's opening as float64: the one vector the goal_why, avoid and re-weighing
    models read (``embed`` caches it, so the answer is embedded once)."""
    import numpy as np

    from simulator.content.semantic import embed

    return embed([opening(text)])[0].astype(np.float64)


def evidence_features(ctx, rule_status: str) -> list[float]:
    """The rules' evidence for goal_why as counts, in the order of ``FEATURES``."""
    from simulator.content import why

    w, goals = ctx.why, ctx.goals
    kinds = Counter(r.kind for r in w.reasons)
    generic = bool(goals.goals) and all(g.generic for g in goals.goals)
    return [
        kinds[why.STRONG],
        kinds[why.SUBSTANTIVE],
        kinds[why.THIN],
        kinds[why.MONEY],
        kinds[why.STEP],
        sum(1 for v in w.values if v[2]),
        sum(1 for v in w.values if not v[2]),
        sum(1 for i in w.impacts if i[2]),
        sum(1 for i in w.impacts if not i[2]),
        len(w.success),
        float(generic),
        goals.count,
        len(ctx.lex.ph("why", "stock_motives").find(ctx.doc)),
        ctx.word_count / 100,
        len(ctx.steps),
        float(rule_status == MET),
        float(rule_status == PARTIAL),
    ]


def _read(path: Path) -> dict:
    import numpy as np

    from simulator.content.semantic import EMBEDDER, EMBEDDER_VERSION, MODEL_VARIANT

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        embedder = data["embedder"]
        found = (embedder["package"], embedder["version"], embedder["variant"])
        weights = np.asarray(data["weights"], dtype=np.float64)
        bias = np.asarray(data["bias"], dtype=np.float64)
        labels = tuple(data["labels"])
        features = tuple(data["features"])
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ModelError(f"The goal_why weights ({path}) are missing or damaged: {e}.") from e
    if found != (EMBEDDER, EMBEDDER_VERSION, MODEL_VARIANT) or features != FEATURES:
        raise ModelError(f"{path.name} was fitted on other embeddings or features; rerun bench/train_goal_why.py.")
    if set(labels) != {MET, PARTIAL, MISSING} or weights.shape != (len(labels), embedder["dim"] + len(FEATURES)):
        raise ModelError(f"{path.name} has weights of shape {weights.shape}; rerun bench/train_goal_why.py.")
    return {"weights": weights, "bias": bias, "labels": labels}


def _model() -> dict:
    from simulator.content.semantic import _once

    return _once("goal_why", lambda: _read(WEIGHTS_PATH))


def asked(ctx, verdict) -> bool:
    """Whether the model weighs this answer: a whole answer in which the rules found a reason, value or impact."""
    return ctx.options.semantic and bool(verdict.spans) and ctx.word_count >= MIN_WORDS


def raisable(ctx, verdict) -> bool:
    """Whether the model may raise a missing reason to partial: a whole answer in which the rules found nothing."""
    return ctx.options.semantic and verdict.status == MISSING and ctx.word_count >= MIN_WORDS


def judge(ctx, rule_status: str) -> tuple[str, float]:
    """The status the model gives goal_why and its probability."""
    import numpy as np

    model = _model()
    x = np.concatenate([opening_embedding(ctx.doc.text), evidence_features(ctx, rule_status)])
    logits = model["weights"] @ x + model["bias"]
    probs = np.exp(logits - logits.max())
    probs /= probs.sum()
    best = int(probs.argmax())
    return model["labels"][best], round(float(probs[best]), 4)
