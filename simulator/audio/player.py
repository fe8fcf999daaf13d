"""Sound output: play an array on its own OutputStream. A thin device edge.

Every playback opens its own stream (never ``sd.play``): ``sd.play`` while
``sd.rec`` runs cuts the recording off. ``sounddevice`` is imported only
inside functions, so importing this module is cheap.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

import numpy as np

from simulator.errors import NoDeviceError

log = logging.getLogger(__name__)

MAX_DRAIN_S = 0.5  # s; longest output latency waited for after the end
OUTPUT_LATENCY = "high"  # PortAudio's safe buffering: 'low' underruns (and ALSA logs it) on PulseAudio
# s; the buffer for sound nobody interacts with (the question). "high" is only 35 ms
# on PulseAudio's ALSA plugin, and the callback needs the GIL: while the model and
# the NLP libraries load beside the question (C code that holds the GIL for 100 ms
# and more), a question underran 3-8 times, audible as stutter. 0.5 s: none.
SPEECH_LATENCY_S = 0.5
PLAYBACK_SLACK_S = 5.0  # s; a blocking play gives up this long after the sound should have ended
BEEP_HZ = 880.0  # Hz; the "start talking" cue
BEEP_S = 0.18  # s
BEEP_LEVEL = 0.3  # linear amplitude (about -10 dBFS)
BEEP_FADE_S = 0.01  # s; raised-cosine fade in/out, no clicks
BEEP_SR = 16_000  # Hz

NO_PORTAUDIO = (
    "The PortAudio library is missing, so there is no sound; install it "
    "(sudo apt-get install libportaudio2) or use --answer FILE / --no-speak."
)


_alsa_handler = None  # kept alive: ALSA calls it through ctypes


def _silence_alsa() -> None:
    """Route libasound's own messages ("underrun occurred", probing noise) to the log
    instead of letting the C library print them on our stderr."""
    global _alsa_handler
    if _alsa_handler is not None:
        return
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("asound")
    if not name:
        return
    handler_type = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p)

    def handler(filename, line, function, err, fmt):  # noqa: ARG001 - C signature
        log.debug("alsa: %s (%s)", (fmt or b"").decode(errors="replace"), (function or b"").decode(errors="replace"))

    _alsa_handler = handler_type(handler)
    try:
        ctypes.CDLL(name).snd_lib_error_set_handler(_alsa_handler)
    except (OSError, AttributeError) as e:
        log.debug("cannot install the ALSA error handler: %s", e)


def import_sounddevice():
    """``import sounddevice``, turning a missing PortAudio into NoDeviceError."""
    try:
        import sounddevice as sd
    except OSError as e:  # raised when libportaudio2 is not installed
        raise NoDeviceError(NO_PORTAUDIO) from e
    _silence_alsa()
    return sd


def device_info(kind: str, device=None) -> dict | None:
    """The default (or given) device of ``kind`` ('input'/'output'), or None."""
    try:
        sd = import_sounddevice()
    except NoDeviceError:
        return None
    try:
        info = sd.query_devices(device, kind=kind)
    except (sd.PortAudioError, ValueError) as e:  # no default device, or a bad name/index
        log.debug("no %s device: %s", kind, e)
        return None
    channels = info.get(f"max_{kind}_channels", 0)
    return info if channels > 0 else None


def has_output_device(device=None) -> bool:
    """True when a sound output device is available (PortAudio installed, a device present)."""
    return device_info("output", device) is not None


def require_output_device(device=None) -> dict:
    """The output device info; NoDeviceError with advice when there is none."""
    import_sounddevice()  # a missing PortAudio gets its own message
    info = device_info("output", device)
    if info is None:
        raise NoDeviceError("No sound output device found; connect speakers or headphones, or use --no-speak.")
    return info


def stream_settings(sd, kind: str, sr: int, device=None) -> tuple[int, int]:
    """(rate, channels) the device accepts: ``sr`` mono if possible, else its own rate / stereo."""
    info = sd.query_devices(device, kind=kind)
    native = int(info["default_samplerate"])
    check = sd.check_output_settings if kind == "output" else sd.check_input_settings
    for rate in dict.fromkeys((sr, native)):
        for channels in (1, 2):
            try:
                check(device=device, samplerate=rate, channels=channels, dtype="float32")
            except (sd.PortAudioError, ValueError):
                continue
            return rate, channels
    raise NoDeviceError(
        f"The sound {kind} device {info['name']!r} accepts neither {sr} nor {native} Hz; pick another device."
    )


@dataclass
class Playback:
    """A sound being played; ``wait()`` blocks until it has been heard."""

    stream: object
    done: threading.Event
    duration_s: float
    latency_s: float = 0.0  # s; the device buffer still sounding when PortAudio reports the end
    feeder: _Feeder | None = None

    @property
    def underflows(self) -> int:
        """How many times the device ran out of sound to play (a gap the listener hears)."""
        return self.feeder.underflows if self.feeder is not None else 0

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the end (default: the sound's length plus PLAYBACK_SLACK_S); then close the stream."""
        limit = self.duration_s + PLAYBACK_SLACK_S if timeout is None else timeout
        try:
            finished = self.done.wait(limit)
        except BaseException:
            self.stop()
            raise
        if finished:
            time.sleep(min(self.latency_s, MAX_DRAIN_S))  # let the last buffer be heard
        else:
            log.warning("playback did not finish within %.1f s; stopping it", limit)
        self.stop()
        return finished

    def stop(self) -> None:
        """Stop at once and release the device (idempotent)."""
        try:
            self.stream.abort()
            self.stream.close()
        except Exception as e:  # noqa: BLE001 - already closed or device gone
            log.debug("closing output stream: %s", e)


