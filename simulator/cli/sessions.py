"""Session commands (sessions, export, replay, history, report): registered on the main parser.

Each command that takes an ID takes a practice session's, an interview answer's or a whole interview's.

Like simulator/cli/app.py this is command-line code: it prints. Library errors
(simulator.errors) propagate to ``cli.main``, which prints them in one line
and picks the exit code.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

log = logging.getLogger(__name__)

REPORT_NAME = "report.html"  # written in the session folder unless a FILE is given


def cmd_sessions(args) -> int:
    from simulator.cli.listing import interview_json, is_interview, listing, session_json, session_table
    from simulator.sessions import interviews, store

    if args.rebuild:
        result, count = interviews.rebuild_index()
        moved = f" The previous index was moved to {result.old_index}." if result.old_index else ""
        grouped = f" {count} interview(s) grouping them." if count else ""
        print(f"Rebuilt the sessions index: {result.indexed} session(s).{grouped}{moved}")
        if result.skipped:
            print(f"Left {len(result.skipped)} incomplete folder(s) out: {', '.join(result.skipped)}")
        return 0
    sessions, rows = store.list_sessions(), interviews.list_interviews()
    if args.json:
        listed = [interview_json(x) if is_interview(x) else session_json(x) for x in listing(sessions, rows)]
        print(json.dumps(listed, indent=2, ensure_ascii=False))
        return 0
    if not sessions and not rows:
        print("No sessions yet; run `mock-interview practice` to record one.")
    else:
        print("\n".join(session_table(sessions, rows)))
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
    from simulator.cli.listing import local

    lines = ["Interrupted recordings (kept, not analysed yet; analyse one with `mock-interview analyze FILE --save`):"]
    for rec in found:
        lines.append(f"  {local(rec.recorded_at)}  {clock(rec.duration_s):>5}  (interrupted)  {rec.path}")
    return lines


def cmd_sessions_delete(args) -> int:
    from simulator.sessions import interviews, store

    what, ref = interviews.resolve(args.id)
    if what == interviews.INTERVIEW:
        row, gone = interviews.delete_interview(ref)
        print(f"Deleted interview {row.id} and its {len(gone)} answer session(s), audio included.")
        return 0
    session = store.delete_session(ref)
    interviews.forget_session(session)
    print(f"Deleted session {session.id} (its audio and analysis are removed).")
    return 0


def cmd_export(args) -> int:
    from simulator.sessions import interviews, store

    what, ref = interviews.resolve(args.id)
    if what == interviews.INTERVIEW:
        folder, record = interviews.export_interview(ref, args.dir)
        for sid in interviews.session_ids(record):
            write_report(store.load_session(sid), folder / sid / REPORT_NAME)
        write_interview_report(ref, folder / REPORT_NAME)
        print(f"Exported interview {ref} to {folder} ({interviews.RECORD_NAME}, {REPORT_NAME}, a folder per answer).")
        return 0
    folder = store.export_session(ref, args.dir)
    write_report(store.load_session(folder.name), folder / REPORT_NAME)
    print(f"Exported session {folder.name} to {folder} (answer audio, analysis.json, {REPORT_NAME}).")
    return 0


def cmd_replay(args) -> int:
    from simulator.cli import replay
    from simulator.report.style import Style
    from simulator.sessions import interviews, store

    what, ref = interviews.resolve(args.id)
    if what == interviews.INTERVIEW:
        _, record = interviews.load_interview(ref)
        sessions = [store.load_session(sid) for sid in interviews.session_ids(record)]
    else:
        sessions = [store.load_session(ref)]
    for session in sessions:
        if args.no_audio:
            lines = replay.text_replay(session.analysis, Style(sys.stdout.isatty()), session_id=session.id)
            print("\n".join(lines + ([""] if len(sessions) > 1 else [])))
        else:
            replay.follow_along(session, speak_question=not args.no_speak)
    return 0


def cmd_history(args) -> int:
    from simulator.report.style import Style
    from simulator.sessions import history, store

    sessions = [s for s in store.list_sessions() if s.part != "follow_up"]  # a follow-up is not a whole answer
    if args.question:
        sessions = [s for s in sessions if s.question_id == args.question]
        if not sessions:
            print(f"No sessions for question {args.question!r} yet; see `mock-interview questions`.")
            return 0
    if not sessions:
        print("No sessions yet; run `mock-interview practice` to record one.")
        return 0
    kinds = _kinds(sessions)
    items = history.histories(sessions, question_id=args.question, band=_latest_band(sessions[-1].id), kinds=kinds)
    print("\n".join(history.render(items, Style(sys.stdout.isatty()))))
    return 0


def _kinds(sessions) -> dict[str, str]:
    """Session id -> the kind of its question; sessions stored before kinds were indexed take the bank's."""
    from simulator.errors import ConfigError
    from simulator.questions import load_kinds, load_questions

    try:
        bank = {q.id: q.kind for q in load_questions()}
        labels = load_kinds().labels
    except ConfigError:
        bank, labels = {}, {}
    return {s.id: labels.get(k, k) for s in sessions if (k := s.question_kind or bank.get(s.question_id))}


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
    from simulator.report.html import session_html

    if session.analysis is None:  # a listing row: load its analysis
        from simulator.sessions.store import load_session

        session = load_session(session.id)
    return _write_page(path, session_html(session))


