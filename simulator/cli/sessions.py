"""Session commands (sessions, export, replay, history, report): registered on the main parser.

Like simulator/cli/app.py this is command-line code: it prints. Library errors
(simulator.errors) propagate to ``cli.main``, which prints them in one line
and picks the exit code.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

REPORT_NAME = "report.html"  # written in the session folder unless a FILE is given
QUESTION_WIDTH = 34  # characters of the question shown in the listing


def _local(created_at: str | None) -> str:
    try:
        return datetime.fromisoformat(created_at).astimezone().strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return created_at or "-"


def _cell(value, digits: int = 0) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _short(text: str | None, width: int) -> str:
    text = text or "-"
    return text if len(text) <= width else text[: width - 1] + "…"


def session_table(sessions) -> list[str]:
    """The `sessions` listing: one line per session, newest last."""
    from simulator.report.style import clock

    head = (
        f"{'ID':<20}  {'DATE':<16}  {'QUESTION':<{QUESTION_WIDTH}}  {'LENGTH':>6}  {'WPM':>4}  "
        f"{'LONG PAUSES':>11}  {'FILLERS/MIN':>11}  {'SCORE':>5}"
    )
    lines = [head]
    for s in sessions:
        status = "" if s.status == "complete" else f"  ({s.status})"
        lines.append(
            f"{s.id:<20}  {_local(s.created_at):<16}  {_short(s.question_text, QUESTION_WIDTH):<{QUESTION_WIDTH}}  "
            f"{clock(s.duration_s) if s.duration_s is not None else '-':>6}  {_cell(s.wpm):>4}  "
            f"{_cell(s.long_pauses):>11}  {_cell(s.fillers_per_min, 1):>11}  {_cell(s.content_score):>5}{status}"
        )
    return lines


def _session_json(s) -> dict:
    return {
        "id": s.id,
        "created_at": s.created_at,
        "question_id": s.question_id,
        "question_text": s.question_text,
        "role": s.role,
        "company": s.company,
        "duration_s": s.duration_s,
        "wpm": s.wpm,
        "long_pauses": s.long_pauses,
        "fillers_per_min": s.fillers_per_min,
        "content_score": s.content_score,
        "status": s.status,
        "folder": str(s.folder),
        "audio_path": str(s.audio_path) if s.audio_path else None,
    }


def cmd_sessions(args) -> int:
    from simulator.sessions import store

    if args.rebuild:
        result = store.rebuild_index()
        moved = f" The previous index was moved to {result.old_index}." if result.old_index else ""
        print(f"Rebuilt the sessions index: {result.indexed} session(s).{moved}")
        if result.skipped:
            print(f"Left {len(result.skipped)} incomplete folder(s) out: {', '.join(result.skipped)}")
        return 0
    sessions = store.list_sessions()
    if args.json:
        print(json.dumps([_session_json(s) for s in sessions], indent=2, ensure_ascii=False))
        return 0
    if not sessions:
        print("No sessions yet; run `mock-interview practice` to record one.")
    else:
        print("\n".join(session_table(sessions)))
    leftovers = interrupted_lines()
    if leftovers:
        print("\n".join([""] + leftovers))
    return 0


def interrupted_lines() -> list[str]:
    """Recordings cut off by a crash or Ctrl-C, not yet analysed (shown under the listing)."""
    from simulator.report.style import clock

    try:
        from simulator.audio.recording_file import list_interrupted

        found = list_interrupted()
    except Exception as e:  # noqa: BLE001 - the listing must not fail because of a leftover file
        log.warning("could not look for interrupted recordings: %s", e)
        return []
    if not found:
        return []
    lines = ["Interrupted recordings (kept, not analysed yet; analyse one with `mock-interview analyze FILE --save`):"]
    for rec in found:
        lines.append(f"  {_local(rec.recorded_at)}  {clock(rec.duration_s):>5}  (interrupted)  {rec.path}")
    return lines


def cmd_sessions_delete(args) -> int:
    from simulator.sessions import store

    session = store.delete_session(args.id)
    print(f"Deleted session {session.id} (its audio and analysis are removed).")
    return 0


def cmd_export(args) -> int:
    from simulator.sessions import store

    folder = store.export_session(args.id, args.dir)
    write_report(store.load_session(folder.name), folder / REPORT_NAME)
    print(f"Exported session {folder.name} to {folder} (answer audio, analysis.json, {REPORT_NAME}).")
    return 0


def cmd_replay(args) -> int:
    from simulator.cli import replay
    from simulator.sessions import store

    session = store.load_session(args.id)
    if args.no_audio:
        from simulator.report.style import Style

        print("\n".join(replay.text_replay(session.analysis, Style(sys.stdout.isatty()), session_id=session.id)))
        return 0
    replay.follow_along(session, speak_question=not args.no_speak)
    return 0


def cmd_history(args) -> int:
    from simulator.report.style import Style
    from simulator.sessions import history, store

    sessions = store.list_sessions()
    if args.question:
        sessions = [s for s in sessions if s.question_id == args.question]
        if not sessions:
            print(f"No sessions for question {args.question!r} yet; see `mock-interview questions`.")
            return 0
    if not sessions:
        print("No sessions yet; run `mock-interview practice` to record one.")
        return 0
    items = history.histories(sessions, question_id=args.question, band=_latest_band(sessions[-1].id))
    print("\n".join(history.render(items, Style(sys.stdout.isatty()))))
    return 0


def _latest_band(session_id: str) -> tuple[float, float] | None:
    """The pace band the latest analysis used (None: it has no delivery part, or cannot be read)."""
    from simulator.errors import StorageError
    from simulator.sessions import store

    try:
        delivery = store.load_session(session_id).analysis.delivery
    except StorageError as e:
        log.warning("%s", e)
        return None
    return (delivery.options.pace_min_wpm, delivery.options.pace_max_wpm) if delivery else None


def write_report(session, path: Path) -> Path:
    """Write the session's HTML report to ``path`` (owner-only, atomically)."""
    from simulator.atomic import write_atomic
    from simulator.errors import StorageError
    from simulator.report.html import session_html

    if session.analysis is None:  # a listing row: load its analysis
        from simulator.sessions.store import load_session

        session = load_session(session.id)
    try:
        write_atomic(Path(path), session_html(session).encode("utf-8"))
    except OSError as e:
        raise StorageError(
            f"Could not write the report {path} ({e.strerror or e}); check the folder and free space."
        ) from e
    return Path(path)


