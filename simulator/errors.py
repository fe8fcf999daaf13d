"""The error hierarchy.

The library raises these; only the CLI turns them into a one-line message
and an exit code. Every message says what happened and what to do next.
"""

from __future__ import annotations

# Exit codes, one per failure class; the comments are the README's table (scripts/gen_docs.py).
EXIT_OK = 0  # success
EXIT_INTERNAL = 1  # internal error: a bug; rerun with -v and report it
EXIT_BAD_INPUT = 2  # bad input: unusable file or text, no speech, not English, malformed data, unknown id
EXIT_NO_DEVICE = 3  # no device: no usable microphone or speaker, PortAudio missing, a device that stops responding
EXIT_STORAGE = 4  # storage: disk full while saving, damaged sessions index (`sessions --rebuild` fixes it)
EXIT_INTERRUPTED = 130  # interrupted by Ctrl-C or SIGTERM; a recording in progress is kept


class MockInterviewError(Exception):
    """Base class of every error the tool reports to the user."""

    exit_code = EXIT_INTERNAL


class BadInputError(MockInterviewError):
    """The user's file or text cannot be used (corrupt, empty, too long...)."""

    exit_code = EXIT_BAD_INPUT


class NoSpeechError(BadInputError):
    """The audio decoded fine but holds no speech to analyse."""


class UnsupportedLanguageError(BadInputError):
    """The answer is not in English, so it cannot be scored."""


class ConfigError(BadInputError):
    """A data file under prompts/ or a config file is malformed."""


class ModelError(MockInterviewError):
    """The speech model is missing or cannot be loaded."""


class NoDeviceError(MockInterviewError):
    """No usable audio input or output device."""

    exit_code = EXIT_NO_DEVICE


class StorageError(MockInterviewError):
    """A session could not be written or read (disk full, corrupt index...)."""

    exit_code = EXIT_STORAGE


class SessionNotFoundError(MockInterviewError):
    """No stored session has the requested id."""

    exit_code = EXIT_BAD_INPUT
