"""The recorder's orchestration on a fake sound card: stop rules, crash safety, errors.

A fake ``sounddevice`` feeds known audio through the real recorder code
(queue, writer thread, crash-safe WAV, silence detector), faster than real
time. The real-device tests are in test_audio_edge.py.
"""

from __future__ import annotations

import errno
import io
import os
import struct
import threading
import time

import numpy as np
import pytest
import soundfile as sf

from simulator.audio import player, recorder, tts
from simulator.audio.files import load_audio
from simulator.audio.level_meter import SILENT_DBFS, SilenceDetector, SilenceOptions, TerminalMeter, block_dbfs
from simulator.audio.recording_file import RecordingFile, list_interrupted, recordings_dir, recover_recording
from simulator.errors import BadInputError, NoDeviceError, StorageError

SR = 16_000
SPEED = 25.0  # the fake card delivers audio this many times faster than real time


class FakePortAudioError(Exception):
    pass


class FakeInputStream:
    """Calls ``callback`` with successive blocks of ``signal`` (then zeros, like an idle mic)."""

    def __init__(self, fake, *, samplerate, channels, blocksize, callback, **_):
        self.fake, self.rate, self.channels, self.blocksize, self.callback = (
            fake,
            samplerate,
            channels,
            blocksize,
            callback,
        )
        self._halt = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        pos, sig = 0, self.fake.signal
        while not self._halt.is_set():
            block = np.zeros((self.blocksize, self.channels), np.float32)
            chunk = sig[pos : pos + self.blocksize]
            block[: chunk.size] = chunk[:, None]
            pos += self.blocksize
            self.callback(block, self.blocksize, None, None)
            self.fake.delivered += self.blocksize
            if self.fake.stall_after is not None and pos >= self.fake.stall_after:
                return  # the device stops sending audio
            time.sleep(self.blocksize / self.rate / self.fake.speed)

    def start(self):
        self.fake.streams_opened += 1
        self._thread.start()

    def abort(self):
        self._halt.set()
        if self._thread.is_alive():
            self._thread.join()

    def close(self):
        self.abort()


class FakeOutputStream:
    """Pulls the whole sound through ``callback`` at once and remembers it."""

    def __init__(self, fake, *, samplerate, channels, callback, finished_callback, **_):
        self.fake, self.rate, self.channels = fake, samplerate, channels
        self.callback, self.finished = callback, finished_callback
        self.latency = 0.0

    def start(self):
        out = []
        while True:
            block = np.zeros((256, self.channels), np.float32)
            try:
                self.callback(block, 256, None, None)
            except FakeSD.CallbackStop:
                out.append(block)
                break
            out.append(block)
        self.fake.played.append((np.concatenate(out)[:, 0], self.rate))
        self.finished()

    def abort(self):
        pass

    def close(self):
        pass


class FakeSD:
    """Just enough of the sounddevice API for simulator.audio.player and simulator.audio.recorder."""

    PortAudioError = FakePortAudioError

    class CallbackStop(Exception):
        pass

    def __init__(
        self, signal=np.zeros(0, np.float32), *, inputs=True, outputs=True, rates=(SR,), channels=(1,), native=None
    ):
        self.signal = np.asarray(signal, np.float32)
        self.inputs, self.outputs, self.rates, self.channels = inputs, outputs, rates, channels
        self.native = rates[-1] if native is None else native  # the device's default rate
        self.played, self.delivered, self.streams_opened, self.stall_after = [], 0, 0, None
        self.speed = SPEED

    def query_devices(self, device=None, kind=None):
        if (kind == "input" and not self.inputs) or (kind == "output" and not self.outputs):
            raise FakePortAudioError("Error querying device -1")
        return {
            "name": "fake",
            "max_input_channels": 2 * self.inputs,
            "max_output_channels": 2 * self.outputs,
            "default_samplerate": float(self.native),
        }

    def _check(self, samplerate, channels, **_):
        if samplerate not in self.rates or channels not in self.channels:
            raise FakePortAudioError("Invalid sample rate" if samplerate not in self.rates else "Invalid channels")

    check_input_settings = check_output_settings = _check

    def InputStream(self, **kw):  # noqa: N802 - sounddevice's name
        return FakeInputStream(self, **kw)

    def OutputStream(self, **kw):  # noqa: N802
        return FakeOutputStream(self, **kw)


