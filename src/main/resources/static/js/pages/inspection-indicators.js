// 执法指标: inspections, decisions and the online-enforcement rate by month
AnJian.ready(function () {
  var d = AnJian.json('chart-data'), rows = d.rows, labels = d.labels;
  AnJian.chart('chart-month', {tooltip: {trigger: 'axis'}, legend: {top: 0}, grid: {left: 40, right: 40, top: 32, bottom: 24},
    xAxis: {type: 'category', data: AnJian.pluck(rows, 'month')},
    yAxis: [{type: 'value', minInterval: 1}, {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value}%'}}],
    series: [{name: labels.inspections, type: 'bar', data: AnJian.pluck(rows, 'inspections'), itemStyle: {color: '#0b4f8a'}},
      {name: labels.decisions, type: 'bar', data: AnJian.pluck(rows, 'decisions'), itemStyle: {color: '#d62728'}},
      {name: labels.online, type: 'line', yAxisIndex: 1,
        data: rows.map(function (r) { return r.onlineRate == null ? null : Math.round(r.onlineRate * 1000) / 10; }),
        markLine: {symbol: 'none', label: {show: false}, data: [{yAxis: 100}], lineStyle: {type: 'dashed', color: '#2e8b57'}}}]});
});
