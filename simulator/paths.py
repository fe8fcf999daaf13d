"""Where the tool keeps user data and reads its bundled data.

``MOCK_INTERVIEW_HOME`` redirects all user data (the tests set it).
``MOCK_INTERVIEW_PROMPTS`` points at another question bank / rubric folder.
"""

from __future__ import annotations

import logging
import os
import sys
from functools import lru_cache
from pathlib import Path

HOME_ENV = "MOCK_INTERVIEW_HOME"
PROMPTS_ENV = "MOCK_INTERVIEW_PROMPTS"
APP_NAME = "mock-interview"
NUMBA_ENV = "NUMBA_CACHE_DIR"

log = logging.getLogger(__name__)


def data_home() -> Path:
    """The user data folder (sessions, database); created owner-only on demand."""
    override = os.environ.get(HOME_ENV)
    if override:
        home = Path(override).expanduser()
    else:
        from platformdirs import user_data_dir

        home = Path(user_data_dir(APP_NAME, appauthor=False))
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    return home


def cache_home() -> Path:
    """The user cache folder (converted models, numba cache)."""
    override = os.environ.get(HOME_ENV)
    if override:
        cache = Path(override).expanduser() / "cache"
    else:
        from platformdirs import user_cache_dir

        cache = Path(user_cache_dir(APP_NAME, appauthor=False))
    cache.mkdir(parents=True, exist_ok=True, mode=0o700)
    return cache


def prompts_dir() -> Path:
    """The folder holding questions.toml and the rubric data.

    A source checkout uses the top-level ``prompts/``; an installed package uses
    the copy installed as ``simulator._prompts``.
    """
    override = os.environ.get(PROMPTS_ENV)
    if override:
        return Path(override)
    return _installed_prompts()


@lru_cache(maxsize=1)
def _installed_prompts() -> Path:
    """The checkout's or the installed package's prompts/, found once: the content check asks for every word it
    tests as a hesitation, and resolving the path each time cost it a tenth of its rule time."""
    checkout = Path(__file__).resolve().parent.parent / "prompts"
    if (checkout / "questions.toml").is_file():
        return checkout
    from importlib.resources import files

    return Path(str(files("simulator._prompts")))


def fixtures_dir() -> Path:
    """The bundled audio answers: ``audio_fixtures/`` in a checkout, ``simulator._fixtures`` when installed."""
    checkout = Path(__file__).resolve().parent.parent / "audio_fixtures"
    if checkout.is_dir():
        return checkout
    from importlib.resources import files

    return Path(str(files("simulator._fixtures")))


def numba_cache_dir() -> Path:
    return cache_home() / "numba"


def configure_numba_cache() -> str:
    """Point numba's on-disk cache at the app cache unless NUMBA_CACHE_DIR is set; return the folder."""
    current = os.environ.get(NUMBA_ENV)
    if current:
        return current
    folder = numba_cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    os.environ[NUMBA_ENV] = str(folder)
    if "numba" in sys.modules:
        log.debug("numba was imported before %s was set; its cache stays where it was", NUMBA_ENV)
    return str(folder)
