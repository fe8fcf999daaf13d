"""Shared test set-up: user data always goes to a temporary home."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "audio_fixtures"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch) -> Path:
    """Every test gets its own MOCK_INTERVIEW_HOME; nothing touches the real one."""
    home = tmp_path / "mi-home"
    monkeypatch.setenv("MOCK_INTERVIEW_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


def load_truth(name: str) -> dict:
    """The known truth written by audio_fixtures/make_fixtures.py for a fixture."""
    return json.loads((FIXTURES / f"{name}.json").read_text())


@pytest.fixture(scope="session")
def has_espeak() -> bool:
    return any((Path(p) / "espeak-ng").exists() for p in os.environ.get("PATH", "").split(os.pathsep))


# The virtual sound card fixture, for every layer (imported last: it reads ROOT from here).
from tests.audio_device import private_mic, virtual_audio  # noqa: E402, F401
