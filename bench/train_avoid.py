#!/usr/bin/env python3
"""Fit the answer-level avoid model (simulator/content/avoid_model.py) on every labelled answer.

    python bench/train_avoid.py            # leave-one-set-out table, then writes simulator/content/avoid_weights.json
    python bench/train_avoid.py --check    # exit 1 if the committed weights differ from a refit

Each answer's features are the e5 embedding of its opening (why_model.opening); the label is its hand label for
professional_goal or motivation_not_money. The table holds out one labelled set at a time, fits on the others and
adds the model's flags to the rules' verdicts as at run time (only on a clear verdict, only at or above
avoid_model.RAISE_PROB, only on answers of avoid_model.MIN_WORDS or more), for several floors. The fit is
deterministic (lbfgs, weights rounded to 6 significant digits).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from train_goal_why import DIGITS, labelled_sets, training_digest  # noqa: E402

C = 100.0  # inverse L2 strength: of 10, 30, 100 and 300, the most flags caught held out at 0.7 for at most one false each
FLOORS = (0.6, 0.7, 0.75, 0.8, 0.9)


def rows() -> list[dict]:
    """Per labelled answer: its set, labels, the rules' statuses, whether the model is asked, and its opening."""
    from simulator.content.avoid_model import MIN_WORDS, MODELLED
    from simulator.content.check import answer_context
    from simulator.content.rubric import implemented_rules, load_rubric
    from simulator.content.why_model import opening
    from simulator.model.analysis import AnswerContext
    from simulator.model.transcript import Transcript

    rubric, rules, out = load_rubric(), implemented_rules(), []
    for path in labelled_sets():
        for ans in tomllib.loads(path.read_text(encoding="utf-8"))["answer"]:
            labels = {cid: ans.get("labels", {}).get(cid) for cid in MODELLED}
            if not any(labels.values()):
                continue
            context = AnswerContext(role=ans.get("role"), company=ans.get("company"), posting=ans.get("posting"))
            ctx = answer_context(Transcript.from_text(ans["text"]), context, rubric=rubric)
            rule = {cid: rules[cid].check(ctx).status for cid in MODELLED}
            out.append(
                {"set": path.stem, "labels": labels, "rule": rule, "asked": ctx.word_count >= MIN_WORDS}
                | {"opening": opening(ctx.doc.text)}
            )
    return out


def fit(x, y):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=5000).fit(x, y)


def leave_one_set_out(data, x, cid: str) -> None:
    """Flags caught and false flags added, holding out one set at a time, at each floor."""
    import numpy as np

    have = np.array([r["labels"][cid] is not None for r in data])
    sets = np.array([r["set"] for r in data])[have]
    y = np.array([r["labels"][cid] == "flagged" for r in data])[have]
    rule = np.array([r["rule"][cid] == "flagged" for r in data])[have]
    asked = np.array([r["asked"] for r in data])[have]
    xs, p = x[have], np.zeros(int(have.sum()))
    for name in sorted(set(sets)):
        test = sets == name
        p[test] = fit(xs[~test], y[~test]).predict_proba(xs[test])[:, 1]
    blind = np.array(["blind" in name for name in sets])
    print(f"{cid}: {int(y.sum())} flagged of {len(y)}; the rules agree on {int((rule == y).sum())}")
    print(
        f"  (blind sets: {int(y[blind].sum())} of {int(blind.sum())}; the rules agree on {int((rule == y)[blind].sum())})"
    )
    for floor in FLOORS:
        raised = ~rule & asked & (p >= floor)
        caught, false = int((raised & y).sum()), int((raised & ~y).sum())
        on_blind = int((raised & y)[blind].sum()), int((raised & ~y)[blind].sum())
        agree = int((rule == y).sum()) + caught - false
        print(
            f"  floor {floor:.2f}: +{caught} caught, {false} false flags -> {agree} (blind sets: +{on_blind[0]}, {on_blind[1]})"
        )


def weights_json(data, x) -> dict:
    import numpy as np

    from simulator.content.avoid_model import MODELLED
    from simulator.content.semantic import EMBEDDER, EMBEDDER_VERSION, MODEL_VARIANT

    def r(v: float) -> float:
        return float(f"{v:.{DIGITS}g}")

    criteria = {}
    for cid in MODELLED:
        have = np.array([row["labels"][cid] is not None for row in data])
        y = np.array([row["labels"][cid] == "flagged" for row in data])[have]
        model = fit(x[have], y)
        criteria[cid] = {"weights": [r(v) for v in model.coef_[0]], "bias": r(model.intercept_[0])}
    return {
        "embedder": {"package": EMBEDDER, "version": EMBEDDER_VERSION, "variant": MODEL_VARIANT, "dim": x.shape[1]},
        "criteria": criteria,
        "C": C,
        "train_sha256": training_digest(),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed weights differ from a refit")
    args = ap.parse_args()
    import numpy as np

    from simulator.content.avoid_model import MODELLED, WEIGHTS_PATH
    from simulator.content.semantic import embed

    data = rows()
    x = embed([r["opening"] for r in data]).astype(np.float64)
    out = weights_json(data, x)
    if args.check:
        same = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8")) == out
        print("avoid weights are up to date" if same else "avoid weights differ from a refit")
        return 0 if same else 1
    for cid in MODELLED:
        leave_one_set_out(data, x, cid)
    WEIGHTS_PATH.write_text(json.dumps(out) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS_PATH.relative_to(ROOT)} from {len(data)} answers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
