// The self-assessment page (tu-danh-gia.html): loads the units and the standard's questions, then evaluates the
// answers with POST /api/v1/assessments/evaluate; after the result, the household may send a review request
// (POST /api/v1/review-requests/online) and is shown its receipt. A file of its own: the Content-Security-Policy allows
// no inline script.
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
  units.filter(u => u.areaType).forEach(u => {
    $('unitCode').append(text('option', u.name, { value: u.code }));
    $('req-unitCode').append(text('option', u.name, { value: u.code }));
  });
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
  $('req-unitCode').value = $('unitCode').value;
  $('request').hidden = false;
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

// The review request: each field's problem is said in Vietnamese beside it, whether found here or by the service.
const REQUEST_FIELDS = ['form', 'unitCode', 'headName', 'village', 'citizenId', 'phone', 'consent'];
const MESSAGES = {
  form: () => 'Chọn loại đề nghị.',
  unitCode: (reason) => reason ? 'Xã, phường này không nhận đề nghị; hãy chọn xã, phường nơi hộ đang sống.'
    : 'Chọn xã, phường nơi hộ đang sống.',
  headName: (reason) => lengthOrLine(reason) || 'Ghi họ và tên chủ hộ.',
  village: (reason) => lengthOrLine(reason) || 'Ghi thôn hoặc tổ dân phố nơi hộ đang sống.',
  citizenId: (reason) => reason && reason.includes('province')
    ? '3 chữ số đầu không phải mã tỉnh, thành phố; hãy xem lại số trên thẻ căn cước.'
    : 'Số định danh cá nhân phải gồm đúng 12 chữ số.',
  phone: () => 'Số điện thoại di động chưa đúng, ví dụ 0912345678.',
  consent: () => 'Cần đánh dấu đồng ý thì mới gửi được đề nghị.'
};

function lengthOrLine(reason) {
  if (!reason) { return null; }
  if (reason.includes('size')) { return 'Không quá 100 ký tự.'; }
  if (reason.includes('one line')) { return 'Chỉ ghi trên một dòng.'; }
  return null;
}

function fieldInput(field) {
  return field === 'form' ? $('req-form') : $('req-' + field);
}

function clearRequestErrors() {
  REQUEST_FIELDS.forEach(f => {
    $('err-' + f).hidden = true;
    $('err-' + f).textContent = '';
    fieldInput(f).removeAttribute('aria-invalid');
  });
  $('request-error').hidden = true;
}

function showFieldError(field, reason) {
  const message = (MESSAGES[field] || (() => null))(reason);
  if (!message) { return false; }
  $('err-' + field).textContent = message;
  $('err-' + field).hidden = false;
  fieldInput(field).setAttribute('aria-invalid', 'true');
  return true;
}

function showRequestError(message) {
  $('request-error').textContent = message;
  $('request-error').hidden = false;
}

function requestBody() {
  const phone = $('req-phone').value.trim();
  const checked = document.querySelector('input[name=req-form]:checked');
  return {
    unitCode: $('req-unitCode').value,
    headName: $('req-headName').value.trim(),
    village: $('req-village').value.trim(),
    citizenId: $('req-citizenId').value.replace(/\s/g, ''),
    phone: phone === '' ? null : phone,
    form: checked ? checked.value : null,
    consent: $('req-consent').checked
  };
}

/** What can be told before sending; the service checks all of it again. */
function problemsOf(body) {
  const problems = [];
  if (!body.form) { problems.push('form'); }
  if (!body.unitCode) { problems.push('unitCode'); }
  if (!body.headName) { problems.push('headName'); }
  if (!body.village) { problems.push('village'); }
  if (!/^\d{12}$/.test(body.citizenId)) { problems.push('citizenId'); }
  if (!body.consent) { problems.push('consent'); }
  return problems;
}

function vnDate(iso) {
  return iso ? iso.split('-').reverse().join('/') : null;
}

function showReceipt(receipt) {
  const card = document.createElement('div');
  card.className = 'card receipt';
  card.append(text('h3', 'Đã gửi đề nghị'));
  const number = document.createElement('p');
  number.append('Số biên nhận: ', text('strong', receipt.receiptNumber, { id: 'receipt-number' }));
  card.append(number);
  card.append(text('p', 'Gửi đến UBND ' + receipt.unitName + ' ngày ' + vnDate(receipt.receivedOn) + '.'));
  if (receipt.reviewStartsOn) {
    card.append(text('p', 'Đề nghị được xem xét trong kỳ rà soát hằng tháng bắt đầu ngày '
      + vnDate(receipt.reviewStartsOn) + '.', { id: 'receipt-review' }));
  }
  if (receipt.dueBy) {
    card.append(text('p', 'UBND ' + receipt.unitName + ' phải trả lời hộ chậm nhất ngày ' + vnDate(receipt.dueBy) + '.',
      { id: 'receipt-due' }));
  }
  card.append(text('p', 'Hãy ghi lại số biên nhận. Cán bộ xã, phường sẽ đối chiếu đề nghị với danh sách hộ gia đình '
    + 'và có thể liên hệ với hộ.', { class: 'hint' }));
  $('request-form').hidden = true;
  $('receipt').replaceChildren(card);
  card.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

$('request-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearRequestErrors();
  const body = requestBody();
  const problems = problemsOf(body);
  if (problems.length) {
    problems.forEach(f => showFieldError(f, null));
    fieldInput(problems[0]).focus();
    return;
  }
  $('request-submit').disabled = true;
  try {
    const response = await fetch('/api/v1/review-requests/online', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    });
    if (response.status === 429) {
      showRequestError('Đã gửi quá nhiều lần trong một phút. Vui lòng chờ một lát rồi gửi lại.');
      return;
    }
    const json = await response.json();
    if (response.ok) {
      showReceipt(json);
      return;
    }
    const shown = (json.errors || []).filter(e => showFieldError(e.field, e.reason)).map(e => e.field);
    if (shown.length) {
      fieldInput(shown[0]).focus();
    } else {
      showRequestError('Chưa gửi được đề nghị. Vui lòng thử lại sau.');
    }
  } catch (e) {
    showRequestError('Chưa gửi được đề nghị: không kết nối được. Vui lòng thử lại sau.');
  } finally {
    $('request-submit').disabled = false;
  }
});
