// 五色图: each town's outline filled in the colour of its stored score, with its name, score and rank; the
// district's outline around them. Names are data: they go in as text nodes, never as HTML.
AnJian.ready(function () {
  var el = document.getElementById('five-colour-map');
  if (!el) { return; }
  var map = AnJian.map(el);
  Promise.all([AnJian.getJson(el.dataset.url), AnJian.getJson('/maps/outlines.geojson')]).then(function (res) {
    var data = res[0];
    var geo = res[1];
    var byCode = {};
    var byName = {};
    data.towns.forEach(function (t) {
      if (t.code) { byCode[t.code] = t; }
      byName[t.name] = t;
    });
    var coloured = [];
    var layer = L.geoJSON(geo, {
      style: function (f) {
        var t = byCode[f.properties.code] || byName[f.properties.name];
        if (f.properties.kind === 'DISTRICT') {
          return {color: '#1f3b57', weight: 2.5, fill: false};
        }
        if (!t) {
          return {color: '#8896a5', weight: 0.8, dashArray: '3 3', fillColor: '#f3f6f9', fillOpacity: 0.3};
        }
        return {color: '#ffffff', weight: 1, fillColor: t.colour, fillOpacity: 0.75};
      },
      onEachFeature: function (f, l) {
        var t = byCode[f.properties.code] || byName[f.properties.name];
        if (!t || f.properties.kind === 'DISTRICT') { return; }
        coloured.push({name: t.name, colourCode: t.colourCode, colour: t.colour});
        l.feature.properties.colourCode = t.colourCode;
        var box = document.createElement('div');
        box.appendChild(AnJian.link('/assessment/scores/TOWN/' + encodeURIComponent(t.id) + '?period=' + encodeURIComponent(data.period), t.name));
        var line = document.createElement('div');
        line.textContent = t.colourName + ' · ' + t.total + ' · #' + t.rank + (t.vetoed ? ' · ' + el.dataset.vetoed : '');
        box.appendChild(line);
        l.bindPopup(box);
        l.bindTooltip(AnJian.text(t.name + ' ' + t.total));
      }
    }).addTo(map);
    el.coloured = coloured;
    if (!el.dataset.town) {
      try { map.fitBounds(layer.getBounds(), {padding: [12, 12]}); } catch (e) { /* no outlines */ }
    } else {
      layer.eachLayer(function (l) {
        if (l.feature.properties.name === el.dataset.town) { map.fitBounds(l.getBounds(), {padding: [12, 12]}); }
      });
    }
    el.dataset.loaded = 'true';
  });
});
