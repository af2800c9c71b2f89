// 持证管理: certificates by kind, valid / to act on / invalid
AnJian.ready(function () {
  var d = AnJian.json('chart-data'), l = d.labels;
  AnJian.chart('chart-certificates', {tooltip: {trigger: 'axis'}, legend: {top: 0}, grid: {left: 110, right: 16, top: 32, bottom: 24},
    xAxis: {type: 'value', minInterval: 1}, yAxis: {type: 'category', inverse: true, data: AnJian.pluck(d.rows, 'key')},
    series: [{name: l.valid, type: 'bar', stack: 's', data: AnJian.pluck(d.rows, 'valid'), itemStyle: {color: '#2e7d32'}},
      {name: l.action, type: 'bar', stack: 's', data: AnJian.pluck(d.rows, 'action'), itemStyle: {color: '#e08a00'}},
      {name: l.invalid, type: 'bar', stack: 's', data: AnJian.pluck(d.rows, 'invalid'), itemStyle: {color: '#d62728'}}]});
});
