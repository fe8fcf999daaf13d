"""Fewer glibc malloc arenas, so decoding threads share freed memory.

glibc gives each thread that allocates its own arena (up to 8 per core), and
memory freed in one arena is not reused by another. With two decoding
threads, the NLP loader and the main thread, a 180 s answer peaked about
90 MB higher (bench/bench_engines.py). Two arenas keep that down; allocation
here is not contended enough for it to cost time. Called once by the CLI
(the application), never by library code.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

log = logging.getLogger(__name__)

M_ARENA_MAX = -8  # mallopt() parameter number in glibc's malloc.h
MALLOC_ARENAS = 2


def limit_malloc_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """Ask glibc for at most ``arenas`` malloc arenas; False where that is not glibc."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        ok = bool(libc is not None and libc.mallopt(M_ARENA_MAX, arenas))
    except (OSError, AttributeError):  # not glibc (musl, macOS): leave the allocator alone
        ok = False
    log.debug("malloc arenas limited to %d: %s", arenas, ok)
    return ok