def speechlike(seconds: float, *, level: float = 0.3, sr: int = SR, seed: int = 0) -> np.ndarray:
    """A tone with syllable-rate amplitude modulation: loud enough to count as speech."""
    t = np.arange(int(seconds * sr)) / sr
    rng = np.random.default_rng(seed)
    return (
        level * np.sin(2 * np.pi * 220 * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 4 * t))
        + 0.001 * rng.standard_normal(t.size)
    ).astype(np.float32)


def silence(seconds: float, sr: int = SR) -> np.ndarray:
    return np.zeros(int(seconds * sr), np.float32)


@pytest.fixture
def fake_sd(monkeypatch):
    """Install a FakeSD (set ``.signal`` etc. on the returned object)."""
    fake = FakeSD()
    monkeypatch.setattr(player, "import_sounddevice", lambda: fake)
    monkeypatch.setattr(recorder, "import_sounddevice", lambda: fake)
    return fake


# --- stop rules ------------------------------------------------------------------


@pytest.mark.parametrize(
    "parts, kwargs, reason, expect_s",
    [
        # 0.5 s silence, 2 s speech, then silence: stops 2 s (silence_stop_s) after the speech.
        ([silence(0.5), speechlike(2.0)], dict(silence_stop_s=2.0), "silence", 4.5),
        # a pause shorter than silence_stop_s inside the answer does not stop it
        ([speechlike(1.0), silence(1.5), speechlike(1.0)], dict(silence_stop_s=2.0), "silence", 5.5),
        # silence before any speech never stops the recording: max_s does
        ([silence(3.0)], dict(silence_stop_s=1.0, max_s=2.0), "max", 2.0),
        # continuous speech: cut at exactly max_s
        ([speechlike(6.0)], dict(silence_stop_s=1.0, max_s=2.5), "max", 2.5),
        # silence_stop_s=0 disables the silence stop
        ([speechlike(0.5)], dict(silence_stop_s=0, max_s=3.0), "max", 3.0),
    ],
)
def test_record_stops_where_expected(fake_sd, parts, kwargs, reason, expect_s):
    fake_sd.signal = np.concatenate(parts)
    rec = recorder.record(beep=False, **kwargs)
    assert rec.stop_reason == reason
    assert rec.duration_s == pytest.approx(expect_s, abs=0.11)  # within two 50 ms blocks
    y, sr = sf.read(rec.path, dtype="float32")
    n = min(y.size, fake_sd.signal.size)
    np.testing.assert_allclose(y[:n], fake_sd.signal[:n], atol=1 / 32768 + 1e-6)  # the audio, PCM_16-exact
    assert rec.path.parent == recordings_dir()


def test_record_answer_returns_a_loadable_file_and_beeps_first(fake_sd):
    fake_sd.signal = np.concatenate([speechlike(1.0), silence(0.2)])
    path = recorder.record_answer(silence_stop_s=0.5)
    y, sr = load_audio(path)
    assert sr == SR and y.size / sr == pytest.approx(1.5, abs=0.11)
    ((beep, rate),) = fake_sd.played  # the beep, played before the microphone opened
    cue = player.beep_signal()
    assert rate == SR and np.abs(cue).max() == pytest.approx(player.BEEP_LEVEL, rel=0.01)
    np.testing.assert_allclose(beep[: cue.size], cue)
    assert not beep[cue.size :].any()


def test_stop_event_ends_the_recording(fake_sd):
    fake_sd.signal = speechlike(30.0)
    stop = threading.Event()
    threading.Timer(0.2, stop.set).start()
    rec = recorder.record(beep=False, stop_event=stop, silence_stop_s=1.0)
    assert rec.stop_reason == "stop_event"
    assert 0 < rec.duration_s < 30.0


def test_enter_on_a_terminal_stops_the_recording(fake_sd, monkeypatch):
    fake_sd.signal = speechlike(60.0)
    master, slave = os.openpty()
    tty_in = os.fdopen(slave, "r")
    monkeypatch.setattr("sys.stdin", tty_in)
    threading.Timer(0.3, lambda: os.write(master, b"\n")).start()
    try:
        rec = recorder.record(beep=False, silence_stop_s=1.0)
    finally:
        tty_in.close()
        os.close(master)
    assert rec.stop_reason == "enter"
    assert rec.duration_s < 60.0


def test_rate_fallback_records_at_the_device_rate(fake_sd):
    fake_sd.rates, fake_sd.native, fake_sd.channels = (48_000,), 48_000, (2,)
    fake_sd.signal = np.concatenate([speechlike(1.0, sr=48_000), silence(0.2, sr=48_000)])
    rec = recorder.record(beep=False, silence_stop_s=0.5)
    assert rec.sample_rate == 48_000
    y, sr = load_audio(rec.path)
    assert sr == SR and y.size / sr == pytest.approx(1.5, abs=0.11)


