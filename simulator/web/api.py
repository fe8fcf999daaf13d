"""The HTTP API: questions and their speech, analysing an upload, stored sessions, history, the report.

Handlers that only touch the store are plain functions, which Starlette runs
in its thread pool, so SQLite's busy wait never blocks the event loop.
"""

from __future__ import annotations

import asyncio
import re
import tempfile
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response

from simulator.errors import BadInputError, SessionNotFoundError
from simulator.model.analysis import AnswerContext
from simulator.questions import get_question, load_questions
from simulator.sessions import store
from simulator.web.errors import BusyError
from simulator.web.guard import check_session_id

MAX_FIELD_BYTES = 256 * 1024  # a form field other than the audio (the job posting is the long one)
FORM_FIELDS = ("question", "role", "company", "posting", "save")
TRUE_WORDS = ("1", "true", "yes", "on")
UPLOAD_NAME = "answer"  # the stem of an upload whose file name is unusable
NO_STORE = {"cache-control": "no-store"}
ROW_FIELDS = tuple(f for f in store.index.COLUMNS if f not in ("audio_file", "analysis_file"))


def context_from(fields: dict) -> AnswerContext:
    """The answer's context from form or message fields (empty strings are absent)."""
    return AnswerContext(*(str(fields.get(k) or "").strip() or None for k in ("role", "company", "posting")))


def question_from(fields: dict):
    """The asked question (the default one when none is given); ConfigError names the known ids."""
    return get_question(str(fields.get("question") or "").strip() or None)


def questions(request: Request) -> JSONResponse:
    return JSONResponse([{"id": q.id, "text": q.text, "default": q.default} for q in load_questions()])


def question_speech(request: Request) -> FileResponse:
    """The question spoken by espeak-ng, as a WAV (cached); 503 when text-to-speech is unavailable."""
    from simulator.audio import tts

    question = get_question(request.path_params["question_id"])
    return FileResponse(tts.speech_file(question.text), media_type="audio/wav", headers=NO_STORE)


def _safe_name(filename: str | None) -> str:
    """A plain file name for the upload (its suffix tells the decoder the format); never a path."""
    name = re.sub(r"[^A-Za-z0-9._-]", "_", Path(filename or "").name).lstrip(".")
    return name[:80] or UPLOAD_NAME


def analyze_upload(upload, filename: str | None, fields: dict, *, options, save: bool) -> str:
    """Analyse an uploaded answer as ``analyze FILE --json`` does; returns that JSON document."""
    from simulator.audio.files import load_audio
    from simulator.model.codec import dumps
    from simulator.pipeline.answer import analyze_audio

    question, context = question_from(fields), context_from(fields)
    name = _safe_name(filename)
    with tempfile.TemporaryDirectory(prefix="mi-upload-") as folder:
        path = Path(folder) / name
        with open(path, "wb") as out:
            while chunk := upload.read(1 << 20):
                out.write(chunk)
        try:
            y, sr = load_audio(path)
        except BadInputError as e:  # its message names our temporary path; the user knows the file's name
            raise type(e)(str(e).replace(str(path), name)) from e
    analysis = analyze_audio(y, sr, question, context, source=name, transcribe_options=options)
    if save:
        analysis.session_id = store.save_session(analysis, y, sr)
    return dumps(analysis)


async def analyze(request: Request) -> Response:
    """``POST /api/analyze``: multipart ``audio`` + question, role, company, posting; ``save=true`` stores it."""
    form = await request.form(max_files=1, max_fields=len(FORM_FIELDS), max_part_size=MAX_FIELD_BYTES)
    upload = form.get("audio")
    if not isinstance(upload, UploadFile):
        raise BadInputError("Attach the answer audio as the form field 'audio'.")
    fields = {k: form.get(k) for k in FORM_FIELDS if isinstance(form.get(k), str)}
    save = str(fields.get("save", "")).lower() in TRUE_WORDS
    state = request.app.state
    async with state.busy:
        await asyncio.wrap_future(state.warm)
        body = await run_in_threadpool(
            analyze_upload, upload.file, upload.filename, fields, options=state.settings.options, save=save
        )
    return Response(body, media_type="application/json", headers=NO_STORE)


def _row(session: store.Session) -> dict:
    return {f: getattr(session, f) for f in ROW_FIELDS} | {"has_audio": session.audio_path is not None}


def sessions(request: Request) -> JSONResponse:
    return JSONResponse([_row(s) for s in store.list_sessions()], headers=NO_STORE)


def _session(request: Request) -> store.Session:
    return store.load_session(check_session_id(request.path_params["session_id"]))


def session(request: Request) -> JSONResponse:
    """The stored analysis document, as ``analyze --json`` printed it (with its session id)."""
    from simulator.model.codec import to_jsonable

    return JSONResponse(to_jsonable(_session(request).analysis), headers=NO_STORE)


def delete_session(request: Request) -> JSONResponse:
    gone = store.delete_session(check_session_id(request.path_params["session_id"]))
    return JSONResponse({"deleted": gone.id})


def session_audio(request: Request) -> FileResponse:
    s = _session(request)
    if s.audio_path is None or not s.audio_path.is_file():
        raise SessionNotFoundError(f"Session {s.id} has no audio (a written answer, or its file was removed).")
    return FileResponse(s.audio_path, media_type="audio/flac", headers=NO_STORE)


def session_report(request: Request) -> HTMLResponse:
    """The session's HTML report, as `mock-interview report` writes it: the one call to the report renderer."""
    from simulator.report.html import session_html

    headers = NO_STORE | {"x-content-type-options": "nosniff", "content-security-policy": "frame-ancestors 'self'"}
    return HTMLResponse(session_html(_session(request)), headers=headers)


def history(request: Request) -> JSONResponse:
    """Trends per question and overall (``mock-interview history``), with each one-line read."""
    from simulator.errors import StorageError
    from simulator.sessions.history import SPARK_SESSIONS, default_band, histories

    listed = store.list_sessions()
    try:
        delivery = store.load_session(listed[-1].id).analysis.delivery if listed else None
    except StorageError:
        delivery = None
    band = (delivery.options.pace_min_wpm, delivery.options.pace_max_wpm) if delivery else default_band()
    out = []
    for h in histories(listed, band=band):
        trends = [
            {"label": t.metric.label, "values": t.values[-SPARK_SESSIONS:], "latest": t.latest, "change": t.change}
            for t in h.trends
        ]
        out.append(
            {"title": h.title, "question_id": h.question_id, "sessions": h.sessions, "read": h.read, "trends": trends}
        )
    return JSONResponse(out, headers=NO_STORE)


def busy_error() -> BusyError:
    return BusyError("Another answer is being recorded or analysed here; wait for it to finish and try again.")
