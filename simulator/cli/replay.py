"""Replay a stored session: speak the question, play the answer, follow the transcript.

``text_replay`` gives the time-coded transcript with markers (``--no-audio``).
``follow_along`` plays the answer on the sound device and, on a terminal,
highlights the word being heard with a running time; Space pauses, the arrow
keys seek by SEEK_S, q quits. The raw-keyboard mode (termios) is only used
when stdin is a TTY and is always restored.
"""

from __future__ import annotations

import logging
import os
import select
import shutil
import sys
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from simulator.report.style import Style, clock
from simulator.report.tokens import PAUSE, SHOW_PAUSE_S, WORD, Token, tokens

if TYPE_CHECKING:
    from rich.text import Text

    from simulator.model.analysis import Analysis

log = logging.getLogger(__name__)

SEEK_S = 5.0  # s; one arrow key press
TICK_S = 0.05  # s; screen refresh and key poll interval
MAX_LINE_WORDS = 14  # a line also breaks after this many words
STAMP_WIDTH = 8  # columns of a [0:05.1] time code
END_GRACE_S = 3.0  # s; give up waiting for the device this long after the answer should have ended
STALL_S = 5.0  # s; playback that does not advance for this long (not paused) means the device hung
KEYS = {
    b" ": "pause",
    b"q": "quit",
    b"Q": "quit",
    b"\x1b[C": "forward",
    b"\x1b[D": "back",
    b"\x1bOC": "forward",
    b"\x1bOD": "back",
    b"\x03": "quit",
}


@dataclass
class Line:
    start: float | None
    tokens: list[Token] = field(default_factory=list)

    @property
    def end(self) -> float | None:
        ends = [t.end for t in self.tokens if t.end is not None]
        return max(ends) if ends else None


def lines(analysis: Analysis) -> list[Line]:
    """Lines for display: a break after a sentence end, around long pauses, or every MAX_LINE_WORDS words."""
    out: list[Line] = []
    current = Line(None)
    for tok in tokens(analysis):
        if tok.kind == PAUSE and tok.long:
            if current.tokens:
                out.append(current)
            out.append(Line(tok.start, [tok]))
            current = Line(None)
            continue
        if current.start is None:
            current.start = tok.start
        current.tokens.append(tok)
        n_words = sum(t.kind == WORD for t in current.tokens)
        if tok.kind == WORD and (tok.text.endswith((".", "?", "!")) or n_words >= MAX_LINE_WORDS):
            out.append(current)
            current = Line(None)
    if current.tokens:
        out.append(current)
    return out


def stamp(seconds: float | None) -> str:
    """[0:05.1]-style time code."""
    if seconds is None:
        return "[-:--.-]"
    return f"[{int(seconds // 60)}:{seconds % 60:04.1f}]"


def render_token(tok: Token, s: Style, *, now: bool = False) -> Text:
    if tok.kind == PAUSE:
        if tok.long:
            return s(f"‖‖ long pause {tok.text}", "red", "bold")
        return s(f"(pause {tok.text})", "cyan")
    text = f"[{tok.text}]" if tok.filler else tok.text
    if now:
        return s(text, "reverse")
    return s(text, "yellow") if tok.filler else s(text)


def render_line(line: Line, s: Style, *, now: Token | None = None, width: int | None = None) -> Text:
    """One line of tokens; with ``width``, a window around ``now`` that fits in that many columns."""
    toks = line.tokens
    if width is not None:
        plain = Style(False)
        keep = toks.index(now) if now in toks else 0
        lo, hi = 0, len(toks)
        while hi - lo > 1 and len(" ".join(render_token(t, plain).plain for t in toks[lo:hi])) > width:
            if keep - lo > hi - 1 - keep:
                lo += 1
            else:
                hi -= 1
        toks = toks[lo:hi]
    return s(" ").join(render_token(t, s, now=t is now) for t in toks)


