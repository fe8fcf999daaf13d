#!/usr/bin/env python3
"""Fit the answer-level goal_why model (simulator/content/why_model.py) on every labelled career-goals answer.

    python bench/train_goal_why.py            # leave-one-set-out table, then writes simulator/content/goal_why_weights.json
    python bench/train_goal_why.py --check    # exit 1 if the committed weights differ from a refit

Each answer's features are the e5 embedding of its opening plus the rules' evidence counts (why_model.FEATURES);
the label is its hand label for goal_why. The table holds out one labelled set at a time, fits on the others and
compares the model (as at run time: weighing what the rules found, or raising a missing reason to partial at
why_model.RAISE_PROB; the "weighed" column without that raise) with the rules alone on the held-out set: each set
was written by another writer or round, so this is the estimate for answers written by others. The fit is
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

DATA = ROOT / "tests" / "data"
C = 30.0  # inverse L2 strength: the best of 3, 10 and 30 in the leave-one-set-out table (30: +16 answers of 248)
DIGITS = 6


def labelled_sets() -> list[Path]:
    sets = sorted(p for p in DATA.glob("content_*.toml") if not p.stem.endswith("_bands"))
    return sets + [DATA / "score_bands.toml", DATA / "score_bands_heldout.toml"]


def training_digest() -> str:
    """SHA-256 of the labelled sets and the word lists the features are read with, recorded with the weights so a
    stale fit is caught without refitting."""
    import hashlib

    h = hashlib.sha256()
    for path in [*labelled_sets(), ROOT / "prompts" / "lexicons.toml"]:
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def rows() -> list[tuple[str, str, str, str, list[float], str]]:
    """(set, label, rules' status, how the model is asked, evidence features, opening) per labelled answer: "weigh"
    where the rules found evidence, "raise" where they found none, "" where the rules decide alone."""
    from simulator.content.check import answer_context
    from simulator.content.crit_goal import goal_why_by_rules
    from simulator.content.rubric import load_rubric
    from simulator.content.why_model import asked, evidence_features, opening, raisable
    from simulator.model.analysis import AnswerContext
    from simulator.model.transcript import Transcript

    rubric, out = load_rubric(), []
    for path in labelled_sets():
        for ans in tomllib.loads(path.read_text(encoding="utf-8"))["answer"]:
            label = ans.get("labels", {}).get("goal_why")
            if label is None:
                continue
            context = AnswerContext(role=ans.get("role"), company=ans.get("company"), posting=ans.get("posting"))
            ctx = answer_context(Transcript.from_text(ans["text"]), context, rubric=rubric)
            verdict = goal_why_by_rules(ctx)
            feats = evidence_features(ctx, verdict.status)
            how = "weigh" if asked(ctx, verdict) else "raise" if raisable(ctx, verdict) else ""
            out.append((path.stem, label, verdict.status, how, feats, opening(ctx.doc.text)))
    return out


def matrix(data):
    import numpy as np

    from simulator.content.semantic import embed

    emb = embed([r[5] for r in data]).astype(np.float64)
    return np.hstack([emb, np.array([r[4] for r in data], dtype=np.float64)])


def fit(x, y):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=5000).fit(x, y)


def leave_one_set_out(data, x) -> None:
    import numpy as np

    sets = np.array([r[0] for r in data])
    y = np.array([r[1] for r in data])
    rule = np.array([r[2] for r in data])
    how = np.array([r[3] for r in data])
    print(f"{'held-out set':28} {'rules':>7} {'weighed':>7} {'model':>7}")
    totals = np.zeros(4, int)  # rules, weighed only, weighed and raised, answers
    for name in sorted(set(sets)):
        test = sets == name
        model = fit(x[~test], y[~test])
        weighed = _predicted(model, x[test], np.where(how[test] == "raise", "", how[test]), rule[test])
        pred = _predicted(model, x[test], how[test], rule[test])
        row = np.array([(p == y[test]).sum() for p in (rule[test], weighed, pred)] + [int(test.sum())])
        totals += row
        print(f"{name:28} {row[0]:3}/{row[3]:<3} {row[1]:3}/{row[3]:<3} {row[2]:3}/{row[3]:<3}")
    print(f"{'all':28} {totals[0]:3}/{totals[3]:<3} {totals[1]:3}/{totals[3]:<3} {totals[2]:3}/{totals[3]:<3}")


def _predicted(model, x, how, rule):
    """The run-time status: the model's where it weighs, partial where it raises surely enough, else the rules'."""
    import numpy as np

    from simulator.content.types import PARTIAL
    from simulator.content.why_model import RAISE_PROB

    probs = model.predict_proba(x)
    best = model.classes_[probs.argmax(1)]
    raised = (how == "raise") & (best == PARTIAL) & (probs.max(1) >= RAISE_PROB)
    return np.where(how == "weigh", best, np.where(raised, PARTIAL, rule))


def weights_json(model) -> dict:
    from simulator.content.semantic import EMBEDDER, EMBEDDER_VERSION, MODEL_VARIANT
    from simulator.content.why_model import FEATURES

    def r(v: float) -> float:
        return float(f"{v:.{DIGITS}g}")

    dim = len(model.coef_[0]) - len(FEATURES)
    return {
        "embedder": {"package": EMBEDDER, "version": EMBEDDER_VERSION, "variant": MODEL_VARIANT, "dim": dim},
        "features": list(FEATURES),
        "labels": [str(c) for c in model.classes_],
        "weights": [[r(v) for v in row] for row in model.coef_],
        "bias": [r(v) for v in model.intercept_],
        "C": C,
        "train_sha256": training_digest(),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed weights differ from a refit")
    args = ap.parse_args()
    import numpy as np

    from simulator.content.why_model import WEIGHTS_PATH

    data = rows()
    x = matrix(data)
    out = weights_json(fit(x, np.array([r[1] for r in data])))
    if args.check:
        same = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8")) == out
        print("goal_why weights are up to date" if same else "goal_why weights differ from a refit")
        return 0 if same else 1
    leave_one_set_out(data, x)
    WEIGHTS_PATH.write_text(json.dumps(out) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS_PATH.relative_to(ROOT)} from {len(data)} answers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
