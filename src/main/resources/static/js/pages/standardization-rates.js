// 标准化达标率: by town (规上工贸 and 四涉一有限一使用 against their targets), by trade, grades by level
AnJian.ready(function () {
  var d = AnJian.json('chart-data'), labels = d.labels;
  function pct(list) { return list.map(function (r) { return r.percent; }); }
  AnJian.chart('chart-town', {tooltip: {trigger: 'axis'}, legend: {top: 0}, grid: {left: 90, right: 24, top: 32, bottom: 24},
    xAxis: {type: 'value', max: 100, axisLabel: {formatter: '{value}%'}},
    yAxis: {type: 'category', inverse: true, axisLabel: {interval: 0, fontSize: 11}, data: AnJian.pluck(d.byTownAbove, 'name')},
    series: [{name: labels.above, type: 'bar', data: pct(d.byTownAbove), itemStyle: {color: '#0b4f8a'},
      markLine: {symbol: 'none', data: [{xAxis: d.targetAbove, name: labels.target}], lineStyle: {color: '#0b4f8a', type: 'dashed'}}},
      {name: labels.four, type: 'bar', data: pct(d.byTownFour), itemStyle: {color: '#e08a00'},
        markLine: {symbol: 'none', data: [{xAxis: d.targetFour, name: labels.target}], lineStyle: {color: '#d62728', type: 'dashed'}}}]});
  AnJian.chart('chart-trade', {tooltip: {trigger: 'axis'}, grid: {left: 40, right: 16, top: 16, bottom: 40},
    xAxis: {type: 'category', axisLabel: {interval: 0, fontSize: 11}, data: AnJian.pluck(d.byTrade, 'key')},
    yAxis: {type: 'value', max: 100, axisLabel: {formatter: '{value}%'}},
    series: [{type: 'bar', data: pct(d.byTrade), itemStyle: {color: '#0b4f8a'},
      markLine: {symbol: 'none', data: [{yAxis: d.targetAbove}], lineStyle: {type: 'dashed'}}}]});
  AnJian.chart('chart-level', {tooltip: {}, series: [{type: 'pie', radius: ['35%', '70%'],
    data: Object.keys(d.byLevel).map(function (k) { return {name: labels[k], value: d.byLevel[k]}; })}]});
});
