"""``/api/record``: an answer recorded in the browser, transcribed while it is spoken.

The page sends one JSON message (question, role, company, posting), waits
for ``ready`` (the model is loaded), then streams 16-bit little-endian PCM at
16 kHz mono in binary messages and ends with ``{"type": "stop"}``. Each
block is handled as ``practice`` handles a microphone block: written to a
crash-safe WAV first, then fed to the ``StreamingTranscriber`` and the
``PitchTrack``, and its level to the ``SilenceDetector`` that ends the answer
when the person falls silent. The server answers with ``level`` messages
(the meter and the timer), ``stopped``, then ``done`` with the session id,
or ``error`` with the CLI's one-line message.

A recording that is cut off (the tab closed, an error) keeps its WAV in
``data_home()/recordings``, where ``mock-interview sessions`` lists it.
"""

from __future__ import annotations

import asyncio
import json
import logging
from concurrent.futures import Future, ThreadPoolExecutor

import numpy as np
from starlette.concurrency import run_in_threadpool
from starlette.websockets import WebSocket, WebSocketDisconnect

from simulator.audio.files import SAMPLE_RATE
from simulator.audio.level_meter import SILENT_DBFS, SilenceDetector, SilenceOptions, block_dbfs
from simulator.errors import BadInputError
from simulator.web.api import busy_error, context_from, question_from
from simulator.web.errors import error_body

log = logging.getLogger(__name__)

PCM_BYTES = 2  # 16-bit samples
CLIENT_BLOCK_S = 0.1  # s of audio the page sends per message (its worklet's chunk)
MAX_BLOCK_S = 2.0  # s; a larger message is refused
START_TIMEOUT_S = 30.0  # s to wait for the page's first message
NO_AUDIO_TIMEOUT_S = 10.0  # s without a message while recording: the page has stalled
MAX_TEXT_CHARS = 100_000  # the start message (a pasted job posting is the long part)


def start_warm_up(options) -> Future:
    """Load the model and the analysis code in a background thread; the future is awaited before recording."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="warm-up")
    try:
        return pool.submit(_warm_up, options)
    finally:
        pool.shutdown(wait=False)


def _warm_up(options) -> None:
    """The pipeline's warm-up, and the report template compiled, so the first answer's report waits for neither."""
    from simulator.pipeline.answer import warm_up
    from simulator.report.html import PAGE, environment

    environment().get_template(PAGE)
    warm_up(options)


class LiveAnswer:
    """One answer arriving over the WebSocket; ``feed`` blocks, then ``finish`` or ``abandon``."""

    def __init__(self, settings):
        """``settings``: the server's ``WebSettings`` (transcription options, length and silence limits)."""
        from simulator.asr.streaming import StreamingTranscriber
        from simulator.audio.recording_file import RecordingFile, new_recording_path
        from simulator.delivery.pitch_track import PitchTrack

        self.options = settings.options
        self.file = RecordingFile(new_recording_path(), SAMPLE_RATE)
        self.streamer = StreamingTranscriber(options=self.options)
        self.track = PitchTrack()
        silence = SilenceOptions(silence_stop_s=settings.silence_stop_s)
        self.detector = SilenceDetector(silence, block_s=CLIENT_BLOCK_S)
        self.max_frames = int(settings.max_record_s * SAMPLE_RATE)
        self.level_dbfs = SILENT_DBFS
        self.stop_reason: str | None = None

    @property
    def elapsed_s(self) -> float:
        return self.file.duration_s

    def feed(self, pcm: bytes) -> str | None:
        """Take one message of PCM; returns why the answer is over ("silence", "max"), or None."""
        if len(pcm) % PCM_BYTES or len(pcm) > MAX_BLOCK_S * SAMPLE_RATE * PCM_BYTES:
            raise BadInputError("The page sent a malformed audio block; reload the page and record again.")
        y = np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0
        y = y[: max(0, self.max_frames - self.file.frames)]
        if y.size:
            self.file.write(y)  # safe on disk before anything else
            self.track.feed(self.streamer.feed(y))
            self.level_dbfs = block_dbfs(y)
            if self.detector.update(self.level_dbfs, y.size / SAMPLE_RATE):
                self.stop_reason = self.stop_reason or "silence"
        if self.file.frames >= self.max_frames:
            self.stop_reason = self.stop_reason or "max"
        return self.stop_reason

    def finish(self, question, context) -> str:
        """Finish the transcript, analyse, save the session; returns its id. The WAV goes once saved."""
        from simulator.pipeline.answer import analyze_audio
        from simulator.sessions.store import save_session

        self.file.close()
        transcript = self.streamer.finish()
        y = self.streamer.audio()
        analysis = analyze_audio(
            y,
            SAMPLE_RATE,
            question,
            context,
            source=self.file.path,
            transcribe_options=self.options,
            transcript=transcript,
            pitch_track=self.track,
        )
        session_id = save_session(analysis, y, SAMPLE_RATE)
        self.file.path.unlink(missing_ok=True)
        return session_id

    def abandon(self) -> None:
        """Stop without a session; the recording stays on disk and is listed as interrupted."""
        self.streamer.abandon()
        self.file.close()


