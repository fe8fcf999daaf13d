"""Content check: what the answer said, judged against the article's rubric."""
