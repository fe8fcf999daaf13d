"""The command line: the only place that prints, and turns errors into exit codes.

Imports here are cheap; commands import heavy modules inside their bodies so
that ``mock-interview --help`` stays instant.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from simulator import __version__
from simulator.errors import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, BadInputError, MockInterviewError

log = logging.getLogger("simulator")

SAMPLE_ANSWER = "good_answer.flac"  # in audio_fixtures/, used by `practice --demo`


def _read_text(path: str, what: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError as e:
        raise BadInputError(f"{path}: no such {what} file; check the path.") from e
    except IsADirectoryError as e:
        raise BadInputError(f"{path} is a folder; give the {what} file.") from e
    except OSError as e:
        raise BadInputError(f"Cannot read {what} file {path} ({e.strerror}); check its permissions.") from e


def _context(args):
    from simulator.model.analysis import AnswerContext

    posting = _read_text(args.posting, "job posting") if args.posting else None
    return AnswerContext(role=args.role, company=args.company, posting=posting)


def _transcribe_options(args):
    from simulator.asr.engines import options_for

    return options_for(args.engine, **({"model": args.model, "model_path": args.model} if args.model else {}))


def _delivery_options(args):
    """DeliveryOptions from --config FILE ([delivery] table) and then --set NAME=VALUE."""
    overrides: dict[str, str] = {}
    if args.config:
        from simulator.questions import load_toml

        table = load_toml(Path(args.config)).get("delivery", {})
        if not isinstance(table, dict):
            raise BadInputError(f"{args.config}: [delivery] must be a table of option = value.")
        overrides.update({k: str(v) for k, v in table.items()})
    for item in args.set or []:
        name, sep, value = item.partition("=")
        if not sep:
            raise BadInputError(f"--set {item!r} needs NAME=VALUE, e.g. --set long_pause_s=1.5.")
        overrides[name] = value
    if not overrides:
        return None
    from simulator.delivery import DeliveryOptions

    return DeliveryOptions.from_overrides(overrides)


def _emit(analysis, args) -> None:
    if args.json:
        from simulator.model.codec import dumps

        print(dumps(analysis))
    else:
        from simulator.report import render_text

        print(render_text(analysis, color=sys.stdout.isatty()))


def _spinner(args):
    from simulator.cli.progress import Spinner

    return Spinner(enabled=not getattr(args, "quiet", False))


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


def _question(args):
    """The question to ask: a one-off --question-text, or an id from the bank (--bank FILE or the bundled one)."""
    from simulator.questions import custom_question, get_question

    if args.question_text is not None:
        if args.question:
            raise BadInputError("Give either --question ID or --question-text TEXT, not both.")
        return custom_question(args.question_text)
    return get_question(args.question, bank=args.bank)


def cmd_schema(args) -> int:
    from simulator.model.codec import schema_text

    sys.stdout.write(schema_text())
    return 0


def cmd_analyze(args) -> int:
    from simulator.pipeline import answer as pipeline

    question = _question(args)
    context = _context(args)
    delivery = _delivery_options(args)  # validated even for --text, where it is unused
    if args.text:
        analysis = pipeline.analyze_text(_read_text(args.text, "answer text"), question, context)
        y = None
    else:
        if not args.file:
            raise BadInputError("Give an audio FILE to analyse, or --text FILE for a written answer.")
        with _spinner(args) as progress:
            analysis, y, sr = pipeline.analyze_file(
                args.file,
                question,
                context,
                transcribe_options=_transcribe_options(args),
                delivery_options=delivery,
                progress=progress,
            )
    if args.save:
        from simulator.sessions.store import save_session

        analysis.session_id = save_session(analysis, y, sr if y is not None else None)
    _emit(analysis, args)
    return 0


def _note(message: str) -> None:
    print(message, file=sys.stderr)


def _offer_leftovers() -> None:
    """Tell the user about recordings an earlier run could not finish."""
    from simulator.audio.recorder import list_interrupted

    for rec in list_interrupted():
        _note(
            f"An interrupted recording ({rec.duration_s:.0f} s, {rec.recorded_at}) is kept at {rec.path}; "
            f"analyse it with: mock-interview practice --answer '{rec.path}'"
        )


def _record_kw(args) -> dict:
    from simulator.audio import recorder

    meter = None if args.quiet or args.json else recorder.terminal_meter(silence_stop_s=args.silence_stop)
    return {"max_s": args.max_seconds, "silence_stop_s": args.silence_stop, "on_status": meter}


def _demo_sample(args) -> Path | None:
    """With --demo, the bundled answer unless someone can answer at a microphone."""
    from simulator.audio import recorder
    from simulator.paths import fixtures_dir

    interactive = sys.stdin is not None and sys.stdin.isatty()
    if not args.demo or (interactive and recorder.has_input_device()):
        return None
    sample = fixtures_dir() / SAMPLE_ANSWER
    why = "No microphone found" if interactive else "Not run from a terminal"
    _note(f"{why}: using the bundled sample answer {sample}.")
    return sample


def _practice_answer(args, question, context, options):
    """Record (or take) the answer and analyse it; returns a PracticeAnswer."""
    from simulator.pipeline import practice

    delivery = _delivery_options(args)  # checked before anything is spoken or recorded
    answer = Path(args.answer) if args.answer else _demo_sample(args)
    if not args.no_speak:
        from simulator.audio.tts import check_voice

        check_voice(args.voice)  # a missing voice is said before anything is recorded
    warmer = practice.ask(question, speak=not args.no_speak, options=options, on_note=_note, voice=args.voice)
    if answer is None:
        warmer.result()  # the model is ready before the first word is recorded
        if not args.json:
            _note("Answer now. Stop with Enter, or just stop talking.")
        with _spinner(args) as progress:
            return practice.record_and_analyze(
                question,
                context,
                options=options,
                record_kw=_record_kw(args),
                delivery_options=delivery,
                progress=progress,
            )
    with _spinner(args) as progress:
        return practice.analyze_answer_file(
            answer, question, context, options=options, delivery_options=delivery, progress=progress
        )


def cmd_practice(args) -> int:
    from simulator.sessions.store import save_session

    question = _question(args)
    context = _context(args)
    options = _transcribe_options(args)
    if not args.answer:
        _offer_leftovers()
    if not args.json:
        _note(f"Question: {question.text}")
    result = _practice_answer(args, question, context, options)
    result.analysis.session_id = save_session(result.analysis, result.y, result.sr)
    if result.recording is not None:
        result.recording.unlink(missing_ok=True)  # now stored in the session
    _emit(result.analysis, args)
    if args.open:
        from simulator.cli.sessions import open_report

        open_report(result.analysis.session_id)
    return 0


def cmd_serve(args) -> int:
    from simulator.web.server import serve

    return serve(host=args.host, port=args.port, open_browser=not args.no_browser, max_upload_mb=args.max_upload_mb)


def _add_serve(sub) -> None:
    p = sub.add_parser("serve", help="practise in the browser: a local web app on this machine")
    p.add_argument("--port", type=int, default=0, help="port to listen on (default: a free one)")
    p.add_argument("--host", help="listen on this address instead of 127.0.0.1 (reachable by others: a warning)")
    p.add_argument("--no-browser", action="store_true", help="print the URL but do not open a browser")
    from simulator.web.limits import MAX_UPLOAD_MB

    p.add_argument(
        "--max-upload-mb", type=float, default=MAX_UPLOAD_MB, metavar="MB", help="largest upload (default %(default)g)"
    )
    p.set_defaults(func=cmd_serve)


def _add_context_options(p: argparse.ArgumentParser) -> None:
    from simulator.asr.engine import TranscribeOptions
    from simulator.asr.engines import ENGINE_NAMES

    p.add_argument(
        "--question", metavar="ID", help="question id from `mock-interview questions` (default: career goals)"
    )
    p.add_argument(
        "--question-text",
        metavar="TEXT",
        help="ask your own question; one that asks for a past event is judged as behavioural (STAR)",
    )
    p.add_argument(
        "--bank", metavar="FILE", type=Path, help="your own question bank (same TOML schema as the bundled one)"
    )
    p.add_argument("--role", help="the role you are interviewing for")
    p.add_argument("--company", help="the company you are interviewing with")
    p.add_argument("--posting", metavar="FILE", help="a text file with the job posting (used by the content check)")
    p.add_argument("--json", action="store_true", help="print one JSON document to stdout")
    p.add_argument("--model", metavar="FOLDER", help="another faster-whisper model folder (default: bundled tiny.en)")
    p.add_argument("--quiet", action="store_true", help="no progress output on stderr")
    p.add_argument(
        "--set",
        action="append",
        metavar="NAME=VALUE",
        help="override a delivery threshold, e.g. --set long_pause_s=1.5 (see the README's options table)",
    )
    p.add_argument("--config", metavar="FILE", help="a TOML file whose [delivery] table overrides thresholds")
    p.add_argument(
        "--engine",
        choices=ENGINE_NAMES,
        default=TranscribeOptions.engine,
        help="speech-to-text engine (openai-whisper needs the [openai-whisper] extra)",
    )


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

    p = sub.add_parser("practice", help="hear a question, answer aloud, get a report; the session is saved")
    _add_context_options(p)
    p.add_argument("--answer", metavar="FILE", help="use this recorded answer instead of the microphone")
    p.add_argument(
        "--demo",
        action="store_true",
        help="use the bundled sample answer when there is no microphone or no terminal to answer at",
    )
    p.add_argument("--no-speak", action="store_true", help="do not speak the question aloud")
    p.add_argument(
        "--voice",
        choices=("espeak", "piper"),
        default="espeak",
        help="the interviewer's voice: espeak-ng (default) or piper, a natural voice (the [voice] extra)",
    )
    p.add_argument("--max-seconds", type=float, default=180.0, help="longest answer to record (default 180)")
    p.add_argument(
        "--silence-stop",
        type=float,
        default=3.0,
        metavar="S",
        help="stop after this many seconds of silence following speech (default 3)",
    )
    p.add_argument("--open", action="store_true", help="open the HTML report when done")
    p.set_defaults(func=cmd_practice)

    p = sub.add_parser("analyze", help="analyse a recorded answer (or --text) without storing it")
    p.add_argument("file", nargs="?", metavar="FILE", help="audio file: WAV, FLAC, MP3, OGG or M4A")
    _add_context_options(p)
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

    from simulator.cli import sessions as cli_sessions

    cli_sessions.register(sub)
    _add_serve(sub)
    return parser


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
