"""The `interview` command: a whole mock interview, registered on the main parser.

Command-line code: it prints. Library errors propagate to ``cli.main``, which
prints them in one line and picks the exit code; before that, a stopped
interview says how to resume it.
"""

from __future__ import annotations

import random
from pathlib import Path

from simulator.cli import options as opt
from simulator.errors import BadInputError, MockInterviewError

SEED_RANGE = 1_000_000  # a new interview's random seed is drawn below this (short enough to type)


def _settings(args):
    from simulator.model.interview import InterviewSettings

    if args.answer_limit <= 0 or args.prep < 0:
        raise BadInputError("--answer-limit must be above 0 s and --prep at least 0 s.")
    seed = args.seed if args.seed is not None else random.randrange(SEED_RANGE)
    notice = InterviewSettings().notice_s
    return InterviewSettings(
        follow_ups=not args.no_follow_ups,
        answer_limit_s=args.answer_limit,
        notice_s=min(notice, args.answer_limit / 2),
        prep_s=args.prep,
        silence_stop_s=args.silence_stop,
        seed=seed,
        voice=args.voice,
    )


def _plan(args, seed: int):
    from simulator.pipeline.plan import by_ids, parse_ids, plan_questions
    from simulator.questions import load_questions

    bank = load_questions(bank=args.bank)
    if args.questions:
        return by_ids(bank, parse_ids(args.questions))
    return plan_questions(bank, count=args.count, category=args.category, job_field=args.field, seed=seed)


def _record(args):
    """The interview to run: a new one (planned and stored), or the stopped one of ``--resume``."""
    from simulator.pipeline.interview import start_interview
    from simulator.sessions import interviews

    if args.resume:
        _, record = interviews.load_interview(args.resume)
        if record.next_position() > len(record.plan):
            raise BadInputError(f"Interview {record.id} is already complete; see `mock-interview report {record.id}`.")
        return record
    settings = _settings(args)
    plan = _plan(args, settings.seed)
    return start_interview(plan, opt.context(args), settings)


def _parts(args, record, delivery, show: bool, devices: tuple):
    from simulator.pipeline import interview_parts as parts
    from simulator.pipeline.practice import ask

    options = opt.transcribe_options(args)
    analyser = parts.FullAnalyser(options, delivery)
    if args.answers:
        answers = parts.AnswerFiles(args.answers)
    else:  # the model loads while the first question is spoken, and is ready before the first answer
        warmer = ask(record.plan[0], speak=False, options=options, on_note=opt.note)
        answers = parts.Microphone(options, delivery, show=show, on_note=opt.note, ready=warmer.result, devices=devices)
    if args.no_speak:
        return parts.SilentVoice(), answers, analyser
    from simulator.audio.tts import check_voice

    check_voice(record.settings.voice)  # a missing voice is said before anything is recorded
    return parts.SpokenVoice(record.settings.voice, on_note=opt.note, device=devices[1]), answers, analyser


class _Shown:
    """The voice, with each prompt also written on stderr (numbered, as the candidate hears it)."""

    def __init__(self, voice, record, show: bool):
        self.voice, self.record, self.show = voice, record, show

    def prepare(self, text: str) -> None:
        self.voice.prepare(text)

    def say(self, text: str, *, on_start) -> None:
        if self.show:
            plan = [q.text for q in self.record.plan]
            where = f"Question {plan.index(text) + 1} of {len(plan)}" if text in plan else "Follow-up"
            opt.note(f"\n{where}: {text}")
        self.voice.say(text, on_start=on_start)


def cmd_interview(args) -> int:
    from simulator.cli.devices import chosen_devices
    from simulator.pipeline import interview

    delivery = opt.delivery_options(args)  # checked before anything is stored, spoken or recorded
    devices = chosen_devices(args)
    if not args.answers:
        from simulator.audio import recorder
        from simulator.errors import NoDeviceError

        if not recorder.has_input_device(devices[0]):
            raise NoDeviceError("No microphone found; connect one, or answer from files with --answers FILE….")
    record = _record(args)
    show = not (args.quiet or args.json)
    voice, answers, analyser = _parts(args, record, delivery, show, devices)
    if show:
        opt.note(f"Interview {record.id}: {len(record.plan)} questions. Stop any time with Ctrl-C; it can be resumed.")
    try:
        run = interview.run_interview(
            record, voice=_Shown(voice, record, show), answers=answers, analyser=analyser, on_note=opt.note
        )
    except (MockInterviewError, KeyboardInterrupt):
        opt.note(
            f"Interview {record.id} stopped after {len(record.answers)} answered question(s), all kept; resume it "
            f"with `mock-interview interview --resume {record.id}` or see `mock-interview report {record.id}`."
        )
        raise
    unused = answers.unused() if hasattr(answers, "unused") else []
    if unused:
        raise BadInputError(
            f"--answers gave {len(unused)} file(s) more than the interview asked for ({unused[0]} onward); "
            f"interview {record.id} is stored with the answers it used."
        )
    _emit(run.interview, args)
    if args.open:
        from simulator.cli.reports import open_report

        open_report(record.id)
    return 0


def _emit(document, args) -> None:
    if args.json:
        from simulator.model.codec import dumps

        print(dumps(document))
        return
    from simulator.cli.reports import print_interview

    print_interview(document)


def register(sub) -> None:
    """Add the `interview` command to the main parser's subparsers."""
    from simulator.cli.devices import add_device_options
    from simulator.pipeline.plan import DEFAULT_COUNT

    p = sub.add_parser(
        "interview",
        help="a whole mock interview: several questions, follow-ups on the answers, one report",
        formatter_class=opt.Help,
    )
    pick = p.add_argument_group("choosing the questions")
    pick.add_argument("--questions", metavar="ID,ID,…", help="ask these questions, in this order")
    pick.add_argument("--count", type=int, default=DEFAULT_COUNT, help=f"how many questions (default {DEFAULT_COUNT})")
    pick.add_argument("--category", help="draw the middle questions from this category only")
    pick.add_argument("--field", help="prefer questions for this job field (software, healthcare, sales, ...)")
    pick.add_argument("--seed", type=int, help="the question choice's random seed (the same seed, the same questions)")
    pick.add_argument("--bank", metavar="FILE", type=Path, help="your own question bank")
    opt.add_job_options(p)
    p.add_argument("--prep", type=float, default=0.0, metavar="S", help="preparation countdown after each question")
    p.add_argument(
        "--answer-limit", type=float, default=120.0, metavar="S", help="longest answer recorded, in s (default 120)"
    )
    p.add_argument("--no-follow-ups", action="store_true", help="ask no follow-up questions")
    p.add_argument(
        "--answers",
        nargs="+",
        metavar="FILE",
        help="answer from files instead of the microphone, in the order the prompts are asked (follow-ups too)",
    )
    p.add_argument("--resume", metavar="ID", help="continue a stopped interview")
    p.add_argument("--open", action="store_true", help="open the HTML report when done")
    add_device_options(p)
    opt.add_voice_options(p)
    opt.add_common_options(p)
    p.set_defaults(func=cmd_interview)
