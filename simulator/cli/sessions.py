"""Session commands (sessions, export, replay, history, report): registered on the main parser.

Output goes through Rich consoles (``simulator.report.style.console``): as
wide as the terminal, without escape codes off a terminal or with NO_COLOR.

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
WIDE_LISTING = 110  # columns from which the sessions listing adds a DATE (UTC) column


def _style():
    from simulator.report.style import Style, wants_color

    return Style(wants_color(sys.stdout))


def _cell(value, digits: int = 0) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def session_table(sessions, s, *, width: int):
    """The `sessions` listing as a Rich table, newest last, and a caption saying the times are UTC.

    Ids begin with the answer's UTC date and time; a terminal of WIDE_LISTING
    columns or more also gets them as a DATE (UTC) column.
    """
    from rich.table import Table

    from simulator.cli.takes import utc
    from simulator.report.style import clock

    wide = width >= WIDE_LISTING
    caption = "Dates are UTC, as in the ids." if wide else "Ids begin with the UTC date and time of the answer."
    table = Table(box=None, pad_edge=False, padding=(0, 1, 0, 0), header_style="bold" if s.color else "")
    table.add_column("ID", no_wrap=True)
    if wide:
        table.add_column("DATE (UTC)", no_wrap=True)
    table.add_column("QUESTION", ratio=1, min_width=12)
    for head in ("LENGTH", "WPM", "LONG PAUSES", "FILLERS /MIN", "SCORE"):
        table.add_column(head, justify="right", max_width=7)
    for x in sessions:
        status = "" if x.status == "complete" else f" ({x.status})"
        cells = [x.id] + [utc(x.created_at)] * wide + [(x.question_text or "-") + status]
        table.add_row(
            *cells,
            clock(x.duration_s) if x.duration_s is not None else "-",
            _cell(x.wpm),
            _cell(x.long_pauses),
            _cell(x.fillers_per_min, 1),
            _cell(x.content_score),
        )
    return [table, s(caption, "dim")]


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
    from simulator.report.style import console, show

    s = _style()
    shown: list = ["No sessions yet; run `mock-interview practice` to record one."]
    if sessions:
        shown = session_table(sessions, s, width=console(color=s.color).width)
    takes = kept_takes()
    if takes:
        from simulator.cli.takes import listing

        shown += [""] + listing(takes, s)
    show(shown, color=s.color)
    return 0


def kept_takes() -> list:
    """Takes cut off by a crash or Ctrl-C, not yet analysed (an unreadable folder only logs a warning)."""
    try:
        from simulator.audio.recording_file import list_interrupted

        return list_interrupted()
    except Exception as e:  # noqa: BLE001 - the listing must not fail because of a leftover file
        log.warning("could not look for interrupted recordings: %s", e)
        return []


def confirm(question: str, *, yes: bool) -> None:
    """Ask ``question`` on the terminal; BadInputError unless answered yes (``--yes`` skips the question)."""
    from simulator.errors import BadInputError

    if yes:
        return
    if sys.stdin is None or not sys.stdin.isatty():
        raise BadInputError("Not asking for confirmation without a terminal; add --yes to go ahead.")
    from simulator.report.style import show

    show(question)  # wrapped at words
    answer = input("[y/N] ").strip().lower()
    if answer not in ("y", "yes"):
        raise BadInputError("Nothing was deleted.")


def cmd_sessions_delete(args) -> int:
    from simulator.cli.takes import utc
    from simulator.errors import StorageError
    from simulator.sessions import store

    try:
        session = store.load_session(args.id)
        what = f"session {session.id} ({utc(session.created_at)} UTC, “{session.question_text}”)"
        ref = session.id
    except StorageError:  # a damaged session can still be deleted
        what, ref = f"session {args.id}", args.id
    confirm(f"Delete {what} and its audio?", yes=args.yes)
    session = store.delete_session(ref)
    print(f"Deleted session {session.id} (its audio and analysis are removed).")
    return 0


def cmd_sessions_discard(args) -> int:
    from simulator.audio.recording_file import discard_recording, find_leftover
    from simulator.cli.takes import question_text
    from simulator.report.style import clock

    take = find_leftover(args.id)
    confirm(f"Discard the take {take.id} ({clock(take.duration_s)}, “{question_text(take)}”)?", yes=args.yes)
    discard_recording(take.path)
    print(f"Discarded the take {take.id} (its recording is deleted).")
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
        from simulator.report.style import show

        s = _style()
        show(replay.text_replay(session.analysis, s, session_id=session.id), color=s.color)
        return 0
    from simulator.audio.player import device_info, import_sounddevice
    from simulator.cli.devices import check_device, parse_device
    from simulator.errors import NoDeviceError

    device = parse_device(args.output_device)
    check_device("output", device)  # a chosen device that is not there
    import_sounddevice()  # a missing PortAudio gets its own message
    if device_info("output", device) is None:
        raise NoDeviceError("No sound output device found; connect one, or read the transcript with --no-audio.")
    replay.follow_along(session, speak_question=not args.no_speak, device=device)
    return 0


def _kinds():
    """(kind of a listed session, kind labels): the bank's kind, else the kind its question text asks for."""
    from simulator.questions import load_kinds, load_questions

    bank = {q.id: q.kind for q in load_questions()}
    kinds = load_kinds()
    return (lambda x: bank.get(x.question_id) or kinds.detect(x.question_text or "")), kinds.labels


