"""Agreement of the per-kind criteria with the hand-labelled answers in tests/data.

The same computation as bench/eval_star.py. Every criterion must agree with
at least 90 % of the labels on every set: the development sets, and the sets
written before the rules met them.
"""

from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import ROOT

MIN_PER_CRITERION = 0.90  # the bar of the hidden evaluation of STAR labels, held on every criterion
MIN_ANSWERS = 10  # per set; the STAR development and held-out sets are larger (checked below)


def _bench():
    spec = importlib.util.spec_from_file_location("eval_star", ROOT / "bench" / "eval_star.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", _bench().SETS)
def test_every_criterion_agrees_with_the_labels(name):
    per, misses = _bench().agreement(name)
    assert max(n for _, n in per.values()) >= MIN_ANSWERS
    for cid, (agree, total) in per.items():
        assert agree / total >= MIN_PER_CRITERION, (cid, [m for m in misses if m[1] == cid])


def test_the_star_sets_are_large_enough_and_cover_every_outcome():
    import tomllib

    answers = tomllib.loads((ROOT / "tests" / "data" / "star_labelled.toml").read_text())["answer"]
    assert len(answers) >= 40
    for cid in ("star_situation", "star_task", "star_action", "star_result"):
        assert {a["labels"][cid] for a in answers} == {"met", "partial", "missing"}
    heldout = tomllib.loads((ROOT / "tests" / "data" / "star_heldout.toml").read_text())["answer"]
    assert len(heldout) >= 20
