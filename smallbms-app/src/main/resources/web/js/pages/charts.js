// The last hours from GET /api/series, drawn with uPlot. uPlot is loaded the first time this page opens, so the
// first load of the app stays small.

import {getJson} from '../api.js';
import {showMessage} from '../dom.js';
import {deviceTime} from '../format.js';
import {poller} from '../poll.js';
import {latestSnapshot, offerSnapshot} from '../stream.js';

const root = document.getElementById('page-charts');
const container = document.getElementById('charts');
const rangeButtons = [...root.querySelectorAll('[data-range]')];

const UPLOT = '/webjars/uplot/1.6.30/dist/';
const REFRESH_MILLIS = 5000;
const CHART_HEIGHT = 170;

// One chart per figure, as a monitor plots them; the cells' min and max share one so their spread shows.
const CHARTS = [
  {title: 'State of charge', unit: '%', decimals: 1, range: [0, 100],
    lines: [{column: 'socPercent', label: 'SoC', stroke: '#1f6fd1'}]},
  {title: 'Voltage', unit: 'V', decimals: 2,
    lines: [{column: 'voltageVolts', label: 'Voltage', stroke: '#2e7d32'}]},
  {title: 'Current', unit: 'A', decimals: 1,
    lines: [{column: 'currentAmps', label: 'Current', stroke: '#e07b00'}]},
  {title: 'Cell voltage', unit: 'V', decimals: 3,
    lines: [{column: 'minCellVolts', label: 'Min cell', stroke: '#c62828'},
      {column: 'maxCellVolts', label: 'Max cell', stroke: '#6a1b9a'}]},
];

let uPlotLoading = null;
let plots = [];
let rangeHours = 6;
/** The span the charts show, in epoch seconds: their x axis is this, however few samples there are yet. */
let span = {fromSeconds: 0, toSeconds: 0};

/** Adds uPlot's script and style to the page once, on demand; resolves with window.uPlot. */
function loadUplot() {
  if (window.uPlot) {
    return Promise.resolve(window.uPlot);
  }
  uPlotLoading ??= new Promise((resolve, reject) => {
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = `${UPLOT}uPlot.min.css`;
    document.head.append(style);
    const script = document.createElement('script');
    script.src = `${UPLOT}uPlot.iife.min.js`;
    script.addEventListener('load', () => resolve(window.uPlot));
    script.addEventListener('error', () => {
      uPlotLoading = null;
      script.remove();
      reject(new Error('the chart library did not load'));
    });
    document.head.append(script);
  });
  return uPlotLoading;
}

/** The device's time: the charts end there, not at this computer's time, since the simulated clock runs fast. */
async function deviceNow() {
  let status = latestSnapshot();
  if (!status) {
    status = await getJson('/api/status');
    offerSnapshot(status);
  }
  return new Date(status.deviceTime);
}

function isoSeconds(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A tick of the time axis in device time: "18:00", and the date ("06-01") where a day begins. */
function timeTicks(u, ticks) {
  return ticks.map((seconds) => {
    const iso = new Date(seconds * 1000).toISOString();
    return seconds % 86400 === 0 ? iso.slice(5, 10) : iso.slice(11, 16);
  });
}

function deviceInstant(u, seconds) {
  return seconds === null || seconds === undefined ? '--' : deviceTime(new Date(seconds * 1000).toISOString());
}

function makePlot(uPlot, chart) {
  const format = (value) => (value === null || value === undefined ? '--' : `${value.toFixed(chart.decimals)} ${chart.unit}`);
  const options = {
    title: chart.title,
    width: container.clientWidth,
    height: CHART_HEIGHT,
    // The device's clock is UTC: the axis shows its time, not this computer's zone.
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
    cursor: {sync: {key: 'smallbms'}},
    scales: {
      x: {time: true, range: () => [span.fromSeconds, span.toSeconds]},
      y: chart.range ? {range: () => chart.range} : {},
    },
    axes: [{values: timeTicks}, {values: (u, ticks) => ticks.map((tick) => `${tick} ${chart.unit}`), size: 64}],
    series: [{label: 'Time', value: deviceInstant}, ...chart.lines.map((line) => ({label: line.label, stroke: line.stroke, width: 2,
      value: (u, value) => format(value)}))],
  };
  const element = document.createElement('div');
  element.className = 'chart';
  container.append(element);
  return new uPlot(options, [[], ...chart.lines.map(() => [])], element);
}

async function load() {
  const uPlot = await loadUplot();
  if (plots.length === 0) {
    plots = CHARTS.map((chart) => makePlot(uPlot, chart));
  }
  const to = await deviceNow();
  const from = new Date(to.getTime() - rangeHours * 3600 * 1000);
  const series = await getJson(`/api/series?from=${isoSeconds(from)}&to=${isoSeconds(to)}`);
  span = {fromSeconds: from.getTime() / 1000, toSeconds: to.getTime() / 1000};
  const times = series.atEpochSeconds ?? [];
  CHARTS.forEach((chart, i) => {
    plots[i].setData([times, ...chart.lines.map((line) => series[line.column] ?? times.map(() => null))]);
  });
}

const refresh = poller(load, (error) => showMessage(root.querySelector('.page-error'),
  error ? `Cannot draw the charts: ${error.message}` : ''), REFRESH_MILLIS);

// The charts follow the card's width: a phone turned, a window resized.
new ResizeObserver(() => {
  if (container.clientWidth === 0) {
    return; // hidden with its page
  }
  plots.forEach((plot) => plot.setSize({width: container.clientWidth, height: CHART_HEIGHT}));
}).observe(container);

for (const button of rangeButtons) {
  button.addEventListener('click', () => {
    rangeHours = Number(button.dataset.range);
    rangeButtons.forEach((other) => other.setAttribute('aria-pressed', String(other === button)));
    refresh.refresh();
  });
}

export const chartsPage = {
  enter: () => refresh.start(),
  leave: () => refresh.stop(),
};
