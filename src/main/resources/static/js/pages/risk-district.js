// 区域风险四色图: towns sized by their serious risk points, enterprises in the colour of their highest risk,
// and a bar per town. Names are data: they go in as text nodes, never as HTML.
AnJian.ready(function () {
  var el = document.getElementById('risk-map');
  var map = AnJian.map(el);
  var chartEl = document.getElementById('risk-chart');
  var chart = AnJian.chart(chartEl);
  AnJian.getJson(el.dataset.url).then(function (data) {
    var bounds = [];
    data.labels.forEach(function (t) {
      if (t.lat == null || t.lon == null) { return; }
      L.circleMarker([t.lat, t.lon], {radius: 3, color: '#999', weight: 1, fillOpacity: 0.2}).addTo(map);
      AnJian.townLabel(map, t, {direction: 'bottom', offset: [0, 2], opacity: 0.8});
      bounds.push([t.lat, t.lon]);
    });
    data.towns.forEach(function (t) {
      if (t.lat == null || t.lon == null) { return; }
      var serious = t.counts.MAJOR + t.counts.HIGH;
      var m = L.circleMarker([t.lat, t.lon], {radius: 6 + Math.sqrt(serious) * 3, color: t.colour, weight: 2,
        fillColor: t.colour, fillOpacity: 0.15}).addTo(map);
      var lines = data.levels.map(function (l) { return l.label + ' ' + t.counts[l.name]; });
      m.bindTooltip(AnJian.text(t.name + ' · ' + lines.join(' / ')));
      var box = document.createElement('div');
      box.appendChild(AnJian.link('?regionId=' + encodeURIComponent(t.id), t.name));
      lines.forEach(function (s) { var d = document.createElement('div'); d.textContent = s; box.appendChild(d); });
      m.bindPopup(box);
    });
    // each enterprise at its position in the colour of its highest risk: the district's four-colour map
    (data.enterprises || []).forEach(function (e) {
      L.circleMarker([e.lat, e.lon], {radius: 4, color: '#333', weight: 0.5, fillColor: e.colour, fillOpacity: 0.95}).addTo(map)
        .bindPopup(AnJian.link('/risk/enterprises/' + e.id, e.name));
    });
    if (bounds.length && !el.dataset.town) { map.fitBounds(bounds, {padding: [20, 20], maxZoom: 12}); }
    el.dataset.loaded = 'true';
    if (!data.towns.length) { chartEl.textContent = el.dataset.none; chartEl.classList.add('p-3', 'text-muted'); return; }
    // one bar per town with points, tall enough to read every name on a phone
    chartEl.style.height = (96 + data.towns.length * 34) + 'px';
    chart.resize();
    var towns = data.towns.slice().reverse();
    chart.setOption({
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      legend: {top: 0},
      grid: {left: 8, right: 16, top: 56, bottom: 8, containLabel: true},
      xAxis: {type: 'value', minInterval: 1},
      yAxis: {type: 'category', data: AnJian.pluck(towns, 'name')},
      series: data.levels.map(function (l) {
        return {name: l.label, type: 'bar', stack: 'all', itemStyle: {color: l.colour},
          data: towns.map(function (t) { return t.counts[l.name]; })};
      })
    });
  });
});
