"""Orchestration: one answer from audio or text to an ``Analysis``, and a live practice run."""
