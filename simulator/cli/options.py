"""Options and option parsing shared by the commands that analyse answers (`practice`, `analyze`, `interview`).

Cheap to import, like the rest of the command line: heavy modules are imported inside the functions.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from simulator.errors import BadInputError


def _read_text(path: str, what: str) -> str:
    from simulator.pipeline.answer import read_text

    return read_text(path, what)


def _context(args):
    from simulator.model.analysis import AnswerContext

    posting = _read_text(args.posting, "job posting") if args.posting else None
    return AnswerContext(role=args.role, company=args.company, posting=posting)


def _transcribe_options(args):
    from simulator.asr.transcribe import TranscribeOptions

    engine = getattr(args, "engine", None) or "faster-whisper"
    if args.model:
        return TranscribeOptions.for_engine(engine, model=args.model, model_path=args.model)
    return TranscribeOptions.for_engine(engine)


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


def add_job_options(p: argparse.ArgumentParser) -> None:
    """What the candidate is interviewing for (the ``AnswerContext``)."""
    p.add_argument("--role", help="the role you are interviewing for")
    p.add_argument("--company", help="the company you are interviewing with")
    p.add_argument("--posting", metavar="FILE", help="a text file with the job posting (used by the content check)")


def add_common_options(p: argparse.ArgumentParser) -> None:
    """Output and analysis options shared by every command that analyses answers."""
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
        choices=("faster-whisper", "openai-whisper"),
        default="faster-whisper",
        help="speech-to-text engine (openai-whisper needs the [openai-whisper] extra)",
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
