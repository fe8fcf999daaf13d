"""The command line: the only place that prints, and turns errors into exit codes.

Imports here are cheap; commands import heavy modules inside their bodies so
that ``mock-interview --help`` stays instant.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from pathlib import Path

from simulator import __version__
from simulator.cli import options as opt
from simulator.errors import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, BadInputError, MockInterviewError

log = logging.getLogger("simulator")


def cmd_questions(args) -> int:
    import json

    from simulator.questions import filter_questions, load_kinds, load_questions

    questions = filter_questions(load_questions(bank=args.bank), category=args.category, job_field=args.field)
    if args.json:
        keys = ("id", "text", "kind", "category", "fields", "default")
        print(json.dumps([{k: getattr(q, k) for k in keys} for q in questions], indent=2))
        return 0
    categories = load_kinds().categories
    for category in dict.fromkeys(q.category for q in questions):
        print(categories.get(category, category or "Uncategorised"))
        for q in (q for q in questions if q.category == category):
            fields = "" if "general" in q.fields else f" [{', '.join(q.fields)}]"
            mark = " (default)" if q.default else ""
            print(f"  {q.id:<28} {q.text}{fields}{mark}")
    if not questions:
        print("No question matches; try without --category or --field.")
    return 0


def cmd_schema(args) -> int:
    from simulator.model.codec import schema_text

    sys.stdout.write(schema_text())
    return 0


def cmd_analyze(args) -> int:
    from simulator.pipeline import answer as pipeline

    question = opt.question(args)
    context = opt.context(args)
    delivery = opt.delivery_options(args)  # validated even for --text, where it is unused
    if args.text:
        if args.file:
            raise BadInputError("Give either an audio FILE or --text FILE, not both.")
        analysis = pipeline.analyze_text(opt.read_text(args.text, "answer text"), question, context)
        y = None
    else:
        if not args.file:
            raise BadInputError("Give an audio FILE to analyse, or --text FILE for a written answer.")
        path = opt.audio_file(args.file)
        with opt.spinner(args) as progress:
            analysis, y, sr = pipeline.analyze_file(
                path,
                question,
                context,
                transcribe_options=opt.transcribe_options(args),
                delivery_options=delivery,
                release_model=True,  # one answer per process: the model is not needed after it
                progress=progress,
            )
    if args.save:
        from simulator.sessions.store import save_session

        analysis.session_id = save_session(analysis, y, sr if y is not None else None)
    opt.emit(analysis, args)
    return 0


def cmd_serve(args) -> int:
    from simulator.web.server import serve

    return serve(
        host=args.host,
        port=args.port,
        open_browser=not args.no_browser,
        max_upload_mb=args.max_upload_mb,
        options=opt.transcribe_options(args),
    )


def _add_serve(sub) -> None:
    p = sub.add_parser("serve", help="practise in the browser: a local web app on this machine")
    p.add_argument("--port", type=int, default=0, help="port to listen on (default: a free one)")
    p.add_argument("--host", help="listen on this address instead of 127.0.0.1 (reachable by others: a warning)")
    p.add_argument("--no-browser", action="store_true", help="print the URL but do not open a browser")
    from simulator.web.limits import MAX_UPLOAD_MB

    p.add_argument(
        "--max-upload-mb", type=float, default=MAX_UPLOAD_MB, metavar="MB", help="largest upload (default %(default)g)"
    )
    opt.add_model_option(p)
    p.set_defaults(func=cmd_serve)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mock-interview",
        description=(
            "Offline voice mock-interview coach: hear a question, answer aloud, get feedback on delivery and content."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    from simulator.cli import devices, practice_cmd
    from simulator.cli import interview as cli_interview
    from simulator.cli import sessions as cli_sessions

    practice_cmd.register(sub)
    cli_interview.register(sub)
    p = sub.add_parser(
        "analyze", help="analyse a recorded answer (or --text) without storing it", formatter_class=opt.Help
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="audio file: WAV, FLAC, MP3, OGG or M4A")
    opt.add_context_options(p)
    p.add_argument("--text", metavar="FILE", help="analyse a written answer; no delivery part")
    p.add_argument("--save", action="store_true", help="also store the result as a session")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("questions", help="list the question bank, by category")
    p.add_argument("--category", help="only this category (opening, behavioural, situational, ...)")
    p.add_argument("--field", help="only questions that suit this job field (software, healthcare, sales, ...)")
    p.add_argument("--bank", metavar="FILE", type=Path, help="list your own question bank instead")
    p.add_argument("--json", action="store_true", help="print the questions as JSON")
    p.set_defaults(func=cmd_questions)

    p = sub.add_parser(
        "schema", help="print the JSON Schema of the analysis documents (--json output and stored analysis.json)"
    )
    p.set_defaults(func=cmd_schema)

    cli_sessions.register(sub)
    _add_serve(sub)
    devices.register(sub)
    return parser


def run() -> None:
    """The console script: ``main``, then exit with its code.

    The heap is frozen first: Python's shutdown otherwise runs a garbage
    collection over every object the speech, NLP and signal libraries made
    (0.7 s of a 60 s ``analyze`` on 2 cores), and a finished command has no
    cycles left worth collecting; exit handlers still run and files still close.
    """
    code = main()
    gc.freeze()
    sys.exit(code)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    os.umask(0o077)  # answers are private: everything this run writes is owner-only
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    from simulator.malloc_tuning import limit_malloc_arenas

    limit_malloc_arenas()  # before any decoding thread starts
    try:
        return args.func(args)
    except MockInterviewError as e:
        print(f"mock-interview: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("mock-interview: interrupted; nothing was lost (any recording is kept).", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0
    except Exception as e:  # noqa: BLE001 - last resort: one line, details with -v
        if args.verbose:
            import traceback

            traceback.print_exc()
        print(
            f"mock-interview: internal error ({type(e).__name__}: {e}); rerun with -v and report it.", file=sys.stderr
        )
        return EXIT_INTERNAL
