"""Loaded (via PYTHONPATH) by tests/test_privacy.py: every socket creation fails
and is logged to $NETBLOCK_LOG, so any attempt to reach the network is seen."""

import os
import socket
import traceback

_real_socket = socket.socket


def _log(what: str) -> None:
    with open(os.environ["NETBLOCK_LOG"], "a") as log:
        log.write(f"{what}\n{''.join(traceback.format_stack(limit=10))}\n")


class _BlockedSocket(_real_socket):
    def __init__(self, *args, **kwargs):
        _log(f"socket{args!r}")
        raise OSError(101, "Network is unreachable (blocked by the privacy test)")


def _refuse(name):
    def refuse(*args, **kwargs):
        _log(f"{name}{args!r}")
        raise OSError(101, "Network is unreachable (blocked by the privacy test)")

    return refuse


socket.socket = _BlockedSocket
for _name in ("create_connection", "getaddrinfo", "socketpair", "gethostbyname"):
    setattr(socket, _name, _refuse(_name))
