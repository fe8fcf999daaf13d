"""``mock-interview serve``: bind, print the URL with this run's token, open a browser, run uvicorn.

The socket is bound here, before uvicorn starts, so that a free port (port 0)
is known in time for the URL and for the Host check.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import sys
from typing import TYPE_CHECKING

from simulator.errors import BadInputError, MockInterviewError
from simulator.web.limits import MAX_UPLOAD_MB

if TYPE_CHECKING:
    from simulator.asr.engine import TranscribeOptions

log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
BACKLOG = 128  # pending connections (the page, its files and the API at once)
WS_MAX_BYTES = 1 << 20  # the largest WebSocket message uvicorn accepts; an audio block is far smaller
MISSING = (
    "The web app needs starlette, uvicorn, python-multipart and websockets ({name} is missing); "
    "reinstall mock-interview (pip install -e .) to get them."
)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_warning(host: str, port: int) -> str | None:
    """What to tell the user when the server is reachable from other machines."""
    if is_loopback(host):
        return None
    return (
        f"Warning: listening on {host}, not only on this machine; anyone who can reach port {port} and "
        "has the token can use it, and browsers allow the microphone only on http://127.0.0.1 or localhost."
    )


def bind(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host``:``port`` (0: a free port); BadInputError when that is taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(BACKLOG)  # connections made before uvicorn has started wait instead of being refused
    except OSError as e:
        sock.close()
        raise BadInputError(
            f"Cannot listen on {host}:{port} ({e.strerror or e}); "
            "choose another --port, or leave it out for a free one."
        ) from e
    return sock


def page_url(host: str, port: int, token: str) -> str:
    """The URL to open: a wildcard bind is reached on the loopback address."""
    shown = LOOPBACK if host in ("0.0.0.0", "::", "") else f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/?token={token}"


def _require_web_packages() -> None:
    from importlib.util import find_spec

    for name in ("starlette", "uvicorn", "python_multipart", "websockets"):
        if find_spec(name) is None:
            raise MockInterviewError(MISSING.format(name=name))


def serve(
    *,
    host: str | None = None,
    port: int = 0,
    open_browser: bool = True,
    max_upload_mb: float = MAX_UPLOAD_MB,
    options: TranscribeOptions | None = None,
    out=None,
) -> int:
    """Run the web app until Ctrl-C or SIGTERM; ``host`` None binds the loopback address only.

    A missing model is named before the port is bound, not when the first answer is analysed.
    """
    _require_web_packages()
    import uvicorn

    from simulator.asr.engine import TranscribeOptions
    from simulator.asr.models import model_folder

    options = options or TranscribeOptions()
    model_folder(options)

    from simulator.web.app import WebSettings, create_app
    from simulator.web.guard import new_token

    out = out or sys.stdout
    bind_host = host or LOOPBACK
    sock = bind(bind_host, port)
    port = sock.getsockname()[1]
    settings = WebSettings(bind_host, port, new_token(), max_upload_bytes=int(max_upload_mb * 1e6), options=options)
    app = create_app(settings)
    url = page_url(bind_host, port, settings.token)
    warning = host_warning(bind_host, port)
    if warning:
        print(warning, file=sys.stderr)
    print(f"mock-interview is serving on {url}\nKeep the token private; stop the server with Ctrl-C.", file=out)
    out.flush()
    if open_browser:
        _open(url)
    config = uvicorn.Config(app, log_config=None, access_log=False, lifespan="on", ws_max_size=WS_MAX_BYTES)
    uvicorn.Server(config).run(sockets=[sock])
    return 0


def _open(url: str) -> None:
    import webbrowser

    try:
        if not webbrowser.open(url):
            print("(No web browser could be opened; open the URL above yourself.)", file=sys.stderr)
    except Exception as e:  # noqa: BLE001 - best effort: no browser is not an error
        log.info("could not open a browser: %s", e)
