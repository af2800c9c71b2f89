// 监测报警: new alarms appear at the top of the list as they are raised (SSE, topic "alarm"), without a reload
AnJian.ready(function () {
  var rows = document.getElementById('alarm-rows');
  var status = document.getElementById('live-status');
  if (!rows || !window.EventSource) { return; }
  var fresh = 0;
  var source = new EventSource(document.querySelector('form#alarms-filter').getAttribute('action') + '/live');
  source.onopen = function () { status.textContent = status.dataset.on; };
  source.onmessage = function (event) {
    var m;
    try { m = JSON.parse(event.data); } catch (e) { return; }
    if (m.kind !== 'raised' || !m.data) { return; }
    var d = m.data;
    var tr = document.createElement('tr');
    tr.className = 'table-warning';
    var cells = [new Date(d.at).toLocaleString(), '', null, d.conditionLabel + ' ' + d.level, d.value ? d.value + ' ' + d.unit : '', '', ''];
    cells.forEach(function (text, i) {
      var td = document.createElement('td');
      if (i === 2) {
        var a = document.createElement('a');
        a.setAttribute('href', 'alarms/' + d.id);
        a.textContent = d.sensorName + ' ' + d.sensorCode;
        td.appendChild(a);
      } else {
        td.textContent = text;
      }
      tr.appendChild(td);
    });
    var empty = rows.querySelector('td[colspan]');
    if (empty) { empty.parentNode.remove(); }
    rows.insertBefore(tr, rows.firstChild);
    fresh += 1;
    status.textContent = status.dataset.new.replace('{0}', fresh);
  };
});
