"""Reading a stored analysis document (``jsonout.to_jsonable(analysis)``).

The JSON names are the stable contract between the analysis and everything
that reads sessions (store, replay, history, HTML report), so these helpers
read the dict defensively: a missing part gives None or an empty list.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from simulator.model.transcript import bare

PACE_BAND_WPM = (110.0, 160.0)  # wpm; the delivery default, used when the document does not state its band
LONG_PAUSE_S = 2.0  # s; the delivery default, used when the document does not state it
FILLER_MATCH_S = 0.3  # s; a filler's start must be this close to a word's start to mark that word
CONTENT_HEDGE_CRITERION = "confident_language"
FALLBACK_HEDGES = ("maybe", "perhaps", "hopefully", "probably", "i guess", "i think", "kind of", "sort of", "try to")

log = logging.getLogger(__name__)


def dig(doc: Any, *keys: str) -> Any:
    """``doc[k1][k2]...`` or None when any level is missing."""
    for key in keys:
        if not isinstance(doc, dict):
            return None
        doc = doc.get(key)
    return doc


def number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def count(value: Any) -> int | None:
    """A list's length or a number as int (``long_pauses`` is a list of pauses)."""
    if isinstance(value, list):
        return len(value)
    n = number(value)
    return None if n is None else int(n)


def _options(doc: dict) -> dict:
    opts = dig(doc, "delivery", "options")
    return opts if isinstance(opts, dict) else {}


def pace_band(doc: dict) -> tuple[float, float]:
    """The target pace band the delivery analysis used (options pace_min_wpm/pace_max_wpm)."""
    opts = _options(doc)
    lo, hi = number(opts.get("pace_min_wpm")), number(opts.get("pace_max_wpm"))
    if lo is not None and hi is not None and lo < hi:
        return lo, hi
    return PACE_BAND_WPM


def long_pause_s(doc: dict) -> float:
    value = number(_options(doc).get("long_pause_s"))
    return LONG_PAUSE_S if value is None or value <= 0 else value


def words(doc: dict) -> list[dict]:
    """Transcript words as dicts with word/start/end (times may be None for text answers)."""
    items = dig(doc, "transcript", "words")
    return (
        [w for w in items if isinstance(w, dict) and isinstance(w.get("word"), str)] if isinstance(items, list) else []
    )


def timed(items: list[dict]) -> bool:
    return bool(items) and all(number(w.get("start")) is not None for w in items)


def pauses(doc: dict) -> list[dict]:
    items = dig(doc, "delivery", "pauses")
    if not isinstance(items, list):
        items = dig(doc, "delivery", "long_pauses")
    if not isinstance(items, list):
        return []
    out = [
        dict(p)
        for p in items
        if isinstance(p, dict) and number(p.get("start")) is not None and number(p.get("end")) is not None
    ]
    for p in out:
        p.setdefault("duration", p["end"] - p["start"])
    return out


def _nearest(items: list[dict], t: float) -> int | None:
    best, best_d = None, FILLER_MATCH_S
    for i, w in enumerate(items):
        start = number(w.get("start"))
        if start is not None and abs(start - t) <= best_d:
            best, best_d = i, abs(start - t)
    return best


def filler_indexes(doc: dict, items: list[dict] | None = None) -> set[int]:
    """Indexes of transcript words that are fillers ("you know" marks two words).

    Uses the filler's ``word_index``/``n_words`` when given, else its start time.
    """
    items = words(doc) if items is None else items
    out: set[int] = set()
    fillers = dig(doc, "delivery", "fillers")
    for f in fillers if isinstance(fillers, list) else []:
        if not isinstance(f, dict):
            continue
        n = count(f.get("n_words")) or max(len(str(f.get("word", "")).split()), 1)
        i = count(f.get("word_index"))
        if i is None and number(f.get("start")) is not None:
            i = _nearest(items, float(f["start"]))
        if i is not None and 0 <= i < len(items):
            out.update(range(i, min(i + n, len(items))))
    return out


@lru_cache(maxsize=1)
def hedge_phrases() -> tuple[tuple[str, ...], ...]:
    """The content check's hedge phrases (prompts/lexicons.toml), as word tuples; "*" matches any word."""
    try:
        from simulator.content.lexicon import load_lexicon
        from simulator.paths import prompts_dir

        phrases = load_lexicon(prompts_dir())("hedges", "phrases")
    except Exception as e:  # noqa: BLE001 - highlighting is optional; the checklist still quotes them
        log.debug("no hedge lexicon: %s", e)
        phrases = FALLBACK_HEDGES
    return tuple(tuple(bare(w) for w in p.split()) for p in phrases)


def _matches(phrase: tuple[str, ...], seq: list[str], at: int) -> bool:
    return at + len(phrase) <= len(seq) and all(p in ("*", seq[at + k]) for k, p in enumerate(phrase))


def _hedges_in(normed: list[str], window: list[int]) -> set[int]:
    if not window:
        return set()
    first, seq = window[0], normed[window[0] : window[-1] + 1]
    found: set[int] = set()
    for at in range(len(seq)):
        for phrase in hedge_phrases():
            if _matches(phrase, seq, at):
                found.update(first + at + k for k in range(len(phrase)))
    return found


def hedge_indexes(doc: dict, items: list[dict] | None = None) -> set[int]:
    """Indexes of the hedge words inside the content check's quotes for confident language.

    The quotes carry a little context ("promoted, and maybe I'm coding"), so
    only the words matching a hedge phrase are marked; a quote of one or two
    words with no match is marked whole.
    """
    items = words(doc) if items is None else items
    criteria = dig(doc, "content", "criteria")
    out: set[int] = set()
    normed = [bare(w["word"]) for w in items]
    for c in criteria if isinstance(criteria, list) else []:
        if not isinstance(c, dict) or c.get("id") != CONTENT_HEDGE_CRITERION or c.get("status") == "met":
            continue
        for ev in c.get("evidence") or []:
            start, end = number(dig(ev, "start")), number(dig(ev, "end"))
            if start is None or end is None:
                continue
            window = [
                i
                for i, w in enumerate(items)
                if number(w.get("start")) is not None and start - 0.05 <= w["start"] < end
            ]
            found = _hedges_in(normed, window)
            out |= found if found or len(window) > 2 else set(window)
    return out


SHOW_PAUSE_S = 0.5  # s; shorter pauses are not marked in transcripts (replay, HTML)


@dataclass(frozen=True)
class Token:
    """A transcript word or a marked pause, for replay and the HTML report."""

    kind: str  # "word" | "pause"
    text: str
    start: float | None
    end: float | None
    filler: bool = False
    hedge: bool = False
    long: bool = False  # a long pause


def tokens(doc: dict) -> list[Token]:
    """Words and pauses of at least SHOW_PAUSE_S, in time order."""
    items = words(doc)
    fillers, hedges = filler_indexes(doc, items), hedge_indexes(doc, items)
    long_s = long_pause_s(doc)
    shown = sorted((p for p in pauses(doc) if p["duration"] >= SHOW_PAUSE_S), key=lambda p: p["start"])
    out, k = [], 0
    for i, w in enumerate(items):
        start = number(w.get("start"))
        while start is not None and k < len(shown) and shown[k]["end"] <= start + 0.05:
            p = shown[k]
            out.append(Token("pause", f"{p['duration']:.1f} s", p["start"], p["end"], long=p["duration"] >= long_s))
            k += 1
        out.append(
            Token("word", w["word"].strip(), start, number(w.get("end")), filler=i in fillers, hedge=i in hedges)
        )
    return out
