"""Who may talk to the server: the per-run token, the Host and Origin checks, the body limit.

One ASGI middleware in front of every route, HTTP and WebSocket alike, so no
handler can forget a check. The token (``secrets.token_urlsafe``, as Jupyter
does) arrives once as ``/?token=...`` and then travels as an HttpOnly,
SameSite=Strict cookie or an ``Authorization: Bearer`` header. The Host
header must name the address the server is bound to, and an Origin, when
the browser sends one, must be this server's: a page on another site, or a
DNS name rebound to 127.0.0.1, is refused with 403 before any handler runs.
"""

from __future__ import annotations

import ipaddress
import json
import re
import secrets
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from simulator.errors import BadInputError
from simulator.sessions.store import ID_SUFFIX_BYTES
from simulator.web.errors import AuthError, PayloadTooLargeError, error_body

TOKEN_BYTES = 32  # secrets.token_urlsafe(32): 43 characters, 256 bits
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
WILDCARD_HOSTS = ("0.0.0.0", "::", "")
LOGIN_PATH = "/"  # the only place the token is accepted as a query parameter
# The store's ids: UTC time (ID_TIME_FORMAT) and a random hex suffix; nothing else reaches a path.
SESSION_ID = re.compile(rf"\d{{8}}-\d{{6}}-[0-9a-f]{{{2 * ID_SUFFIX_BYTES}}}")

NO_TOKEN = "This needs the token of this run: open the URL that `mock-interview serve` printed."
BAD_TOKEN = "Wrong token: open the URL that `mock-interview serve` printed for this run."


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def check_session_id(value: str) -> str:
    """``value`` if it is a whole session id of the store, else BadInputError (no path is built from it)."""
    if not SESSION_ID.fullmatch(value or ""):
        raise BadInputError(f"{value[:40]!r} is not a session id (like 20261125-213301-ab12).")
    return value


def _host_part(host: str) -> str:
    return host.rpartition(":")[0] if host.count(":") == 1 or host.startswith("[") else host


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Guard:
    """The checks for one run of the server, bound to ``host``:``port`` with ``token``."""

    token: str
    port: int
    hosts: frozenset[str]  # acceptable Host headers, with the port ("127.0.0.1:8765")
    any_ip: bool = False  # bound to a wildcard address: any IP literal (never a DNS name) may be the Host

    @classmethod
    def for_bind(cls, host: str, port: int, token: str) -> Guard:
        names = set(LOOPBACK_NAMES)
        if host not in WILDCARD_HOSTS:
            names.add(f"[{host}]" if ":" in host else host)
        return cls(token, port, frozenset(f"{n}:{port}".lower() for n in names), any_ip=host in WILDCARD_HOSTS)

    @property
    def cookie(self) -> str:
        """The cookie's name carries the port: cookies are shared by every port of a host."""
        return f"mi_token_{self.port}"

    def host_ok(self, host: str | None) -> bool:
        host = (host or "").lower()
        if host in self.hosts:
            return True
        return self.any_ip and host.endswith(f":{self.port}") and _is_ip(_host_part(host))

    def origin_ok(self, origin: str | None) -> bool:
        """No Origin (a command-line client) is fine; a browser's must be this server's."""
        if origin is None:
            return True
        scheme, sep, host = origin.lower().partition("://")
        return scheme == "http" and bool(sep) and self.host_ok(host)

    def token_ok(self, given: str | None) -> bool:
        return given is not None and secrets.compare_digest(given.encode(), self.token.encode())

    def given_token(self, headers: dict[str, str]) -> str | None:
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            return auth[7:].strip()
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:  # noqa: BLE001 - a malformed Cookie header is no token
            return None
        return cookie[self.cookie].value if self.cookie in cookie else None

    def refusal(self, scope: dict) -> AuthError | None:
        """Why this request is refused (403 foreign host/origin, 401 no token, 403 wrong token), or None."""
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if not self.host_ok(headers.get("host")):
            return AuthError("Refused: the Host header does not name this server.", 403)
        if not self.origin_ok(headers.get("origin")):
            return AuthError("Refused: the request comes from another web site.", 403)
        if scope["type"] == "http" and scope["path"] == LOGIN_PATH and "token" in _query(scope):
            return None  # the page checks it, sets the cookie and redirects
        given = self.given_token(headers)
        if given is None:
            return AuthError(NO_TOKEN, 401)
        return None if self.token_ok(given) else AuthError(BAD_TOKEN, 403)


def _query(scope: dict) -> dict[str, list[str]]:
    return parse_qs(scope.get("query_string", b"").decode("latin-1"))


def login_token(scope: dict) -> str | None:
    values = _query(scope).get("token")
    return values[0] if values else None


class GuardMiddleware:
    """Refuses what ``Guard.refusal`` refuses, and request bodies over ``max_body`` bytes (413)."""

    def __init__(self, app, *, guard: Guard, max_body: int):
        self.app, self.guard, self.max_body = app, guard, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        refused = self.guard.refusal(scope)
        if refused is None and scope["type"] == "http":
            refused = self._too_large(scope)
            receive = self._counting(receive)
        if refused is None:
            return await self.app(scope, receive, send)
        await _refuse(scope, send, refused)

    def _too_large(self, scope: dict) -> PayloadTooLargeError | None:
        length = dict(scope.get("headers", [])).get(b"content-length", b"0")
        try:
            n = int(length)
        except ValueError:
            return BadInputError("The Content-Length header is not a number.")
        return self.limit_error(n) if n > self.max_body else None

    def limit_error(self, n: int) -> PayloadTooLargeError:
        return PayloadTooLargeError(
            f"The upload is {n / 1e6:.1f} MB; the limit is {self.max_body / 1e6:.0f} MB "
            "(trim the answer, or restart with a larger --max-upload-mb)."
        )

    def _counting(self, receive):
        """``receive`` that raises PayloadTooLargeError once the body passes the limit (a chunked upload)."""
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise self.limit_error(seen)
            return message

        return counted


async def _refuse(scope: dict, send, error: Exception) -> None:
    body, status = error_body(error)
    start = {
        "type": "http.response.start" if scope["type"] == "http" else "websocket.http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"), (b"cache-control", b"no-store")],
    }
    if scope["type"] == "websocket" and "websocket.http.response" not in scope.get("extensions", {}):
        await send({"type": "websocket.close", "code": 1008})  # the server cannot send a status: policy violation
        return
    kind = "http.response.body" if scope["type"] == "http" else "websocket.http.response.body"
    await send(start)
    await send({"type": kind, "body": json.dumps(body).encode()})
