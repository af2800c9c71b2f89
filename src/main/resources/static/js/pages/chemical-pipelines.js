// 油气管道分布图: each segment's GeoJSON line in the colour of its pressure class, thicker when it has
// open hazards. Names are data: they go in as text nodes, never as HTML.
AnJian.ready(function () {
  var el = document.getElementById('pipeline-map');
  if (!el) { return; }
  var colours = {HIGH: '#d7263d', SUB_HIGH: '#f46036', MEDIUM: '#e2b007', LOW: '#2e86ab'};
  var map = AnJian.map(el);
  AnJian.getJson(el.dataset.url).then(function (data) {
    var bounds = [];
    data.items.forEach(function (p) {
      if (!p.geometry || p.geometry.type !== 'LineString') { return; }
      var latlngs = p.geometry.coordinates.map(function (c) { return [c[1], c[0]]; });
      latlngs.forEach(function (ll) { bounds.push(ll); });
      L.polyline(latlngs, {color: colours[p.pressureClass] || '#888', weight: p.openHazards > 0 ? 6 : 3, opacity: 0.85}).addTo(map)
        .bindPopup(AnJian.link('/chemical/pipelines/' + p.id, p.name));
    });
    if (bounds.length) { map.fitBounds(bounds, {padding: [20, 20]}); }
    el.dataset.loaded = 'true';
  });
});
