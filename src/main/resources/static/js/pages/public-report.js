// The public 12350 form: search the registry by name as the citizen types (two characters at least,
// at most ten matches, name and town only). Choosing a match stores its id; typing again drops it, so
// free text stays possible when the enterprise is not found. No inline script (CSP); data as text only.
(function () {
  'use strict';
  var box = document.getElementById('enterprise-search');
  if (!box) {
    return;
  }
  var input = document.getElementById('enterpriseName');
  var hidden = document.getElementById('enterpriseId');
  var list = document.getElementById('enterprise-matches');
  var chosen = document.getElementById('enterprise-chosen');
  var url = box.getAttribute('data-url');
  var timer = null;
  var asked = 0;

  function clear() {
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
  }

  function choose(match) {
    hidden.value = match.id;
    input.value = match.name;
    chosen.textContent = (chosen.getAttribute('data-template') || '{0}').replace('{0}', match.name + (match.town ? '（' + match.town + '）' : ''));
    clear();
  }

  function show(matches) {
    clear();
    matches.forEach(function (m) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'list-group-item list-group-item-action py-2';
      b.setAttribute('role', 'option');
      b.setAttribute('data-id', m.id);
      b.appendChild(document.createTextNode(m.name));
      if (m.town) {
        var t = document.createElement('span');
        t.className = 'small text-muted ms-2';
        t.textContent = m.town;
        b.appendChild(t);
      }
      b.addEventListener('click', function () {
        choose(m);
      });
      list.appendChild(b);
    });
  }

  function search() {
    var q = input.value.trim();
    if (q.length < 2) {
      clear();
      return;
    }
    var mine = ++asked;
    fetch(url + '?q=' + encodeURIComponent(q), {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (r) {
        return r.ok ? r.json() : [];
      })
      .then(function (matches) {
        if (mine === asked) {
          show(Array.isArray(matches) ? matches : []);
        }
      })
      .catch(function () {
        clear();
      });
  }

  input.addEventListener('input', function () {
    hidden.value = '';
    chosen.textContent = '';
    if (timer) {
      clearTimeout(timer);
    }
    timer = setTimeout(search, 300);
  });
})();
