"""The Starlette application: routes, the guard in front of them, one error mapping behind them."""

from __future__ import annotations

import asyncio
import contextlib
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles

from simulator import __version__
from simulator.asr.transcribe import TranscribeOptions
from simulator.audio.level_meter import SilenceOptions
from simulator.errors import MockInterviewError
from simulator.web import api, live
from simulator.web.errors import AuthError, error_body
from simulator.web.guard import BAD_TOKEN, Guard, GuardMiddleware, login_token
from simulator.web.limits import MAX_RECORD_S, MAX_UPLOAD_MB

HERE = Path(__file__).resolve().parent
# The page loads only its own files; the report comes from this server into the frame, the audio too.
PAGE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; "
    "connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
PAGE_HEADERS = {
    "content-security-policy": PAGE_CSP,
    "cache-control": "no-store",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
}


@dataclass(frozen=True)
class WebSettings:
    """One run of the server: where it listens, its token and its limits."""

    host: str
    port: int
    token: str
    max_upload_bytes: int = int(MAX_UPLOAD_MB * 1e6)
    max_record_s: float = MAX_RECORD_S
    silence_stop_s: float = SilenceOptions.silence_stop_s  # the recorder's default
    options: TranscribeOptions = field(default_factory=TranscribeOptions)
    warm: bool = True  # load the model at start, so the first answer does not wait for it


def _render_page(settings: WebSettings) -> str:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True)
    return env.get_template("index.html").render(
        version=__version__, max_record_s=settings.max_record_s, silence_stop_s=settings.silence_stop_s
    )


def page(request: Request):
    """The app page; ``/?token=...`` (the printed URL) sets the cookie and redirects to the clean URL."""
    guard: Guard = request.app.state.guard
    token = login_token(request.scope)
    if token is not None:
        if not guard.token_ok(token):
            raise AuthError(BAD_TOKEN, 403)
        response = RedirectResponse("/", status_code=303, headers={"cache-control": "no-store"})
        response.set_cookie(guard.cookie, token, httponly=True, samesite="strict", path="/")
        return response
    return HTMLResponse(request.app.state.page, headers=PAGE_HEADERS)


async def _error(request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, HTTPException):
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers={"cache-control": "no-store"})
    body, status = error_body(exc)
    return JSONResponse(body, status_code=status, headers={"cache-control": "no-store"})


def _routes() -> list:
    return [
        Route("/", page),
        Route("/api/questions", api.questions),
        Route("/api/questions/{question_id}/speech", api.question_speech),
        Route("/api/analyze", api.analyze, methods=["POST"]),
        Route("/api/sessions", api.sessions),
        Route("/api/sessions/{session_id}", api.session),
        Route("/api/sessions/{session_id}", api.delete_session, methods=["DELETE"]),
        Route("/api/sessions/{session_id}/audio", api.session_audio),
        Route("/api/history", api.history),
        Route("/sessions/{session_id}/report", api.session_report),
        WebSocketRoute("/api/record", live.record),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]


def create_app(settings: WebSettings) -> Starlette:
    """The application for one run; every route sits behind the token, Host, Origin and size checks."""
    guard = Guard.for_bind(settings.host, settings.port, settings.token)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        app.state.busy = asyncio.Lock()  # one answer at a time: the machine's cores go to it
        yield

    app = Starlette(
        routes=_routes(),
        middleware=[Middleware(GuardMiddleware, guard=guard, max_body=settings.max_upload_bytes)],
        exception_handlers={MockInterviewError: _error, HTTPException: _error, Exception: _error},
        lifespan=lifespan,
    )
    app.state.settings, app.state.guard = settings, guard
    app.state.page = _render_page(settings)
    app.state.warm = live.start_warm_up(settings.options) if settings.warm else _ready()
    return app


def _ready() -> Future:
    future: Future = Future()
    future.set_result(None)
    return future
