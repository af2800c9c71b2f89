// Shared page code. The content security policy allows no inline script: pages load their module from
// /js/pages/ and pass server data in data-* attributes or <script type="application/json"> blocks.
// Text that comes from data reaches the DOM only as text (textContent, text nodes), never as HTML.
(function () {
  'use strict';
  var AnJian = window.AnJian = window.AnJian || {};

  /** The string with the five HTML-special characters escaped, for the rare place a library wants HTML. */
  AnJian.escapeHtml = function (value) {
    return String(value == null ? '' : value).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  };

  /** A text node: what data becomes when it goes into the page or into a Leaflet tooltip or popup. */
  AnJian.text = function (value) {
    return document.createTextNode(value == null ? '' : String(value));
  };

  /** A link whose text is data. */
  AnJian.link = function (href, text) {
    var a = document.createElement('a');
    a.href = href;
    a.textContent = text == null ? '' : String(text);
    return a;
  };

  /** The parsed content of a <script type="application/json" id="..."> block (not executed, so the CSP allows it). */
  AnJian.json = function (id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  };

  /** Runs fn once the document is parsed (page modules are deferred, so usually at once). */
  AnJian.ready = function (fn) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', fn);
    } else {
      fn();
    }
  };

  /** An ECharts chart in the element with this id that follows the window's size. */
  AnJian.chart = function (id, option) {
    var el = typeof id === 'string' ? document.getElementById(id) : id;
    var c = window.echarts.init(el);
    if (option) {
      c.setOption(option);
    }
    window.addEventListener('resize', function () { c.resize(); });
    return c;
  };

  /** The values of field in each row: the usual series data. */
  AnJian.pluck = function (rows, field) {
    return (rows || []).map(function (r) { return r[field]; });
  };

  /** A Leaflet map in el, opening where the district configuration says (data-lat, data-lon, data-zoom from anjian.district.map). */
  AnJian.map = function (el) {
    var d = el.dataset;
    var map = window.L.map(el, {preferCanvas: true, zoomSnap: 0.25})
      .setView([Number(d.lat), Number(d.lon)], Number(d.zoom));
    el.leafletMap = map;
    return map;
  };

  /** A permanent label with the town's name, as text. */
  AnJian.townLabel = function (map, town, options) {
    return window.L.tooltip(Object.assign({permanent: true, className: 'town-label'}, options || {}))
      .setLatLng([town.lat, town.lon]).setContent(AnJian.text(town.name)).addTo(map);
  };

  /** The JSON of a same-origin GET, with the session. */
  AnJian.getJson = function (url) {
    return fetch(url, {credentials: 'same-origin'}).then(function (r) { return r.json(); });
  };

  /**
   * Live updates (shared.live): listens to the Server-Sent Events at el's data-live-url and, when accept(message) says so,
   * fetches this page again and puts the new version of el (same id) in its place, then calls after(newEl). Messages that
   * come close together cause one reload; while a field inside el is being typed in, the reload waits until it loses focus.
   * The EventSource reconnects by itself when the stream ends.
   */
  AnJian.liveRegion = function (el, accept, after) {
    if (!el || !window.EventSource || !el.dataset.liveUrl) { return null; }
    var id = el.id, timer = null, pending = false;
    function busy() {
      var a = document.activeElement, cur = document.getElementById(id);
      return a && cur && cur.contains(a) && /^(INPUT|TEXTAREA|SELECT)$/.test(a.tagName) && a.type !== 'submit';
    }
    function reload() {
      if (busy()) { pending = true; return; }
      pending = false;
      fetch(window.location.href, {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (!html) { return; }
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById(id);
          var cur = document.getElementById(id);
          if (fresh && cur) {
            var node = document.importNode(fresh, true);
            cur.replaceWith(node);
            node.dataset.liveReloaded = String(Number(cur.dataset.liveReloaded || 0) + 1);
            if (after) { after(node); }
          }
        });
    }
    document.addEventListener('focusout', function () { if (pending) { setTimeout(reload, 300); } });
    var source = new EventSource(el.dataset.liveUrl);
    source.onmessage = function (e) {
      var m;
      try { m = JSON.parse(e.data); } catch (x) { return; }
      if (accept && !accept(m)) { return; }
      clearTimeout(timer);
      timer = setTimeout(reload, 400);
    };
    source.onopen = function () { var cur = document.getElementById(id); if (cur) { cur.dataset.liveOpen = 'true'; } };
    return source;
  };

  // htmx requests carry the CSRF token like forms do
  document.addEventListener('htmx:configRequest', function (e) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { e.detail.headers[header.content] = token.content; }
  });

  // <select data-autosubmit> and <input data-autosubmit>: a change sends the form (instead of onchange=)
  document.addEventListener('change', function (e) {
    var t = e.target;
    if (t && t.form && t.hasAttribute && t.hasAttribute('data-autosubmit')) {
      if (t.form.requestSubmit) { t.form.requestSubmit(); } else { t.form.submit(); }
    }
  });

  // <form data-confirm="question">: asks before sending (instead of onsubmit=)
  document.addEventListener('submit', function (e) {
    var f = e.target;
    if (f && f.hasAttribute && f.hasAttribute('data-confirm') && !window.confirm(f.getAttribute('data-confirm'))) {
      e.preventDefault();
    }
  });

  // [data-show-when="name=value"] sections follow the radio buttons of that name (instead of onchange=)
  document.addEventListener('change', function (e) {
    var t = e.target;
    if (!t || t.type !== 'radio') { return; }
    document.querySelectorAll('[data-show-when^="' + t.name + '="]').forEach(function (el) {
      el.hidden = el.getAttribute('data-show-when') !== t.name + '=' + t.value;
    });
  });
  // Files over the upload limit are refused in the browser before anything is sent, so the form keeps what was typed
  // (the server refuses them too, but cannot give back a body it did not read). The limit and the message come
  // from <meta name="anjian-upload-limit">; an input may narrow it with data-max-bytes.
  function uploadLimit(input) {
    var meta = document.querySelector('meta[name="anjian-upload-limit"]');
    var own = input.getAttribute('data-max-bytes');
    return {bytes: Number(own || (meta && meta.getAttribute('content')) || 10485760),
      message: (meta && meta.getAttribute('data-message')) || 'File too large'};
  }
  function checkUpload(input) {
    var limit = uploadLimit(input);
    var tooLarge = Array.prototype.some.call(input.files || [], function (f) { return f.size > limit.bytes; });
    input.setCustomValidity(tooLarge ? limit.message : '');
    input.classList.toggle('is-invalid', tooLarge);
    var note = input.parentNode && input.parentNode.querySelector('.upload-too-large');
    if (tooLarge && !note) {
      note = document.createElement('div');
      note.className = 'invalid-feedback d-block upload-too-large';
      input.insertAdjacentElement('afterend', note);
    }
    if (note) {
      note.textContent = tooLarge ? limit.message : '';
      note.hidden = !tooLarge;
    }
    return !tooLarge;
  }
  document.addEventListener('change', function (e) {
    var t = e.target;
    if (t && t.type === 'file') { checkUpload(t); }
  });
  document.addEventListener('submit', function (e) {
    var f = e.target;
    if (!f || !f.querySelectorAll) { return; }
    var ok = true;
    f.querySelectorAll('input[type="file"]').forEach(function (input) { ok = checkUpload(input) && ok; });
    if (!ok) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);
  // An error shown beside a field goes as soon as the field is changed: no stale "required" beside a refilled date
  function clearFieldError(e) {
    var t = e.target;
    if (!t || !t.classList || !t.classList.contains('is-invalid') || t.type === 'file') { return; }
    t.classList.remove('is-invalid');
    var group = t.parentNode;
    if (group) {
      group.querySelectorAll('.invalid-feedback').forEach(function (f) { f.hidden = true; });
    }
  }
  document.addEventListener('input', clearFieldError);
  document.addEventListener('change', clearFieldError);
})();
