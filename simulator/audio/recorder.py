"""Record one spoken answer from the microphone to a crash-safe WAV file.

A thin device edge: a sounddevice InputStream whose callback only queues
blocks; a writer thread appends them to the WAV (simulator.audio.recording_file),
measures the level and watches for the end of the answer
(simulator.audio.level_meter); the calling thread waits for a stop condition and
reports the live status. Stop conditions: Enter (only when stdin is a
terminal), ``silence_stop_s`` of silence after some speech, ``max_s`` of
audio, or ``stop_event``. Ctrl-C or SIGTERM close the file cleanly and then
raise KeyboardInterrupt; a SIGKILL leaves a file that ``list_interrupted``
repairs and reports.
"""

from __future__ import annotations

import logging
import queue
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from simulator.audio.files import SAMPLE_RATE
from simulator.audio.level_meter import SILENT_DBFS, SilenceDetector, SilenceOptions, TerminalMeter, block_dbfs
from simulator.audio.player import import_sounddevice, stream_settings
from simulator.audio.recording_file import (
    LeftoverRecording,
    RecordingFile,
    list_interrupted,
    new_recording_path,
    recover_recording,
)
from simulator.errors import NoDeviceError, StorageError

__all__ = [
    "Recording",
    "record",
    "record_answer",
    "has_input_device",
    "terminal_meter",
    "cut_note",
    "list_interrupted",
    "recover_recording",
    "LeftoverRecording",
    "SilenceOptions",
]

log = logging.getLogger(__name__)

RECORD_SR = SAMPLE_RATE  # Hz; asked of the device first (what the analysis uses); else its own rate
BLOCK_S = 0.05  # s of audio per callback block (the meter's and silence detector's step)
STATUS_INTERVAL_S = 0.1  # s between on_status calls
NO_AUDIO_TIMEOUT_S = 5.0  # s without any audio block: the device has stalled
BEEP_GAP_S = 0.1  # s between the end of the beep and opening the microphone

NO_MIC = "No microphone found; connect one, or answer from a file with --answer FILE."

StatusCallback = Callable[[float, float], None]
BlockCallback = Callable[[np.ndarray, int], None]  # (mono float32 block, the recording's rate)


@dataclass(frozen=True)
class Recording:
    """What ``record`` produced."""

    path: Path
    duration_s: float
    sample_rate: int
    stop_reason: str  # "enter", "silence", "no_speech" (nothing said), "max", "stop_event"
    speech_s: float  # seconds of audio that counted as speech


def has_input_device(device=None) -> bool:
    """True when a microphone is available (PortAudio installed, an input device present)."""
    from simulator.audio.player import device_info

    return device_info("input", device) is not None


def cut_note(limit_s: float) -> str:
    """The analysis note of an answer the time limit cut off: it is judged as unfinished, not as a whole answer."""
    m, s = divmod(int(round(limit_s)), 60)
    return (
        f"The recording reached its {m}:{s:02d} time limit and cut the answer off: "
        "this is the report of an unfinished answer, so what was not said yet could not be checked."
    )


def terminal_meter(stream=None, *, silence_stop_s: float = 3.0, max_s: float | None = None) -> TerminalMeter:
    """The default live status for ``on_status``: level bar, elapsed time and limit, how to stop, on stderr."""
    return TerminalMeter(stream, silence_stop_s=silence_stop_s, max_s=max_s)


