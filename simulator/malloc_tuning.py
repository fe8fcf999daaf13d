"""One glibc malloc arena, so every thread reuses the memory others freed.

glibc gives each thread that allocates its own arena (up to 8 per core), and
memory freed in one arena is not reused by another. Each decoding thread's
encoder pass allocates about 100 MB for a moment (attention over Whisper's
1500 frames), beside the NLP loader and the main thread. With the default
arenas a 180 s answer peaked about 90 MB higher (bench/bench_engines.py);
two arenas left it at 406-429 MB, one at 384-396 MB (Xeon, 8 alternating
runs of `analyze`, with no change in wall time: allocation here is rare and
large, not contended). ``limit_malloc_arenas`` is called once by the CLI (the
application), never by library code; ``trim_heap`` by the pipeline once the
speech model is dropped (``analyze_audio(release_model=True)``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging

log = logging.getLogger(__name__)

M_ARENA_MAX = -8  # mallopt() parameter number in glibc's malloc.h
MALLOC_ARENAS = 1


def trim_heap() -> bool:
    """Return the heap's free pages to the system (glibc ``malloc_trim``); False elsewhere."""
    name = ctypes.util.find_library("c")
    try:
        return bool(name and ctypes.CDLL(name).malloc_trim(0))
    except (OSError, AttributeError):
        return False


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
