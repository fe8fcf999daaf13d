#!/usr/bin/env python3
"""Measure the delivery analysis against the fixtures' known truth.

    python bench/eval_delivery.py                  # all fixtures, clean + noisy + stereo 44.1 kHz
    python bench/eval_delivery.py --variants clean pace_easy fillers_um_like
    python bench/eval_delivery.py --heldout        # scripts not used in development, rendered on the fly

For every fixture with a truth JSON (audio_fixtures/*.json) and every variant
(``clean``; ``noise`` adds white noise at --noise-dbfs, -50 dBFS by default;
``stereo44k`` is a 44.1 kHz two-channel WAV of the clip, decoded through
load_audio like any user file), it transcribes with the real Whisper model and
runs ``analyze_delivery``, then prints:

- pauses: recall of inserted pauses >= 0.5 s (start and duration within
  0.15 s), the start and duration errors (mean/max), the precision of all
  reported pauses against the silences truly in the signal, and how often the
  pause kind (boundary/hesitation) matches the script's punctuation;
- pace: wpm error against words / true speaking span, the speaking-span edge
  errors, and whether the pace verdict is right;
- fillers: recall of spoken um/uh, recall of the other filler words, and
  false positives (reports beyond what was spoken, e.g. a verb "like").

Numbers only; nothing is asserted (tests/test_delivery_*.py do that).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "audio_fixtures"))

FIXTURES = ROOT / "audio_fixtures"
TOL_S = 0.15  # s; the tolerance on pause start and duration
MIN_CHECKED_PAUSE_S = 0.5  # s; inserted pauses this long must be found


def variant_audio(path: Path, variant: str, noise_dbfs: float, tmp: Path) -> tuple[np.ndarray, int]:
    """The fixture as the analysis would receive it for one variant (16 kHz mono)."""
    import soundfile as sf
    import soxr

    from simulator.audio.files import load_audio

    y, sr = load_audio(path)
    if variant == "noise":
        rng = np.random.default_rng(7)
        y = (y + rng.normal(0.0, 10 ** (noise_dbfs / 20), y.size)).astype(np.float32)
    elif variant == "stereo44k":
        raw, sr0 = sf.read(path, dtype="float32")
        st = soxr.resample(raw, sr0, 44_100)
        wav = tmp / f"{path.stem}-stereo44k.wav"
        sf.write(wav, np.stack([st, st], axis=1), 44_100, subtype="FLOAT")
        y, sr = load_audio(wav)
    return y, sr


def pause_scores(report, truth: dict) -> dict:
    inserted = [p for p in truth["inserted_pauses"] if p["duration"] >= MIN_CHECKED_PAUSE_S]
    start_err, dur_err, found, kinds = [], [], 0, []
    for t in inserted:
        best = min(report.pauses, key=lambda p: abs(p.start - t["start"]), default=None)
        if best is None:
            continue
        se, de = best.start - t["start"], best.duration - t["duration"]
        start_err.append(abs(se))
        dur_err.append(abs(de))
        found += abs(se) <= TOL_S and abs(de) <= TOL_S
        if "kind" in t and abs(se) <= TOL_S:
            kinds.append(best.kind == t["kind"])
    real = truth["silences"]
    true_pos = sum(any(p.start < s["end"] and p.end > s["start"] for s in real) for p in report.pauses)
    return {
        "inserted": len(inserted),
        "found": found,
        "start_err": start_err,
        "dur_err": dur_err,
        "reported": len(report.pauses),
        "reported_true": true_pos,
        "kinds": kinds,
    }


def filler_scores(report, truth: dict) -> dict:
    """Per filler class (um/uh/er/ah/hmm together, then each filler word): true positives up
    to the spoken count, the rest false positives. Counted over the clip, since Whisper's
    times for a filler next to a pause are loose.

    Fixtures whose truth lists no fillers (make_fixtures.py's) are not scored.
    """

    from simulator.hesitations import sounds

    def cls(word: str) -> str:
        return "hesitation" if word in sounds() else word

    out = {"hes_spoken": 0, "hes_found": 0, "other_spoken": 0, "other_found": 0, "false_pos": 0, "like_fp": 0}
    if "fillers" not in truth:
        return dict(out, lookalikes=0, verb_like=0)
    spoken: dict[str, int] = {}
    for f in truth["fillers"]:
        spoken[cls(f["word"])] = spoken.get(cls(f["word"]), 0) + 1
    reported: dict[str, int] = {}
    for f in report.fillers:
        reported[cls(f.word)] = reported.get(cls(f.word), 0) + 1
    for key in set(spoken) | set(reported):
        s, r = spoken.get(key, 0), reported.get(key, 0)
        group = "hes" if key == "hesitation" else "other"
        out[f"{group}_spoken"] += s
        out[f"{group}_found"] += min(s, r)
        out["false_pos"] += max(0, r - s)
        if key == "like":
            out["like_fp"] += max(0, r - s)
    out["lookalikes"] = len(truth.get("non_fillers", []))
    out["verb_like"] = sum(1 for n in truth.get("non_fillers", []) if n["word"] == "like")
    return out


# Held-out scripts (--heldout): written after the rules were settled and rendered on the fly at two rates;
# they were never used to tune anything.
HELDOUT_SCRIPTS = [
    "I taught myself |0.9| Python during the evenings, |0.7| and after six months |1.2| I automated the |0.6| monthly "
    "billing report. |1.0| It used to take |0.5| two full days, |2.1| and now it runs in ten minutes.",
    "My manager asked me to |0.8| lead the onboarding of |1.3| three new hires. |0.9| I wrote a |0.6| checklist, |0.7| "
    "paired each of them with a mentor, |1.1| and checked in every Friday.",
    "I am applying for this role because |1.0| your team builds tools that |0.7| nurses use every day. |1.2| I worked "
    "on a |0.9| hospital ward for four years, |0.6| so I know what they |2.3| need from software.",
    "Next year I will |0.8| complete the project management |1.1| certification. |0.9| After that |0.6| I plan to run "
    "a |1.4| small product launch on my own, |0.5| which will prove I can deliver.",
]
HELDOUT_RATES = (140, 200)  # espeak words per minute


def heldout_names() -> list[str]:
    return [f"heldout:{i}:{rate}" for i in range(len(HELDOUT_SCRIPTS)) for rate in HELDOUT_RATES]


def heldout_fixture(name: str, tmp: Path) -> tuple[Path, dict]:
    """Render a held-out script to a FLAC in ``tmp`` with its truth (as make_delivery_fixtures does)."""
    import soundfile as sf
    from make_delivery_fixtures import pause_kinds, silences
    from make_fixtures import SR, render

    _, i, rate = name.split(":")
    script = HELDOUT_SCRIPTS[int(i)]
    audio, truth = render(script, int(rate))
    for pause, kind in zip(truth["inserted_pauses"], pause_kinds(script)):
        pause["kind"] = kind
    truth["silences"] = silences(audio, truth["speech_start"], truth["speech_end"])
    path = tmp / f"heldout-{i}-{rate}.flac"
    sf.write(path, audio, SR, format="FLAC", subtype="PCM_16")
    return path, truth


def evaluate(name: str, variant: str, args, tmp: Path, cache: dict) -> dict:
    from simulator.asr.transcribe import transcribe
    from simulator.delivery import analyze_delivery

    if name.startswith("heldout:"):
        source, truth = heldout_fixture(name, tmp)
    else:
        source, truth = FIXTURES / f"{name}.flac", json.loads((FIXTURES / f"{name}.json").read_text())
    if "silences" not in truth:  # make_fixtures.py's truth: read the silences off the clean file
        import soundfile as sf
        from make_delivery_fixtures import silences

        clean, _ = sf.read(source, dtype="float32")
        truth["silences"] = silences(clean, truth["speech_start"], truth["speech_end"])
    y, sr = variant_audio(source, variant, args.noise_dbfs, tmp)
    transcript = transcribe(y, sr)
    analyze_delivery(y, sr, transcript)  # warm
    t0 = time.perf_counter()
    report = analyze_delivery(y, sr, transcript)
    elapsed = time.perf_counter() - t0
    span = truth["speech_end"] - truth["speech_start"]
    true_wpm = 60.0 * truth["words"] / span
    expected = truth.get("expected_pace") or (
        "too slow" if true_wpm < 110 else "too fast" if true_wpm > 160 else "slow and clear"
    )
    return {
        "name": name.replace("heldout:", "h"),
        "variant": variant,
        "seconds": elapsed,
        "audio_s": y.size / sr,
        "wpm": report.wpm,
        "true_wpm": true_wpm,
        "wpm_err": (report.wpm - true_wpm) / true_wpm,
        "start_edge": report.speech_start_s - truth["speech_start"],
        "end_edge": report.speech_end_s - truth["speech_end"],
        "pace_ok": report.verdict.pace == expected,
        "pace": report.verdict.pace,
        "expected": expected,
        "pauses": pause_scores(report, truth),
        "fillers": filler_scores(report, truth),
    }


def _fmt_row(r: dict) -> str:
    p, f = r["pauses"], r["fillers"]
    se = max(p["start_err"], default=0.0)
    de = max(p["dur_err"], default=0.0)
    kinds = f"{sum(p['kinds'])}/{len(p['kinds'])}" if p["kinds"] else "-"
    fill = f"{f['hes_found']}/{f['hes_spoken']}" if f["hes_spoken"] else "-"
    return (
        f"{r['name']:<16} {r['variant']:<9} pauses {p['found']}/{p['inserted']} max err start {se:.3f} dur {de:.3f} "
        f"kind {kinds:<5} prec {p['reported_true']}/{p['reported']}  wpm {r['wpm']:6.1f} vs {r['true_wpm']:6.1f} "
        f"({100 * r['wpm_err']:+.1f}%) pace {'ok' if r['pace_ok'] else 'WRONG'}  um/uh {fill} fp {f['false_pos']}  "
        f"{1000 * r['seconds']:.0f} ms"
    )


def summary(rows: list[dict]) -> list[str]:
    def cat(key):
        return [x for r in rows for x in r["pauses"][key]]

    se, de, kinds = cat("start_err"), cat("dur_err"), cat("kinds")
    found = sum(r["pauses"]["found"] for r in rows)
    inserted = sum(r["pauses"]["inserted"] for r in rows)
    rep = sum(r["pauses"]["reported"] for r in rows)
    rep_true = sum(r["pauses"]["reported_true"] for r in rows)
    wpm = [abs(r["wpm_err"]) for r in rows]
    f = {k: sum(r["fillers"][k] for r in rows) for k in rows[0]["fillers"]}
    ratio = lambda a, b: f"{a}/{b} = {100 * a / b:.0f}%" if b else "n/a"  # noqa: E731
    return [
        f"pause recall (inserted >= {MIN_CHECKED_PAUSE_S} s, start and duration within {TOL_S} s): {ratio(found, inserted)}",
        f"pause start error: mean {np.mean(se):.3f} s, max {np.max(se):.3f} s",
        f"pause duration error: mean {np.mean(de):.3f} s, max {np.max(de):.3f} s",
        f"pause precision (reported pauses that are real silences): {ratio(rep_true, rep)}",
        f"pause kind agreement with the script (inserted pauses): {ratio(sum(kinds), len(kinds))}",
        f"wpm error vs words / true span: mean {100 * np.mean(wpm):.1f}%, max {100 * np.max(wpm):.1f}%",
        f"speaking-span edges: max |start| {max(abs(r['start_edge']) for r in rows):.3f} s, "
        f"max |end| {max(abs(r['end_edge']) for r in rows):.3f} s",
        f"pace verdict right: {ratio(sum(r['pace_ok'] for r in rows), len(rows))}",
        f"um/uh recall: {ratio(f['hes_found'], f['hes_spoken'])}",
        f"other filler recall (like, you know, I mean, kind of, basically): {ratio(f['other_found'], f['other_spoken'])}",
        f"filler false positives: {f['false_pos']} (on verb/comparison 'like': {f['like_fp']} of {f['verb_like']} look-alikes)",
        f"analysis time (after transcription): mean {1000 * np.mean([r['seconds'] for r in rows]):.0f} ms "
        f"for {np.mean([r['audio_s'] for r in rows]):.1f} s clips",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("fixtures", nargs="*", help="fixture names (default: every audio_fixtures/*.json)")
    parser.add_argument(
        "--variants", nargs="+", default=["clean", "noise", "stereo44k"], choices=["clean", "noise", "stereo44k"]
    )
    parser.add_argument("--noise-dbfs", type=float, default=-50.0, help="white noise level of the noise variant")
    parser.add_argument(
        "--heldout",
        action="store_true",
        help="evaluate held-out scripts rendered on the fly instead of the committed fixtures",
    )
    parser.add_argument("--json", action="store_true", help="print the rows as JSON too")
    args = parser.parse_args(argv)
    names = args.fixtures or (heldout_names() if args.heldout else sorted(p.stem for p in FIXTURES.glob("*.json")))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            for variant in args.variants:
                rows.append(evaluate(name, variant, args, Path(tmp), {}))
                print(_fmt_row(rows[-1]), flush=True)
    print()
    print("\n".join(summary(rows)))
    if args.json:
        print(json.dumps(rows, indent=1, default=float))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
