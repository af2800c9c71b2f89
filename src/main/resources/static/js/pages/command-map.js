// 一张图 (CMD-1): the district's outlines as the base map, seven layers of circle markers from /command/layers/{layer}
// (GeoJSON), the counts from /command/overview beside the map, drill-down district → town (the town select or a row of
// the towns table) → enterprise (a marker's popup links to its page), and live updates over /command/live (SSE):
// a new or changed alarm or permit reloads the numbers and the layers without reloading the page.
// Names are data: they go in as text nodes, never as HTML.
AnJian.ready(function () {
  'use strict';
  var el = document.getElementById('command-map');
  if (!el || !window.L) { return; }
  var d = el.dataset;
  var map = AnJian.map(el);
  var outlines = AnJian.outlines(map, d.town);
  if (d.tileUrl) {
    L.tileLayer(d.tileUrl, {attribution: d.tileAttribution || ''}).addTo(map);
  }
  var select = document.getElementById('command-town');
  var state = {town: select && select.value ? select.value : ''};
  var groups = {};
  el.commandGroups = groups; // the layers' marker groups, for tests and for the console
  var radius = {enterprises: 3, risk: 5, hazards: 6, alarms: 8, accidents: 8, permits: 7, inspections: 7};
  var toggles = Array.prototype.slice.call(document.querySelectorAll('[data-layer-toggle]'));

  function query() {
    return state.town ? '?town=' + encodeURIComponent(state.town) : '';
  }

  function popup(p) {
    var box = document.createElement('div');
    var title = document.createElement('div');
    title.appendChild(AnJian.text(p.label));
    box.appendChild(title);
    if (p.enterpriseId) {
      box.appendChild(AnJian.link(d.enterpriseUrl + p.enterpriseId, d.openLabel));
    }
    return box;
  }

  function loadLayer(name) {
    return AnJian.getJson(d.layerUrl + name + query()).then(function (fc) {
      var g = groups[name];
      g.clearLayers();
      fc.features.forEach(function (f) {
        var c = f.geometry.coordinates, p = f.properties;
        var m = L.circleMarker([c[1], c[0]], {radius: (radius[name] || 5) + (p.highlight ? 3 : 0), color: p.highlight ? '#7a0000' : p.colour,
          weight: p.highlight ? 3 : 1, fillColor: p.colour, fillOpacity: 0.8});
        m.bindPopup(popup(p));
        m.feature = f;
        g.addLayer(m);
      });
      el.setAttribute('data-markers-' + name, String(fc.features.length));
      el.setAttribute('data-unplaced-' + name, String(fc.unplaced));
      return fc;
    });
  }

  function setText(node, value) {
    if (node) { node.textContent = String(value); }
  }

  function row(cells, onClick) {
    var tr = document.createElement('tr');
    cells.forEach(function (c) {
      var td = document.createElement('td');
      td.appendChild(AnJian.text(c));
      tr.appendChild(td);
    });
    if (onClick) {
      tr.classList.add('command-clickable');
      tr.addEventListener('click', onClick);
    }
    return tr;
  }

  function loadOverview() {
    return AnJian.getJson(d.overviewUrl + query()).then(function (o) {
      Object.keys(o.totals).forEach(function (k) {
        setText(document.querySelector('[data-count="' + k + '"]'), o.totals[k]);
        setText(document.querySelector('[data-total="' + k + '"]'), o.totals[k]);
      });
      var towns = document.querySelector('#command-towns tbody');
      towns.replaceChildren();
      o.byTown.forEach(function (t) {
        var tr = row([t.name, t.counts.enterprises, t.counts.hazards, t.counts.majorHazards, t.counts.alarms, t.counts.permits],
          function () { drill(t.id); });
        tr.setAttribute('data-town', t.id);
        towns.appendChild(tr);
      });
      var sectors = document.querySelector('#command-sectors tbody');
      sectors.replaceChildren();
      o.bySector.forEach(function (s) {
        var tr = row([s.label, s.counts.enterprises, s.counts.hazards, s.counts.alarms]);
        tr.setAttribute('data-sector', s.sector);
        sectors.appendChild(tr);
      });
      AnJian.labelCells(document.getElementById('command-page'));
      el.dataset.overviewTown = o.town ? o.town.id : '';
      el.dataset.overviewLoaded = String(Number(el.dataset.overviewLoaded || 0) + 1);
      return o;
    });
  }

  function refresh() {
    var jobs = [loadOverview()];
    toggles.forEach(function (cb) { if (cb.checked) { jobs.push(loadLayer(cb.value)); } });
    return Promise.all(jobs).then(function () {
      el.dataset.loaded = 'true';
      el.dataset.refreshed = String(Number(el.dataset.refreshed || 0) + 1);
    });
  }

  /** Drill down to a town (its outline fills the map) or back up to the district (empty id). */
  function drill(townId) {
    state.town = townId || '';
    if (select) { select.value = state.town; }
    var option = select ? select.querySelector('option[value="' + state.town + '"]') : null;
    var name = option && state.town ? option.textContent : null;
    outlines.then(function (layer) {
      var done = false;
      if (layer && name) {
        layer.eachLayer(function (l) {
          if (l.feature.properties.name === name) { map.fitBounds(l.getBounds(), {padding: [12, 12]}); done = true; }
        });
      }
      if (!done && option && option.dataset.lat && state.town) {
        map.setView([Number(option.dataset.lat), Number(option.dataset.lon)], 12);
      } else if (!state.town) {
        map.setView([Number(d.lat), Number(d.lon)], Number(d.zoom));
      }
    });
    return refresh();
  }

  toggles.forEach(function (cb) {
    groups[cb.value] = L.layerGroup();
    if (cb.checked) { groups[cb.value].addTo(map); }
    cb.addEventListener('change', function () {
      if (cb.checked) {
        groups[cb.value].addTo(map);
        loadLayer(cb.value);
      } else {
        map.removeLayer(groups[cb.value]);
      }
    });
  });
  if (select) {
    select.addEventListener('change', function () { drill(select.value); });
  }
  refresh();

  // live: alarms and permits in the reader's scope; messages close together cause one refresh
  if (window.EventSource && d.liveUrl) {
    var timer = null;
    var source = new EventSource(d.liveUrl);
    source.onopen = function () { el.dataset.liveOpen = 'true'; };
    source.onmessage = function (e) {
      el.dataset.liveMessages = String(Number(el.dataset.liveMessages || 0) + 1);
      clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    };
  }

  // the big screen's clock
  var clock = document.getElementById('command-clock');
  if (clock) {
    var tick = function () { clock.textContent = new Date().toLocaleString('zh-CN', {hour12: false}); };
    tick();
    setInterval(tick, 1000);
  }
});
