// 企业分布图: each enterprise in the colour of its supervision class, each town's name as a label.
// Names are data: they go in as text nodes, never as HTML.
AnJian.ready(function () {
  var el = document.getElementById('enterprise-map');
  var colours = {A: '#d7263d', B: '#f46036', C: '#e2b007', D: '#2e86ab', '-': '#888'};
  var map = AnJian.map(el);
  AnJian.getJson(el.dataset.url).then(function (data) {
    var bounds = [];
    data.towns.forEach(function (t) {
      L.circleMarker([t.lat, t.lon], {radius: 14, color: '#999', weight: 1, fillOpacity: 0.05}).addTo(map);
      AnJian.townLabel(map, t, {direction: 'center'});
      bounds.push([t.lat, t.lon]);
    });
    data.points.forEach(function (p) {
      L.circleMarker([p.lat, p.lon], {radius: 4, color: colours[p.c] || '#888', weight: 1, fillOpacity: 0.8}).addTo(map)
        .bindPopup(AnJian.link('/enterprises/' + p.id, p.name + ' (' + p.c + ')'));
    });
    if (bounds.length && !el.dataset.town) { map.fitBounds(bounds, {padding: [20, 20]}); }
    document.getElementById('map-count').textContent = el.dataset.shown.replace('{n}', data.points.length);
    el.dataset.loaded = 'true';
  });
});
