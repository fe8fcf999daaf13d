"""Transcribe an answer while it is still being spoken.

Audio arrives in blocks (from the recorder, or any feed) and goes through the
same ``PauseCutter`` that plans a whole file's stretches, so a live answer
and its file are cut in the same places. Each completed stretch is
transcribed in the background while the person goes on talking.

At every short pause the stretch so far is also decoded speculatively: the
answer may end there. When the recording stops, a guess with nothing said
after it is kept as the last stretch; otherwise the whole last stretch is
decoded then, as ``analyze`` would decode the file. A guess that ended at a
pause inside the last sentence is never made a cut: decoded apart, the words
on either side of it lose their context ("That would show the whole team" ->
"That would show that. Folding that I read it"), which ``bench/eval_tail.py``
measures over every phrase end of the fixtures. Decodes run
``Engine.workers`` at a time, so a guess never waits behind a
stretch.

The last cut stays open while the speech after it is short: a file's plan
joins a short last stretch to the one before (``pause_cutter.with_short_tail``), so
the guesses made then cover both, and the answer's closing words are
decoded with the context a whole file would give them.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from simulator.asr.engine import TranscribeOptions, merge_transcripts
from simulator.asr.engines import get_engine
from simulator.asr.pause_cutter import PauseCutter, StreamOptions, Stretch, with_short_tail
from simulator.asr.transcribe import transcribe_stretch
from simulator.audio.files import SAMPLE_RATE
from simulator.model.transcript import Transcript

log = logging.getLogger(__name__)

__all__ = ["StreamOptions", "StreamingTranscriber"]


@dataclass
class _Guess:
    """A speculative decode of ``stretch``: the answer may end where it does."""

    job: Future
    stretch: Stretch


class StreamingTranscriber:
    """Feed 16 kHz mono blocks with ``feed``; ``finish`` returns the whole transcript."""

    def __init__(
        self,
        sr: int = SAMPLE_RATE,
        *,
        options: TranscribeOptions = TranscribeOptions(),
        stream_options: StreamOptions = StreamOptions(),
    ):
        if sr != SAMPLE_RATE:
            raise ValueError("StreamingTranscriber needs 16 kHz audio")
        self.sr = sr
        self.options = options
        self.cutter = PauseCutter(sr, stream_options)
        self._blocks: list[np.ndarray] = []
        self._jobs: list[Future] = []  # committed stretches, in order
        self._stretches: list[Stretch] = []  # and what each of them covers
        self._guesses: list[_Guess] = []  # guesses started since the last cut, oldest first
        self._wanted: Stretch | None = None  # the newest guess, waiting for the running one
        self._resampler = None
        workers = get_engine(options.engine).workers(options)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="stream-asr")

    @property
    def cuts(self) -> list[float]:
        """Seconds where the audio was cut into stretches (the last: where the final one ends)."""
        return [s.end / self.sr for s in self._stretches]

    @property
    def duration_s(self) -> float:
        return self.cutter.n / self.sr

    def audio(self) -> np.ndarray:
        """Everything received so far, as one array."""
        if len(self._blocks) > 1:
            self._blocks = [np.concatenate(self._blocks)]
        return self._blocks[0] if self._blocks else np.zeros(0, np.float32)

    def feed(self, block: np.ndarray, sr: int | None = None) -> np.ndarray:
        """Add samples (at ``sr`` Hz, default 16 kHz); may start transcribing a
        completed stretch, or guessing at a pause, in the background. Returns
        the block as 16 kHz samples."""
        block = np.asarray(block, dtype=np.float32).reshape(-1)
        if sr is not None and sr != self.sr:
            if self._resampler is None:
                import soxr

                self._resampler = soxr.ResampleStream(sr, self.sr, 1, dtype="float32")
            block = self._resampler.resample_chunk(block)
        self._blocks.append(block)
        start = self.cutter.last_cut
        for event in self.cutter.feed(block):
            stretch = Stretch(start, event.at, event.speech_end)
            if event.kind == "guess":
                self._wanted = self._joined(stretch)
            else:
                self._commit(stretch)
                start = event.at
        self._start_wanted_guess()
        return block

    def _joined(self, s: Stretch) -> Stretch:
        """``s``, or ``s`` joined to the last committed stretch if the answer ending with ``s`` would join them."""
        if not self._stretches:
            return s
        return with_short_tail(self._stretches[-1], s, self.sr, options=self.cutter.so)

    def _decode(self, s: Stretch) -> Future:
        return self._pool.submit(transcribe_stretch, self.audio(), self.sr, s, options=self.options)

    def _start_wanted_guess(self) -> None:
        """One guess runs at a time, so a cut never queues behind guesses; the newest waits."""
        if self._wanted is not None and not (self._guesses and not self._guesses[-1].job.done()):
            self._guesses.append(_Guess(self._decode(self._wanted), self._wanted))
            self._wanted = None

    def _commit(self, s: Stretch, job: Future | None = None) -> None:
        """Transcribe ``s`` as the next stretch; a guess of this very stretch is reused."""
        same = [g for g in self._guesses if g.stretch == s]
        job = job or (same[-1].job if same else self._decode(s))
        log.debug("stream cut %.2f-%.2f s%s", s.start / self.sr, s.end / self.sr, " (a guess)" if same else "")
        self._jobs.append(job)
        self._stretches.append(s)
        self._guesses, self._wanted = [], None

    def abandon(self) -> None:
        """Stop without a transcript (the recording failed or was interrupted)."""
        for job in self._jobs + [g.job for g in self._guesses]:
            job.cancel()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def finish(self) -> Transcript:
        """Transcribe what is left and return the transcript of the whole answer.

        A guess with nothing said after it is the last stretch (waited for if
        it is still running); otherwise the last stretch is decoded now.
        """
        self._finish_pending()
        try:
            return merge_transcripts([job.result() for job in self._jobs])
        finally:
            self._pool.shutdown(wait=False, cancel_futures=True)  # an unused guess may still run

    def _finish_pending(self) -> None:
        """Commit the last stretch as a file's plan ends it (``plan_stretches``):
        at the guess point in the silence after the last word, if there is one,
        whose guess is then reused; else at the end of the recording."""
        cutter = self.cutter
        if not cutter.speech_since_cut:
            return
        last = self._joined(cutter.final_stretch())
        if last.start != cutter.last_cut:  # the last cut is undone: decoded with the stretch before
            self._jobs.pop().cancel()
            self._stretches.pop()
        self._commit(last)