class _Writer(threading.Thread):
    """Drains the callback queue into the file, measures levels, detects the end."""

    def __init__(
        self,
        out: RecordingFile,
        blocks: queue.Queue,
        detector: SilenceDetector,
        max_frames: int,
        on_block: BlockCallback | None = None,
    ):
        super().__init__(name="recorder-writer", daemon=True)
        self.out, self.blocks, self.detector, self.max_frames = out, blocks, detector, max_frames
        self.on_block = on_block
        self.level_dbfs = SILENT_DBFS
        self.stop_reason: str | None = None
        self.error: BaseException | None = None
        self.stopped = threading.Event()  # set when a stop condition was reached here

    def _take(self, block: np.ndarray) -> None:
        mono = block.mean(axis=1) if block.shape[1] > 1 else block[:, 0]
        room = self.max_frames - self.out.frames
        if room <= 0:
            return
        mono = mono[:room]
        self.out.write(mono)
        if self.on_block is not None:
            self.on_block(mono, self.out.samplerate)  # after the block is safe on disk
        self.level_dbfs = block_dbfs(mono)
        if self.detector.update(self.level_dbfs, mono.size / self.out.samplerate):
            heard = self.detector.speech_s >= self.detector.options.min_speech_s
            self._end("silence" if heard else "no_speech")
        if self.out.frames >= self.max_frames:
            self._end("max")

    def _end(self, reason: str) -> None:
        if self.stop_reason is None:
            self.stop_reason = reason
        self.stopped.set()

    def run(self) -> None:
        while True:
            block = self.blocks.get()
            if block is None:
                return
            if self.error is not None:
                continue  # keep draining; the file is no longer writable
            try:
                self._take(block)
            except BaseException as e:  # noqa: BLE001 - re-raised by the recording thread
                self.error = e
                self.stopped.set()


def _open_stream(sd, blocks: queue.Queue, device):
    """An unstarted InputStream feeding ``blocks``; (stream, rate)."""
    try:
        rate, channels = stream_settings(sd, "input", RECORD_SR, device)

        def callback(indata, frames, time_info, status):  # noqa: ARG001 - PortAudio signature
            if status:
                log.debug("input status: %s", status)
            blocks.put_nowait(indata.copy())

        stream = sd.InputStream(
            samplerate=rate,
            channels=channels,
            dtype="float32",
            device=device,
            blocksize=int(rate * BLOCK_S),
            callback=callback,
        )
    except (sd.PortAudioError, ValueError) as e:
        raise NoDeviceError(f"Cannot open the microphone ({e}); check it, or use --answer FILE.") from e
    return stream, rate


def _start(sd, stream) -> None:
    try:
        stream.start()
    except sd.PortAudioError as e:  # busy or vanished device
        raise NoDeviceError(f"Cannot start the microphone ({e}); check it, or use --answer FILE.") from e


def _enter_watcher() -> Callable[[], bool]:
    """A poll function, True once Enter was pressed; always False when stdin is not a terminal."""
    stdin = sys.stdin
    if stdin is None or not stdin.isatty():
        return lambda: False
    import select
    import termios

    try:
        termios.tcflush(stdin, termios.TCIFLUSH)  # forget keys pressed during the question
    except termios.error:
        pass

    def pressed() -> bool:
        ready, _, _ = select.select([stdin], [], [], 0)
        if ready:
            stdin.readline()
        return bool(ready)

    return pressed


