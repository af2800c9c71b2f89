// 专家档案: the year's ratings as a radar
AnJian.ready(function () {
  var d = AnJian.json('chart-data');
  if (!d) { return; }
  AnJian.chart('chart-radar', {tooltip: {}, radar: {indicator: d.names.map(function (n) { return {name: n, max: 5}; }), radius: '65%'},
    series: [{type: 'radar', areaStyle: {opacity: 0.2}, data: [{value: d.values.map(Number), name: String(d.year)}]}]});
});
