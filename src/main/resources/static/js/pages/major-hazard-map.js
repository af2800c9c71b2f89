// 重大危险源分布图: each source at its enterprise's position, coloured by its GB 18218 grade (一级 red … 四级 blue).
// Names are data: they go in as text nodes, never as HTML.
AnJian.ready(function () {
  var el = document.getElementById('source-map');
  if (!el) { return; }
  var colours = {1: '#b00020', 2: '#f46036', 3: '#e2b007', 4: '#2e86ab'};
  var grades = (el.dataset.grades || '').split(',');
  var map = AnJian.map(el);
  AnJian.getJson(el.dataset.url).then(function (data) {
    var bounds = [];
    data.points.forEach(function (p) {
      var label = p.enterprise + ' · ' + p.unit + ' · ' + (grades[p.grade - 1] || p.grade) + ' · R=' + p.r;
      L.circleMarker([p.lat, p.lon], {radius: 9 - p.grade, color: colours[p.grade] || '#888', weight: 1, fillOpacity: 0.85})
        .addTo(map).bindPopup(AnJian.link('/enterprises/' + p.enterpriseId + '?tab=major-hazard-sources', label));
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length) { map.fitBounds(bounds, {padding: [20, 20], maxZoom: 14}); }
    document.getElementById('map-count').textContent =
      el.dataset.shown.replace('{n}', data.points.length).replace('{u}', data.unplaced);
    el.dataset.loaded = 'true';
    el.dataset.points = String(data.points.length);
  });
});
