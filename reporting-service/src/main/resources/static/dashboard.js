// The public dashboard: loads /api/v1/dashboard, then follows the area's SSE stream and redraws without reloading.
'use strict';
(function () {
  const params = new URLSearchParams(location.search);
  const area = params.get('area') || '';
  const year = params.get('year') || '';
  const STATUS = { ACHIEVED: 'Đã đạt', ON_TRACK: 'Đúng tiến độ', AT_RISK: 'Có nguy cơ không đạt', MISSED: 'Không đạt',
    NO_DATA: 'Chưa có số liệu' };
  const number = (v) => v === null || v === undefined ? '–' : Number(v).toLocaleString('vi-VN');
  const percent = (v) => v === null || v === undefined ? '–' : Number(v).toLocaleString('vi-VN',
    { maximumFractionDigits: 2 }) + '%';
  const date = (iso) => iso ? iso.split('-').reverse().join('/') : '';
  const $ = (id) => document.getElementById(id);
  let trend = [];

  function text(id, value) { $(id).textContent = value; }

  function el(tag, attrs, children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    (children || []).forEach((c) => e.append(c));
    return e;
  }

  // The filled part of a progress bar. Its width is set through the CSSOM: the Content-Security-Policy refuses style
  // attributes, as it refuses any inline style.
  function fill(percent) {
    const e = el('div');
    e.style.width = percent + '%';
    return e;
  }

  function render(s) {
    const f = s.total;
    text('area-name', s.name);
    text('as-of', date(s.asOf));
    text('poor', number(f.households.POOR));
    text('near-poor', number(f.households.NEAR_POOR));
    text('poor-rate', f.poorRate === null ? 'chưa có số hộ của cơ quan thống kê' : 'tỷ lệ ' + percent(f.poorRate));
    text('near-poor-rate', f.nearPoorRate === null ? '' : 'tỷ lệ ' + percent(f.nearPoorRate));
    text('people-poor', number(f.peopleInPoorHouseholds));
    text('people-near-poor', number(f.peopleInNearPoorHouseholds));
    renderPlan(s.plan);
    renderUnits(s.units, f);
    renderCoverage(f);
    if (trend.length && trend[trend.length - 1].date.slice(0, 4) === s.asOf.slice(0, 4)) {
      trend[trend.length - 1] = { date: s.asOf, poor: f.households.POOR, nearPoor: f.households.NEAR_POOR };
      renderTrend();
    }
  }

  function renderPlan(p) {
    const box = $('targets');
    box.replaceChildren();
    if (!p) {
      text('plan-title', '(chưa có kế hoạch cho địa bàn này)');
      text('plan-period', '');
      return;
    }
    text('plan-title', p.plan.title);
    text('plan-period', 'Kỳ ' + date(p.plan.from) + ' – ' + date(p.plan.to) + '; số liệu đến ' + date(p.asOf)
      + ' (' + p.elapsedPercent + '% thời gian); mốc so sánh: ' + date(p.baselineDate) + '.');
    p.targets.forEach((t) => {
      const unit = t.unit === '%' ? (t.goal === 'REDUCE' ? ' điểm %' : '%') : ' ' + t.unit;
      const goal = t.goal === 'REDUCE'
        ? 'Giảm ' + number(t.targetMin) + (t.targetMax && t.targetMax !== t.targetMin ? '–' + number(t.targetMax) : '') + unit
        : 'Đạt ' + number(t.targetMin) + '%';
      const done = t.goal === 'REDUCE'
        ? (Number(t.achieved) < 0 ? 'tăng ' + number(-t.achieved) : 'đã giảm ' + number(t.achieved)) + unit
          + ' (từ ' + number(t.baseline) + ' đến nay ' + number(t.current) + ')'
          + (t.projected !== null ? '; theo đà này cuối kỳ còn ' + number(t.projected) : '')
        : 'hiện đạt ' + percent(t.current) + (t.projected !== null ? '; theo đà này cuối kỳ ' + percent(t.projected) : '');
      const width = Math.max(0, Math.min(100, Number(t.percentOfTarget || 0)));
      box.append(el('div', { class: 'target', 'data-indicator': t.indicator }, [
        el('div', { class: 'head' }, [el('span', {}, [t.name + ': ' + goal]),
          el('span', { class: 'status ' + t.status }, [STATUS[t.status] || t.status])]),
        el('div', { class: 'bar', role: 'progressbar', 'aria-valuenow': String(width), 'aria-valuemin': '0',
          'aria-valuemax': '100' }, [fill(width)]),
        el('div', { class: 'detail' }, [done])]));
    });
  }

  function row(f, tag) {
    return el('tr', { 'data-area': f.area }, [el(tag, {}, [f.areaName]),
      el(tag, { class: 'poor' }, [number(f.households.POOR)]), el(tag, {}, [percent(f.poorRate)]),
      el(tag, { class: 'near-poor' }, [number(f.households.NEAR_POOR)]), el(tag, {}, [percent(f.nearPoorRate)]),
      el(tag, {}, [percent(f.healthInsurance.percent)])]);
  }

  function renderUnits(units, total) {
    document.querySelector('#units tbody').replaceChildren(...units.map((u) => row(u, 'td')));
    document.querySelector('#units tfoot').replaceChildren(row(Object.assign({}, total, { areaName: 'Toàn địa bàn' }), 'td'));
  }

  function renderCoverage(f) {
    const items = [['Thẻ bảo hiểm y tế', f.healthInsurance], ['Miễn, giảm học phí, hỗ trợ chi phí học tập', f.educationSupport],
      ['Vay vốn ưu đãi (hộ có nhu cầu)', f.loans], ['Cán bộ giảm nghèo được tập huấn', f.officersTrained]];
    $('coverage').replaceChildren(...items.map(([name, c]) => el('div', { class: 'target' }, [
      el('div', { class: 'head' }, [el('span', {}, [name]), el('span', {}, [number(c.covered) + ' / ' + number(c.eligible)
        + ' (' + percent(c.percent) + ')'])]),
      el('div', { class: 'bar' }, [fill(Math.min(100, Number(c.percent || 0)))]),
      el('div', { class: 'detail' }, [c.note])])));
  }

  function renderTrend() {
    const w = 640, h = 220, pad = 34;
    const max = Math.max(1, ...trend.map((p) => Math.max(p.poor, p.nearPoor)));
    const x = (i) => pad + (trend.length === 1 ? 0 : i * (w - 2 * pad) / (trend.length - 1));
    const y = (v) => h - pad - v * (h - 2 * pad) / max;
    const line = (key) => trend.map((p, i) => (i ? 'L' : 'M') + x(i).toFixed(1) + ' ' + y(p[key]).toFixed(1)).join(' ');
    const labels = trend.map((p, i) => '<text x="' + x(i) + '" y="' + (h - 10) + '" font-size="11" text-anchor="middle">'
      + p.date.slice(5, 7) + '/' + p.date.slice(2, 4) + '</text>').join('');
    $('trend').innerHTML = '<svg viewBox="0 0 ' + w + ' ' + h + '" role="img" aria-label="Số hộ nghèo, cận nghèo cuối mỗi tháng">'
      + '<line x1="' + pad + '" y1="' + (h - pad) + '" x2="' + (w - pad) + '" y2="' + (h - pad) + '" stroke="#999"/>'
      + '<text x="4" y="' + (pad - 6) + '" font-size="11">' + max + '</text>'
      + '<text x="4" y="' + (h - pad) + '" font-size="11">0</text>'
      + '<path d="' + line('poor') + '" fill="none" stroke="#b71c1c" stroke-width="2.5"/>'
      + '<path d="' + line('nearPoor') + '" fill="none" stroke="#ef8f00" stroke-width="2.5"/>' + labels + '</svg>';
  }

  function connect(key) {
    const source = new EventSource('api/v1/areas/' + encodeURIComponent(key) + '/stream');
    source.addEventListener('figures', (e) => { $('live').classList.remove('off'); render(JSON.parse(e.data)); });
    source.onerror = () => $('live').classList.add('off');
  }

  const query = new URLSearchParams();
  if (area) { query.set('area', area); }
  if (year) { query.set('year', year); }
  fetch('api/v1/dashboard' + (query.toString() ? '?' + query : ''))
    .then((r) => r.ok ? r.json() : r.json().then((p) => Promise.reject(new Error(p.detail || r.status))))
    .then((d) => {
      trend = d.trend;
      text('trend-year', trend.length ? trend[0].date.slice(0, 4) + ' (?year= để xem năm khác)' : '');
      render(d.snapshot);
      renderTrend();
      connect(d.snapshot.area);
    })
    .catch((e) => { text('area-name', 'không tải được số liệu: ' + e.message); });
})();