def _markers(analysis: Analysis) -> str:
    if analysis.delivery is None:
        return "Markers: none (a written answer: no fillers or pauses were measured)"
    long_s = analysis.delivery.options.long_pause_s
    return f"Markers: [filler]  (pause ≥ {SHOW_PAUSE_S:g} s)  ‖‖ long pause ≥ {long_s:g} s"


def text_replay(analysis: Analysis, s: Style, *, session_id: str | None = None) -> list:
    """The time-coded transcript with fillers [um] and pauses marked (``replay --no-audio``), as Rich renderables.

    Each line wraps at words under its own start, after the time code.
    """
    out: list = [
        s(f"Replay of session {session_id or analysis.session_id or ''}", "bold"),
        s(f"Question: {analysis.question.text}"),
        s(_markers(analysis), "dim"),
        "",
    ]
    all_lines = lines(analysis)
    if not all_lines:
        out.append("(no transcript)")
    out.append(
        s.grid([(stamp(line.start), render_line(line, s)) for line in all_lines], label_width=STAMP_WIDTH, indent=0)
    )
    if analysis.audio is not None:
        out += ["", f"End of answer at {stamp(analysis.audio.duration_s)[1:-1]}."]
    return out


def parse_keys(data: bytes) -> list[str]:
    """Key actions in a chunk of raw terminal input (unknown bytes are ignored)."""
    actions, i = [], 0
    while i < len(data):
        for seq in sorted(KEYS, key=len, reverse=True):
            if data.startswith(seq, i):
                actions.append(KEYS[seq])
                i += len(seq)
                break
        else:
            i += 1
    return actions


class RawKeys:
    """cbreak mode on a TTY stdin for the duration of a ``with``; reads keys with a timeout."""

    def __init__(self, stream):
        self.stream = stream
        self.fd = None
        self._saved = None

    def __enter__(self) -> RawKeys:
        try:
            if self.stream is not None and self.stream.isatty():
                import termios
                import tty

                self.fd = self.stream.fileno()
                self._saved = termios.tcgetattr(self.fd)
                tty.setcbreak(self.fd)
        except (OSError, ValueError, AttributeError) as e:
            log.debug("no raw keyboard: %s", e)
            self.fd = None
        return self

    def read(self, timeout: float) -> list[str]:
        if self.fd is None:
            time.sleep(timeout)
            return []
        ready, _, _ = select.select([self.fd], [], [], timeout)
        return parse_keys(os.read(self.fd, 32)) if ready else []

    def __exit__(self, *exc) -> None:
        if self.fd is not None and self._saved is not None:
            import termios

            termios.tcsetattr(self.fd, termios.TCSADRAIN, self._saved)


def _where(all_lines: list[Line], t: float) -> tuple[int, Token | None]:
    """The line and word being heard at ``t``."""
    line_i, word = 0, None
    for i, line in enumerate(all_lines):
        if line.start is not None and line.start <= t + 1e-6:
            line_i = i
    for tok in all_lines[line_i].tokens if all_lines else []:
        if tok.start is not None and tok.start <= t:
            word = tok
    return line_i, word


def _speak(text: str, con, device=None) -> None:
    from simulator.errors import NoDeviceError

    try:
        from simulator.audio import tts

        tts.speak(text, device=device)
    except NoDeviceError as e:
        con.print(f"(Not speaking the question: {e})")


