/*
 * The figures dashboard: fetches /figures/data (the URL is the #charts element's data-url) and draws
 * the charts with Apache ECharts (served from the webjar; no inline script or style: CSP).
 */
(function () {
  'use strict';

  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el || !window.echarts) {
      return null;
    }
    var c = window.echarts.init(el, null, { renderer: 'canvas' });
    c.setOption(option);
    window.addEventListener('resize', function () { c.resize(); });
    return c;
  }

  function bars(cells, label, suppressed) {
    var names = [];
    var values = [];
    cells.forEach(function (cell) {
      var name = cell.name || cell.label;
      names.push(cell.suppressed ? name + ' (' + suppressed + ')' : name);
      values.push(cell.suppressed ? 0 : cell.count);
    });
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 24, bottom: 64, containLabel: true },
      xAxis: { type: 'category', data: names, axisLabel: { rotate: 30, interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: label, type: 'bar', data: values }]
    };
  }

  function treemapNode(n) {
    var children = (n.children || []).map(treemapNode);
    if (children.length > 0 && n.own > 0) {
      children.push({ name: n.name + ' · 本级', value: n.own });
    }
    var node = { name: n.name, value: n.total };
    if (children.length > 0) {
      node.children = children;
    }
    return node;
  }

  function draw(data, labels) {
    chart('chart-trend', {
      tooltip: { trigger: 'axis' },
      legend: { data: [labels.labelBatches, labels.labelPersons] },
      grid: { left: 48, right: 16, top: 32, bottom: 32, containLabel: true },
      xAxis: { type: 'category', data: data.trend.map(function (y) { return String(y.calendarYear); }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: labels.labelBatches, type: 'line', data: data.trend.map(function (y) { return y.batches; }) },
        { name: labels.labelPersons, type: 'line', data: data.trend.map(function (y) { return y.persons; }) }
      ]
    });
    chart('chart-channel', {
      tooltip: { trigger: 'item' },
      series: [{
        name: labels.labelChannel, type: 'pie', radius: ['35%', '65%'],
        data: data.channel.filter(function (c) { return !c.suppressed; })
          .map(function (c) { return { name: c.name || c.label, value: c.count }; })
      }]
    });
    chart('chart-category', bars(data.category, labels.labelCategory, labels.labelSuppressed));
    var overdue = data.topOverdue.slice().reverse();
    chart('chart-overdue', {
      tooltip: { trigger: 'axis' },
      grid: { left: 16, right: 24, top: 16, bottom: 24, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: overdue.map(function (o) { return o.name; }) },
      series: [{ name: labels.labelOverdue, type: 'bar', data: overdue.map(function (o) { return o.count; }) }]
    });
    var root = treemapNode(data.regions);
    var max = 1;
    (function walk(n) {
      if (n.value > max && n !== root) { max = n.value; }
      (n.children || []).forEach(walk);
    })(root);
    chart('chart-regions', {
      tooltip: { formatter: function (info) { return info.name + ': ' + info.value; } },
      visualMap: { show: false, min: 0, max: max, inRange: { color: ['#fde0c5', '#f59e0b', '#b91c1c'] } },
      series: [{
        name: labels.labelRegions, type: 'treemap', roam: false, leafDepth: 2,
        data: root.children && root.children.length > 0 ? root.children : [root],
        label: { show: true, formatter: '{b}\n{c}' },
        upperLabel: { show: true, height: 20 },
        levels: [{ colorMappingBy: 'value' }, { colorMappingBy: 'value' }, { colorMappingBy: 'value' }]
      }]
    });
    var levelNames = Object.keys(data.resolvedAtLevel);
    chart('chart-levels', {
      tooltip: { trigger: 'axis' },
      legend: { data: [labels.labelConcluded, labels.labelResolved] },
      grid: { left: 48, right: 16, top: 32, bottom: 32, containLabel: true },
      xAxis: { type: 'category', data: levelNames },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: labels.labelConcluded, type: 'bar', data: levelNames.map(function (l) { return data.resolvedAtLevel[l].concluded; }) },
        { name: labels.labelResolved, type: 'bar', data: levelNames.map(function (l) { return data.resolvedAtLevel[l].resolved; }) }
      ]
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var box = document.getElementById('charts');
    if (!box) {
      return;
    }
    var labels = box.dataset;
    var status = document.getElementById('charts-status');
    fetch(box.dataset.url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) { throw new Error(String(r.status)); }
        return r.json();
      })
      .then(function (data) {
        draw(data, labels);
        box.setAttribute('data-drawn', 'true');
      })
      .catch(function (e) {
        if (status) { status.textContent = labels.labelFailed + ' (' + e.message + ')'; }
      });
  });
})();
