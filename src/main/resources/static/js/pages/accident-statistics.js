// 事故统计: accidents and deaths by month, town, sector and type
AnJian.ready(function () {
  var d = AnJian.json('chart-data'), labels = d.labels;
  var months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  function monthly(field) {
    return months.map(function (m) { var c = d.byMonth.find(function (x) { return x.key === String(m); }); return c ? c[field] : 0; });
  }
  AnJian.chart('chart-month', {tooltip: {trigger: 'axis'}, legend: {top: 0}, grid: {left: 40, right: 16, top: 32, bottom: 24},
    xAxis: {type: 'category', data: months}, yAxis: {type: 'value', minInterval: 1},
    series: [{name: labels.accidents, type: 'bar', data: monthly('accidents')},
      {name: labels.deaths, type: 'line', data: monthly('deaths'), itemStyle: {color: '#d62728'}}]});
  function bars(id, data) {
    AnJian.chart(id, {tooltip: {trigger: 'axis'}, legend: {top: 0}, grid: {left: 100, right: 16, top: 32, bottom: 24},
      xAxis: {type: 'value', minInterval: 1},
      yAxis: {type: 'category', inverse: true, axisLabel: {interval: 0, fontSize: 11}, data: AnJian.pluck(data, 'key')},
      series: [{name: labels.accidents, type: 'bar', data: AnJian.pluck(data, 'accidents'), itemStyle: {color: '#0b4f8a'}},
        {name: labels.deaths, type: 'bar', data: AnJian.pluck(data, 'deaths'), itemStyle: {color: '#d62728'}}]});
  }
  bars('chart-town', d.byTown);
  bars('chart-type', d.byType);
  AnJian.chart('chart-sector', {tooltip: {}, series: [{type: 'pie', radius: ['35%', '70%'],
    data: d.bySector.map(function (c) { return {name: c.key, value: c.accidents}; })}]});
});
