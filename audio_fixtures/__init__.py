"""Bundled audio answers with their scripts; good_answer.flac is the demo answer."""
