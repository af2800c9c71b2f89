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
    if (d.outlines !== 'off') { AnJian.outlines(map, d.town); }
    return map;
  };

  /**
   * The district's and towns' outlines (GeoJSON from the server) under everything else: the base map
   * needs no tile server. With a town's name (a town user's map) that town is outlined and zoomed to.
   */
  AnJian.outlines = function (map, town) {
    return AnJian.getJson('/maps/outlines.geojson').then(function (geo) {
      var pane = map.getPane('outlines') || map.createPane('outlines');
      pane.style.zIndex = 250;
      pane.style.pointerEvents = 'none';
      var layer = window.L.geoJSON(geo, {pane: 'outlines', interactive: false, style: function (f) {
        var district = f.properties.kind === 'DISTRICT';
        var mine = !!town && f.properties.name === town;
        return {color: district ? '#1f3b57' : (mine ? '#d9480f' : '#8896a5'), weight: district || mine ? 2.5 : 0.8,
          dashArray: district || mine ? null : '3 3', fill: district || mine, fillColor: mine ? '#fff4e6' : '#f3f6f9',
          fillOpacity: mine ? 0.5 : 0.4};
      }}).addTo(map);
      map.getContainer().dataset.outlines = 'drawn';
      if (town) {
        layer.eachLayer(function (l) {
          if (l.feature.properties.name === town) { map.fitBounds(l.getBounds(), {padding: [12, 12]}); }
        });
      }
      return layer;
    }).catch(function () { return null; });
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
  // Lists become cards on a phone: each cell carries its column's header as data-label, which the style sheet
  // shows beside the value under 576 px. A table opts out with data-no-cards (a matrix meant to be read across).
  function labelCells(root) {
    (root || document).querySelectorAll('table.table:not([data-no-cards])').forEach(function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
      if (!heads.length) { return; }
      table.classList.add('table-cards');
      table.querySelectorAll('tbody tr').forEach(function (tr) {
        var col = 0;
        Array.prototype.forEach.call(tr.children, function (td) {
          if (heads[col] && !td.hasAttribute('data-label') && !td.hasAttribute('colspan')) { td.setAttribute('data-label', heads[col]); }
          col += td.colSpan || 1;
        });
      });
    });
  }
  AnJian.labelCells = labelCells;
  AnJian.ready(function () { labelCells(document); });
  document.addEventListener('htmx:afterSwap', function (e) { labelCells(e.target); });
  // Exports show their progress (pages issue #10): a link to an export is fetched here, the bytes received are
  // counted beside it, and the file is saved under the server's name; a failure is said instead of a blank tab.
  function exportText(kind, size) {
    var meta = document.querySelector('meta[name="anjian-export"]');
    var text = (meta && meta.getAttribute('data-' + kind)) || kind;
    return text.replace('{0}', size);
  }
  function kilobytes(n) {
    return n < 1024 * 1024 ? Math.max(1, Math.round(n / 1024)) + ' KB' : (n / 1024 / 1024).toFixed(1) + ' MB';
  }
  function fileName(disposition, fallback) {
    var star = /filename\*=UTF-8''([^;]+)/i.exec(disposition || '');
    if (star) { try { return decodeURIComponent(star[1]); } catch (ignored) { /* plain name below */ } }
    var plain = /filename="?([^";]+)"?/i.exec(disposition || '');
    return plain ? plain[1] : fallback;
  }
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[href*="/export"]') : null;
    if (!a || a.hasAttribute('data-plain-download') || e.ctrlKey || e.metaKey || e.shiftKey || !window.fetch || !window.TextDecoder) { return; }
    e.preventDefault();
    if (a.getAttribute('aria-busy') === 'true') { return; }
    var status = a.parentNode.querySelector('.export-progress[data-for="' + a.href + '"]');
    if (!status) {
      status = document.createElement('span');
      status.className = 'export-progress small text-muted ms-2';
      status.setAttribute('role', 'status');
      status.setAttribute('data-for', a.href);
      a.insertAdjacentElement('afterend', status);
    }
    a.setAttribute('aria-busy', 'true');
    a.classList.add('disabled');
    status.textContent = exportText('working', '');
    var received = 0;
    fetch(a.href, {credentials: 'same-origin'}).then(function (r) {
      if (!r.ok) { throw new Error(String(r.status)); }
      var name = fileName(r.headers.get('Content-Disposition'), 'export');
      var type = r.headers.get('Content-Type') || 'application/octet-stream';
      var reader = r.body.getReader();
      var chunks = [];
      function pump() {
        return reader.read().then(function (step) {
          if (step.done) { return; }
          chunks.push(step.value);
          received += step.value.length;
          status.textContent = exportText('working', kilobytes(received));
          return pump();
        });
      }
      return pump().then(function () {
        var url = URL.createObjectURL(new Blob(chunks, {type: type}));
        var save = document.createElement('a');
        save.href = url;
        save.download = name;
        document.body.appendChild(save);
        save.click();
        save.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
        status.textContent = exportText('done', kilobytes(received));
        status.classList.remove('text-danger');
      });
    }).catch(function () {
      status.textContent = exportText('failed', '');
      status.classList.add('text-danger');
    }).then(function () {
      a.removeAttribute('aria-busy');
      a.classList.remove('disabled');
    });
  });
})();