def _open_in_browser(path: Path) -> bool:
    import webbrowser

    try:
        return bool(webbrowser.open(path.resolve().as_uri()))
    except Exception as e:  # noqa: BLE001 - best effort: no browser is not an error
        log.info("could not open a browser: %s", e)
        return False


def _write_page(path: Path, html: str) -> Path:
    """Write an HTML report to ``path`` (owner-only, atomically)."""
    from simulator.errors import StorageError
    from simulator.sessions.store import write_atomic

    try:
        write_atomic(Path(path), html.encode("utf-8"))
    except OSError as e:
        raise StorageError(
            f"Could not write the report {path} ({e.strerror or e}); check the folder and free space."
        ) from e
    return Path(path)


def write_interview_report(ref: str, path: Path) -> Path:
    """Write an interview's HTML report, every answer's audio embedded."""
    from simulator.report.interview_html import interview_html
    from simulator.sessions import interviews, store

    doc = interviews.document(ref)
    audio = {s.id: s.audio_path for s in store.list_sessions(interview_id=doc.interview_id)}
    return _write_page(path, interview_html(doc, audio_for=audio.get))


def _reportable(ref: str):
    """What `report` shows of an id: (kind, id, terminal text function, HTML writer, default HTML path)."""
    from simulator.sessions import interviews, store

    what, ref = interviews.resolve(ref)
    if what == interviews.INTERVIEW:
        from simulator.report.interview_text import render_interview

        row, _ = interviews.load_interview(ref)
        return (
            what,
            ref,
            lambda color: render_interview(interviews.document(ref), color=color),
            lambda path: write_interview_report(ref, path),
            row.folder / REPORT_NAME,
        )
    from simulator.report import render_text

    session = store.load_session(ref)
    return (
        what,
        ref,
        lambda color: render_text(session.analysis, color=color),
        lambda path: write_report(session, path),
        session.folder / REPORT_NAME,
    )


def cmd_report(args) -> int:
    """The terminal report of a stored session or interview; with --html (or --open) its HTML page instead."""
    what, ref, text, write, default = _reportable(args.id)
    if args.html is None and not args.open:
        print(text(sys.stdout.isatty()))
        return 0
    target = Path(args.html).expanduser() if args.html else default
    write(target)
    print(f"Wrote the HTML report for {what} {ref}: {target}")
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


def register(sub) -> None:
    """Add the session subcommands to the main parser's subparsers."""
    p = sub.add_parser("sessions", help="list stored sessions (`sessions delete ID`, `sessions --rebuild`)")
    p.add_argument("--rebuild", action="store_true", help="rebuild the sessions index from the session folders")
    p.add_argument("--json", action="store_true", help="print the listing as JSON")
    p.set_defaults(func=cmd_sessions)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    d = actions.add_parser("delete", help="delete a session and its audio")
    d.add_argument("id", metavar="ID", help="session or interview id (or a unique prefix, or `last`)")
    d.set_defaults(func=cmd_sessions_delete)

    p = sub.add_parser("export", help="copy a session (audio, analysis, HTML report) into a folder")
    p.add_argument("id", metavar="ID", help="session or interview id, a unique prefix of it, or `last`")
    p.add_argument("dir", metavar="DIR", help="folder to export into (a subfolder named after the session is made)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("replay", help="hear a session again and follow its transcript")
    p.add_argument("id", metavar="ID", help="session or interview id, a unique prefix of it, or `last`")
    p.add_argument("--no-audio", action="store_true", help="print the time-coded transcript instead of playing")
    p.add_argument("--no-speak", action="store_true", help="do not speak the question first")
    p.set_defaults(func=cmd_replay)

    p = sub.add_parser("history", help="trends across sessions: pace, long pauses, fillers, content score")
    p.add_argument("--question", metavar="ID", help="only this question's sessions")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser(
        "report", help="print a session's report; --html writes its self-contained HTML page (--open opens it)"
    )
    p.add_argument("id", metavar="ID", help="session or interview id, a unique prefix of it, or `last`")
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
