// 隐患看板: open hazards by town, sector and age; monthly closing and on-time rates
AnJian.ready(function () {
  var d = AnJian.json('chart-data'), labels = d.labels, months = d.months;
  AnJian.chart('chart-town', {grid: {left: 90, right: 16, top: 8, bottom: 24}, tooltip: {},
    xAxis: {type: 'value'}, yAxis: {type: 'category', inverse: true, axisLabel: {interval: 0, fontSize: 11}, data: AnJian.pluck(d.byTown, 'key')},
    series: [{type: 'bar', data: AnJian.pluck(d.byTown, 'count'), itemStyle: {color: '#0b4f8a'}}]});
  AnJian.chart('chart-sector', {tooltip: {}, series: [{type: 'pie', radius: ['35%', '70%'],
    data: d.bySector.map(function (c) { return {name: c.key, value: c.count}; })}]});
  AnJian.chart('chart-age', {grid: {left: 40, right: 8, top: 8, bottom: 24}, tooltip: {},
    xAxis: {type: 'category', data: AnJian.pluck(d.byAge, 'key')}, yAxis: {type: 'value'},
    series: [{type: 'bar', data: AnJian.pluck(d.byAge, 'count'), itemStyle: {color: '#ff7f00'}}]});
  AnJian.chart('chart-months', {tooltip: {trigger: 'axis'}, legend: {top: 0}, grid: {left: 40, right: 40, top: 32, bottom: 24},
    xAxis: {type: 'category', data: AnJian.pluck(months, 'month')},
    yAxis: [{type: 'value'}, {type: 'value', max: 100, axisLabel: {formatter: '{value}%'}}],
    series: [{name: labels.found, type: 'bar', data: AnJian.pluck(months, 'found')},
      {name: labels.closed, type: 'bar', data: AnJian.pluck(months, 'closed')},
      {name: labels.rate, type: 'line', yAxisIndex: 1, data: months.map(function (m) { return m.found ? Math.round(1000 * m.closed / m.found) / 10 : 0; })},
      {name: labels.onTime, type: 'line', yAxisIndex: 1, data: months.map(function (m) { return m.closed ? Math.round(1000 * m.closedOnTime / m.closed) / 10 : 0; })}]});
});
