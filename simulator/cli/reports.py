"""Reports of stored answers and interviews: printed on the terminal, or written as HTML and opened.

Command-line code: it prints. Rich and the renderers are imported inside the functions.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

log = logging.getLogger(__name__)

REPORT_NAME = "report.html"  # written in the session (or interview) folder unless a FILE is given


def _style():
    from simulator.report.style import Style, wants_color

    return Style(wants_color(sys.stdout))


def _write_page(path: Path, html: str) -> Path:
    """Write an HTML report to ``path`` (owner-only, atomically)."""
    from simulator.atomic import write_atomic
    from simulator.errors import StorageError

    try:
        write_atomic(Path(path), html.encode("utf-8"))
    except OSError as e:
        raise StorageError(
            f"Could not write the report {path} ({e.strerror or e}); check the folder and free space."
        ) from e
    return Path(path)


def write_report(session, path: Path) -> Path:
    """Write the session's HTML report to ``path`` (owner-only, atomically)."""
    from simulator.report.html import session_html

    if session.analysis is None:  # a listing row: load its analysis
        from simulator.sessions.store import load_session

        session = load_session(session.id)
    return _write_page(path, session_html(session))


def write_interview_report(ref: str, path: Path) -> Path:
    """Write an interview's HTML report, every answer's audio embedded."""
    from simulator.report.interview_html import interview_html
    from simulator.sessions import interviews, store

    doc = interviews.document(ref)
    audio = {s.id: s.audio_path for s in store.list_sessions(interview_id=doc.interview_id)}
    return _write_page(path, interview_html(doc, audio_for=audio.get))


def print_report(analysis, *, brief: bool = False) -> None:
    """The terminal report on stdout, as wide as the terminal (80 columns when not a terminal)."""
    from simulator.report import report
    from simulator.report.style import show

    s = _style()
    show(report(analysis, s, brief=brief), color=s.color)


def print_interview(document) -> None:
    """An interview's terminal report on stdout, as wide as the terminal."""
    from simulator.report.interview_text import interview_report
    from simulator.report.style import show

    s = _style()
    show(interview_report(document, s), color=s.color)


def _reportable(ref: str):
    """What `report` shows of an id: (kind, id, terminal printer, HTML writer, default HTML path)."""
    from simulator.sessions import interviews, store

    kind, ref = interviews.resolve(ref)
    if kind == interviews.INTERVIEW:
        row, _ = interviews.load_interview(ref)
        return (
            kind,
            ref,
            lambda brief: print_interview(interviews.document(ref)),
            lambda path: write_interview_report(ref, path),
            row.folder / REPORT_NAME,
        )
    session = store.load_session(ref)
    return (
        kind,
        session.id,
        lambda brief: print_report(session.analysis, brief=brief),
        lambda path: write_report(session, path),
        session.folder / REPORT_NAME,
    )


def _open_in_browser(path: Path) -> bool:
    import webbrowser

    try:
        return bool(webbrowser.open(path.resolve().as_uri()))
    except Exception as e:  # noqa: BLE001 - best effort: no browser is not an error
        log.info("could not open a browser: %s", e)
        return False


def cmd_report(args) -> int:
    """The terminal report of a stored session or interview; with --html (or --open) its HTML page instead."""
    kind, ref, show, write, default = _reportable(args.id)
    if args.html is None and not args.open:
        show(args.brief)
        return 0
    target = Path(args.html).expanduser() if args.html else default
    write(target)
    print(f"Wrote the HTML report for {kind} {ref}: {target}")
    if args.open and not _open_in_browser(target):
        print("(No web browser could be opened; open the file yourself.)", file=sys.stderr)
    return 0


def open_report(ref: str) -> Path | None:
    """Write the report of a session or interview into its folder and open it in a browser (best effort)."""
    from simulator.errors import MockInterviewError

    try:
        _, _, _, write, default = _reportable(ref)
        path = write(default)
    except MockInterviewError as e:
        print(f"(Could not write the HTML report: {e})", file=sys.stderr)
        return None
    if not _open_in_browser(path):
        print(f"(No web browser could be opened; the report is at {path})", file=sys.stderr)
    else:
        print(f"Opened the report: {path}", file=sys.stderr)
    return path