def _open_in_browser(path: Path) -> bool:
    import webbrowser

    try:
        return bool(webbrowser.open(path.resolve().as_uri()))
    except Exception as e:  # noqa: BLE001 - best effort: no browser is not an error
        log.info("could not open a browser: %s", e)
        return False


def cmd_report(args) -> int:
    """The terminal report of a stored session; with --html (or --open) its HTML page instead."""
    from simulator.sessions import store

    session = store.load_session(args.id)
    if args.html is None and not args.open:
        from simulator.report import render_text

        print(render_text(session.analysis, color=sys.stdout.isatty()))
        return 0
    target = Path(args.html).expanduser() if args.html else session.folder / REPORT_NAME
    write_report(session, target)
    print(f"Wrote the HTML report for session {session.id}: {target}")
    if args.open and not _open_in_browser(target):
        print("(No web browser could be opened; open the file yourself.)", file=sys.stderr)
    return 0


def open_report(session_id: str) -> Path | None:
    """Write the session's report into its folder and open it in a browser (best effort)."""
    from simulator.errors import MockInterviewError
    from simulator.sessions import store

    try:
        session = store.load_session(session_id)
        path = write_report(session, session.folder / REPORT_NAME)
    except MockInterviewError as e:
        print(f"(Could not write the HTML report: {e})", file=sys.stderr)
        return None
    if not _open_in_browser(path):
        print(f"(No web browser could be opened; the report is at {path})", file=sys.stderr)
    else:
        print(f"Opened the report: {path}", file=sys.stderr)
    return path


def register(sub) -> None:
    """Add the session subcommands to the main parser's subparsers."""
    p = sub.add_parser("sessions", help="list stored sessions (`sessions delete ID`, `sessions --rebuild`)")
    p.add_argument("--rebuild", action="store_true", help="rebuild the sessions index from the session folders")
    p.add_argument("--json", action="store_true", help="print the listing as JSON")
    p.set_defaults(func=cmd_sessions)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    d = actions.add_parser("delete", help="delete a session and its audio")
    d.add_argument("id", metavar="ID", help="session id (or a unique prefix, or `last`)")
    d.set_defaults(func=cmd_sessions_delete)

    p = sub.add_parser("export", help="copy a session (audio, analysis, HTML report) into a folder")
    p.add_argument("id", metavar="ID", help="session id, a unique prefix of it, or `last`")
    p.add_argument("dir", metavar="DIR", help="folder to export into (a subfolder named after the session is made)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("replay", help="hear a session again and follow its transcript")
    p.add_argument("id", metavar="ID", help="session id, a unique prefix of it, or `last`")
    p.add_argument("--no-audio", action="store_true", help="print the time-coded transcript instead of playing")
    p.add_argument("--no-speak", action="store_true", help="do not speak the question first")
    p.set_defaults(func=cmd_replay)

    p = sub.add_parser("history", help="trends across sessions: pace, long pauses, fillers, content score")
    p.add_argument("--question", metavar="ID", help="only this question's sessions")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser(
        "report", help="print a session's report; --html writes its self-contained HTML page (--open opens it)"
    )
    p.add_argument("id", metavar="ID", help="session id, a unique prefix of it, or `last`")
    p.add_argument(
        "--html",
        nargs="?",
        const="",
        default=None,
        metavar="FILE",
        help=f"write the HTML report instead, to FILE (default: {REPORT_NAME} in the session folder)",
    )
    p.add_argument("--open", action="store_true", help="write the HTML report and open it in a web browser")
    p.set_defaults(func=cmd_report)
