"""Delivery analysis: how the answer was said (pace, pauses, fillers, pitch, volume, clarity).

``analyze_delivery(y, sr, transcript, options=DeliveryOptions())`` returns a
``DeliveryReport`` whose field names are the JSON names under ``delivery``.
librosa measures the signal (RMS frames, YIN pitch, resampling); its numba
functions are compiled once at setup (``warmup``), and the pipeline imports
it while the question plays or the answer is decoded. One job per module:

- ``options``   every threshold, with units and defaults; ``--set`` overrides
- ``levels``    librosa RMS frame levels and the silence threshold from the noise floor
- ``pauses``    silences measured on the signal, edges placed to ~1 ms
- ``phrasing``  words matched to sound segments; answer span; pause kinds
- ``pace``      wpm, articulation rate, pace over time
- ``fillers``   um/uh and filler uses of like, you know, I mean, kind of...
- ``pitch``     librosa.yin pitch over voiced frames, monotone check
- ``pitch_track`` the same pitch frames, measured while the answer is recorded
- ``volume``    level, clipping, sentence endings trailing off
- ``clarity``   Whisper's word probabilities
- ``verdict``   pace verdict, "slow and clear", reasons to act on
"""

from simulator.delivery.analyze import analyze_delivery
from simulator.delivery.options import DeliveryOptions
from simulator.delivery.results import (
    BOUNDARY,
    HESITATION,
    PACE_OK,
    PACE_TOO_FAST,
    PACE_TOO_SLOW,
    Clarity,
    DeliveryReport,
    Filler,
    PacePoint,
    Pause,
    Pitch,
    UnclearStretch,
    UnsureWord,
    Verdict,
    Volume,
)

__all__ = [
    "BOUNDARY",
    "HESITATION",
    "PACE_OK",
    "PACE_TOO_FAST",
    "PACE_TOO_SLOW",
    "Clarity",
    "DeliveryOptions",
    "DeliveryReport",
    "Filler",
    "PacePoint",
    "Pause",
    "Pitch",
    "UnclearStretch",
    "UnsureWord",
    "Verdict",
    "Volume",
    "analyze_delivery",
]
