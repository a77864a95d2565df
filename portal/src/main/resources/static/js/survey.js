// The survey form's live class (issue 23): as answers change, the form's fields go as JSON to the portal, which asks
// household-service's evaluate API with the round's reference date, unit and standard, and the box beside the form
// shows the class, the income per person a month and the deprivations. Without this script the form still posts, and
// the class shows after saving.
(function () {
  'use strict';
  var form = document.getElementById('phieu');
  var box = document.getElementById('ket-qua-live');
  if (!form || !box || !window.fetch) {
    return;
  }
  var url = form.getAttribute('data-evaluate');
  var csrf = form.querySelector('input[name="_csrf"]');
  var timer = null;
  var sent = 0;

  function answers() {
    var fields = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled || el.name === '_csrf' || el.name === 'action' || el.name.charAt(0) === '_') {
        return;
      }
      if (el.type === 'checkbox') {
        if (!fields[el.name]) {
          fields[el.name] = [];
        }
        if (el.checked) {
          fields[el.name].push(el.value);
        }
      } else if (el.type === 'radio') {
        if (el.checked) {
          fields[el.name] = el.value;
        }
      } else if (el.type !== 'submit' && el.type !== 'button') {
        fields[el.name] = el.value;
      }
    });
    return fields;
  }

  function element(tag, text, cls) {
    var el = document.createElement(tag);
    if (text !== undefined && text !== null) {
      el.textContent = text;
    }
    if (cls) {
      el.className = cls;
    }
    return el;
  }

  function show(result, ok) {
    box.textContent = '';
    box.setAttribute('data-state', ok ? 'evaluated' : 'incomplete');
    if (ok) {
      var line = element('p');
      line.appendChild(element('span', result.className, 'badge badge-' + String(result.classification).toLowerCase()));
      line.id = 'ket-qua-lop';
      line.setAttribute('data-class', result.classification);
      box.appendChild(line);
      box.appendChild(element('p', box.parentNode.getAttribute('data-income-label') + ' ' + result.income, 'live-income'));
      var deprived = result.deprivations || [];
      box.appendChild(element('p', box.parentNode.getAttribute('data-deprived-label') + ' ' + deprived.length,
        'live-deprived-count'));
      if (deprived.length) {
        var list = element('ul', null, 'live-deprivations');
        deprived.forEach(function (d) {
          list.appendChild(element('li', d.name + ': ' + d.reason));
        });
        box.appendChild(list);
      }
      (result.explanation || []).forEach(function (text) {
        box.appendChild(element('p', text, 'muted'));
      });
    } else {
      box.appendChild(element('p', box.parentNode.getAttribute('data-incomplete-label')));
      var missing = element('ul', null, 'live-missing');
      (result.errors || []).slice(0, 5).forEach(function (e) {
        missing.appendChild(element('li', e.text));
      });
      box.appendChild(missing);
    }
  }

  function evaluate() {
    var mine = ++sent;
    var headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
    if (csrf) {
      headers['X-CSRF-TOKEN'] = csrf.value;
    }
    fetch(url, {method: 'POST', headers: headers, body: JSON.stringify(answers()), credentials: 'same-origin'})
      .then(function (response) {
        return response.json().then(function (body) {
          return {ok: response.ok, body: body};
        });
      })
      .then(function (answer) {
        if (mine === sent) {
          show(answer.body, answer.ok);
          box.setAttribute('data-pending', 'false');
        }
      })
      .catch(function () {
        if (mine === sent) {
          box.setAttribute('data-state', 'unavailable');
          box.setAttribute('data-pending', 'false');
        }
      });
  }

  // data-pending: an answer changed and its class is not shown yet (tests and assistive tools can wait for it).
  function later() {
    box.setAttribute('data-pending', 'true');
    if (timer) {
      clearTimeout(timer);
    }
    timer = setTimeout(evaluate, 400);
  }

  form.addEventListener('input', later);
  form.addEventListener('change', later);
})();
