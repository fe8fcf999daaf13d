"""The verdict: is the answer "slow and clear", and what to change first.

- ``pace``: "too slow" below ``pace_min_wpm``, "too fast" above ``pace_max_wpm``,
  else "slow and clear" (default band 110-160 wpm, after Speaker Coach's 100-165).
- ``slow_and_clear``: the pace is in the band *and* the answer is clear: at most
  ``max_fillers_per_min`` fillers a minute, Whisper understood it (mean word
  probability >= ``clarity_min_probability``) and it is loud enough.
- ``reasons``: one actionable sentence per problem, in a fixed order of
  importance: pace, long pauses, fillers, mid-phrase pauses, rushing between
  pauses, unclear words, fading sentence endings, monotone pitch, a quiet
  recording, clipping. The report shows the first three as "things to change".
- ``strengths``: what went well, so a good answer gets told so.
"""

from __future__ import annotations

from simulator.delivery.options import DeliveryOptions
from simulator.delivery.results import (
    PACE_OK,
    PACE_TOO_FAST,
    PACE_TOO_SLOW,
    Clarity,
    Filler,
    Pause,
    Pitch,
    Verdict,
    Volume,
    filler_counts,
)


def clock(seconds: float | None) -> str:
    """0:41-style time stamp (the report's format)."""
    if seconds is None:
        return "-:--"
    seconds = max(0.0, float(seconds))
    return f"{int(seconds // 60)}:{int(seconds % 60):02d}"


_NUMBERS = "no one two three four five six seven eight nine ten".split()
MAX_TIMES = 4  # time stamps listed in one reason
MAX_FILLER_WORDS = 3  # filler words listed in the filler reason


def count_word(n: int, *, capital: bool = False) -> str:
    """'three' for 3 (words up to ten, digits above)."""
    text = _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)
    return text.capitalize() if capital else text


def join_listed(items: list[str], *, limit: int, rest: int | None = None) -> str:
    """'a, b and c', or 'a, b, c and 2 more' when cut at ``limit``: a cut list never reads as complete, so a count
    beside it always equals what is listed plus the "more". ``rest`` overrides how many are left unshown."""
    shown = items[:limit]
    rest = len(items) - len(shown) if rest is None else rest
    if rest:
        return ", ".join(shown) + f" and {rest} more"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def join_times(times: list[float]) -> str:
    """'0:41, 1:05 and 1:12' (the first few, then 'and N more')."""
    return join_listed([clock(t) for t in times], limit=MAX_TIMES)


def pace_verdict(wpm: float, opts: DeliveryOptions) -> str:
    if wpm < opts.pace_min_wpm:
        return PACE_TOO_SLOW
    if wpm > opts.pace_max_wpm:
        return PACE_TOO_FAST
    return PACE_OK


def _pace_reason(pace: str, wpm: float, articulation: float, o: DeliveryOptions) -> str | None:
    band = f"the {o.pace_min_wpm:.0f}-{o.pace_max_wpm:.0f} wpm band"
    if pace == PACE_TOO_FAST:
        return f"Slow down: {wpm:.0f} wpm is above {band}; finish each sentence, breathe, then start the next."
    if pace == PACE_TOO_SLOW:
        if articulation >= o.pace_min_wpm:
            return (
                f"Keep it moving: {wpm:.0f} wpm is below {band}, mostly lost in pauses; "
                "shorten the gaps between sentences."
            )
        return f"Pick up the pace: {wpm:.0f} wpm is below {band}; speak in fuller phrases."
    return None


def _filler_reason(fillers: list[Filler], per_min: float) -> str:
    counts = list(filler_counts(fillers).items())
    shown = counts[:MAX_FILLER_WORDS]
    rest = len(fillers) - sum(n for _, n in shown)  # fillers of the words not shown, so the parts add up to the count
    top = join_listed([f'"{w}" x{n}' for w, n in shown], limit=MAX_FILLER_WORDS, rest=rest)
    noun = "filler" if len(fillers) == 1 else "fillers"
    return f"{count_word(len(fillers), capital=True)} {noun} ({per_min:.1f} a minute: {top}); pause silently instead."


def _hesitation_reason(hesitations: list[Pause]) -> str:
    first = hesitations[0]
    where = f' after "{first.after_word}"' if first.after_word else ""
    return (
        f"{count_word(len(hesitations), capital=True)} pauses in mid-phrase (e.g.{where} at {clock(first.start)}); "
        "pause where a sentence or clause ends, not inside it."
    )


def _short_reason(speaking_time_s: float, o: DeliveryOptions) -> str:
    return (
        f"Too short to judge pace and pitch: {speaking_time_s:.0f} s of speech; "
        f"answer for at least {o.min_judged_speech_s:g} s."
    )