def test_status_callback_reports_time_and_level(fake_sd):
    fake_sd.signal = np.concatenate([silence(0.5), speechlike(1.0, level=0.5)])
    fake_sd.speed = 2.0  # status comes every STATUS_INTERVAL_S of wall time
    calls = []
    recorder.record(beep=False, silence_stop_s=0.5, on_status=lambda t, db: calls.append((t, db)))
    times = [t for t, _ in calls]
    assert times == sorted(times) and times[-1] > 1.0
    assert max(db for _, db in calls) > -15 and min(db for _, db in calls) == SILENT_DBFS


# --- crash safety ------------------------------------------------------------------


def test_ctrl_c_keeps_the_file_and_propagates(fake_sd):
    fake_sd.signal = speechlike(60.0)

    def interrupt(elapsed_s, level):
        if elapsed_s > 2.0:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        recorder.record(beep=False, on_status=interrupt)
    (left,) = list_interrupted()
    info = sf.info(left.path)
    assert info.frames / info.samplerate == pytest.approx(left.duration_s) and left.duration_s >= 2.0
    y, _ = load_audio(left.path)
    np.testing.assert_allclose(y, fake_sd.signal[: y.size], atol=1 / 32768 + 1e-6)


def test_full_disk_gives_a_storage_error_and_keeps_what_was_written(fake_sd, monkeypatch):
    fake_sd.signal = speechlike(60.0)
    real_write, calls = sf.SoundFile.write, [0]

    def write(self, data):
        calls[0] += 1
        if calls[0] > 20:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(self, data)

    monkeypatch.setattr(sf.SoundFile, "write", write)
    with pytest.raises(StorageError, match="Free some disk space") as exc:
        recorder.record(beep=False)
    (left,) = list_interrupted()
    assert str(left.path) in str(exc.value)
    assert left.duration_s == pytest.approx(20 * recorder.BLOCK_S)


def test_stalled_device_is_reported_not_waited_on_forever(fake_sd, monkeypatch):
    monkeypatch.setattr(recorder, "NO_AUDIO_TIMEOUT_S", 0.5)
    fake_sd.signal, fake_sd.stall_after = speechlike(5.0), SR
    with pytest.raises(NoDeviceError, match="no sound"):
        recorder.record(beep=False)
    (left,) = list_interrupted()
    assert left.duration_s == pytest.approx(1.0, abs=0.06)


# --- no device: one actionable line -------------------------------------------------


def _no_portaudio():
    raise NoDeviceError(player.NO_PORTAUDIO)


@pytest.mark.parametrize(
    "setup, call, message",
    [
        (dict(inputs=False), lambda: recorder.record_answer(beep=False), "--answer FILE"),
        (dict(outputs=False), lambda: tts.speak("Hello there."), "--no-speak"),
        (dict(outputs=False), lambda: player.play(np.zeros(100, np.float32), SR), "--no-speak"),
        ("no portaudio", lambda: recorder.record_answer(), "libportaudio2"),
        ("no portaudio", lambda: tts.speak("Hello there."), "libportaudio2"),
        (dict(rates=(8000,), native=44_100), lambda: recorder.record_answer(beep=False), "accepts neither"),
    ],
)
def test_missing_devices_raise_no_device_error(monkeypatch, setup, call, message):
    if setup == "no portaudio":
        monkeypatch.setattr(player, "import_sounddevice", _no_portaudio)
        monkeypatch.setattr(recorder, "import_sounddevice", _no_portaudio)
    else:
        fake = FakeSD(**setup)
        monkeypatch.setattr(player, "import_sounddevice", lambda: fake)
        monkeypatch.setattr(recorder, "import_sounddevice", lambda: fake)
    with pytest.raises(NoDeviceError) as exc:
        call()
    assert message in str(exc.value) and "\n" not in str(exc.value)


@pytest.mark.parametrize(
    "setup, has_in, has_out",
    [
        (dict(), True, True),
        (dict(inputs=False), False, True),
        (dict(outputs=False), True, False),
        ("no portaudio", False, False),
    ],
)
def test_device_presence(monkeypatch, setup, has_in, has_out):
    fake = FakeSD(**setup) if setup != "no portaudio" else None
    monkeypatch.setattr(player, "import_sounddevice", (lambda: fake) if fake else _no_portaudio)
    assert recorder.has_input_device() is has_in
    assert player.has_output_device() is has_out


