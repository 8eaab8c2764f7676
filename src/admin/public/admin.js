// The console's only script (the Content-Security-Policy allows no inline script).
// Draws every <canvas data-chart="…"> with chart.js from the JSON the server rendered into it.
(function () {
  'use strict';
  var PALETTE = ['#2f6fb0', '#e07b39', '#3a9d5d', '#c2453d', '#8a63b8', '#b8a03a', '#3aa5b0', '#7a7a7a'];

  function config(spec) {
    var round = spec.type === 'doughnut' || spec.type === 'pie';
    var datasets = spec.datasets.map(function (d, i) {
      var colour = d.colors
        ? (round ? d.colors : d.colors[0])
        : round ? spec.labels.map(function (_, j) { return PALETTE[j % PALETTE.length]; }) : PALETTE[i % PALETTE.length];
      return { label: d.label, data: d.data, backgroundColor: colour, borderColor: round ? '#fff' : colour, borderWidth: round ? 2 : 1 };
    });
    var options = {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: round || datasets.length > 1, position: 'bottom' } },
    };
    if (!round) {
      options.scales = {
        x: { stacked: !!spec.stacked },
        y: { stacked: !!spec.stacked, beginAtZero: true, ticks: { precision: 0 } },
      };
    }
    return { type: spec.type, data: { labels: spec.labels, datasets: datasets }, options: options };
  }

  function drawCharts() {
    var canvases = document.querySelectorAll('canvas[data-chart]');
    if (canvases.length === 0) return;
    if (typeof window.Chart !== 'function') {
      document.body.setAttribute('data-charts', 'unavailable');
      return;
    }
    window.Chart.defaults.font.family = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
    var drawn = 0;
    canvases.forEach(function (canvas) {
      try {
        new window.Chart(canvas, config(JSON.parse(canvas.getAttribute('data-chart'))));
        drawn += 1;
      } catch (err) {
        canvas.setAttribute('data-chart-error', String(err && err.message));
      }
    });
    document.body.setAttribute('data-charts', String(drawn));
  }

  document.addEventListener('DOMContentLoaded', drawCharts);
})();
