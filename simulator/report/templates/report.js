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
