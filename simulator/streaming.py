"""Transcribe an answer while it is still being spoken.

Audio arrives in blocks (from the recorder, or any feed). Whenever the speaker
pauses naturally and enough speech has piled up, the stretch since the last
cut is handed to a background worker that transcribes it, so that when the
answer ends only the last stretch is left to decode.

Cuts are made inside silences only, so no word is split; word times are
offset back to the whole recording.
"""

from __future__ import annotations

import logging
import math
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace

import numpy as np

from simulator.transcribe import TranscribeOptions, transcribe
from simulator.transcript import Transcript

log = logging.getLogger(__name__)

FLOOR_PERCENTILE = 5  # the noise floor is this percentile of the frame levels so far
PROMPT_WORDS = 40  # words of the previous stretch used to prime the next


@dataclass(frozen=True)
class StreamOptions:
    """When to cut the incoming audio into stretches for transcription."""

    frame_s: float = 0.02  # s; energy frame length
    cut_pause_s: float = 0.5  # s; a silence this long is a natural place to cut
    min_chunk_s: float = 12.0  # s; shorter stretches give the model too little context
    max_chunk_s: float = 25.0  # s; cut anyway before Whisper's 30 s window fills
    speech_margin_db: float = 12.0  # dB above the noise floor that counts as speech
    below_typical_db: float = 15.0  # dB; the threshold stays this far below the median level
    min_threshold_dbfs: float = -60.0  # dBFS; floor for the speech threshold (digital silence)
    prompt_previous: bool = True  # prime each stretch with the words before it


