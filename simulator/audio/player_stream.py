"""A seekable, pausable playback stream for replay. A thin device edge.

One sounddevice OutputStream whose callback copies from the array at a
position the caller controls (seek, pause) and reads (position). Device
checks and settings come from simulator.audio.player.
"""

from __future__ import annotations

import threading

import numpy as np

from simulator.audio.player import OUTPUT_LATENCY, prepare_output
from simulator.errors import NoDeviceError


class SeekablePlayer:
    """Plays mono ``y`` once; ``pause``/``resume``/``seek`` at any time; ``position`` in seconds."""

    def __init__(self, y: np.ndarray, sr: int, *, device=None):
        sd, y, rate, channels = prepare_output(y, sr, device)
        self._sd, self._y, self.sr = sd, y, rate
        self._pos = 0
        self._paused = False
        self._lock = threading.Lock()
        self._done = threading.Event()
        try:
            self._stream = sd.OutputStream(
                samplerate=rate,
                channels=channels,
                dtype="float32",
                device=device,
                latency=OUTPUT_LATENCY,
                callback=self._callback,
                finished_callback=self._done.set,
            )
        except sd.PortAudioError as e:
            raise NoDeviceError(f"Cannot open the sound output ({e}); use --no-audio.") from e
        self.latency_s = float(self._stream.latency)

    @property
    def duration_s(self) -> float:
        return self._y.size / self.sr

    def _callback(self, outdata, frames, time_info, status):  # noqa: ARG002 - PortAudio signature
        with self._lock:
            if self._paused:
                outdata[:] = 0
                return
            chunk = self._y[self._pos : self._pos + frames]
            n = chunk.size
            outdata[:n] = chunk[:, None]
            outdata[n:] = 0
            self._pos += n
        if n < frames:
            raise self._sd.CallbackStop  # plays out what is buffered, then finished_callback

    def start(self) -> None:
        try:
            self._stream.start()
        except self._sd.PortAudioError as e:
            raise NoDeviceError(f"Cannot start the sound output ({e}); use --no-audio.") from e

    @property
    def position(self) -> float:
        """Seconds into the answer that are being heard now (write position less the output latency)."""
        with self._lock:
            pos, paused = self._pos, self._paused
        heard = pos / self.sr - (0.0 if paused else self.latency_s)
        return min(max(heard, 0.0), self.duration_s)

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def finished(self) -> bool:
        return self._done.is_set()

    def toggle_pause(self) -> bool:
        with self._lock:
            if not self._paused:  # keep what is heard at the pause point
                self._pos = max(0, self._pos - int(self.latency_s * self.sr))
            self._paused = not self._paused
            return self._paused

    def seek(self, seconds: float) -> float:
        """Jump to ``seconds`` (clamped to the answer); returns the new position."""
        with self._lock:
            self._pos = int(min(max(seconds, 0.0), self.duration_s) * self.sr)
            if self._pos >= self._y.size:
                self._pos = max(self._y.size - 1, 0)
        return self._pos / self.sr

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def close(self) -> None:
        try:
            self._stream.abort()
            self._stream.close()
        except Exception:  # noqa: BLE001 - already closed or the device is gone
            pass
