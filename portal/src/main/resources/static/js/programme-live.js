// A plan's progress page, live (issue 24): the portal relays reporting-service's stream of the plan's area and sends
// a "progress" event with the rows as the page shows them; each updates its row's cells in place. Without this
// script the page shows the figures as they were when it loaded.
(function () {
  'use strict';
  var status = document.getElementById('truc-tiep');
  if (!status || !window.EventSource) {
    return;
  }
  var cells = ['current', 'achieved', 'projected', 'percent'];
  var source = new EventSource(status.getAttribute('data-live'));
  status.hidden = false;
  status.textContent = status.getAttribute('data-on');
  source.addEventListener('progress', function (event) {
    var update = JSON.parse(event.data);
    update.rows.forEach(function (row) {
      var tr = document.querySelector('#chi-tieu tr[data-indicator="' + row.indicator + '"]');
      if (!tr) {
        return;
      }
      cells.forEach(function (name) {
        var cell = tr.querySelector('[data-cell="' + name + '"]');
        if (cell && cell.textContent !== row[name]) {
          cell.textContent = row[name];
        }
      });
      var badge = tr.querySelector('[data-cell="statusText"] .badge');
      if (badge) {
        badge.textContent = row.statusText;
        badge.className = 'badge status-' + row.status;
      }
    });
    document.getElementById('ngay-so-lieu').textContent = update.asOf;
    status.textContent = status.getAttribute('data-updated').replace('{0}', update.at);
  });
  source.addEventListener('error', function () {
    // The browser reconnects by itself after a relay's lifetime; it gives up only when the portal refuses.
    if (source.readyState === EventSource.CLOSED) {
      status.textContent = status.getAttribute('data-off');
    }
  });
}());