async def _start_message(ws: WebSocket) -> dict:
    message = await _receive(ws, START_TIMEOUT_S, "question")
    if message["type"] == "websocket.disconnect":
        raise WebSocketDisconnect(message.get("code", 1000))
    text = message.get("text") or ""
    if len(text) > MAX_TEXT_CHARS or _kind(text) != "start":
        raise BadInputError("The page's first message must start an answer; reload the page.")
    return json.loads(text)


async def _audio(ws: WebSocket, live: LiveAnswer) -> str:
    """Feed blocks until the page says stop or the answer ends by itself; returns why it ended."""
    while True:
        message = await _receive(ws, NO_AUDIO_TIMEOUT_S, "audio")
        if message["type"] == "websocket.disconnect":
            raise WebSocketDisconnect(message.get("code", 1000))
        if message.get("bytes") is not None:
            reason = await run_in_threadpool(live.feed, message["bytes"])
            await ws.send_json({"type": "level", "dbfs": round(live.level_dbfs, 1), "elapsed_s": live.elapsed_s})
            if reason:
                return reason
        elif _kind(message.get("text")) == "stop":
            return "stop"


def _kind(text: str | None) -> str | None:
    try:
        message = json.loads(text or "null")
    except ValueError:
        return None
    return message.get("type") if isinstance(message, dict) else None


async def _receive(ws: WebSocket, timeout_s: float, what: str):
    try:
        return await asyncio.wait_for(ws.receive(), timeout_s)
    except asyncio.TimeoutError as e:  # not yet the built-in TimeoutError on Python 3.10
        raise BadInputError(f"The page sent no {what} for {timeout_s:.0f} s; reload it and record again.") from e


async def record(ws: WebSocket) -> None:
    """The WebSocket endpoint; one recording at a time on this machine."""
    state = ws.app.state
    await ws.accept()
    live = None
    try:
        start = await _start_message(ws)
        question, context = question_from(start), context_from(start)
        if state.busy.locked():
            raise busy_error()
        async with state.busy:
            await asyncio.wrap_future(state.warm)  # the model is ready before the first word is recorded
            live = await run_in_threadpool(LiveAnswer, state.settings)
            await ws.send_json({"type": "ready", "max_s": state.settings.max_record_s})
            reason = await _audio(ws, live)
            await _send(ws, {"type": "stopped", "reason": reason, "elapsed_s": live.elapsed_s})
            answer, live = live, None
            session_id = await run_in_threadpool(answer.finish, question, context)
        await _send(ws, {"type": "done", "session_id": session_id})
    except WebSocketDisconnect:
        log.info("the page closed the recording")
    except Exception as e:  # noqa: BLE001 - every failure reaches the page as one line
        body, status = error_body(e)
        await _send(ws, {"type": "error", "status": status} | body)
    finally:
        if live is not None:
            await run_in_threadpool(live.abandon)
        await _close(ws)


async def _send(ws: WebSocket, message: dict) -> None:
    """Send if the page is still there (after a stop the session is saved whether or not it listens)."""
    try:
        await ws.send_json(message)
    except (WebSocketDisconnect, RuntimeError, OSError) as e:
        log.info("the page left before %s: %s", message.get("type"), e)


async def _close(ws: WebSocket) -> None:
    try:
        await ws.close()
    except (RuntimeError, OSError):
        pass
