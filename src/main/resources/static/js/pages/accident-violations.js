// 违法行为—执法处罚—事故关系: a sankey from violation category over penalty to later accident, and bars by category
AnJian.ready(function () {
  var d = AnJian.json('chart-data'), rows = d.rows, names = d.names, L = d.labels;
  function name(r) { return names[r.category] || r.category; }
  var used = rows.filter(function (r) { return r.enterprises > 0; });
  var nodes = used.map(function (r) { return {name: name(r), itemStyle: {color: r.focus ? '#e8a33d' : '#5b7fa6'}}; });
  nodes.push({name: L.penalised, itemStyle: {color: '#0b4f8a'}}, {name: L.unpenalised, itemStyle: {color: '#9aa5b1'}},
    {name: L.accident, itemStyle: {color: '#d62728'}}, {name: L.none, itemStyle: {color: '#2ca02c'}});
  var links = [], sum = {pa: 0, pn: 0, ua: 0, un: 0};
  used.forEach(function (r) {
    var n = name(r);
    if (r.penalised > 0) { links.push({source: n, target: L.penalised, value: r.penalised}); }
    if (r.enterprises - r.penalised > 0) { links.push({source: n, target: L.unpenalised, value: r.enterprises - r.penalised}); }
    sum.pa += r.laterAccidentPenalised; sum.pn += r.penalised - r.laterAccidentPenalised;
    sum.ua += r.laterAccidentUnpenalised; sum.un += (r.enterprises - r.penalised) - r.laterAccidentUnpenalised;
  });
  [[L.penalised, L.accident, sum.pa], [L.penalised, L.none, sum.pn], [L.unpenalised, L.accident, sum.ua], [L.unpenalised, L.none, sum.un]]
    .forEach(function (l) { if (l[2] > 0) { links.push({source: l[0], target: l[1], value: l[2]}); } });
  AnJian.chart('chart-sankey', {tooltip: {trigger: 'item'}, series: [{type: 'sankey', left: 8, right: 90, nodeGap: 10, emphasis: {focus: 'adjacency'},
    lineStyle: {color: 'gradient', opacity: 0.35}, label: {fontSize: 11}, data: nodes, links: links}]});
  AnJian.chart('chart-bars', {tooltip: {trigger: 'axis'}, legend: {top: 0}, grid: {left: 8, right: 16, top: 32, bottom: 24, containLabel: true},
    xAxis: {type: 'value', minInterval: 1}, yAxis: {type: 'category', inverse: true, axisLabel: {interval: 0, fontSize: 11}, data: rows.map(name)},
    series: [{name: L.enterprises, type: 'bar', data: AnJian.pluck(rows, 'enterprises'), itemStyle: {color: '#5b7fa6'}},
      {name: L.penalisedBar, type: 'bar', data: AnJian.pluck(rows, 'penalised'), itemStyle: {color: '#0b4f8a'}},
      {name: L.laterAccident, type: 'bar', data: AnJian.pluck(rows, 'laterAccident'), itemStyle: {color: '#d62728'}}]});
});