def cmd_history(args) -> int:
    from simulator.sessions import history, store

    sessions = store.list_sessions()
    if args.question:
        if args.question not in {x.question_id for x in sessions}:
            from simulator.questions import get_question

            get_question(args.question)  # an unknown id is bad input, as for `practice --question`
        sessions = [x for x in sessions if x.question_id == args.question]
        if not sessions:
            print(f"No sessions for question {args.question!r} yet; practise it with `--question {args.question}`.")
            return 0
    if not sessions:
        print("No sessions yet; run `mock-interview practice` to record one.")
        return 0
    kind_of, labels = _kinds()
    band = _latest_band(sessions[-1].id)
    items = history.histories(sessions, question_id=args.question, band=band, kind_of=kind_of, kind_labels=labels)
    from simulator.report.style import show

    s = _style()
    show(history.render(items, s), color=s.color)
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
        print_report(session.analysis, brief=args.brief)
        return 0
    target = Path(args.html).expanduser() if args.html else session.folder / REPORT_NAME
    write_report(session, target)
    print(f"Wrote the HTML report for session {session.id}: {target}")
    if args.open and not _open_in_browser(target):
        print("(No web browser could be opened; open the file yourself.)", file=sys.stderr)
    return 0


def print_report(analysis, *, brief: bool = False) -> None:
    """The terminal report on stdout, as wide as the terminal (80 columns when not a terminal)."""
    from simulator.report import report
    from simulator.report.style import show

    s = _style()
    show(report(analysis, s, brief=brief), color=s.color)


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
    p = sub.add_parser(
        "sessions", help="list stored sessions and kept takes (`sessions delete ID`, `discard ID`, `--rebuild`)"
    )
    p.add_argument("--rebuild", action="store_true", help="rebuild the sessions index from the session folders")
    p.add_argument("--json", action="store_true", help="print the listing as JSON")
    p.set_defaults(func=cmd_sessions)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    d = actions.add_parser("delete", help="delete a session and its audio (asks first)")
    d.add_argument("id", metavar="ID", help="session id (or a unique prefix, or `last`)")
    d.add_argument("--yes", action="store_true", help="do not ask for confirmation (for scripts)")
    d.set_defaults(func=cmd_sessions_delete)
    d = actions.add_parser("discard", help="discard an interrupted take that was kept (asks first)")
    d.add_argument("id", metavar="ID", help="take id from the `sessions` listing (or a unique prefix, or `last`)")
    d.add_argument("--yes", action="store_true", help="do not ask for confirmation (for scripts)")
    d.set_defaults(func=cmd_sessions_discard)

    p = sub.add_parser("export", help="copy a session (audio, analysis, HTML report) into a folder")
    p.add_argument("id", metavar="ID", help="session id, a unique prefix of it, or `last`")
    p.add_argument("dir", metavar="DIR", help="folder to export into (a subfolder named after the session is made)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("replay", help="hear a session again and follow its transcript")
    p.add_argument("id", metavar="ID", help="session id, a unique prefix of it, or `last`")
    p.add_argument("--no-audio", action="store_true", help="print the time-coded transcript instead of playing")
    p.add_argument("--no-speak", action="store_true", help="do not speak the question first")
    p.add_argument("--output-device", metavar="DEVICE", help="play on this device (see `mock-interview devices`)")
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
    p.add_argument("--brief", action="store_true", help="only the first screen: verdict, score, top three changes")
    p.set_defaults(func=cmd_report)
