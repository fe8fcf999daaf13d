"""Child process that synthesises one utterance to a WAV file with pyttsx3.

    python -m simulator.audio.tts_worker [--rate WPM] [--voice ID] -- TEXT OUT.wav

Run by simulator.audio.tts in a child process, with stdout and stderr captured,
because pyttsx3 2.99 prints to stdout and misbehaves when reused in one
process (the first runAndWait() may return before the work is done, only the
last queued item is processed, and after save_to_file() later say() calls
overwrite that file). One process per utterance sidesteps all of that.

Exit codes: 0 written; 2 pyttsx3/espeak-ng missing; 3 synthesis produced no file.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

WAIT_FOR_FILE_S = 10.0  # s; how long to wait for the WAV after runAndWait() returns
POLL_S = 0.02  # s
STABLE_S = 0.1  # s; espeak-ng can pause writing for tens of ms mid-file, so 20 ms of no growth cut questions short
EXIT_MISSING = 2
EXIT_NO_OUTPUT = 3


def _file_ready(path: str) -> bool:
    """True once the WAV exists with at least a header and has not grown for STABLE_S."""
    try:
        size = os.path.getsize(path)
    except OSError:
        return False
    if size <= 44:
        return False
    time.sleep(STABLE_S)
    return os.path.getsize(path) == size


def synthesize(text: str, out: str, *, rate_wpm: int, voice: str | None) -> bool:
    import pyttsx3

    engine = pyttsx3.init()
    engine.setProperty("rate", int(rate_wpm))
    if voice:
        engine.setProperty("voice", voice)
    for _attempt in range(2):  # a second runAndWait() if the first returned early with nothing
        engine.save_to_file(text, out)
        engine.runAndWait()
        deadline = time.monotonic() + WAIT_FOR_FILE_S
        while time.monotonic() < deadline:
            if _file_ready(out):
                return True
            time.sleep(POLL_S)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m simulator.audio.tts_worker")
    parser.add_argument("--rate", type=int, default=150, help="words per minute")
    parser.add_argument("--voice", default=None, help="espeak-ng voice id, e.g. en-us")
    parser.add_argument("text")
    parser.add_argument("out")
    args = parser.parse_args(argv)
    # Whatever pyttsx3 or espeak-ng print goes to stderr, never to our stdout.
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    try:
        ok = synthesize(args.text, args.out, rate_wpm=args.rate, voice=args.voice)
    except (ImportError, OSError, RuntimeError) as e:
        print(f"tts_worker: text-to-speech unavailable: {type(e).__name__}: {e}", file=sys.stderr)
        return EXIT_MISSING
    return 0 if ok else EXIT_NO_OUTPUT


if __name__ == "__main__":
    sys.exit(main())
