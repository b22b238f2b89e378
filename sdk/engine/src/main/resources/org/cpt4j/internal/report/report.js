// Draws the report's figures from the data the page carries (#cpt4j-data), with Apache ECharts (inlined above).
// Every text from the run reaches the page through ECharts' own text rendering or through encodeHTML.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('cpt4j-data').textContent);
  const encode = echarts.format.encodeHTML;
  const PALETTE = ['#4269d0', '#efb118', '#ff725c', '#6cc5b0', '#3ca951', '#ff8ab7', '#a463f2', '#97bbf5',
    '#9c6b4e', '#9498a0', '#1b7f79', '#c2185b'];
  const colour = (i) => PALETTE[i % PALETTE.length];
  const charts = [];
  const failures = [];
  const longest = Math.max(1, ...data.arms.map((arm) => arm.steps.length));
  const WINDOW = Math.max(1, Math.round(longest / 40));

  /** Axis numbers short enough for a panel: an exponent for tiny values, else without float noise. */
  const tick = (v) => (v !== 0 && Math.abs(v) < 1e-3 ? v.toExponential(1) : String(+v.toPrecision(10)));

  function draw(element, option) {
    [].concat(option.yAxis || []).forEach((axis) => {
      if (axis.type === 'value') { axis.axisLabel = Object.assign({ formatter: tick }, axis.axisLabel); }
    });
    const chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(Object.assign({ animation: false, textStyle: { fontFamily: 'sans-serif' } }, option));
    charts.push(chart);
  }

  function single(container) {
    const element = document.createElement('div');
    element.className = 'single';
    container.appendChild(element);
    return element;
  }

  function panel(container) {
    container.classList.add('panels');
    const element = document.createElement('div');
    element.className = 'panel';
    container.appendChild(element);
    return element;
  }

  function empty(container, text) {
    const element = document.createElement('div');
    element.className = 'empty';
    element.textContent = text;
    container.appendChild(element);
  }

  /** The mean of the last WINDOW values at each step (nulls skipped). */
  function smooth(values) {
    const out = [];
    for (let i = 0; i < values.length; i++) {
      let sum = 0;
      let n = 0;
      for (let j = Math.max(0, i - WINDOW + 1); j <= i; j++) {
        if (values[j] !== null) { sum += values[j]; n++; }
      }
      out.push(n ? sum / n : null);
    }
    return out;
  }

  /**
   * The band from {@code lows} to {@code highs} at {@code xs} (the lowest and the highest seed), as filled polygons
   * (one per run of points without a gap). Named as the arm, so that its legend entry hides it too.
   */
  function band(name, colourOf, xs, lows, highs) {
    const runs = [];
    let current = [];
    xs.forEach((x, k) => {
      if (x === null || lows[k] === null || highs[k] === null) {
        if (current.length) { runs.push(current); current = []; }
      } else {
        current.push(k);
      }
    });
    if (current.length) { runs.push(current); }
    return [{
      name: name, type: 'custom', silent: true, z: 1, tooltip: { show: false }, clip: true,
      data: runs.length ? [[xs[runs[0][0]], lows[runs[0][0]]]] : [],
      renderItem: (params, api) => ({
        type: 'group',
        children: runs.map((run) => ({
          type: 'polygon',
          shape: { points: run.map((k) => api.coord([xs[k], highs[k]]))
            .concat(run.slice().reverse().map((k) => api.coord([xs[k], lows[k]]))) },
          style: { fill: colourOf, opacity: 0.18 },
        })),
      }),
    }];
  }

  function stageBoundaries() {
    return {
      silent: true, symbol: 'none', lineStyle: { color: '#8a94a3', type: 'dashed', width: 1 },
      label: { formatter: (p) => p.name, position: 'insideEndTop', color: '#5b6573', fontSize: 11 },
      data: data.stages.map((stage) => ({ xAxis: stage.start, name: stage.domain })),
    };
  }

  /**
   * Lays out a single chart's legend of arms: on top for a few, a scrolling column on the right for many, so that
   * a dozen arms stay readable and each can be toggled by clicking its name.
   */
  function withLegend(option, names) {
    if (names.length > 4) {
      option.legend = { type: 'scroll', orient: 'vertical', right: 4, top: 24, bottom: 30, data: names };
      option.grid = Object.assign({}, option.grid, { right: 190, top: 30 });
    } else {
      option.legend = { type: 'scroll', top: 0, data: names };
    }
    return option;
  }

  /** A colour key above a grid of panels, whose own legends are hidden: {@code names[i]} in {@code colours(i)}. */
  function key(container, names, colours) {
    const element = document.createElement('div');
    element.className = 'key';
    names.forEach((name, i) => {
      const entry = document.createElement('span');
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = colours(i);
      entry.appendChild(swatch);
      entry.appendChild(document.createTextNode(name));
      element.appendChild(entry);
    });
    container.parentNode.insertBefore(element, container);
  }

  const stepAxis = (name) => ({ type: 'value', name: name, nameLocation: 'middle', nameGap: 26, min: 0,
    max: Math.max(...data.stages.map((s) => s.start + s.steps)) });

  function valueTooltip(digits) {
    return { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? 'n/a' : v.toFixed(digits)) };
  }

  /** The y axis of each step series: its unit, and a fixed range for fractions. */
  const STEP_AXES = {
    rewardMean: { name: 'reward', scale: true }, entropy: { name: 'nats', min: 0 },
    meanLength: { name: 'tokens', scale: true }, truncatedFraction: { name: 'fraction', min: 0, max: 1 },
    formatValid: { name: 'fraction', min: 0, max: 1 }, repetition: { name: 'fraction', min: 0, max: 1 },
    referenceKl: { name: 'nats per token', scale: true }, gradientNorm: { name: 'norm', min: 0 },
  };

  /** Lines of one step series per arm, with stage boundaries, and markers for events on the first figure. */
  function stepSeries(element, pick, markEvents, yAxis) {
    const series = [];
    data.arms.forEach((arm, i) => {
      const values = pick(arm);
      if (!values || arm.steps.length === 0) { return; }
      const smoothed = smooth(values);
      series.push({ name: arm.name, type: 'line', showSymbol: false, sampling: 'lttb', color: colour(i), z: 2,
        data: arm.steps.map((step, k) => [step, smoothed[k]]), markLine: series.length ? undefined : stageBoundaries() });
      const spread = arm.spread && arm.spread.series;
      const field = pick.field;
      if (spread && field && spread[field + '.min']) {
        band(arm.name, colour(i), arm.steps, smooth(spread[field + '.min']), smooth(spread[field + '.max']))
          .forEach((s) => series.push(s));
      }
      if (markEvents && arm.events.length) {
        const at = new Map(arm.steps.map((step, k) => [step, smoothed[k]]));
        series.push({ name: arm.name, type: 'scatter', symbol: 'triangle', symbolSize: 13, color: colour(i),
          itemStyle: { borderColor: '#b00020', borderWidth: 1.5 }, z: 5,
          data: arm.events.map((event) => ({ value: [event.step, at.has(event.step) ? at.get(event.step) : 0],
            step: event.step, label: event.label, detail: event.detail })) });
      }
    });
    if (!series.length) { empty(element, 'No steps recorded yet.'); return; }
    // one tooltip for the step under the pointer: each arm's value, and the evidence of any event marked there
    const tooltip = { trigger: 'axis', formatter: (items) => {
      const step = items.length ? Math.round(items[0].axisValue) : 0;
      const lines = items.filter((p) => p.seriesType === 'line' && p.value && p.value[1] !== null)
        .map((p) => p.marker + encode(p.seriesName) + ' ' + p.value[1].toFixed(3));
      const events = items.filter((p) => p.seriesType === 'scatter' && Math.abs(p.data.step - step) <= WINDOW)
        .map((p) => '<b>' + encode(p.seriesName) + ', step ' + p.data.step + ': ' + encode(p.data.label) + '</b><br>'
          + encode(p.data.detail));
      return 'step ' + step + '<br>' + lines.concat(events).join('<br>');
    } };
    draw(single(element), withLegend({
      color: PALETTE, tooltip: tooltip,
      grid: { left: 60, right: 24, top: 40, bottom: 66 },
      xAxis: stepAxis(WINDOW === 1 ? 'step' : 'step (mean over ' + WINDOW + ' steps)'),
      yAxis: Object.assign({ type: 'value' }, yAxis),
      // filterMode none: a zoomed-in window clips the bands instead of dropping their one anchoring point
      dataZoom: [{ type: 'inside', filterMode: 'none' }, { type: 'slider', height: 16, bottom: 4, filterMode: 'none' }],
      series: series,
    }, data.arms.map((a) => a.name)));
  }

  const percent = (v) => (v === null || v === undefined ? null : 100 * v);

  /**
   * Per stage, its domain's accuracy from the evaluation where the stage began (the base's, or the previous stage's
   * end) through its own; the stages' segments are separated by gaps.
   */
  function currentAccuracy(element) {
    const series = [];
    data.arms.forEach((arm, i) => {
      const points = [];
      const xs = [];
      const lows = [];
      const highs = [];
      data.stages.forEach((stage, j) => {
        const own = arm.evaluations.filter((e) => e.stage === j && e.kind !== 'BASE');
        if (!own.length) { return; }
        const start = arm.evaluations.find((e) => (j === 0 ? e.kind === 'BASE' : e.stage === j - 1
          && e.kind === 'STAGE_END'));
        const segment = start ? [start].concat(own) : own;
        if (points.length) { points.push([null, null]); lows.push(null); highs.push(null); xs.push(null); }
        segment.forEach((e) => {
          points.push({ value: [e.step, percent(e.accuracy[stage.domain])], domain: stage.domain });
          xs.push(e.step);
          lows.push(e.min ? percent(e.min[stage.domain]) : null);
          highs.push(e.max ? percent(e.max[stage.domain]) : null);
        });
      });
      if (points.length) {
        series.push({ name: arm.name, type: 'line', color: colour(i), symbolSize: 6, connectNulls: false, z: 2,
          data: points, markLine: series.length ? undefined : stageBoundaries() });
        if (arm.spread) {
          band(arm.name, colour(i), xs, lows, highs).forEach((s) => series.push(s));
        }
      }
    });
    if (!series.length) { empty(element, 'No evaluation inside or at the end of a stage yet.'); return; }
    draw(single(element), withLegend({
      grid: { left: 60, right: 24, top: 40, bottom: 44 },
      tooltip: { trigger: 'item', formatter: (p) => encode(p.seriesName) + ', step ' + p.value[0] + ': '
        + encode(p.data.domain) + ' ' + (p.value[1] === null ? 'n/a' : p.value[1].toFixed(0) + '%') },
      xAxis: stepAxis('step'), yAxis: { type: 'value', name: 'accuracy %', min: 0, max: 100 }, series: series,
    }, data.arms.map((a) => a.name)));
  }

  function domainAccuracy(element) {
    const armsWithEvaluations = data.arms.filter((arm) => arm.evaluations.length);
    if (!armsWithEvaluations.length) { empty(element, 'No evaluations recorded yet.'); return; }
    key(element, data.domains, colour);
    armsWithEvaluations.forEach((arm) => {
      draw(panel(element), {
        title: { text: arm.name, left: 'center', top: 2, textStyle: { fontSize: 13 } },
        legend: { show: false, data: data.domains },
        tooltip: valueTooltip(0), grid: { left: 48, right: 16, top: 34, bottom: 40 },
        xAxis: stepAxis('step'), yAxis: { type: 'value', name: '%', min: 0, max: 100 },
        series: data.domains.map((domain, d) => ({ name: domain, type: 'line', symbolSize: 4, color: colour(d),
          data: arm.evaluations.map((e) => [e.step, percent(e.accuracy[domain])]),
          markLine: d === 0 ? stageBoundaries() : undefined })),
      });
    });
  }

  function matrix(element) {
    const arms = data.arms.filter((arm) => arm.matrix);
    if (!arms.length) { empty(element, 'No accuracy matrix yet: the base has not been evaluated.'); return; }
    arms.forEach((arm) => {
      const cells = [];
      arm.matrix.values.forEach((row, r) => row.forEach((v, c) => cells.push([c, r, v === null ? '-' : 100 * v])));
      draw(panel(element), {
        title: { text: arm.name, left: 'center', top: 2, textStyle: { fontSize: 13 } },
        tooltip: { formatter: (p) => encode(arm.matrix.rows[p.value[1]]) + ', ' + encode(data.domains[p.value[0]])
          + ': ' + (p.value[2] === '-' ? 'n/a' : p.value[2].toFixed(0) + '%') },
        grid: { left: 96, right: 12, top: 30, bottom: 70 },
        xAxis: { type: 'category', data: data.domains, axisLabel: { rotate: 35, fontSize: 11 } },
        yAxis: { type: 'category', data: arm.matrix.rows, inverse: true, axisLabel: { fontSize: 11 } },
        visualMap: { min: 0, max: 100, show: false,
          inRange: { color: ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] } },
        series: [{ type: 'heatmap', data: cells,
          label: { show: true, fontSize: 11, formatter: (p) => (p.value[2] === '-' ? '' : p.value[2].toFixed(0)),
            color: '#1d232b', textBorderColor: '#fff', textBorderWidth: 2 } }],
      });
    });
  }

  function forgetting(element, convention) {
    const arms = data.arms.filter((arm) => arm.forgetting);
    const domains = [];
    arms.forEach((arm) => Object.keys(arm.forgetting[convention]).forEach((d) => {
      if (!domains.includes(d)) { domains.push(d); }
    }));
    if (!domains.length) {
      empty(element, 'No forgetting yet: it needs a domain trained before the last finished stage.');
      return;
    }
    draw(single(element), withLegend({
      tooltip: { trigger: 'axis', formatter: (items) => (items.length ? encode(items[0].name) + '<br>' : '')
        + items.map((p) => {
        const arm = arms.find((a) => a.name === p.seriesName);
        const seeds = arm.spread && arm.spread.forgetting ? arm.spread.forgetting[convention][p.name] : null;
        return encode(p.seriesName) + ': ' + (p.value === null ? 'n/a' : p.value.toFixed(1))
          + (seeds ? ' (seeds: ' + seeds.map((v) => (v === null ? 'n/a' : (100 * v).toFixed(1))).join(', ') + ')' : '');
      }).join('<br>') },
      grid: { left: 60, right: 24, top: 40, bottom: 36 },
      xAxis: { type: 'category', data: domains }, yAxis: { type: 'value', name: 'points' },
      series: arms.map((arm) => ({ name: arm.name, type: 'bar', barMaxWidth: 40, color: colour(data.arms.indexOf(arm)),
        data: domains.map((d) => percent(arm.forgetting[convention][d])) })),
    }, arms.map((a) => a.name)));
  }

  function drift(element) {
    const keys = [];
    data.arms.forEach((arm) => arm.drift.forEach((d) => Object.keys(d.values).forEach((v) => {
      const key = d.metric + ' · ' + v;
      if (!keys.includes(key)) { keys.push(key); }
    })));
    if (!keys.length) { empty(element, 'No drift measured yet: it is measured after each stage.'); return; }
    const stages = data.stages.map((s, i) => 'after ' + (i + 1) + ' ' + s.domain);
    key(element, data.arms.map((a) => a.name), colour);
    keys.forEach((panelKey) => {
      const [metric, value] = panelKey.split(' · ');
      draw(panel(element), {
        title: { text: panelKey, left: 'center', top: 2, textStyle: { fontSize: 13 } },
        legend: { show: false }, tooltip: valueTooltip(4),
        grid: { left: 64, right: 16, top: 34, bottom: 40 },
        xAxis: { type: 'category', data: stages, axisLabel: { fontSize: 11 } }, yAxis: { type: 'value', scale: true },
        series: data.arms.flatMap((arm, i) => {
          const at = (which) => stages.map((_, s) => {
            const found = arm.drift.find((d) => d.stage === s && d.metric === metric);
            return found && found[which] && value in found[which] ? found[which][value] : null;
          });
          const mean = { name: arm.name, type: 'line', symbolSize: 6, color: colour(i), z: 2, data: at('values') };
          return arm.spread ? [mean].concat(band(arm.name, colour(i), stages, at('min'), at('max'))) : [mean];
        }),
      });
    });
  }

  function diagnostics(element) {
    const names = [];
    data.arms.forEach((arm) => Object.keys(arm.diagnostics).forEach((n) => {
      if (!names.includes(n)) { names.push(n); }
    }));
    if (!names.length) { empty(element, 'No objective diagnostics recorded yet.'); return; }
    key(element, data.arms.map((a) => a.name), colour);
    names.forEach((name) => {
      const series = [];
      data.arms.forEach((arm, i) => {
        if (!arm.diagnostics[name]) { return; }
        const smoothed = smooth(arm.diagnostics[name]);
        series.push({ name: arm.name, type: 'line', showSymbol: false, sampling: 'lttb', color: colour(i), z: 2,
          data: arm.steps.map((step, k) => [step, smoothed[k]]), markLine: series.length ? undefined : stageBoundaries() });
        const spread = arm.spread && arm.spread.diagnostics;
        if (spread && spread[name + '.min']) {
          band(arm.name, colour(i), arm.steps, smooth(spread[name + '.min']), smooth(spread[name + '.max']))
            .forEach((s) => series.push(s));
        }
      });
      draw(panel(element), {
        title: { text: name, left: 'center', top: 2, textStyle: { fontSize: 13 } },
        legend: { show: false }, tooltip: valueTooltip(4),
        grid: { left: 64, right: 16, top: 34, bottom: 40 },
        xAxis: stepAxis('step'), yAxis: { type: 'value', scale: true }, series: series,
      });
    });
  }

  function teacherAdvantage(element) {
    const arms = data.arms.filter((arm) => arm.evaluations.some((e) => e.teacher));
    if (!arms.length) { empty(element, 'No arm distils from a teacher, or none has been evaluated yet.'); return; }
    key(element, data.domains, colour);
    arms.forEach((arm) => {
      const points = arm.evaluations.filter((e) => e.teacher);
      const labels = points.map((e) => (e.kind === 'BASE' ? 'base' : 'after ' + (e.stage + 1) + ' '
        + data.stages[e.stage].domain));
      draw(panel(element), {
        title: { text: arm.name, left: 'center', top: 2, textStyle: { fontSize: 13 } },
        legend: { show: false }, grid: { left: 52, right: 16, top: 34, bottom: 40 },
        tooltip: { trigger: 'axis', formatter: (items) => (items.length ? encode(labels[items[0].dataIndex]) + '<br>'
          : '') + items.map((p) => {
          const e = points[p.dataIndex];
          const domain = p.seriesName;
          const shown = (v) => (v === null || v === undefined ? 'n/a' : (100 * v).toFixed(0) + '%');
          return encode(domain) + ': teacher ' + shown(e.teacher[domain]) + ', student ' + shown(e.accuracy[domain]);
        }).join('<br>') },
        xAxis: { type: 'category', data: labels, axisLabel: { fontSize: 11 } },
        yAxis: { type: 'value', name: 'points' },
        series: data.domains.map((domain, d) => ({ name: domain, type: 'line', symbolSize: 6, color: colour(d),
          data: points.map((e) => (e.teacher[domain] === null || e.accuracy[domain] === null ? null
            : 100 * (e.teacher[domain] - e.accuracy[domain]))) })),
      });
    });
  }

  const FIGURES = {
    'teacher-advantage': teacherAdvantage,
    'current-accuracy': currentAccuracy,
    'domain-accuracy': domainAccuracy,
    'matrix': matrix,
    'forgetting:avalanche': (e) => forgetting(e, 'avalanche'),
    'forgetting:chaudhry': (e) => forgetting(e, 'chaudhry'),
    'drift': drift,
    'diagnostics': diagnostics,
  };

  document.querySelectorAll('[data-figure]').forEach((element) => {
    const kind = element.dataset.figure;
    try {
      if (kind.startsWith('steps:')) {
        const field = kind.substring('steps:'.length);
        const pick = (arm) => arm.series[field];
        pick.field = field;
        stepSeries(element, pick, field === 'rewardMean', STEP_AXES[field] || { name: field });
      } else if (FIGURES[kind]) {
        FIGURES[kind](element);
      } else {
        throw new Error('unknown figure ' + kind);
      }
    } catch (error) {
      failures.push(kind + ': ' + error);
      const failed = document.createElement('div');
      failed.className = 'failed';
      failed.textContent = 'This figure could not be drawn: ' + error;
      element.appendChild(failed);
    }
  });
  window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));
  document.body.dataset.charts = String(charts.length);
  document.body.dataset.failures = String(failures.length);
  document.body.dataset.rendered = failures.length ? 'with-failures' : 'ok';
})();
