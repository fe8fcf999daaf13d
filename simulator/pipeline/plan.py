"""Which questions a mock interview asks: an opening one, a mix from the middle, and a closing one.

Deterministic for a seed, so an interview can be planned again (``--resume``,
tests) and a script can know the prompts it will be asked.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from simulator.errors import BadInputError, ConfigError
from simulator.questions import GENERAL_FIELD, Question, filter_questions

OPENING, CLOSING = "opening", "closing"  # the categories that frame an interview
CLOSING_ID = "questions-for-us"  # "Do you have any questions for us?": the closing question when the bank has it
DEFAULT_COUNT = 5  # questions in an interview
MIN_COUNT = 2  # an opening and a closing question
MAX_COUNT = 15  # questions; a longer interview is not a practice run


def parse_ids(text: str) -> list[str]:
    """``--questions ID,ID,…`` as a list of ids; BadInputError when empty or repeated."""
    ids = [i.strip() for i in text.split(",") if i.strip()]
    if not ids:
        raise BadInputError(
            "--questions needs question ids separated by commas, e.g. --questions why-this-role,mistake."
        )
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise BadInputError(f"--questions repeats {', '.join(repeated)}; ask each question once.")
    return ids


def by_ids(questions: Sequence[Question], ids: Sequence[str]) -> list[Question]:
    """The bank's questions with these ids, in the order given; ConfigError naming an unknown id."""
    known = {q.id: q for q in questions}
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise ConfigError(
            f"No question {', '.join(repr(i) for i in unknown)}. Known ids: {', '.join(known)} "
            "(see `mock-interview questions`)."
        )
    return [known[i] for i in ids]


def _suiting(questions: list[Question], job_field: str | None) -> list[Question]:
    """Without a field, only the questions for every field: a nurse is not asked about a bug hunt."""
    return questions if job_field else [q for q in questions if GENERAL_FIELD in q.fields]


def _shuffled(items: Sequence[Question], rng: random.Random, job_field: str | None) -> list[Question]:
    """``items`` in random order, the ones written for ``job_field`` first."""
    special = [q for q in items if job_field and GENERAL_FIELD not in q.fields]
    rest = [q for q in items if q not in special]
    rng.shuffle(special)
    rng.shuffle(rest)
    return special + rest


def _mix(pool: Sequence[Question], n: int, rng: random.Random, job_field: str | None) -> list[Question]:
    """``n`` questions taken a category at a time in turn, so the middle mixes categories."""
    by_category: dict[str, list[Question]] = {}
    for q in pool:
        by_category.setdefault(q.category, []).append(q)
    order = sorted(by_category)
    rng.shuffle(order)
    queues = [_shuffled(by_category[c], rng, job_field) for c in order]
    picked: list[Question] = []
    while len(picked) < n and any(queues):
        for queue in queues:
            if queue and len(picked) < n:
                picked.append(queue.pop(0))
    return picked


def plan_questions(
    questions: Sequence[Question],
    *,
    count: int = DEFAULT_COUNT,
    category: str | None = None,
    job_field: str | None = None,
    seed: int = 0,
) -> list[Question]:
    """``count`` questions: an opening one, a mix of the middle categories (only ``category`` if given), and
    the closing question; all suiting ``job_field`` (general ones only without it).

    BadInputError when the bank has too few.
    """
    if not MIN_COUNT <= count <= MAX_COUNT:
        raise BadInputError(f"--count must be between {MIN_COUNT} and {MAX_COUNT} (an opening and a closing question).")
    rng = random.Random(seed)
    suitable = _suiting(filter_questions(tuple(questions), job_field=job_field), job_field)
    openings = _shuffled([q for q in suitable if q.category == OPENING], rng, job_field)
    closings = [q for q in suitable if q.category == CLOSING]
    closing = next((q for q in closings if q.id == CLOSING_ID), closings[0] if closings else None)
    frame = [q for q in (openings[0] if openings else None, closing) if q is not None]
    middle_pool = [
        q
        for q in _suiting(filter_questions(tuple(questions), category=category, job_field=job_field), job_field)
        if q not in frame and (category is not None or q.category not in (OPENING, CLOSING))
    ]
    middle = _mix(middle_pool, count - len(frame), rng, job_field)
    if len(middle) + len(frame) < count:
        raise BadInputError(
            f"Only {len(middle) + len(frame)} questions suit these choices; lower --count or drop --category/--field."
        )
    return ([openings[0]] if openings else []) + middle + ([closing] if closing else [])
