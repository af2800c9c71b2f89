// 特殊作业监管: counts of work under way by type and grade, the map of work under way, and both (with the list)
// refreshed without reload when a permit in the caller's scope changes (shared.live, topic permit).
AnJian.ready(function () {
  var colours = {IN_PROGRESS: '#d7263d', SUSPENDED: '#e2b007'};
  var mapEl = document.getElementById('permit-map');
  var map = AnJian.map(mapEl), layer = window.L.layerGroup().addTo(map), chart = null, fitted = false;

  function draw() {
    var d = AnJian.json('permit-data');
    layer.clearLayers();
    var bounds = [];
    d.towns.forEach(function (t) { bounds.push([t.lat, t.lon]); });
    d.points.forEach(function (p) {
      var box = document.createElement('div');
      box.appendChild(AnJian.link('/permits/' + p.id, p.number));
      box.appendChild(document.createElement('br'));
      box.appendChild(AnJian.text(p.enterprise + ' · ' + p.type + ' · ' + p.stateLabel));
      window.L.circleMarker([p.lat, p.lon], {radius: 7, color: colours[p.state] || '#2e86ab', weight: 2, fillOpacity: 0.7})
        .addTo(layer).bindPopup(box);
      bounds.push([p.lat, p.lon]);
    });
    if (!fitted && bounds.length) { map.fitBounds(bounds, {padding: [20, 20], maxZoom: 13}); fitted = true; }
    document.getElementById('permit-map-count').textContent = String(d.points.length);
    mapEl.dataset.points = String(d.points.length);
    mapEl.dataset.loaded = 'true';

    var names = d.counts.map(function (c) { return c.typeLabel + (c.grade === 'NONE' ? '' : ' ' + c.gradeLabel); });
    var el = document.getElementById('permit-chart');
    if (!chart || chart.getDom() !== el) { chart = AnJian.chart(el); }
    chart.setOption({grid: {left: 90, right: 16, top: 8, bottom: 24}, tooltip: {},
      xAxis: {type: 'value', minInterval: 1}, yAxis: {type: 'category', inverse: true, axisLabel: {interval: 0, fontSize: 11}, data: names},
      series: [{name: d.labels.count, type: 'bar', data: AnJian.pluck(d.counts, 'count'), itemStyle: {color: '#0b4f8a'}}]}, true);
  }

  // the map stays (moving a Leaflet map between nodes breaks it): the fresh region's map box is replaced by the old one
  var live = document.getElementById('permit-live');
  var keepMap = mapEl;
  AnJian.liveRegion(live, function () { return true; }, function (fresh) {
    var placeholder = fresh.querySelector('#permit-map');
    if (placeholder) { placeholder.replaceWith(keepMap); }
    map.invalidateSize();
    draw();
  });
  draw();
});
