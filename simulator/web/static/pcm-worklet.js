// The microphone at 16 kHz mono, 16-bit, in blocks for the server (the rate Whisper and the analysis use).
// The browser records at its own rate (48 or 44.1 kHz); each output sample is a Hann-windowed sinc
// low-pass (cut at 90 % of 8 kHz, so nothing above the new Nyquist folds back into speech) evaluated
// at the output instant, from a table of PHASES fractional offsets.
'use strict';

const OUT_RATE = 16000; // Hz
const CUT = 0.9; // the low-pass edge, as a fraction of the output Nyquist (7.2 kHz)
const ZERO_CROSSINGS = 8; // of the sinc on each side: the filter's length
const PHASES = 256; // fractional offsets tabulated (1/256 of an input sample)

class Pcm16k extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const opts = (options && options.processorOptions) || {};
    this.blockSize = opts.blockSize || 800; // output samples per message (50 ms)
    this.step = sampleRate / OUT_RATE; // input samples per output sample
    this.cut = CUT * Math.min(1, 1 / this.step); // as a fraction of the input Nyquist
    this.half = Math.ceil(ZERO_CROSSINGS / this.cut); // taps on each side
    this.table = this.tabulate();
    this.buf = new Float32Array(this.half); // zeros before the first sample
    this.base = -this.half; // the input index of buf[0]
    this.made = 0; // output samples made so far
    this.out = new Int16Array(this.blockSize);
    this.fill = 0;
  }

  kernel(d) {
    const h = this.half;
    if (Math.abs(d) >= h) return 0;
    const x = Math.PI * this.cut * d;
    const sinc = x === 0 ? 1 : Math.sin(x) / x;
    return this.cut * sinc * 0.5 * (1 + Math.cos((Math.PI * d) / h));
  }

  tabulate() {
    const taps = 2 * this.half;
    const table = new Float32Array((PHASES + 1) * taps);
    for (let p = 0; p <= PHASES; p++) {
      for (let k = 0; k < taps; k++) table[p * taps + k] = this.kernel(p / PHASES + this.half - 1 - k);
    }
    return table;
  }

  append(input) {
    const n = input[0].length;
    const grown = new Float32Array(this.buf.length + n);
    grown.set(this.buf);
    for (let c = 0; c < input.length; c++) {
      const ch = input[c];
      for (let i = 0; i < n; i++) grown[this.buf.length + i] += ch[i] / input.length;
    }
    this.buf = grown;
  }

  emit(value) {
    const v = Math.max(-1, Math.min(1, value));
    this.out[this.fill++] = Math.round(v * 32767);
    if (this.fill === this.blockSize) {
      this.port.postMessage(this.out.buffer, [this.out.buffer]);
      this.out = new Int16Array(this.blockSize);
      this.fill = 0;
    }
  }

  process(inputs, outputs) {
    const input = inputs[0];
    if (!input || input.length === 0) return true;
    this.append(input);
    const taps = 2 * this.half;
    const end = this.base + this.buf.length;
    for (;;) {
      const pos = this.made * this.step;
      const c = Math.floor(pos);
      const p = Math.round((pos - c) * PHASES);
      if (c + this.half >= end) break;
      const row = p * taps;
      const first = c - this.half + 1 - this.base;
      let acc = 0;
      for (let k = 0; k < taps; k++) acc += this.buf[first + k] * this.table[row + k];
      this.emit(acc);
      this.made++;
    }
    const keep = Math.floor(this.made * this.step) - this.half + 1 - this.base;
    if (keep > 0) {
      this.buf = this.buf.slice(keep);
      this.base += keep;
    }
    if (outputs[0] && outputs[0][0]) outputs[0][0].fill(0);
    return true;
  }
}

registerProcessor('pcm16k', Pcm16k);
