"""Is the transcript English speech the English-only model could follow?

tiny.en cannot identify languages, but it shows when it is lost: on other
languages it decodes with low confidence, or loops on a phrase ("I'm, I'm,
I'm", "I don't know, but I don't know"). Both are checked here, so that a
non-English answer is reported as such instead of being scored as English.
"""

from __future__ import annotations

from simulator.model.transcript import Transcript, bare

# English answers decode at about -0.2 to -0.55 mean token log-probability;
# other languages at -0.7 and below.
NOT_ENGLISH_LOGPROB = -0.75
# Share of word trigrams that repeat an earlier trigram. Real answers repeat
# few (under 0.1); a decoder looping on foreign speech repeats most.
MAX_REPEATED_TRIGRAMS = 0.5
MIN_TRIGRAMS = 4  # fewer trigrams than this are too short to judge
# Share of words that repeat an earlier word: English answers stay under 0.6
# (function words recur); a decoder stuck on one word ("I'm, I'm, I'm") nears 1.
MAX_REPEATED_WORDS = 0.75
MIN_WORDS = 5


def repeated_trigram_share(transcript: Transcript) -> float:
    words = [bare(w.word) for w in transcript.words]
    grams = list(zip(words, words[1:], words[2:]))
    if len(grams) < MIN_TRIGRAMS:
        return 0.0
    return 1.0 - len(set(grams)) / len(grams)


def repeated_word_share(transcript: Transcript) -> float:
    words = [bare(w.word) for w in transcript.words]
    if len(words) < MIN_WORDS:
        return 0.0
    return 1.0 - len(set(words)) / len(words)


def not_english_reason(transcript: Transcript) -> str | None:
    """Why this does not look like English speech, or None when it does."""
    if transcript.avg_logprob is not None and transcript.avg_logprob < NOT_ENGLISH_LOGPROB:
        return f"the speech model's confidence is very low ({transcript.avg_logprob:.2f})"
    trigrams, words = repeated_trigram_share(transcript), repeated_word_share(transcript)
    if trigrams > MAX_REPEATED_TRIGRAMS or words > MAX_REPEATED_WORDS:
        return f"the speech model could not follow it and looped ({max(trigrams, words):.0%} repeats)"
    return None
