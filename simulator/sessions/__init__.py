"""Stored sessions: the on-disk store, its SQLite index and progress across sessions."""
