// Charts of the dashboard page, drawn by Chart.js (served from its webjar) from data the page already shows:
// the children's table rows (data-chart-name / data-chart-value) and the trend JSON.
(function () {
  'use strict';
  const locale = document.documentElement.lang || 'vi';
  const number = new Intl.NumberFormat(locale);

  const table = document.getElementById('children');
  const childrenCanvas = document.getElementById('children-chart');
  if (table && childrenCanvas) {
    const rows = Array.from(table.querySelectorAll('tbody tr[data-chart-name]'));
    const percent = table.dataset.chartPercent === 'true';
    const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const format = v => percent ? percentFormat.format(v) : number.format(v);
    const datasets = [{
      label: table.dataset.chartLabel,
      data: rows.map(r => r.dataset.chartValue === undefined || r.dataset.chartValue === '' ? null : Number(r.dataset.chartValue)),
      backgroundColor: '#0d6efd',
      order: 2
    }];
    // a share charted with its target: each child's target as a line over the bars (issue 11)
    if (rows.some(r => r.dataset.chartTarget !== undefined)) {
      datasets.push({
        type: 'line',
        label: table.dataset.targetLabel,
        data: rows.map(r => r.dataset.chartTarget === undefined ? null : Number(r.dataset.chartTarget)),
        borderColor: '#dc3545',
        backgroundColor: '#dc3545',
        borderDash: [6, 4],
        pointRadius: 2,
        order: 1
      });
    }
    new Chart(childrenCanvas, {
      type: 'bar',
      data: { labels: rows.map(r => r.dataset.chartName), datasets: datasets },
      options: {
        maintainAspectRatio: false,
        plugins: {
          legend: { display: datasets.length > 1 },
          tooltip: { callbacks: { label: c => c.dataset.label + ': ' + format(c.parsed.y) } }
        },
        scales: { y: { beginAtZero: true, ticks: { callback: v => format(v) } } }
      }
    });
  }

  const trendCanvas = document.getElementById('trend-chart');
  const trendData = document.getElementById('trend-data');
  if (trendCanvas && trendData) {
    const points = JSON.parse(trendData.textContent);
    const labels = JSON.parse(document.getElementById('trend-labels').textContent);
    new Chart(trendCanvas, {
      type: 'line',
      data: {
        labels: points.map(p => p.year),
        datasets: [
          { label: labels[0], data: points.map(p => p.members), borderColor: '#0d6efd', yAxisID: 'people' },
          { label: labels[1], data: points.map(p => p.newMembers), borderColor: '#20c997', yAxisID: 'people' },
          { label: labels[2], data: points.map(p => p.familiesRegistered), borderColor: '#fd7e14', yAxisID: 'people' },
          { label: labels[3], data: points.map(p => p.raised), borderColor: '#6f42c1', yAxisID: 'money' }
        ]
      },
      options: {
        maintainAspectRatio: false,
        scales: {
          people: { position: 'left', beginAtZero: true, ticks: { callback: v => number.format(v) } },
          money: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
                   ticks: { callback: v => number.format(v) + ' ₫' } }
        }
      }
    });
  }
})();

// A national export takes a few seconds: say so while the browser waits for the download to start.
(function () {
  'use strict';
  const progress = document.getElementById('export-progress');
  document.querySelectorAll('[data-export]').forEach(link => link.addEventListener('click', () => {
    if (!progress) return;
    progress.classList.remove('d-none');
    setTimeout(() => progress.classList.add('d-none'), 8000);
  }));
})();
