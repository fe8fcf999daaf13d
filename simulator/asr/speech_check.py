"""Is the transcript English speech the model could follow?

The words are always decoded as English, so other languages must be caught
afterwards, or they would be scored as English. tiny.en cannot identify
languages, but it shows when it is lost: it decodes with low confidence, or
loops on a phrase ("I'm, I'm, I'm", "I don't know, but I don't know").
Multilingual base shows the same signs, and two more: it may echo its
decoding prompt instead of words it cannot follow, and it names the language
it hears (``Transcript.language``), which catches speech it would otherwise
translate fluently into English.
"""

from __future__ import annotations

from simulator.asr.engine import FILLER_PROMPT, normalize_filler
from simulator.model.transcript import Transcript, bare, bare_words

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
# Share of words inside a trigram of the decoding prompt: a real answer may
# say "here's what I'm thinking" once; a transcript that is mostly the prompt
# is the model echoing it over speech it cannot follow.
MAX_PROMPT_ECHO = 0.5
# Probability of another language, as a multilingual model heard it, that refuses the answer.
# English speech is heard as English at 0.56-0.97, never as another language above 0.5, except
# English read by a synthetic foreign voice, which is garbled and refused for low confidence anyway.
OTHER_LANGUAGE_PROB = 0.8


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


def prompt_echo_share(transcript: Transcript, prompt: str = FILLER_PROMPT) -> float:
    """Share of the words that sit in a run of three consecutive words of ``prompt``."""
    said = [bare(w.word) for w in transcript.words]
    if len(said) < MIN_WORDS:
        return 0.0
    p = bare_words(" ".join(normalize_filler(t) for t in prompt.split()))
    grams = set(zip(p, p[1:], p[2:]))
    echoed: set[int] = set()
    for i in range(len(said) - 2):
        if tuple(said[i : i + 3]) in grams:
            echoed.update((i, i + 1, i + 2))
    return len(echoed) / len(said)


def not_english_reason(transcript: Transcript) -> str | None:
    """Why this does not look like English speech, or None when it does."""
    if transcript.language != "en" and transcript.language_probability >= OTHER_LANGUAGE_PROB:
        return f"the speech model heard language {transcript.language!r} ({transcript.language_probability:.0%})"
    if transcript.avg_logprob is not None and transcript.avg_logprob < NOT_ENGLISH_LOGPROB:
        return f"the speech model's confidence is very low ({transcript.avg_logprob:.2f})"
    trigrams, words = repeated_trigram_share(transcript), repeated_word_share(transcript)
    if trigrams > MAX_REPEATED_TRIGRAMS or words > MAX_REPEATED_WORDS:
        return f"the speech model could not follow it and looped ({max(trigrams, words):.0%} repeats)"
    echo = prompt_echo_share(transcript)
    if echo > MAX_PROMPT_ECHO:
        return f"the speech model could not follow it and echoed its prompt ({echo:.0%} of the words)"
    return None
