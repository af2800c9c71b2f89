// 年度执法计划: planned, done and unplanned inspections against the month's capacity
AnJian.ready(function () {
  var d = AnJian.json('chart-data'), rows = d.rows, labels = d.labels;
  AnJian.chart('chart-plan', {tooltip: {trigger: 'axis'}, legend: {top: 0}, grid: {left: 40, right: 16, top: 32, bottom: 24},
    xAxis: {type: 'category', data: AnJian.pluck(rows, 'month')}, yAxis: {type: 'value', minInterval: 1},
    series: [{name: labels.planned, type: 'bar', data: AnJian.pluck(rows, 'planned'), itemStyle: {color: '#9db8d6'}},
      {name: labels.done, type: 'bar', data: AnJian.pluck(rows, 'done'), itemStyle: {color: '#2e8b57'}},
      {name: labels.unplanned, type: 'bar', data: AnJian.pluck(rows, 'unplanned'), itemStyle: {color: '#e07b39'}},
      {name: labels.capacity, type: 'line', step: 'middle', symbol: 'none', data: AnJian.pluck(rows, 'capacity'),
        lineStyle: {color: '#d62728', type: 'dashed'}}]});
});
