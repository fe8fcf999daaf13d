// The practice page: ask, record over the WebSocket, show the report, list past sessions.
(function () {
  'use strict';

  const $ = (id) => document.getElementById(id);
  const METER_FLOOR_DBFS = -60;
  const BLOCK_SAMPLES = 800; // 50 ms at 16 kHz per message, the recorder's block
  let questions = [];
  let rec = null; // the answer being recorded: {ws, stream, ctx, stopping}

  async function api(path, options) {
    const response = await fetch(path, Object.assign({ credentials: 'same-origin' }, options || {}));
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error || `The server answered ${response.status}.`);
    return body;
  }

  function clock(seconds) {
    const s = Math.max(0, Math.floor(seconds || 0));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  }

  function status(text) { $('status').textContent = text; }

  function showError(text) {
    const el = $('error');
    el.textContent = text;
    el.hidden = !text;
  }

  function setBusy(busy) {
    for (const el of $('setup').elements) el.disabled = busy;
  }

  // --- the question ---------------------------------------------------------------

  async function loadQuestions() {
    questions = await api('/api/questions');
    const select = $('question');
    select.replaceChildren(...questions.map((q) => {
      const option = new Option(q.text, q.id, q.default, q.default);
      return option;
    }));
  }

  function speak(questionId) {
    const audio = $('question-audio');
    status('Listen to the question…');
    return new Promise((resolve) => {
      const done = (note) => { audio.onended = audio.onerror = null; if (note) showError(note); resolve(); };
      audio.onended = () => done('');
      audio.onerror = () => done('The question could not be spoken; read it above and answer.');
      audio.src = `/api/questions/${encodeURIComponent(questionId)}/speech`;
      audio.play().catch(() => done('The question could not be played; read it above and answer.'));
    });
  }

  // --- recording ------------------------------------------------------------------

  async function openMicrophone(ws) {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    });
    const ctx = new AudioContext();
    await ctx.audioWorklet.addModule('/static/pcm-worklet.js');
    const node = new AudioWorkletNode(ctx, 'pcm16k', { processorOptions: { blockSize: BLOCK_SAMPLES } });
    node.port.onmessage = (e) => {
      if (rec && !rec.stopping && ws.readyState === WebSocket.OPEN) ws.send(e.data);
    };
    ctx.createMediaStreamSource(stream).connect(node);
    node.connect(ctx.destination); // its output is silence; connected so that the graph runs it
    await ctx.resume();
    return { stream, ctx };
  }

  function closeMicrophone() {
    if (!rec) return;
    if (rec.stream) rec.stream.getTracks().forEach((t) => t.stop());
    if (rec.ctx) rec.ctx.close().catch(() => {});
    rec.stream = rec.ctx = null;
  }

  function stop() {
    if (!rec || rec.stopping || !rec.ctx) return;
    rec.stopping = true;
    closeMicrophone();
    if (rec.ws.readyState === WebSocket.OPEN) rec.ws.send(JSON.stringify({ type: 'stop' }));
    $('stop').disabled = true;
    status('Analysing your answer…');
  }

  function finish(error) {
    closeMicrophone();
    if (error) showError(error);
    $('stop').disabled = true;
    $('level').value = METER_FLOOR_DBFS;
    rec = null;
    setBusy(false);
  }

  async function onMessage(event) {
    const msg = JSON.parse(event.data);
    if (msg.type === 'ready') {
      try {
        Object.assign(rec, await openMicrophone(rec.ws));
      } catch (err) {
        rec.ws.close();
        finish(`The microphone could not be opened (${err.message}); allow it for this page and try again.`);
        return;
      }
      $('stop').disabled = false;
      $('stop').focus();
      status('Answer now. Stop with the button or Space, or just stop talking.');
    } else if (msg.type === 'level') {
      $('level').value = Math.max(METER_FLOOR_DBFS, msg.dbfs);
      $('timer').textContent = clock(msg.elapsed_s);
    } else if (msg.type === 'stopped') {
      if (rec) rec.stopping = true;
      closeMicrophone();
      $('stop').disabled = true;
      status(msg.reason === 'silence' ? 'You went quiet, so the recording stopped. Analysing…' : 'Analysing your answer…');
    } else if (msg.type === 'done') {
      rec.done = true;
      finish('');
      status('Done: your report is below.');
      showReport(msg.session_id);
      refreshPast();
    } else if (msg.type === 'error') {
      rec.done = true;
      finish(msg.error);
      status('The answer could not be analysed.');
    }
  }

  function record(question) {
    const ws = new WebSocket(`ws://${location.host}/api/record`);
    rec = { ws, stopping: false, done: false };
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => ws.send(JSON.stringify({
      type: 'start', question: question.id,
      role: $('role').value, company: $('company').value, posting: $('posting').value,
    }));
    ws.onmessage = onMessage;
    ws.onclose = () => { if (rec && rec.ws === ws && !rec.done) finish('The connection to the server was lost; start the answer again.'); };
    status('Getting the microphone ready…');
  }

  async function start(event) {
    event.preventDefault();
    if (rec) return;
    const question = questions.find((q) => q.id === $('question').value);
    if (!question) return;
    showError('');
    setBusy(true);
    $('asked').textContent = question.text;
    $('timer').textContent = clock(0);
    if ($('speak').checked) await speak(question.id);
    record(question);
  }

  document.addEventListener('keydown', (e) => {
    const typing = e.target.closest && e.target.closest('input, textarea, select');
    if (e.code === 'Space' && rec && rec.ctx && !rec.stopping && !typing) {
      e.preventDefault();
      stop();
    }
  });

  // --- the report and past sessions ---------------------------------------------

  function showReport(sessionId) {
    const frame = $('report-frame');
    frame.onload = () => {
      const doc = frame.contentDocument;
      if (doc && doc.documentElement) frame.style.height = `${doc.documentElement.scrollHeight + 20}px`;
      $('report-h').focus();
    };
    frame.src = `/sessions/${encodeURIComponent(sessionId)}/report`;
    $('report').hidden = false;
  }

  function cell(text) {
    const td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '–' : text;
    return td;
  }

  function number(value, digits) { return value === null || value === undefined ? null : value.toFixed(digits); }

  function button(label, name, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.setAttribute('aria-label', name);
    b.addEventListener('click', onClick);
    return b;
  }

  function deleteButton(s) {
    const name = `Delete the session of ${new Date(s.created_at).toLocaleString()}`;
    const b = button('Delete', name, async () => {
      if (b.dataset.armed !== '1') { // the first press asks, the second deletes
        b.dataset.armed = '1';
        b.textContent = 'Confirm delete';
        status('Press “Confirm delete” to delete that session and its audio.');
        return;
      }
      try {
        await api(`/api/sessions/${encodeURIComponent(s.id)}`, { method: 'DELETE' });
        status('The session was deleted.');
        $('past-h').focus();
      } catch (err) { showError(err.message); }
      refreshPast();
    });
    b.addEventListener('blur', () => { b.dataset.armed = ''; b.textContent = 'Delete'; });
    return b;
  }

  function sessionRow(s) {
    const tr = document.createElement('tr');
    tr.dataset.id = s.id;
    tr.append(
      cell(new Date(s.created_at).toLocaleString()), cell(s.question_text), cell(s.duration_s === null ? null : clock(s.duration_s)),
      cell(number(s.wpm, 0)), cell(s.long_pauses), cell(number(s.fillers_per_min, 1)), cell(number(s.content_score, 0)),
    );
    const actions = document.createElement('td');
    actions.className = 'actions';
    const when = new Date(s.created_at).toLocaleString();
    actions.append(button('Report', `Show the report of ${when}`, () => showReport(s.id)), deleteButton(s));
    tr.append(actions);
    return tr;
  }

  function historyBlock(h) {
    const div = document.createElement('div');
    div.className = 'trend';
    const head = document.createElement('h3');
    head.textContent = `${h.title} (${h.sessions} session${h.sessions === 1 ? '' : 's'})`;
    const read = document.createElement('p');
    read.textContent = h.read;
    div.append(head, read);
    return div;
  }

  async function refreshPast() {
    try {
      const [sessions, history] = await Promise.all([api('/api/sessions'), api('/api/history')]);
      $('sessions').tBodies[0].replaceChildren(...sessions.slice().reverse().map(sessionRow));
      $('no-sessions').hidden = sessions.length > 0;
      $('sessions').hidden = sessions.length === 0;
      $('history').replaceChildren(...history.map(historyBlock));
    } catch (err) {
      showError(`The past sessions could not be loaded: ${err.message}`);
    }
  }

  $('setup').addEventListener('submit', start);
  $('stop').addEventListener('click', stop);
  loadQuestions().catch((err) => showError(`The questions could not be loaded: ${err.message}`));
  refreshPast();
}());
