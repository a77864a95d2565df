// The self-assessment page (tu-danh-gia.html): loads the units and the standard's questions, then evaluates the
// answers with POST /api/v1/assessments/evaluate. A file of its own: the Content-Security-Policy allows no inline script.
'use strict';
const CLASS_NAMES = {
  POOR: 'Hộ nghèo',
  NEAR_POOR: 'Hộ cận nghèo',
  MIDDLE: 'Hộ có mức sống trung bình',
  ABOVE: 'Không thuộc diện hộ nghèo, hộ cận nghèo'
};
const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
const $ = (id) => document.getElementById(id);

function text(tag, value, attrs = {}) {
  const el = document.createElement(tag);
  el.textContent = value;
  Object.entries(attrs).forEach(([k, v]) => el.setAttribute(k, v));
  return el;
}

async function load() {
  const [units, standards] = await Promise.all([
    fetch('/api/v1/units?date=' + today).then(r => r.json()),
    fetch('/api/v1/standards?date=' + today).then(r => r.json())
  ]);
  units.filter(u => u.areaType).forEach(u => $('unitCode').append(text('option', u.name, { value: u.code })));
  const standard = standards[0];
  $('standardName').textContent = 'Theo ' + standard.name + '. Đánh dấu những điều đúng với hộ:';
  standard.indicators.forEach(i => {
    const row = document.createElement('label');
    row.className = 'question';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'indicator';
    box.value = i.code;
    box.id = 'q-' + i.code;
    row.append(box, text('span', i.reason));
    $('questions').append(row);
  });
}

function show(result) {
  const card = document.createElement('div');
  card.className = 'card';
  card.append(text('h2', 'Kết quả: ' + CLASS_NAMES[result.classification], { id: 'classification', 'data-class': result.classification }));
  card.append(text('p', 'Thu nhập bình quân: ' + Number(result.monthlyIncomePerCapitaVnd).toLocaleString('vi-VN') + ' đồng/người/tháng.'));
  const reasons = document.createElement('ul');
  reasons.id = 'reasons';
  result.deprivations.forEach(d => reasons.append(text('li', d.name + ': ' + d.reason, { 'data-code': d.code })));
  if (result.deprivations.length) {
    card.append(text('p', 'Hộ thiếu hụt ' + result.deprivations.length + ' chỉ số:'), reasons);
  }
  card.append(text('p', result.explanation[result.explanation.length - 1], { id: 'why' }));
  $('result').replaceChildren(card);
  card.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

function showErrors(problem) {
  const card = document.createElement('div');
  card.className = 'card errors';
  card.append(text('h2', 'Chưa thể đánh giá'));
  const list = document.createElement('ul');
  (problem.errors || [{ field: '', reason: problem.detail }]).forEach(e => list.append(text('li', e.reason, { 'data-field': e.field })));
  card.append(list);
  $('result').replaceChildren(card);
  card.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

$('form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = {
    referenceDate: today,
    unitCode: $('unitCode').value,
    annualIncomeVnd: $('annualIncome').value === '' ? null : Number($('annualIncome').value),
    memberCount: $('memberCount').value === '' ? null : Number($('memberCount').value),
    deprivedIndicators: [...document.querySelectorAll('input[name=indicator]:checked')].map(b => b.value)
  };
  const response = await fetch('/api/v1/assessments/evaluate', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
  });
  const json = await response.json();
  if (response.ok) { show(json); } else { showErrors(json); }
});

load().catch(() => { $('standardName').textContent = 'Không tải được câu hỏi. Vui lòng thử lại sau.'; });
