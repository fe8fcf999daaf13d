"""`mock-interview practice`: hear a question, answer aloud, get a report; the session is saved.

The order of what the user sees is deliberate: every check that can fail
(question, options, devices, the answer file) runs before the question is
spoken; the recording screen is the recorder's live meter alone; the
analysis spinner starts only after it; then the report, where the session was
saved, and what to do next. While recording, the take is a kept file with a
note of its question (see ``simulator.cli.takes``), so an interrupted run can
be resumed with ``--resume ID``; a take the analysis rejects is not kept.
"""

from __future__ import annotations

import sys
from pathlib import Path

from simulator.cli import options as opt
from simulator.errors import BadInputError, NoDeviceError

SAMPLE_ANSWER = "good_answer.flac"  # in audio_fixtures/, used by `practice --demo`
NEXT_HINT = "Next: mock-interview replay last · report last --html --open · history"
DEMO_NOTE = "A demo on the bundled sample answer: not saved to your history."


def _demo_sample(args, mic) -> Path | None:
    """With --demo, the bundled answer unless someone can answer at a microphone."""
    from simulator.audio import recorder
    from simulator.paths import fixtures_dir

    interactive = sys.stdin is not None and sys.stdin.isatty()
    if not args.demo or (interactive and recorder.has_input_device(mic)):
        return None
    sample = fixtures_dir() / SAMPLE_ANSWER
    why = "No microphone found" if interactive else "Not run from a terminal"
    opt.note(f"{why}: using the bundled sample answer {sample} (a demo: it is not saved to your history).")
    return sample


def _record(args, question, context, options, delivery, devices):
    """Record the answer (a kept take until it is analysed) and analyse it; a rejected take is not kept."""
    from simulator.audio import recorder
    from simulator.audio.recording_file import PREFIX, discard_recording, new_recording_path, write_take_note
    from simulator.cli.takes import kept_line, note_for
    from simulator.errors import NoSpeechError, UnsupportedLanguageError
    from simulator.pipeline import practice

    dest = new_recording_path()
    write_take_note(dest, note_for(question, context))
    meter = None
    if not (args.quiet or args.json):
        meter = recorder.terminal_meter(silence_stop_s=args.silence_stop, max_s=args.max_seconds)
    record_kw = {
        "max_s": args.max_seconds,
        "silence_stop_s": args.silence_stop,
        "on_status": meter,
        "dest": dest,
        "device": devices[0],
        "output_device": devices[1],
    }
    try:
        with opt.spinner(args) as progress:
            return practice.record_and_analyze(
                question, context, options=options, record_kw=record_kw, delivery_options=delivery, progress=progress
            )
    except (NoSpeechError, UnsupportedLanguageError):
        discard_recording(dest)
        opt.note("This take was not kept.")
        raise
    except KeyboardInterrupt:
        if dest.exists():
            opt.note(kept_line(dest.stem.removeprefix(PREFIX)))
        raise


def _practice_answer(args, question, context, answer: Path | None, devices):
    """Speak the question, then record (or take) the answer and analyse it; returns a PracticeAnswer."""
    from simulator.pipeline import practice

    options = opt.transcribe_options(args)
    delivery = opt.delivery_options(args)  # checked before anything is spoken or recorded
    speak = not args.no_speak and answer is None
    if speak:
        from simulator.audio.tts import check_voice

        check_voice(args.voice)  # a missing voice is said before anything is recorded
    if not args.json:
        opt.note(f"Question: {question.text}")
    warmer = practice.ask(question, speak=speak, options=options, on_note=opt.note, voice=args.voice, device=devices[1])
    if answer is None:
        warmer.result()  # the model is ready before the first word is recorded
        return _record(args, question, context, options, delivery, devices)
    with opt.spinner(args) as progress:
        return practice.analyze_answer_file(
            answer, question, context, options=options, delivery_options=delivery, progress=progress
        )


def _answer(args, take, devices) -> Path | None:
    """The answer to analyse: a kept take, --answer FILE, the demo sample, or None to record one."""
    if take is not None:
        return take.path
    if args.answer:
        return opt.audio_file(args.answer)
    sample = _demo_sample(args, devices[0])
    if sample is None:
        from simulator.audio import recorder

        if not recorder.has_input_device(devices[0]):  # said before the question, not after it
            raise NoDeviceError(recorder.NO_MIC)
    return sample


def _asked(args, take):
    """The question and context: the kept take's own, or the ones the options give."""
    from simulator.cli.takes import asked

    kept = asked(take) if take is not None else None
    if kept is not None:
        return kept
    if take is not None:
        opt.note(f"The take {take.id} kept no question; analysing it as an answer to the question asked here.")
    return opt.question(args), opt.context(args)


def cmd_practice(args) -> int:
    from simulator.audio.recording_file import discard_recording, find_leftover
    from simulator.cli import takes

    if args.resume and args.answer:
        raise BadInputError("Give either --answer FILE or --resume ID, not both.")
    take = find_leftover(args.resume) if args.resume else None
    question, context = _asked(args, take)
    from simulator.cli.devices import chosen_devices

    devices = chosen_devices(args)
    answer = _answer(args, take, devices)
    if answer is None and not args.json:
        from simulator.cli.sessions import kept_takes

        offer = takes.offer_line(kept_takes())
        if offer:
            opt.note(offer)
    result = _practice_answer(args, question, context, answer, devices)
    demo = take is None and not args.answer and answer is not None
    if demo:
        result.analysis.notes.append(DEMO_NOTE)
    else:
        from simulator.sessions.store import save_session

        result.analysis.session_id = save_session(result.analysis, result.y, result.sr)
        for done in (result.recording, take.path if take else None):
            if done is not None:
                discard_recording(done)  # now stored in the session
    opt.emit(result.analysis, args)
    if demo:
        return 0
    if args.open:
        from simulator.cli.reports import open_report

        open_report(result.analysis.session_id)
    if not args.json:
        opt.note(f"Saved as session {result.analysis.session_id}.")
        opt.note(NEXT_HINT)
    return 0


def register(sub) -> None:
    from simulator.cli.devices import add_device_options

    p = sub.add_parser(
        "practice",
        help="hear a question, answer aloud, get a report; the session is saved",
        formatter_class=opt.Help,
    )
    opt.add_context_options(p)
    p.add_argument("--answer", metavar="FILE", help="use this recorded answer instead of the microphone")
    p.add_argument("--resume", metavar="ID", help="analyse a kept interrupted take (see `mock-interview sessions`)")
    p.add_argument(
        "--demo",
        action="store_true",
        help="use the bundled sample answer (not saved) when there is no microphone or no terminal to answer at",
    )
    opt.add_voice_options(p)
    add_device_options(p)
    p.add_argument("--max-seconds", type=float, default=180.0, help="longest answer to record (default 180)")
    p.add_argument("--open", action="store_true", help="open the HTML report when done")
    p.set_defaults(func=cmd_practice)
