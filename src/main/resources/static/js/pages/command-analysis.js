// 形势分析 (CMD-2): the monthly trends of the reader's scope as one ECharts chart (bars: hazards found and closed,
// inspections; line: accidents on the right axis). The numbers come from the page's JSON block.
AnJian.ready(function () {
  'use strict';
  var data = AnJian.json('trend-data');
  var el = document.getElementById('chart-trends');
  if (!data || !el || !window.echarts) { return; }
  var c = data.chart, l = data.labels;
  AnJian.chart(el, {
    tooltip: {trigger: 'axis'},
    legend: {data: [l.found, l.closed, l.inspections, l.accidents]},
    grid: {left: 40, right: 40, top: 40, bottom: 30},
    xAxis: {type: 'category', data: c.months},
    yAxis: [{type: 'value', minInterval: 1}, {type: 'value', minInterval: 1}],
    series: [
      {name: l.found, type: 'bar', data: c.hazardsFound, itemStyle: {color: '#f08c00'}},
      {name: l.closed, type: 'bar', data: c.hazardsClosed, itemStyle: {color: '#2b8a3e'}},
      {name: l.inspections, type: 'bar', data: c.inspections, itemStyle: {color: '#1971c2'}},
      {name: l.accidents, type: 'line', yAxisIndex: 1, data: c.accidents, itemStyle: {color: '#c92a2a'}}
    ]
  });
  el.dataset.drawn = 'true';
});
