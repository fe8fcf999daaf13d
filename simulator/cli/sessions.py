"""Session commands (sessions, export, replay, history, report): registered on the main parser.

Each command that takes an ID takes a practice session's, an interview answer's or a whole interview's.

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

log = logging.getLogger(__name__)


def _style():
    from simulator.report.style import Style, wants_color

    return Style(wants_color(sys.stdout))


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
    from simulator.report.style import console, show

    s = _style()
    shown: list = ["No sessions yet; run `mock-interview practice` to record one."]
    if sessions or rows:
        shown = session_table(sessions, s, width=console(color=s.color).width, interviews=rows)
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
    from simulator.sessions import interviews, store

    kind, ref = interviews.resolve(args.id)
    if kind == interviews.INTERVIEW:
        row, _ = interviews.load_interview(ref)
        confirm(f"Delete interview {row.id} ({utc(row.created_at)} UTC) and all its answers?", yes=args.yes)
        row, gone = interviews.delete_interview(ref)
        print(f"Deleted interview {row.id} and its {len(gone)} answer session(s), audio included.")
        return 0
    try:
        session = store.load_session(ref)
        what = f"session {session.id} ({utc(session.created_at)} UTC, “{session.question_text}”)"
        ref = session.id
    except StorageError:  # a damaged session can still be deleted
        what = f"session {ref}"
    confirm(f"Delete {what} and its audio?", yes=args.yes)
    session = store.delete_session(ref)
    interviews.forget_session(session)
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
    from simulator.cli.reports import REPORT_NAME, write_interview_report, write_report
    from simulator.sessions import interviews, store

    kind, ref = interviews.resolve(args.id)
    if kind == interviews.INTERVIEW:
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


def _replayed(ref: str) -> list:
    """The sessions to replay: one, or an interview's answers in the order they were asked."""
    from simulator.sessions import interviews, store

    kind, ref = interviews.resolve(ref)
    if kind == interviews.INTERVIEW:
        _, record = interviews.load_interview(ref)
        return [store.load_session(sid) for sid in interviews.session_ids(record)]
    return [store.load_session(ref)]


def cmd_replay(args) -> int:
    from simulator.cli import replay

    sessions = _replayed(args.id)
    if args.no_audio:
        from simulator.report.style import show

        s = _style()
        shown: list = []
        for session in sessions:
            shown += ([""] if shown else []) + replay.text_replay(session.analysis, s, session_id=session.id)
        show(shown, color=s.color)
        return 0
    from simulator.audio.player import device_info, import_sounddevice
    from simulator.cli.devices import check_device, parse_device
    from simulator.errors import NoDeviceError

    device = parse_device(args.output_device)
    check_device("output", device)  # a chosen device that is not there
    import_sounddevice()  # a missing PortAudio gets its own message
    if device_info("output", device) is None:
        raise NoDeviceError("No sound output device found; connect one, or read the transcript with --no-audio.")
    for session in sessions:
        replay.follow_along(session, speak_question=not args.no_speak, device=device)
    return 0


def _kinds():
    """(kind of a listed session, kind labels): the bank's kind, else the kind its question text asks for."""
    from simulator.questions import load_kinds, load_questions

    bank = {q.id: q.kind for q in load_questions()}
    kinds = load_kinds()
    return (lambda x: x.question_kind or bank.get(x.question_id) or kinds.detect(x.question_text or "")), kinds.labels


def cmd_history(args) -> int:
    from simulator.sessions import history, store

    sessions = [x for x in store.list_sessions() if x.part != "follow_up"]  # a follow-up is not a whole answer
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


def register(sub) -> None:
    """Add the session subcommands to the main parser's subparsers."""
    from simulator.cli import reports

    p = sub.add_parser(
        "sessions", help="list sessions, interviews and kept takes (`sessions delete ID`, `discard ID`, `--rebuild`)"
    )
    p.add_argument("--rebuild", action="store_true", help="rebuild the sessions index from the session folders")
    p.add_argument("--json", action="store_true", help="print the listing as JSON")
    p.set_defaults(func=cmd_sessions)
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    d = actions.add_parser(
        "delete", help="delete a session, or an interview with its answers, and the audio (asks first)"
    )
    d.add_argument("id", metavar="ID", help="session or interview id (or a unique prefix, or `last`)")
    d.add_argument("--yes", action="store_true", help="do not ask for confirmation (for scripts)")
    d.set_defaults(func=cmd_sessions_delete)
    d = actions.add_parser("discard", help="discard an interrupted take that was kept (asks first)")
    d.add_argument("id", metavar="ID", help="take id from the `sessions` listing (or a unique prefix, or `last`)")
    d.add_argument("--yes", action="store_true", help="do not ask for confirmation (for scripts)")
    d.set_defaults(func=cmd_sessions_discard)

    p = sub.add_parser("export", help="copy a session (audio, analysis, HTML report) into a folder")
    p.add_argument("id", metavar="ID", help="session or interview id, a unique prefix of it, or `last`")
    p.add_argument("dir", metavar="DIR", help="folder to export into (a subfolder named after the session is made)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("replay", help="hear a session again and follow its transcript")
    p.add_argument("id", metavar="ID", help="session or interview id, a unique prefix of it, or `last`")
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
    p.add_argument("id", metavar="ID", help="session or interview id, a unique prefix of it, or `last`")
    p.add_argument(
        "--html",
        nargs="?",
        const="",
        default=None,
        metavar="FILE",
        help=f"write the HTML report instead, to FILE (default: {reports.REPORT_NAME} in the session folder)",
    )
    p.add_argument("--open", action="store_true", help="write the HTML report and open it in a web browser")
    p.add_argument("--brief", action="store_true", help="only the first screen: verdict, score, top three changes")
    p.set_defaults(func=reports.cmd_report)
