"""The web layer's error mapping: ``simulator.errors`` exceptions to HTTP codes, in one table.

The library raises its one-line errors; here (and only here) they become
``{"error": "<the CLI's one-line message>"}`` with a status code, as the CLI
turns them into a message and an exit code.
"""

from __future__ import annotations

import errno
import logging

from simulator.errors import (
    BadInputError,
    MockInterviewError,
    ModelError,
    NoDeviceError,
    NoSpeechError,
    SessionNotFoundError,
    StorageError,
    UnsupportedLanguageError,
)

log = logging.getLogger(__name__)


class BusyError(MockInterviewError):
    """Another answer is being recorded or analysed; the machine takes one at a time."""


class PayloadTooLargeError(BadInputError):
    """The request body is larger than the server accepts."""


class AuthError(MockInterviewError):
    """The request has no token (401), or a wrong one, or comes from a foreign origin or host (403)."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


DISK_FULL = (errno.ENOSPC, errno.EDQUOT)
INSUFFICIENT_STORAGE = 507

# First match wins, so subclasses come before their base classes.
STATUS: tuple[tuple[type[BaseException], int], ...] = (
    (PayloadTooLargeError, 413),
    (NoSpeechError, 422),
    (UnsupportedLanguageError, 422),
    (BadInputError, 400),
    (SessionNotFoundError, 404),
    (BusyError, 409),
    (NoDeviceError, 503),
    (ModelError, 503),
    (StorageError, 500),
    (MockInterviewError, 500),
)


def status_for(exc: BaseException) -> int:
    """The HTTP status of an error; a full disk is 507, anything unexpected 500."""
    if isinstance(exc, AuthError):
        return exc.status
    if isinstance(exc, StorageError) and getattr(exc.__cause__, "errno", None) in DISK_FULL:
        return INSUFFICIENT_STORAGE
    return next((code for cls, code in STATUS if isinstance(exc, cls)), 500)


def message_for(exc: BaseException) -> str:
    """The one-line message the CLI would print (without its ``mock-interview:`` prefix)."""
    if isinstance(exc, MockInterviewError):
        return str(exc)
    log.error("internal error", exc_info=exc)
    return f"internal error ({type(exc).__name__}: {exc}); see the server's log."


def error_body(exc: BaseException) -> tuple[dict, int]:
    """The JSON body and status code for ``exc``."""
    return {"error": message_for(exc)}, status_for(exc)
