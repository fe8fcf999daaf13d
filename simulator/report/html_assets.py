"""The HTML report's inline stylesheet and script (no external files, no network)."""

CSP = (
    "default-src 'none'; media-src data:; img-src data:; style-src 'unsafe-inline'; "
    "script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
)

CSS = """
:root { --ink:#1d2430; --muted:#5b6575; --line:#e3e7ee; --bg:#f6f7fa; --card:#fff;
  --good:#1f8a4c; --warn:#b7791f; --bad:#c53030; --accent:#2b6cb0; --filler:#fde68a; --hedge:#e9d5ff; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  color: var(--ink); background: var(--bg); }
main { max-width: 980px; margin: 0 auto; padding: 24px 20px 48px; }
header h1 { font-size: 15px; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); margin: 0 0 6px; }
header .q { font-size: 26px; font-weight: 650; margin: 0 0 6px; line-height: 1.25; }
header .meta { color: var(--muted); margin: 0; font-size: 14px; }
section { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
  padding: 18px 20px; margin-top: 18px; }
section h2 { font-size: 17px; margin: 0 0 12px; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.card .v { font-size: 26px; font-weight: 700; }
.card .l { color: var(--muted); font-size: 13px; }
.card.good .v { color: var(--good); } .card.warn .v { color: var(--warn); } .card.bad .v { color: var(--bad); }
.verdict { font-size: 18px; font-weight: 600; margin: 14px 0 4px; }
.verdict.good { color: var(--good); } .verdict.bad { color: var(--bad); }
ul.reasons { margin: 6px 0 0; padding-left: 20px; }
.notes { color: var(--muted); font-size: 14px; margin-top: 8px; }
audio { width: 100%; margin-bottom: 10px; }
svg.wave { width: 100%; height: 110px; display: block; cursor: pointer; background: #fbfcfe; border-radius: 6px; }
svg.wave .bars { stroke: #4a5568; fill: none; }
svg.wave .pz.short { fill: #bfdbfe; } svg.wave .pz.long { fill: #fca5a5; }
svg.wave .playhead { stroke: var(--accent); stroke-width: 2; vector-effect: non-scaling-stroke; }
.legend { color: var(--muted); font-size: 13px; margin-top: 8px; display: flex; gap: 16px; flex-wrap: wrap; }
.sw { display: inline-block; width: 12px; height: 12px; border-radius: 3px; vertical-align: -1px; margin-right: 5px; }
.transcript { font-size: 17px; line-height: 2.0; }
.w { cursor: pointer; border-radius: 4px; padding: 1px 1px; }
.w:hover { background: #e2e8f0; }
.w.filler { background: var(--filler); } .w.hedge { background: var(--hedge); }
.w.now { background: var(--accent); color: #fff; }
.pause { display: inline-block; font-size: 12px; line-height: 1.4; padding: 0 6px; margin: 0 3px; border-radius: 10px;
  background: #dbeafe; color: #1e3a8a; cursor: pointer; vertical-align: 2px; }
.pause.long { background: #fee2e2; color: var(--bad); font-weight: 600; }
svg.pace { width: 100%; height: auto; display: block; }
svg.pace .band { fill: #dcfce7; } svg.pace .bandlabel { fill: var(--good); font-size: 13px; }
svg.pace .grid { stroke: var(--line); } svg.pace .tick { fill: var(--muted); font-size: 12px; }
svg.pace .line { fill: none; stroke: var(--accent); stroke-width: 2.5; }
svg.pace .dot { fill: var(--accent); cursor: pointer; }
svg.pace .mean { stroke: #718096; stroke-dasharray: 6 5; } svg.pace .meanlabel { fill: #4a5568; font-size: 12px; }
table.checks { width: 100%; border-collapse: collapse; }
table.checks td { border-top: 1px solid var(--line); padding: 10px 8px; vertical-align: top; }
table.checks td.st { width: 112px; white-space: nowrap; }
.badge { display: inline-block; font-size: 12px; font-weight: 700; border-radius: 10px; padding: 1px 8px; }
.badge.met, .badge.clear { background: #dcfce7; color: var(--good); }
.badge.partial { background: #fef3c7; color: var(--warn); }
.badge.missing, .badge.flagged { background: #fee2e2; color: var(--bad); }
.crit { font-weight: 600; } .why { color: var(--muted); font-size: 14px; }
q.ev { display: block; margin: 4px 0; padding-left: 10px; border-left: 3px solid var(--line); color: #2d3748; }
q.ev[data-start] { cursor: pointer; } q.ev[data-start]:hover { border-left-color: var(--accent); }
.tip { margin-top: 4px; } .tip::before { content: "Tip: "; font-weight: 600; }
.shape { display: flex; gap: 8px; flex-wrap: wrap; margin: 0 0 14px; padding: 0; list-style: none; }
.shape li { border: 1px solid var(--line); border-radius: 14px; padding: 2px 10px; font-size: 14px; }
.shape li.found { background: #dcfce7; border-color: #bbf7d0; }
.shape li.absent { color: var(--muted); text-decoration: line-through; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; } .cols h3 { font-size: 15px; margin: 0 0 4px; }
footer { color: var(--muted); font-size: 13px; margin-top: 18px; }
@media (max-width: 720px) { .cards { grid-template-columns: repeat(2, 1fr); } .cols { grid-template-columns: 1fr; } }
"""

JS = """
(function () {
  'use strict';
  var audio = document.getElementById('answer');
  var words = Array.prototype.slice.call(document.querySelectorAll('.transcript .w[data-start]'));
  var starts = words.map(function (w) { return parseFloat(w.getAttribute('data-start')); });
  var wave = document.getElementById('wave');
  var playhead = document.getElementById('playhead');
  var duration = parseFloat(document.body.getAttribute('data-duration')) || 0;
  var current = null;

  function seek(t) {
    if (!audio || !isFinite(t)) { return; }
    audio.currentTime = Math.max(0, t);
    var p = audio.play();
    if (p && p.catch) { p.catch(function () {}); }
  }
  document.addEventListener('click', function (e) {
    var el = e.target.closest ? e.target.closest('[data-start]') : null;
    if (el) { seek(parseFloat(el.getAttribute('data-start'))); }
  });
  if (wave) {
    wave.addEventListener('click', function (e) {
      var r = wave.getBoundingClientRect();
      var total = (audio && isFinite(audio.duration) && audio.duration) || duration;
      if (r.width > 0) { seek((e.clientX - r.left) / r.width * total); }
    });
  }
  function indexAt(t) {
    var lo = 0, hi = starts.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (starts[mid] <= t) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }
  function follow() {
    if (!audio) { return; }
    var t = audio.currentTime;
    var total = (isFinite(audio.duration) && audio.duration) || duration;
    if (playhead && total > 0) {
      var x = Math.min(1, t / total) * 1000;
      playhead.setAttribute('x1', x); playhead.setAttribute('x2', x);
    }
    var i = indexAt(t);
    var w = i >= 0 ? words[i] : null;
    if (w !== current) {
      if (current) { current.classList.remove('now'); }
      if (w) { w.classList.add('now'); }
      current = w;
    }
  }
  if (audio) {
    audio.addEventListener('timeupdate', follow);
    audio.addEventListener('seeked', follow);
  }
})();
"""
