// A broadcast's live progress (the Content-Security-Policy allows no inline script).
// Polls the JSON at data-progress-url every second and writes the numbers into the page's
// [data-field] / [data-report] elements; once the broadcast is done it shows the final report
// and stops. Every word on the page is rendered by the server: this file only moves numbers.
(function () {
  'use strict';
  var INTERVAL_MS = 1000;

  function render(root, state) {
    ['total', 'sent', 'failed', 'pending', 'waitingInInbox'].forEach(function (key) {
      var el = root.querySelector('[data-field="' + key + '"]');
      if (el && typeof state[key] === 'number') el.textContent = String(state[key]);
    });
    var bar = root.querySelector('progress[data-field="bar"]');
    if (bar) {
      bar.max = Math.max(state.total, 1);
      bar.value = state.sent + state.failed;
    }
    root.setAttribute('data-done', String(!!state.done));
    document.body.setAttribute('data-broadcast-sent', String(state.sent));
    if (!state.done) return;
    var report = state.report || { total: state.total, sent: state.sent, failed: state.failed, seconds: 0 };
    ['total', 'sent', 'failed', 'seconds'].forEach(function (key) {
      var el = root.querySelector('[data-report="' + key + '"]');
      if (el) el.textContent = String(report[key]);
    });
    root.querySelectorAll('[data-when="done"]').forEach(function (el) { el.hidden = false; });
    root.querySelectorAll('[data-when="live"]').forEach(function (el) { el.hidden = true; });
  }

  function start() {
    var root = document.getElementById('broadcast-progress');
    if (!root) return;
    var url = root.getAttribute('data-progress-url');
    if (root.getAttribute('data-done') === 'true') return;
    var timer = null;
    function poll() {
      fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
        .then(function (res) {
          if (!res.ok) throw new Error('HTTP ' + res.status);
          return res.json();
        })
        .then(function (state) {
          render(root, state);
          if (state.done) return;
          timer = setTimeout(poll, INTERVAL_MS);
        })
        .catch(function (err) {
          // A failed poll (network, logged out) is retried; the page keeps the last numbers.
          root.setAttribute('data-poll-error', String(err && err.message));
          timer = setTimeout(poll, INTERVAL_MS * 3);
        });
    }
    timer = setTimeout(poll, INTERVAL_MS);
    window.addEventListener('pagehide', function () { if (timer) clearTimeout(timer); });
  }

  document.addEventListener('DOMContentLoaded', start);
})();
