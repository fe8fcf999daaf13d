#!/usr/bin/env python3
"""What would it cost to make the latest guess a cut when the recording stops mid-phrase?

``StreamingTranscriber`` decodes a guess at every short pause. When the
recording stops soon after the last word, before a guess with nothing said
after it is ready, the last stretch could be decoded in two parts: the latest
earlier guess (already decoded: the head) and only the words after it (the
tail), which is quicker than decoding the whole last stretch. It does not do
that: this script measures why. For every fixture with a timed script it ends
the answer at each scripted phrase (the recording stopped 0.3 s or 1 s after
its last word, with silence until then), and prints the WER against what was
said and against ``analyze``'s transcription of the same audio for

- the product: the last stretch decoded whole;
- head + tail, the tail with the filler prompt (what an earlier version did);
- head + tail, the tail also prompted with the head's last 60 words.

    python bench/eval_tail.py [FIXTURE.flac ...] [--stop 0.3 1.0]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from simulator.asr.engine import FILLER_PROMPT, TranscribeOptions, merge_transcripts  # noqa: E402
from simulator.asr.pause_cutter import Stretch  # noqa: E402
from simulator.asr.streaming import StreamingTranscriber  # noqa: E402
from simulator.asr.transcribe import transcribe_stretch  # noqa: E402
from simulator.asr.wer import wer  # noqa: E402
from simulator.audio.files import load_audio  # noqa: E402
from simulator.model.transcript import Transcript  # noqa: E402
from simulator.pipeline.answer import transcribe_answer, warm_up  # noqa: E402

SR = 16_000
BLOCK = 800
MIN_ANSWER_S = 5.0  # s; shorter endings are not tried


class _PlanOnly(StreamingTranscriber):
    """Records the stretches and guesses a live recording would decode, without decoding."""

    def _decode(self, s):
        job = Future()
        job.set_result(Transcript(text=""))
        return job


def _fed(y: np.ndarray) -> _PlanOnly:
    s = _PlanOnly()
    for i in range(0, y.size, BLOCK):
        s.feed(y[i : i + BLOCK])
    return s


def split_plan(y: np.ndarray) -> list[Stretch] | None:
    """The stretches a stop would decode if the latest guess before the last
    word became a cut (None: no such guess): the committed stretches, the
    guess (the head) and the words after it (the tail)."""
    s = _fed(y)
    c = s.cutter
    if not c.speech_since_cut:
        return None
    last = s._joined(Stretch(c.last_cut, c.n, c.speech_end))
    committed = s._stretches[:-1] if last.start != c.last_cut else s._stretches
    heads = [g.stretch for g in s._guesses if g.stretch.start == last.start and g.stretch.end < c.speech_end]
    if s._wanted is not None and s._wanted.start == last.start and s._wanted.end < c.speech_end:
        heads.append(s._wanted)
    if not heads:
        return None
    return committed + [heads[-1], Stretch(heads[-1].end, c.n, c.speech_end)]


def endings(truth: dict) -> list[tuple[float, str]]:
    """(time the last word ends, what was said until then) at the end of every scripted phrase."""
    out, said = [], []
    for ph in truth["phrases"]:
        said.append(ph["text"])
        if ph["end"] >= MIN_ANSWER_S:
            out.append((ph["end"], " ".join(said)))
    return out


TAILS = {
    "head + tail, filler prompt": lambda head: FILLER_PROMPT,
    "head + tail, prompted with the head": lambda head: f"{FILLER_PROMPT} {' '.join(head.split()[-60:])}",
}


PRODUCT = "the product: whole last stretch"
WAYS = [PRODUCT, *TAILS]


def product_plan(y: np.ndarray) -> list[Stretch]:
    """The stretches a stop decodes."""
    s = _fed(y)
    s._finish_pending()
    return s._stretches


def eval_ending(y: np.ndarray, said: str) -> dict | None:
    """WER (vs analyze, vs what was said) per way of decoding; None if no guess precedes the last word."""
    stretches = split_plan(y)
    if stretches is None:
        return None
    whole = transcribe_answer(y, SR).text
    parts = [transcribe_stretch(y, SR, s) for s in stretches[:-1]]
    product = merge_transcripts([transcribe_stretch(y, SR, s) for s in product_plan(y)]).text
    head, tail = stretches[-2:]
    out = {
        "head_s": (head.speech_end - head.start) / SR,
        "tail_s": (tail.speech_end - tail.start) / SR,
        "analyze": wer(said, whole),
        PRODUCT: (wer(whole, product), wer(said, product)),
    }
    for label, prompt in TAILS.items():
        options = replace(TranscribeOptions(), initial_prompt=prompt(parts[-1].text))
        streamed = merge_transcripts(parts + [transcribe_stretch(y, SR, tail, options=options)]).text
        out[label] = (wer(whole, streamed), wer(said, streamed))
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("fixtures", nargs="*", default=sorted(str(f) for f in (ROOT / "audio_fixtures").glob("*.flac")))
    p.add_argument("--stop", type=float, nargs="+", default=[0.3, 1.0], help="s after the last word")
    args = p.parse_args()
    warm_up()
    rows = []
    for path in map(Path, args.fixtures):
        truth = json.loads(path.with_suffix(".json").read_text())
        if "text" not in truth["phrases"][0]:
            continue  # the CPA answer's phrases carry no text
        y, _ = load_audio(path)
        for end_s, said in endings(truth):
            for stop in args.stop:
                clip = np.concatenate([y[: int(round(end_s * SR))], np.zeros(int(stop * SR), np.float32)])
                r = eval_ending(clip, said)
                if r is None:
                    continue
                rows.append(r)
                print(
                    f"{path.stem:16s} end {end_s:6.2f} s stop +{stop:.1f} s head {r['head_s']:4.1f} s "
                    f"tail {r['tail_s']:4.1f} s  analyze/said {r['analyze']:.3f}  (vs analyze/said) "
                    + "  ".join(f"{r[k][0]:.3f}/{r[k][1]:.3f}" for k in WAYS),
                    flush=True,
                )
    print(
        f"\n{len(rows)} endings with a guess before the last word; `analyze` vs what was said: "
        f"mean WER {statistics.mean(r['analyze'] for r in rows):.3f}\n"
    )
    print("| the last stretch decoded as | mean WER vs `analyze` | worst | endings > 3 % | mean WER vs what was said |")
    print("|---|---:|---:|---:|---:|")
    for k in WAYS:
        v = [r[k][0] for r in rows]
        print(
            f"| {k} | {statistics.mean(v):.3f} | {max(v):.3f} | {sum(x > 0.03 for x in v)} | "
            f"{statistics.mean(r[k][1] for r in rows):.3f} |"
        )


if __name__ == "__main__":
    main()
