"""Every threshold the delivery analysis uses, named once, with units and defaults.

``DeliveryOptions`` is frozen and is stored in each ``DeliveryReport`` (as
``options``), so a report can be reproduced exactly. The CLI and config files
override fields by name with ``DeliveryOptions.from_overrides({"long_pause_s": "1.5"})``.
Each field's metadata carries its unit and a one-line description
(``DeliveryOptions.describe()`` lists them for help texts and the README).
"""

from __future__ import annotations

import dataclasses
import difflib
import math
from dataclasses import dataclass, field
from typing import Any

from simulator.errors import ConfigError


def _opt(default: Any, unit: str, help: str, *, lo: float | None = None, hi: float | None = None):
    """A documented option: unit, description and the allowed range [lo, hi]."""
    return field(default=default, metadata={"unit": unit, "help": help, "lo": lo, "hi": hi})


@dataclass(frozen=True)
class DeliveryOptions:
    """Tunable thresholds of the delivery analysis (defaults documented per field)."""

    # --- signal framing and the silence threshold ---
    frame_s: float = _opt(0.025, "s", "RMS analysis window", lo=0.005, hi=0.1)
    hop_s: float = _opt(0.010, "s", "RMS analysis hop", lo=0.002, hi=0.05)
    noise_percentile: float = _opt(5.0, "%", "frame-level percentile taken as the noise floor", lo=0.0, hi=50.0)
    noise_margin_db: float = _opt(10.0, "dB", "silence threshold above the noise floor", lo=0.0, hi=40.0)
    min_noise_margin_db: float = _opt(
        3.0, "dB", "the threshold never comes closer than this to the noise floor", lo=0.0, hi=20.0
    )
    speech_percentile: float = _opt(95.0, "%", "frame-level percentile taken as the speech level", lo=50.0, hi=100.0)
    min_below_speech_db: float = _opt(
        15.0, "dB", "the threshold stays at least this far below the speech level", lo=3.0, hi=60.0
    )
    max_below_speech_db: float = _opt(
        50.0, "dB", "the threshold stays at most this far below the speech level", lo=10.0, hi=120.0
    )
    min_sound_s: float = _opt(
        0.03, "s", "sounds shorter than this inside a silence (clicks) do not split it", lo=0.0, hi=0.2
    )
    # --- pauses ---
    min_pause_s: float = _opt(0.25, "s", "shortest silence reported as a pause", lo=0.05, hi=5.0)
    long_pause_s: float = _opt(2.0, "s", "a pause at least this long is a long pause", lo=0.25, hi=30.0)
    max_long_pauses: int = _opt(0, "count", "more long pauses than this are worth a reason", lo=0, hi=1000)
    max_hesitations_per_min: float = _opt(
        4.0, "1/min", "more mid-phrase pauses per minute than this are worth a reason", lo=0.0, hi=1000.0
    )
    # --- pace ---
    pace_min_wpm: float = _opt(110.0, "wpm", "lower edge of the 'slow and clear' pace band", lo=20.0, hi=400.0)
    pace_max_wpm: float = _opt(160.0, "wpm", "upper edge of the 'slow and clear' pace band", lo=20.0, hi=400.0)
    max_articulation_wpm: float = _opt(
        220.0, "wpm", "speaking faster than this between pauses is rushing", lo=50.0, hi=600.0
    )
    pace_window_s: float = _opt(10.0, "s", "sliding window of the pace-over-time series", lo=2.0, hi=120.0)
    pace_step_s: float = _opt(2.0, "s", "step of the pace-over-time series", lo=0.5, hi=60.0)
    min_judged_speech_s: float = _opt(
        10.0, "s", "with less speech than this, pace and pitch are too short to judge", lo=0.0, hi=600.0
    )
    # --- fillers ---
    max_fillers_per_min: float = _opt(
        4.0, "1/min", "most fillers per minute that still count as clear", lo=0.0, hi=1000.0
    )
    # --- pitch ---
    pitch_fmin_hz: float = _opt(65.0, "Hz", "lowest pitch searched (speech range, not C2)", lo=30.0, hi=500.0)
    pitch_fmax_hz: float = _opt(400.0, "Hz", "highest pitch searched (speech range, not C7)", lo=60.0, hi=2000.0)
    voicing_threshold: float = _opt(0.25, "ratio", "YIN aperiodicity below which a frame is voiced", lo=0.01, hi=1.0)
    monotone_range_st: float = _opt(
        4.0, "semitones", "a 10th-90th percentile pitch range below this is monotone", lo=0.0, hi=48.0
    )
    # --- volume ---
    too_quiet_dbfs: float = _opt(-35.0, "dBFS", "speech RMS level below this is too quiet", lo=-120.0, hi=0.0)
    clip_level: float = _opt(0.99, "full scale", "|sample| at or above this counts as clipped", lo=0.5, hi=1.0)
    max_clipped_fraction: float = _opt(
        0.001, "fraction", "more clipped samples than this (within speech) is clipping", lo=0.0, hi=1.0
    )
    trailing_window_s: float = _opt(
        0.35, "s", "speech at the end of a sentence compared with the whole sentence", lo=0.05, hi=2.0
    )
    trailing_off_db: float = _opt(
        8.0, "dB", "median sentence-ending drop at or above this is trailing off", lo=0.0, hi=60.0
    )
    min_sentence_words: int = _opt(4, "words", "shorter sentences are not used for trailing off", lo=1, hi=100)
    # --- clarity ---
    unsure_probability: float = _opt(
        0.5, "probability", "Whisper words below this probability are 'unsure'", lo=0.0, hi=1.0
    )
    clarity_min_probability: float = _opt(
        0.7, "probability", "mean word probability below this is unclear speech", lo=0.0, hi=1.0
    )

    def __post_init__(self) -> None:
        problems = [msg for msg in (_check_field(self, f) for f in dataclasses.fields(self)) if msg]
        if self.pace_min_wpm >= self.pace_max_wpm:
            problems.append(f"pace_min_wpm ({self.pace_min_wpm:g}) must be below pace_max_wpm ({self.pace_max_wpm:g})")
        if self.pitch_fmin_hz >= self.pitch_fmax_hz:
            problems.append(
                f"pitch_fmin_hz ({self.pitch_fmin_hz:g}) must be below pitch_fmax_hz ({self.pitch_fmax_hz:g})"
            )
        if self.hop_s > self.frame_s:
            problems.append(f"hop_s ({self.hop_s:g}) must not exceed frame_s ({self.frame_s:g})")
        if self.min_below_speech_db > self.max_below_speech_db:
            problems.append("min_below_speech_db must not exceed max_below_speech_db")
        if self.long_pause_s < self.min_pause_s:
            problems.append("long_pause_s must not be shorter than min_pause_s")
        if problems:
            raise ConfigError("Invalid delivery options: " + "; ".join(problems) + ".")

    @classmethod
    def from_overrides(cls, overrides: dict[str, str], base: DeliveryOptions | None = None) -> DeliveryOptions:
        """Options with ``name=value`` string overrides applied (as given by ``--set``).

        Raises ConfigError for an unknown name (suggesting the closest one), a
        value of the wrong type, or a value outside the documented range.
        """
        base = base or cls()
        fields = {f.name: f for f in dataclasses.fields(cls)}
        changes: dict[str, Any] = {}
        for name, text in overrides.items():
            key = name.strip().replace("-", "_")
            if key not in fields:
                near = difflib.get_close_matches(key, fields, n=1)
                hint = f" Did you mean {near[0]}?" if near else ""
                raise ConfigError(f"Unknown delivery option {name!r}.{hint} Known options: {', '.join(fields)}.")
            changes[key] = _parse(key, fields[key], text)
        return dataclasses.replace(base, **changes)

    @classmethod
    def describe(cls) -> list[tuple[str, Any, str, str]]:
        """(name, default, unit, description) for every option, in declaration order."""
        return [(f.name, f.default, f.metadata["unit"], f.metadata["help"]) for f in dataclasses.fields(cls)]


def _parse(name: str, f: dataclasses.Field, text: str) -> Any:
    """Convert one override string to the field's type."""
    raw = str(text).strip()
    kind = type(f.default)
    try:
        if kind is int:
            value = int(raw)
        else:
            value = float(raw)
    except ValueError as e:
        what = "a whole number" if kind is int else "a number"
        raise ConfigError(f"Delivery option {name} must be {what} ({f.metadata['unit']}), got {text!r}.") from e
    return value


def _check_field(opts: DeliveryOptions, f: dataclasses.Field) -> str | None:
    value = getattr(opts, f.name)
    kind = type(f.default)
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        return f"{f.name} must be a whole number, got {value!r}"
    if kind is float and (isinstance(value, bool) or not isinstance(value, (int, float))):
        return f"{f.name} must be a number, got {value!r}"
    if not math.isfinite(value):
        return f"{f.name} must be finite, got {value!r}"
    lo, hi = f.metadata["lo"], f.metadata["hi"]
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        return f"{f.name} must be between {lo:g} and {hi:g} {f.metadata['unit']}, got {value:g}"
    return None