def _sigterm_as_interrupt():
    """While recording, SIGTERM closes the file like Ctrl-C does. Returns a restore function."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def handler(signum, frame):  # noqa: ARG001
        raise KeyboardInterrupt("SIGTERM")

    previous = signal.signal(signal.SIGTERM, handler)
    return lambda: signal.signal(signal.SIGTERM, previous)


def _wait(writer: _Writer, out: RecordingFile, stop_event, on_status, enter_pressed) -> str:
    """Block until a stop condition; returns its name."""
    last_frames, last_audio_t = -1, time.monotonic()
    while True:
        if writer.stopped.wait(STATUS_INTERVAL_S):
            return writer.stop_reason or "error"
        if stop_event is not None and stop_event.is_set():
            return "stop_event"
        if enter_pressed():
            return "enter"
        now = time.monotonic()
        if out.frames != last_frames:
            last_frames, last_audio_t = out.frames, now
        elif now - last_audio_t > NO_AUDIO_TIMEOUT_S:
            raise NoDeviceError(
                f"The microphone sent no sound for {NO_AUDIO_TIMEOUT_S:.0f} s; check it, or use --answer FILE."
            )
        if on_status is not None:
            on_status(out.duration_s, writer.level_dbfs)


def _cue(beep: bool, device=None) -> None:
    """The "start talking" beep on the output ``device``, heard to the end before the microphone opens."""
    if not beep:
        return
    from simulator.audio import player

    try:
        player.beep(device=device)
        time.sleep(BEEP_GAP_S)
    except NoDeviceError as e:
        log.info("no start beep: %s", e)


def _destination(dest: Path | None) -> Path:
    if dest is None:
        return new_recording_path()
    dest = Path(dest)
    if dest.is_dir():
        return dest / new_recording_path().name
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StorageError(f"Cannot create the recording {dest} ({e.strerror or e}); choose a writable folder.") from e
    return dest


def record(
    *,
    max_s: float = 180.0,
    silence_stop_s: float = 3.0,
    dest: Path | None = None,
    on_status: StatusCallback | None = None,
    stop_event: threading.Event | None = None,
    device=None,
    beep: bool = True,
    options: SilenceOptions | None = None,
    on_block: BlockCallback | None = None,
    output_device=None,
) -> Recording:
    """Record one answer; see the module doc. ``options`` overrides the silence detection tunables.

    ``on_block`` receives each mono block once it is written (from the writer
    thread), e.g. to transcribe while the person is still speaking.
    ``device`` is the microphone; the start beep plays on ``output_device``.
    """
    sd = import_sounddevice()
    if not has_input_device(device):
        raise NoDeviceError(NO_MIC)
    opts = options or SilenceOptions(silence_stop_s=silence_stop_s)
    _cue(beep, output_device)
    blocks: queue.Queue = queue.Queue()
    stream, rate = _open_stream(sd, blocks, device)
    try:
        out = RecordingFile(_destination(dest), rate)
    except BaseException:
        stream.close()
        raise
    writer = _Writer(
        out, blocks, SilenceDetector(opts, block_s=BLOCK_S), max_frames=int(max_s * rate), on_block=on_block
    )
    restore_sigterm = _sigterm_as_interrupt()
    reason = None  # stays None when interrupted
    try:
        writer.start()
        _start(sd, stream)
        reason = _wait(writer, out, stop_event, on_status, _enter_watcher())
    finally:
        _shutdown(stream, blocks, writer, out)
        restore_sigterm()
        if hasattr(on_status, "finish"):
            on_status.finish(reason, out.duration_s)
    if writer.error is not None:
        raise writer.error
    log.info("recorded %.1f s to %s (stopped by %s)", out.duration_s, out.path, reason)
    return Recording(
        path=out.path,
        duration_s=out.duration_s,
        sample_rate=rate,
        stop_reason=reason,
        speech_s=writer.detector.speech_s,
    )


def _shutdown(stream, blocks: queue.Queue, writer: _Writer, out: RecordingFile) -> None:
    """Stop the device, write out every queued block, close the file. Safe on any path."""
    try:
        stream.abort()
        stream.close()
    except Exception as e:  # noqa: BLE001 - device already gone
        log.debug("closing input stream: %s", e)
    blocks.put(None)
    if writer.is_alive():
        writer.join()
    out.close()


def record_answer(
    *,
    max_s: float = 180.0,
    silence_stop_s: float = 3.0,
    dest: Path | None = None,
    on_status: StatusCallback | None = None,
    stop_event: threading.Event | None = None,
    device=None,
    beep: bool = True,
) -> Path:
    """Beep, record the answer to a WAV in ``data_home()/recordings`` (or ``dest``), return its path.

    The file is written as it records; after Ctrl-C it is kept and the
    KeyboardInterrupt propagates once it is closed. Raises NoDeviceError when
    there is no microphone, StorageError when the disk fills up.
    """
    return record(
        max_s=max_s,
        silence_stop_s=silence_stop_s,
        dest=dest,
        on_status=on_status,
        stop_event=stop_event,
        device=device,
        beep=beep,
    ).path
