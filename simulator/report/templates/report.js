(function () {
  'use strict';
  // One player per answer: the elements inside a [data-answer] block (or the whole page when there is none)
  // belong to that block's <audio>. An element with data-audio="ID" seeks that <audio> instead.
  var blocks = Array.prototype.slice.call(document.querySelectorAll('[data-answer]'));
  if (!blocks.length) { blocks = [document.body]; }

  function Player(scope) {
    this.audio = scope.querySelector('audio');
    this.words = Array.prototype.slice.call(scope.querySelectorAll('.transcript .w[data-start]'));
    this.starts = this.words.map(function (w) { return parseFloat(w.getAttribute('data-start')); });
    this.wave = scope.querySelector('svg.wave');
    this.playhead = scope.querySelector('.playhead');
    this.duration = parseFloat(scope.getAttribute('data-duration')) || 0;
    this.current = null;
    var self = this;
    if (this.audio) {
      this.audio.addEventListener('timeupdate', function () { self.follow(); });
      this.audio.addEventListener('seeked', function () { self.follow(); });
      this.audio.addEventListener('play', function () { players.forEach(function (p) { if (p !== self) { p.pause(); } }); });
    }
    if (this.wave) {
      this.wave.addEventListener('click', function (e) {
        var r = self.wave.getBoundingClientRect();
        if (r.width > 0) { self.seek((e.clientX - r.left) / r.width * self.total()); }
      });
    }
  }
  Player.prototype.total = function () {
    return (this.audio && isFinite(this.audio.duration) && this.audio.duration) || this.duration;
  };
  Player.prototype.pause = function () { if (this.audio && !this.audio.paused) { this.audio.pause(); } };
  Player.prototype.seek = function (t) {
    if (!this.audio || !isFinite(t)) { return; }
    this.audio.currentTime = Math.max(0, t);
    var p = this.audio.play();
    if (p && p.catch) { p.catch(function () {}); }
  };
  Player.prototype.indexAt = function (t) {
    var lo = 0, hi = this.starts.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (this.starts[mid] <= t) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  };
  Player.prototype.follow = function () {
    var t = this.audio.currentTime, total = this.total();
    if (this.playhead && total > 0) {
      var x = Math.min(1, t / total) * 1000;
      this.playhead.setAttribute('x1', x); this.playhead.setAttribute('x2', x);
    }
    var i = this.indexAt(t);
    var w = i >= 0 ? this.words[i] : null;
    if (w !== this.current) {
      if (this.current) { this.current.classList.remove('now'); }
      if (w) { w.classList.add('now'); }
      this.current = w;
    }
  };

  var players = blocks.map(function (b) { return new Player(b); });
  function playerFor(el) {
    var id = el.getAttribute('data-audio');
    var audio = id ? document.getElementById(id) : null;
    var scope = el.closest('[data-answer]') || document.body;
    for (var k = 0; k < players.length; k++) {
      if (audio ? players[k].audio === audio : blocks[k] === scope) { return players[k]; }
    }
    return players[0];
  }
  document.addEventListener('click', function (e) {
    var el = e.target.closest ? e.target.closest('[data-start]') : null;
    if (el) { playerFor(el).seek(parseFloat(el.getAttribute('data-start'))); }
  });
})();