def test_import_error_of_portaudio_becomes_no_device_error(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def fake_import(name, *a, **kw):
        if name == "sounddevice":
            raise OSError("PortAudio library not found")
        return real_import(name, *a, **kw)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(NoDeviceError, match="libportaudio2"):
        player.import_sounddevice()


# --- the silence detector ---------------------------------------------------------


def _blocks(*runs):
    """[(level_dbfs, seconds), ...] -> one level per 50 ms block."""
    return [db for db, s in runs for _ in range(round(s / 0.05))]


@pytest.mark.parametrize(
    "levels, stops_at_s",
    [
        (_blocks((-90, 1), (-20, 2), (-90, 4)), 6.0),  # digital silence, speech, silence
        (_blocks((-45, 2), (-20, 2), (-45, 4)), 7.0),  # steady room noise at -45 dBFS
        (_blocks((-20, 2), (-45, 1), (-20, 1), (-45, 4)), 7.0),  # speaking from the first block
        (_blocks((-45, 10)), None),  # noise only: never
        (_blocks((-90, 1), (-20, 0.1), (-90, 6)), None),  # a click (< min_speech_s) is not speech
        (_blocks((-90, 1), (-55, 2), (-90, 6)), None),  # below min_speech_dbfs: not speech
        (_blocks((-30, 10)), None),  # a constant hum becomes the floor, never speech
    ],
)
def test_silence_detector(levels, stops_at_s):
    det = SilenceDetector(SilenceOptions(silence_stop_s=3.0), block_s=0.05)
    stop = next((i for i, db in enumerate(levels) if det.update(db)), None)
    if stops_at_s is None:
        assert stop is None
    else:
        assert stop is not None and (stop + 1) * 0.05 == pytest.approx(stops_at_s, abs=0.051)


@pytest.mark.parametrize("amplitude, dbfs", [(1.0, -3.01), (0.1, -23.01), (0.0, SILENT_DBFS), (1e-9, SILENT_DBFS)])
def test_block_dbfs_of_a_sine(amplitude, dbfs):
    t = np.arange(SR) / SR
    assert block_dbfs(amplitude * np.sin(2 * np.pi * 1000 * t)) == pytest.approx(dbfs, abs=0.02)


class _Stream(io.StringIO):
    def __init__(self, tty: bool):
        super().__init__()
        self.tty = tty

    def isatty(self):
        return self.tty


@pytest.mark.parametrize("tty, expect", [(True, "Enter or 3 s of silence stops"), (False, "3 s of silence stops")])
def test_terminal_meter(tty, expect, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    s = _Stream(tty)
    meter = TerminalMeter(s, enter_stops=tty, silence_stop_s=3.0, max_s=180.0)
    meter(0.0, -90.0)
    meter(12.3, 0.0)
    meter.finish("silence", 12.3)
    out = s.getvalue()
    assert expect in out
    assert out.endswith("Recording stopped after 3 s of silence (0:12 recorded).\n")
    if tty:  # one live area, redrawn in place, then replaced by the stop line
        assert "● REC 0:12 / 3:00" in out and "█" * 20 in out and out.count("\n") <= 2
    else:
        assert out.count("\n") == 3 and "Recording 0:12" in out


@pytest.mark.parametrize(
    "reason, message",
    [
        ("silence", "Recording stopped after 3 s of silence (1:05 recorded)."),
        ("no_speech", "Recording stopped: no speech was heard (1:05 recorded)."),
        ("enter", "Recording stopped with Enter (1:05 recorded)."),
        ("max", "Recording stopped at the 1:05 time limit: the answer was cut off."),
        ("stop_event", "Recording stopped (1:05 recorded)."),
        (None, "Recording interrupted at 1:05; the take is kept."),
    ],
)
def test_the_end_of_a_recording_says_why_it_stopped(reason, message):
    meter = TerminalMeter(_Stream(False), enter_stops=True, silence_stop_s=3.0, max_s=65.0)
    assert meter.stop_message(reason, 65.0) == message


@pytest.mark.parametrize(
    "parts, kwargs, reason, says",
    [
        ([silence(0.5), speechlike(2.0)], dict(silence_stop_s=2.0), "silence", "after 2 s of silence (0:04 recorded)"),
        ([speechlike(6.0)], dict(silence_stop_s=1.0, max_s=2.5), "max", "at the 0:02 time limit"),
        ([silence(3.0)], dict(options=SilenceOptions(no_speech_stop_s=1.0)), "no_speech", "no speech was heard"),
    ],
)
def test_the_recorder_tells_the_meter_why_it_stopped(fake_sd, parts, kwargs, reason, says):
    fake_sd.signal = np.concatenate(parts)
    stream = _Stream(False)
    meter = TerminalMeter(stream, enter_stops=False, silence_stop_s=kwargs.get("silence_stop_s", 3.0), max_s=2.5)
    rec = recorder.record(beep=False, on_status=meter, **kwargs)
    assert rec.stop_reason == reason
    assert says in stream.getvalue().splitlines()[-1]


def test_an_answer_cut_by_the_time_limit_is_noted_as_unfinished():
    note = recorder.cut_note(180.0)
    assert "3:00 time limit" in note and "unfinished answer" in note


# --- the crash-safe file ------------------------------------------------------------


def _wav_bytes(frames: int, *, declared: int | None, extra: bytes = b"") -> bytes:
    data = (np.arange(frames, dtype=np.int16) % 100).tobytes()
    size = len(data) if declared is None else declared
    fmt = struct.pack("<4sIHHIIHH", b"fmt ", 16, 1, 1, SR, SR * 2, 2, 16)
    return b"RIFF" + struct.pack("<I", 36 + size) + b"WAVE" + fmt + b"data" + struct.pack("<I", size) + data + extra


@pytest.mark.parametrize(
    "content, seconds",
    [
        (_wav_bytes(16000, declared=0), 1.0),  # killed before the header was ever updated
        (_wav_bytes(16000, declared=3200), 1.0),  # header lagging by some blocks
        (_wav_bytes(16000, declared=0, extra=b"\x07"), 1.0),  # half a sample at the end
        (_wav_bytes(8000, declared=None), 0.5),  # already right: untouched
        (b"not a wav file at all, just text", BadInputError),
        (b"RIFF\x00\x00\x00\x00WAVEfmt ", BadInputError),  # killed inside the header
    ],
)
def test_recover_recording(tmp_path, content, seconds):
    path = tmp_path / "r.wav"
    path.write_bytes(content)
    if seconds is BadInputError:
        with pytest.raises(BadInputError):
            recover_recording(path)
        return
    assert recover_recording(path) == pytest.approx(seconds)
    info = sf.info(path)
    assert info.frames == int(seconds * SR)
    raw = path.read_bytes()
    assert struct.unpack_from("<I", raw, 4)[0] == len(raw) - 8
    assert recover_recording(path) == pytest.approx(seconds)  # idempotent


def test_list_interrupted_skips_live_recordings_and_drops_empty_ones(tmp_path):
    live = RecordingFile(recordings_dir() / "live.wav", SR)
    live.write(np.full(SR, 0.1, np.float32))
    empty = recordings_dir() / "empty.wav"
    RecordingFile(empty, SR).close()
    done = RecordingFile(recordings_dir() / "done.wav", SR)
    done.write(np.full(SR // 2, 0.1, np.float32))
    done.close()
    try:
        found = list_interrupted()
    finally:
        live.close()
    assert [r.path.name for r in found] == ["done.wav"]
    assert found[0].duration_s == pytest.approx(0.5)
    assert not empty.exists()
    assert oct(os.stat(found[0].path).st_mode & 0o777) == "0o600"
    assert {r.path.name for r in list_interrupted()} == {"done.wav", "live.wav"}


def test_unwritable_recordings_folder_is_a_storage_error(fake_sd, tmp_path):
    fake_sd.signal = speechlike(1.0)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if os.access(locked, os.W_OK):  # root ignores permissions: use a path under a file instead
        (tmp_path / "file").write_text("x")
        locked = tmp_path / "file"
    with pytest.raises(StorageError, match="Cannot create the recording"):
        recorder.record(beep=False, dest=locked / "answer.wav")
    assert fake_sd.streams_opened == 0


@pytest.mark.parametrize(
    "levels, stop_s",
    [
        ([-70.0] * 700, 30.0),  # nothing said: give up after no_speech_stop_s
        ([-70.0] * 100 + [-20.0] * 20 + [-70.0] * 100, 9.0),  # speech 5-6 s, then 3 s of silence
    ],
)
def test_silence_detector_stops_on_silence_or_when_nobody_answers(levels, stop_s):
    from simulator.audio.level_meter import SilenceDetector, SilenceOptions

    det = SilenceDetector(SilenceOptions(silence_stop_s=3.0, no_speech_stop_s=30.0), block_s=0.05)
    stopped_at = next((i * 0.05 for i, db in enumerate(levels, 1) if det.update(db)), None)
    assert stopped_at == pytest.approx(stop_s, abs=0.11)