class StreamingTranscriber:
    """Feed 16 kHz mono blocks with ``feed``; ``finish`` returns the whole transcript."""

    def __init__(
        self,
        sr: int = 16_000,
        *,
        options: TranscribeOptions = TranscribeOptions(),
        stream_options: StreamOptions = StreamOptions(),
    ):
        if sr != 16_000:
            raise ValueError("StreamingTranscriber needs 16 kHz audio")
        self.sr = sr
        self.options = options
        self.so = stream_options
        self._frame = int(round(stream_options.frame_s * sr))
        self._blocks: list[np.ndarray] = []
        self._n = 0  # samples received
        self._pending = np.zeros(0, np.float32)  # samples not yet framed
        self._frame_db: list[float] = []
        self._quiet_run = 0  # consecutive quiet frames at the end
        self._speech_since_cut = False
        self._last_cut = 0  # sample index
        self._jobs: list[Future] = []
        self._previous_text = ""
        self._resampler = None
        self.cuts: list[float] = []  # s; where the audio was cut into stretches
        self._speculation: tuple[Future, int] | None = None  # (job, cut sample) of the latest guess
        self._speech_since_guess = False
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stream-asr")

    @property
    def duration_s(self) -> float:
        return self._n / self.sr

    def audio(self) -> np.ndarray:
        """Everything received so far, as one array."""
        if len(self._blocks) > 1:
            self._blocks = [np.concatenate(self._blocks)]
        return self._blocks[0] if self._blocks else np.zeros(0, np.float32)

    def _threshold_db(self) -> float:
        """Speech threshold: above the noise floor, and well below the typical level."""
        if not self._frame_db:
            return self.so.min_threshold_dbfs
        floor, typical = np.percentile(self._frame_db, [FLOOR_PERCENTILE, 50])
        threshold = min(floor + self.so.speech_margin_db, typical - self.so.below_typical_db)
        return max(float(threshold), self.so.min_threshold_dbfs)

    def feed(self, block: np.ndarray, sr: int | None = None) -> None:
        """Add samples (at ``sr`` Hz, default 16 kHz); may start transcribing a
        completed stretch in the background."""
        block = np.asarray(block, dtype=np.float32).reshape(-1)
        if sr is not None and sr != self.sr:
            if self._resampler is None:
                import soxr

                self._resampler = soxr.ResampleStream(sr, self.sr, 1, dtype="float32")
            block = self._resampler.resample_chunk(block)
        self._blocks.append(block)
        self._n += block.size
        data = np.concatenate([self._pending, block])
        usable = data.size // self._frame * self._frame
        self._pending = data[usable:]
        if not usable:
            return
        frames = data[:usable].reshape(-1, self._frame)
        dbs = 10 * np.log10(np.mean(frames.astype(np.float64) ** 2, axis=1) + 1e-12)
        first_frame = (self._n - self._pending.size - usable) // self._frame
        self._frame_db.extend(float(db) for db in dbs)
        threshold = self._threshold_db()
        for k, db in enumerate(dbs):
            self._on_frame(first_frame + k, db < threshold)

    def _on_frame(self, index: int, quiet: bool) -> None:
        self._quiet_run = self._quiet_run + 1 if quiet else 0
        self._speech_since_cut |= not quiet
        self._speech_since_guess |= not quiet
        if not self._speech_since_cut:
            return
        end = (index + 1) * self._frame
        chunk_s = (end - self._last_cut) / self.sr
        if self._quiet_run == math.ceil(self.so.cut_pause_s / self.so.frame_s):
            at = end - (self._quiet_run * self._frame) // 2  # the middle of the silence so far
            if chunk_s >= self.so.min_chunk_s:
                self._cut(at)  # a pause between sentences, after enough speech
            else:
                self._guess(at)  # the answer may end here: decode what is pending, in case
        elif chunk_s >= self.so.max_chunk_s:
            self._cut(self._quietest_recent(end))

    def _guess(self, at: int) -> None:
        """Speculatively decode [last cut, at); ``finish`` keeps it if it is the latest."""
        self._drop_guess()
        chunk = self.audio()[self._last_cut : at].copy()
        self._speculation = (self._pool.submit(self._transcribe_next, chunk, self._last_cut / self.sr, False), at)
        self._speech_since_guess = False

    def _drop_guess(self) -> None:
        if self._speculation is not None:
            self._speculation[0].cancel()  # a no-op once the worker has started it
            self._speculation = None

    def _quietest_recent(self, end: int) -> int:
        lookback = int(3.0 / self.so.frame_s)
        recent = self._frame_db[-lookback:]
        k = int(np.argmin(recent))
        return end - (len(recent) - k) * self._frame + self._frame // 2

    def _cut(self, at: int) -> None:
        self._drop_guess()
        start, self._last_cut = self._last_cut, at
        self._speech_since_cut = False
        self.cuts.append(at / self.sr)
        chunk = self.audio()[start:at].copy()
        log.debug("stream cut %.2f-%.2f s", start / self.sr, at / self.sr)
        self._jobs.append(self._pool.submit(self._transcribe_next, chunk, start / self.sr, True))

    def _transcribe_next(self, chunk: np.ndarray, offset_s: float, commit: bool) -> Transcript:
        """Runs on the worker, in order: the previous stretch's words prime the next."""
        options = self.options
        if self.so.prompt_previous and self._previous_text:
            tail = " ".join(self._previous_text.split()[-PROMPT_WORDS:])
            options = replace(options, initial_prompt=f"{options.initial_prompt} {tail}".strip())
        part = transcribe(chunk, self.sr, options=options, offset_s=offset_s)
        if commit:
            self._previous_text = part.text or self._previous_text
        return part

    def abandon(self) -> None:
        """Stop without a transcript (the recording failed or was interrupted)."""
        self._drop_guess()
        for job in self._jobs:
            job.cancel()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def finish(self) -> Transcript:
        """Transcribe what is left and return the transcript of the whole answer.

        The latest guess (decoded at the last pause) is kept, so only speech
        after it, if any, is still to decode.
        """
        if self._speculation is not None:
            job, at = self._speculation
            self._speculation = None
            part = job.result()
            self._previous_text = part.text or self._previous_text
            self._jobs.append(job)
            self._last_cut = at
            self.cuts.append(at / self.sr)
            self._speech_since_cut = self._speech_since_guess
        if self._n > self._last_cut and self._speech_since_cut:
            self._cut(self._n)
        try:
            parts = [job.result() for job in self._jobs]
        finally:
            self._pool.shutdown(wait=True)
        return merge_transcripts(parts)


def merge_transcripts(parts: list[Transcript]) -> Transcript:
    """Join consecutive stretch transcripts (word times already absolute)."""
    words = [w for p in parts for w in p.words]
    text = " ".join(p.text for p in parts if p.text)
    weights = [(p.avg_logprob, (p.words[-1].end - p.words[0].start) if p.words else 0.0) for p in parts]
    total = sum(w for lp, w in weights if lp is not None)
    avg = sum(lp * w for lp, w in weights if lp is not None) / total if total else None
    return Transcript(text=text, words=words, avg_logprob=round(avg, 4) if avg is not None else None)
