#!/usr/bin/env python3
"""How much the content score moves when the recogniser mishears words.

    python bench/bench_stability.py                 # every answer, 3 seeds, 5 % of words replaced
    python bench/bench_stability.py --seeds 5 -v    # more seeds; list the answers that moved most
    python bench/bench_stability.py --measure       # re-measure the word probabilities (runs tiny.en)

Each answer (the audio fixtures' scripts and every labelled answer in
tests/data) is scored as written, then re-scored after replacing 5 % of its
words (seeded) by a sound-alike (same Soundex code, else one or two letters
apart) or, for half of them, by a random word of the corpus. Two ways of hearing:

- "with word probabilities": each kept word gets a probability drawn from
  those tiny.en gave correctly heard words, each replaced word one drawn from
  those it gave its own mistakes, both measured on the audio fixtures and kept
  in bench/data/word_probabilities.json (``--measure`` redoes that);
- "without": every word certain, as from a recogniser that reports no confidence.

Prints the mean absolute change of the score (target: at most 8 points with
word probabilities), its 90th percentile, and how often each criterion's
status flips. Reports; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROBABILITIES = ROOT / "bench" / "data" / "word_probabilities.json"
ERROR_RATE = 0.05  # share of words replaced
SOUND_ALIKE_SHARE = 0.5  # of the replaced words, this share by a sound-alike, the rest by a random word
TARGET_POINTS = 8.0  # the bar for the mean absolute change
SOUNDEX_CODES = {
    c: str(d) for d, letters in enumerate(("aeiouyhw", "bfpv", "cgjkqsxz", "dt", "l", "mn", "r")) for c in letters
}
PUNCT = ",.;:!?"


def soundex(word: str) -> str:
    """The classic four-character Soundex code: words that sound alike share it ("best", "based")."""
    w = "".join(c for c in word.lower() if c.isalpha())
    if not w:
        return ""
    digits = [SOUNDEX_CODES.get(c, "0") for c in w]
    out, prev = [], digits[0]
    for c, d in zip(w[1:], digits[1:]):
        if d != "0" and d != prev:
            out.append(d)
        if c not in "hw":
            prev = d
    return (w[0] + "".join(out) + "000")[:4]


def _near(a: str, b: str) -> bool:
    """One or two letters apart (substitution, insertion or deletion), for words without a Soundex twin."""
    if abs(len(a) - len(b)) > 2:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return 0 < prev[-1] <= 2


class Mishearer:
    """Replaces words of a text by sound-alikes or random words of a vocabulary, seeded."""

    def __init__(self, vocabulary: list[str]):
        self.vocabulary = sorted(set(vocabulary))
        self.by_code: dict[str, list[str]] = {}
        for w in self.vocabulary:
            self.by_code.setdefault(soundex(w), []).append(w)

    def sound_alike(self, word: str, rng: random.Random) -> str:
        twins = [w for w in self.by_code.get(soundex(word), []) if w != word]
        if not twins:
            twins = [w for w in self.vocabulary if w[:1] == word[:1] and _near(word, w)]
        return rng.choice(twins) if twins else rng.choice(self.vocabulary)

    def mishear(self, text: str, rng: random.Random, probs: dict | None):
        """A Transcript of ``text`` with ERROR_RATE of its words replaced (at least one)."""
        from simulator.model.transcript import Transcript, Word

        tokens = text.split()
        n = max(1, round(ERROR_RATE * len(tokens)))
        replaced = set(rng.sample(range(len(tokens)), n))
        words = []
        for i, tok in enumerate(tokens):
            core, tail = tok.rstrip(PUNCT), tok[len(tok.rstrip(PUNCT)) :]
            if i in replaced and core:
                low = core.lower()
                new = self.sound_alike(low, rng) if rng.random() < SOUND_ALIKE_SHARE else rng.choice(self.vocabulary)
                core = new.capitalize() if tok[:1].isupper() else new
            p = 1.0 if probs is None else rng.choice(probs["misheard" if i in replaced else "correct"])
            words.append(Word(core + tail, probability=p))
        return Transcript(text=" ".join(w.word for w in words), words=words)


def answers() -> list[dict]:
    """Every scripted fixture and labelled answer: id, text, question, context."""
    out = []
    for path in sorted((ROOT / "audio_fixtures").glob("*.json")):
        script = json.loads(path.read_text()).get("script")
        if script:
            out.append({"id": f"fixture:{path.stem}", "text": script})
    for path in sorted((ROOT / "tests" / "data").glob("*.toml")):
        for ans in tomllib.loads(path.read_text()).get("answer", []):
            out.append({**ans, "id": f"{path.stem}:{ans['id']}"})
    return out


def measure_probabilities() -> dict:
    """Word probabilities tiny.en gives words it heard right and words it got wrong, on the audio fixtures."""
    import difflib

    import soundfile as sf

    from simulator.asr.transcribe import transcribe
    from simulator.asr.wer import normalize_words
    from simulator.model.transcript import bare

    correct, misheard = [], []
    for path in sorted((ROOT / "audio_fixtures").glob("*.json")):
        script = json.loads(path.read_text()).get("script")
        if not script:
            continue
        y, sr = sf.read(path.with_suffix(".flac"), dtype="float32")
        heard = [(bare(w.word), round(w.probability, 3)) for w in transcribe(y, sr).words]
        ops = difflib.SequenceMatcher(a=normalize_words(script), b=[w for w, _ in heard], autojunk=False)
        for op, _, _, b0, b1 in ops.get_opcodes():
            (correct if op == "equal" else misheard).extend(p for _, p in heard[b0:b1])
    return {
        "source": "tiny.en on the audio fixtures (espeak-ng speech), aligned with their scripts by bench_stability",
        "correct": correct,
        "misheard": misheard,
    }


def _statuses(report) -> dict[str, str]:
    return {c.id: c.status for c in report.criteria}


def run(seeds: int, probs: dict | None) -> tuple[list[tuple[str, int, float, float]], Counter, int]:
    """(answer id, score as written, mean |change| over seeds, mean |take - take|) per answer; status flips
    per criterion."""
    from simulator.content import check_content
    from simulator.model.analysis import AnswerContext
    from simulator.model.transcript import Transcript
    from simulator.questions import get_question

    items = answers()
    mishearer = Mishearer([w.strip(PUNCT + "\"'“”").lower() for a in items for w in a["text"].split() if w.isascii()])
    rows, flips, judged = [], Counter(), 0
    for ans in items:
        q = get_question(ans.get("question", "career-goals"))
        ctx = AnswerContext(role=ans.get("role"), company=ans.get("company"), posting=ans.get("posting"))
        clean = check_content(Transcript.from_text(ans["text"]), q, ctx)
        changes, takes = [], []
        for seed in range(seeds):
            rng = random.Random(f"{ans['id']}:{seed}")
            noisy = check_content(mishearer.mishear(ans["text"], rng, probs), q, ctx)
            changes.append(abs(noisy.score - clean.score))
            takes.append(noisy.score)
            before, after = _statuses(clean), _statuses(noisy)
            flips.update(cid for cid in before if before[cid] != after[cid])
            judged += 1
        pairs = [abs(a - b) for k, a in enumerate(takes) for b in takes[k + 1 :]]
        rows.append((ans["id"], clean.score, statistics.mean(changes), statistics.mean(pairs) if pairs else 0.0))
    return rows, flips, judged


def _report(name: str, rows, flips: Counter, judged: int, verbose: bool) -> None:
    changes = sorted(r[2] for r in rows)
    mean = statistics.mean(changes)
    p90 = changes[int(0.9 * (len(changes) - 1))]
    verdict = "within" if mean <= TARGET_POINTS else "above"
    print(f"{name}: mean |change| {mean:.1f} points (p90 {p90:.1f}) over {len(rows)} answers; {verdict} the target")
    print(f"  two misheard takes of one answer differ by {statistics.mean(r[3] for r in rows):.1f} points on average")
    rates = ", ".join(f"{cid} {100 * n / judged:.0f}%" for cid, n in flips.most_common(6))
    print(f"  status flips per re-score: {rates or 'none'}")
    if verbose:
        for aid, score, change, _ in sorted(rows, key=lambda r: -r[2])[:10]:
            print(f"  {aid:48s} score {score:3d}  mean |change| {change:.1f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=3, help="re-scores per answer, each with other words misheard")
    ap.add_argument("--measure", action="store_true", help="re-measure the word probabilities with tiny.en first")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the answers that moved most")
    args = ap.parse_args(argv)
    if args.measure:
        PROBABILITIES.parent.mkdir(exist_ok=True)
        PROBABILITIES.write_text(json.dumps(measure_probabilities(), indent=1) + "\n")
    probs = json.loads(PROBABILITIES.read_text())
    print(
        f"{ERROR_RATE:.0%} of words misheard ({SOUND_ALIKE_SHARE:.0%} sound-alikes), {args.seeds} seeds; "
        f"probabilities from {len(probs['correct'])} correct and {len(probs['misheard'])} misheard words"
    )
    t0 = time.perf_counter()
    for name, p in (("with word probabilities", probs), ("without word probabilities", None)):
        _report(name, *run(args.seeds, p), args.verbose)
    print(f"({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