def _clarity_reason(clarity: Clarity, *, signal_supports: bool) -> str | None:
    """Unclear words are blamed on the speaker only when the signal shows why (quiet, clipped, rushed)."""
    if not clarity.clear:
        example = clarity.unsure_words[0] if clarity.unsure_words else None
        eg = f', e.g. "{example.word}" at {clock(example.start)}' if example else ""
        return (
            f"Some words were hard to make out ({len(clarity.unsure_words)} unsure{eg}); "
            "open your mouth and finish every word."
        )
    if clarity.unclear_stretches and signal_supports:
        s = clarity.unclear_stretches[0]
        return f'Say the stretch at {clock(s.start)} ("{s.text}") more clearly; it was hard to make out.'
    return None


def _voice_reasons(pitch: Pitch, volume: Volume, *, judge_pitch: bool = True) -> list[str]:
    out = []
    if volume.trailing_off:
        out.append(
            f"Your sentence endings fade ({volume.ending_drop_db:.0f} dB quieter); "
            "keep your voice up through the last word."
        )
    if pitch.monotone and judge_pitch:
        out.append(
            f"Your pitch stays within {pitch.range_semitones:.1f} semitones; "
            "stress key words and let statements fall at the end."
        )
    if volume.too_quiet:
        out.append(
            f"The recording is quiet ({volume.mean_dbfs:.0f} dBFS while speaking); "
            "speak up or move closer to the microphone."
        )
    if volume.clipping:
        out.append(
            f"The recording clips ({100 * volume.clipped_fraction:.1f}% of samples at full scale); "
            "lower the input gain or move back from the microphone."
        )
    return out


def judge(
    *,
    words: int,
    wpm: float,
    articulation_wpm: float,
    speaking_time_s: float,
    pauses: list[Pause],
    long_pauses: list[Pause],
    fillers: list[Filler],
    fillers_per_min: float,
    pitch: Pitch,
    volume: Volume,
    clarity: Clarity,
    opts: DeliveryOptions = DeliveryOptions(),
) -> Verdict:
    """The verdict and the reasons, most important first."""
    pace = pace_verdict(wpm, opts)
    if words == 0:
        return Verdict(
            pace=pace,
            slow_and_clear=False,
            reasons=["No words were recognised; speak up and answer again."],
            strengths=[],
        )
    short = speaking_time_s < opts.min_judged_speech_s
    reasons = [_short_reason(speaking_time_s, opts) if short else _pace_reason(pace, wpm, articulation_wpm, opts)]
    if len(long_pauses) > opts.max_long_pauses:
        n = len(long_pauses)
        noun = "pause" if n == 1 else "pauses"
        reasons.append(
            f"{count_word(n, capital=True)} {noun} over {opts.long_pause_s:g} s, at "
            f"{join_times([p.start for p in long_pauses])}; plan the next sentence before you stop speaking."
        )
    if fillers and fillers_per_min > opts.max_fillers_per_min:
        reasons.append(_filler_reason(fillers, fillers_per_min))
    hesitations = [p for p in pauses if p.kind == "hesitation"]
    minutes = speaking_time_s / 60 if speaking_time_s > 0 else 0
    if len(hesitations) >= 2 and minutes and len(hesitations) / minutes > opts.max_hesitations_per_min:
        reasons.append(_hesitation_reason(hesitations))
    if pace != PACE_TOO_FAST and articulation_wpm > opts.max_articulation_wpm:
        reasons.append(
            f"You rush between pauses ({articulation_wpm:.0f} wpm while speaking); "
            "slow the words down rather than adding pauses."
        )
    supported = volume.too_quiet or volume.clipping or articulation_wpm > opts.max_articulation_wpm
    reasons.append(_clarity_reason(clarity, signal_supports=supported))
    reasons += _voice_reasons(pitch, volume, judge_pitch=not short)
    clear = fillers_per_min <= opts.max_fillers_per_min and clarity.clear and not volume.too_quiet
    good = _strengths(
        pace,
        wpm=wpm,
        long_pauses=long_pauses,
        fillers_per_min=fillers_per_min,
        pitch=pitch,
        opts=opts,
        judged=not short,
    )
    return Verdict(
        pace=pace,
        slow_and_clear=pace == PACE_OK and clear and not short,
        reasons=[r for r in reasons if r],
        strengths=good,
    )


def _strengths(
    pace: str,
    *,
    wpm: float,
    long_pauses: list[Pause],
    fillers_per_min: float,
    pitch: Pitch,
    opts: DeliveryOptions,
    judged: bool = True,
) -> list[str]:
    """What went well, for the report; pace and pitch only when the answer was long enough to judge them."""
    out = []
    if pace == PACE_OK and judged:
        out.append(f"Pace {wpm:.0f} wpm, inside the {opts.pace_min_wpm:.0f}-{opts.pace_max_wpm:.0f} wpm band.")
    if not long_pauses:
        out.append(f"No pause over {opts.long_pause_s:g} s.")
    if fillers_per_min == 0:
        out.append("No fillers.")
    elif fillers_per_min <= opts.max_fillers_per_min:
        out.append(f"Few fillers ({fillers_per_min:.1f} a minute).")
    if judged and pitch.range_semitones is not None and not pitch.monotone:
        out.append(f"A lively voice ({pitch.range_semitones:.1f} semitones of pitch range).")
    return out
