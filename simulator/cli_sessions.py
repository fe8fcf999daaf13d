"""Session commands (sessions, replay, history, report, export): registered on the main parser."""

from __future__ import annotations


def register(sub) -> None:
    """Add the session subcommands to the main parser's subparsers."""