class _Feeder:
    """A stream callback that plays ``y`` once, then stops the stream; counts underflows."""

    def __init__(self, y: np.ndarray, sd):
        self.y, self.sd, self.pos, self.underflows = y, sd, 0, 0

    def __call__(self, outdata, frames, time_info, status):  # noqa: ARG002 - PortAudio signature
        if status and status.output_underflow:
            self.underflows += 1
        chunk = self.y[self.pos : self.pos + frames]
        n = chunk.size
        outdata[:n] = chunk[:, None]  # broadcast to every channel
        outdata[n:] = 0
        self.pos += frames
        if n < frames:
            raise self.sd.CallbackStop  # plays out what is buffered, then finished_callback


def prepare_output(y: np.ndarray, sr: int, device=None):
    """(sounddevice, samples at the device's rate, rate, channels) for playing mono ``y``.

    Raises NoDeviceError when there is no output device.
    """
    sd = import_sounddevice()
    require_output_device(device)
    y = np.ascontiguousarray(np.asarray(y, dtype=np.float32).reshape(-1))
    rate, channels = stream_settings(sd, "output", sr, device)
    if rate != sr:
        from simulator.audio.files import resample

        y = resample(y, sr, rate)
    return sd, y, rate, channels


def play(
    y: np.ndarray, sr: int, *, blocking: bool = True, device=None, latency: float | str = OUTPUT_LATENCY
) -> Playback:
    """Play mono ``y`` at ``sr`` Hz on a fresh OutputStream.

    Blocking (default): returns once the sound has been played out. Otherwise
    returns a Playback to ``wait()`` on or ``stop()``. ``latency`` is
    PortAudio's buffer (s, or "low"/"high"). Raises NoDeviceError when there
    is no output device or it cannot be opened.
    """
    sd, y, rate, channels = prepare_output(y, sr, device)
    done = threading.Event()
    feeder = _Feeder(y, sd)
    try:
        stream = sd.OutputStream(
            samplerate=rate,
            channels=channels,
            dtype="float32",
            device=device,
            latency=latency,
            callback=feeder,
            finished_callback=done.set,
        )
        # The stream reports its end once the last block is handed over, which is
        # up to its latency before it is heard; silence that long goes last.
        feeder.y = np.concatenate([y, np.zeros(int(np.ceil(float(stream.latency) * rate)), np.float32)])
        stream.start()
    except sd.PortAudioError as e:
        raise NoDeviceError(f"Cannot open the sound output ({e}); check the device or use --no-speak.") from e
    playback = Playback(
        stream=stream, done=done, duration_s=y.size / rate, latency_s=float(stream.latency), feeder=feeder
    )
    if blocking:
        playback.wait()
    return playback


def beep_signal(
    *, hz: float = BEEP_HZ, seconds: float = BEEP_S, level: float = BEEP_LEVEL, sr: int = BEEP_SR
) -> np.ndarray:
    """A short sine cue with raised-cosine fades."""
    t = np.arange(int(seconds * sr)) / sr
    y = level * np.sin(2 * np.pi * hz * t)
    fade = min(int(BEEP_FADE_S * sr), y.size // 2)
    if fade:
        ramp = 0.5 - 0.5 * np.cos(np.linspace(0, np.pi, fade))
        y[:fade] *= ramp
        y[-fade:] *= ramp[::-1]
    return y.astype(np.float32)


def beep(*, device=None) -> None:
    """Play the start cue and return once it has been heard."""
    play(beep_signal(), BEEP_SR, blocking=True, device=device)