def follow_along(session, *, speak_question: bool = True, out=None, keys_from=None, device=None) -> float:
    """Play a stored session's answer and follow it in the terminal; returns the seconds played.

    Raises NoDeviceError when there is no sound output (the CLI suggests --no-audio).
    """
    from simulator.audio.player_stream import SeekablePlayer
    from simulator.errors import BadInputError
    from simulator.report.style import console, wants_color

    out = sys.stdout if out is None else out
    keys_from = sys.stdin if keys_from is None else keys_from
    if session.audio_path is None or not session.audio_path.exists():
        raise BadInputError(f"Session {session.id} has no recorded audio (a written answer); use --no-audio.")
    import soundfile as sf

    y, sr = sf.read(str(session.audio_path), dtype="float32", always_2d=True)
    player = SeekablePlayer(y.mean(axis=1), sr, device=device)
    analysis = session.analysis
    tty = bool(getattr(out, "isatty", lambda: False)())
    s = Style(wants_color(out))
    con = console(out, color=s.color)
    con.print(s.join(s(f"Replay of session {session.id}", "bold"), f" · {analysis.question.text}"))
    if tty:
        con.print(s("Space: pause/resume · ←/→: 5 s back/forward · q: quit", "dim"))
    if speak_question:
        _speak(analysis.question.text, con, device)
    started = time.monotonic()
    try:
        _loop(player, _Screen(lines(analysis), con, s, tty), keys_from)
    finally:
        player.close()
    return time.monotonic() - started


class _Screen:
    """What the follow-along shows: finished lines scroll up, the current one is redrawn in place."""

    def __init__(self, all_lines: list[Line], con, s: Style, tty: bool):
        self.lines, self.con, self.s, self.tty = all_lines, con, s, tty
        self.width = shutil.get_terminal_size((100, 24)).columns
        self.shown = -1

    def _clear(self) -> None:
        self.con.file.write("\r\033[K")

    def _timed(self, line: Line, body) -> None:
        self.con.print(self.s.grid([(stamp(line.start), body)], label_width=STAMP_WIDTH, indent=0))

    def finish_line(self) -> None:
        if self.tty and self.shown >= 0:  # keep the finished line, time-coded, in the scrollback
            line = self.lines[self.shown]
            self._clear()
            self._timed(line, render_line(line, self.s, width=self.width - STAMP_WIDTH - 2))
        self.shown = -1

    def note(self, text: str) -> None:
        self.finish_line()
        self.con.print(self.s(text, "dim"))

    def show(self, t: float, duration_s: float, paused: bool) -> None:
        if not self.lines:
            return
        line_i, word = _where(self.lines, t)
        if not self.tty:
            if line_i != self.shown:
                self._timed(self.lines[line_i], render_line(self.lines[line_i], self.s))
            self.shown = line_i
            return
        if line_i != self.shown:
            self.finish_line()
        state = self.s(" paused ", "reverse") if paused else ""
        head = f"{clock(t)}/{clock(duration_s)} "
        body = render_line(self.lines[line_i], self.s, now=word, width=self.width - len(head) - 10)
        self._clear()
        self.con.print(self.s.join(head, state, body), end="", soft_wrap=True)
        self.con.file.flush()
        self.shown = line_i


def _loop(player, screen: _Screen, keys_from) -> None:
    deadline = None
    last_t, last_move = -1.0, time.monotonic()
    player.start()
    with RawKeys(keys_from) as keys:
        while not player.finished:
            for action in keys.read(TICK_S):
                if action == "quit":
                    screen.finish_line()
                    return
                if action == "pause":
                    player.toggle_pause()
                elif action in ("forward", "back"):
                    before = player.position
                    after = player.seek(before + (SEEK_S if action == "forward" else -SEEK_S))
                    screen.note(f"  {'»' if after >= before else '«'} {clock(before)} → {clock(after)}")
            t = player.position
            if t != last_t or player.paused:
                last_t, last_move = t, time.monotonic()
            elif time.monotonic() - last_move > STALL_S:
                from simulator.errors import NoDeviceError

                raise NoDeviceError(
                    "The sound output stopped playing (device busy or gone); try again or use --no-audio."
                )
            if not player.paused and t >= player.duration_s - 1e-3:
                deadline = deadline or time.monotonic() + END_GRACE_S
                if time.monotonic() > deadline:
                    break
            screen.show(t, player.duration_s, player.paused)
    screen.finish_line()
    screen.con.print(f"Replay finished ({clock(player.duration_s)}).")
