"""Pastime goals and pay-or-title motives read from the answer's opening as a whole, beside the rules.

The rules flag a pastime or a pay motive by its words ("marathon", "salary") and grammar, and on sets they were
not tuned on they missed half the pastimes and most pay or title motives: an extreme triathlon named only by its
race, "follow the day rate", a surveyor who wants "my name on the plans". A logistic regression over the e5
embedding of the answer's opening (the same text and embedding ``why_model`` reads), fitted on the labelled
answers by ``bench/train_avoid.py``, caught such answers when held out one set at a time; it only adds a flag the
rules did not give, and only when it is sure (``RAISE_PROB``), since a false flag caps a strong answer's score.
Boasts and put-downs are left to the rules: they sit anywhere in an answer, and read from the opening the model
flagged more clear answers than it caught.
"""

from __future__ import annotations

import json
from pathlib import Path

from simulator.content.base import Verdict
from simulator.content.meaning import MODEL
from simulator.content.segment import clause_of
from simulator.content.types import CLEAR, FLAGGED
from simulator.errors import ModelError

MODELLED = ("professional_goal", "motivation_not_money")
RAISE_PROB = 0.7  # probability of "flagged" at or above which a clear verdict is flagged: held out, no false flag
MIN_WORDS = 40  # below this the rules decide alone, as for why_model: the fit is on whole answers
# Asked only where goal_why is checked (career goals): its held-out gains were measured there, and it reuses the
# opening's embedding; on a STAR story's opening it would be unmeasured and cost about 60 ms more.
ASKED_WITH = "goal_why"
WEIGHTS_PATH = Path(__file__).with_name("avoid_weights.json")
_REASON = {
    "professional_goal": "the opening reads as a pastime goal",
    "motivation_not_money": "the opening reads as driven by pay or a title only",
}


def _read(path: Path) -> dict:
    import numpy as np

    from simulator.content.semantic import EMBEDDER, EMBEDDER_VERSION, MODEL_VARIANT

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        embedder = data["embedder"]
        found = (embedder["package"], embedder["version"], embedder["variant"])
        models = {
            cid: (np.asarray(m["weights"], dtype=np.float64), float(m["bias"])) for cid, m in data["criteria"].items()
        }
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ModelError(f"The avoid weights ({path}) are missing or damaged: {e}.") from e
    if found != (EMBEDDER, EMBEDDER_VERSION, MODEL_VARIANT) or set(models) != set(MODELLED):
        raise ModelError(f"{path.name} was fitted on other embeddings or criteria; rerun bench/train_avoid.py.")
    if any(w.shape != (embedder["dim"],) for w, _ in models.values()):
        raise ModelError(f"{path.name} has weights of the wrong shape; rerun bench/train_avoid.py.")
    return models


def _models() -> dict:
    from simulator.content.semantic import _once

    return _once("avoid", lambda: _read(WEIGHTS_PATH))


def probabilities(text: str) -> dict[str, float]:
    """Each modelled criterion's probability of "flagged" for an answer's text (its opening is what is read)."""
    import numpy as np

    from simulator.content.why_model import opening_embedding

    x = opening_embedding(text)
    return {cid: round(float(1 / (1 + np.exp(-(w @ x + b)))), 4) for cid, (w, b) in _models().items()}


def _evidence(ctx, cid: str) -> tuple[str, tuple[int, int]]:
    """The outcome and the clause quoted: the first pay or title words the rules found, else the first goal stated,
    else the first clause of the answer."""
    why = ctx.why
    if cid == "motivation_not_money" and (why.money or why.titles):
        lo = (why.money or why.titles)[0][0]
        return ("money" if why.money else "title"), clause_of(ctx.doc[lo])
    outcome = "hobby" if cid == "professional_goal" else "money"
    lo = ctx.goals.mentions[0].start if ctx.goals.mentions else 0
    return outcome, clause_of(ctx.doc[lo])


def raise_flags(ctx, verdicts: dict[str, Verdict]) -> None:
    """Flag the modelled criteria the rules cleared when the model is sure; the verdict says the model decided."""
    todo = [cid for cid in MODELLED if cid in verdicts and verdicts[cid].status == CLEAR]
    if not todo or ASKED_WITH not in verdicts or not ctx.options.semantic or ctx.word_count < MIN_WORDS:
        return
    probs = probabilities(ctx.doc.text)
    for cid in todo:
        if probs[cid] >= RAISE_PROB:
            outcome, span = _evidence(ctx, cid)
            verdicts[cid] = Verdict(FLAGGED, outcome, [span], {"quote": ctx.q(span)}, _REASON[cid], MODEL, probs[cid])
