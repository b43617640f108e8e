// UI-02: the battery page of the manual's §5.1: the bank (balancer status BAL-01, extremes, how the batteries are
// wired) and, for the battery picked with "Battery number", its own figures and each cell's voltage as a bar.

import {getJson} from '../api.js';
import {el, field, renderList, setField, showMessage} from '../dom.js';
import * as format from '../format.js';
import {poller} from '../poll.js';

const root = document.getElementById('page-battery');
const select = document.getElementById('battery-select');

// The bars' scale spans a Lithium NG cell's working range; the marks are where a cell needs attention
// (below 2.80 V the low cell voltage warnings are near, above 3.60 V the cell is at the top of its charge).
const SCALE_MIN_VOLTS = 2.5;
const SCALE_MAX_VOLTS = 3.65;
const LOW_CELL_VOLTS = 2.8;
const HIGH_CELL_VOLTS = 3.6;

let selectedIndex = null;
let latest = null;

function render(bank) {
  latest = bank;
  setField(root, 'balancerStatus', bank.balancer?.status ?? format.UNKNOWN);
  setField(root, 'balancerReason', bank.balancer?.reason ?? '');
  setField(root, 'minCellVolts', format.cellVolts(bank.minCellVolts));
  setField(root, 'maxCellVolts', format.cellVolts(bank.maxCellVolts));
  setField(root, 'minTemperatureCelsius', format.celsius(bank.minTemperatureCelsius));
  setField(root, 'maxTemperatureCelsius', format.celsius(bank.maxTemperatureCelsius));
  setField(root, 'batteryCount', format.count(bank.batteryCount));
  setField(root, 'cellCount', format.count(bank.cellCount));
  setField(root, 'inSeries', format.count(bank.inSeries));
  setField(root, 'inParallel', format.count(bank.inParallel));
  setField(root, 'capacityAmpHours', format.fixed(bank.capacityAmpHours, 0, 'Ah'));
  showBatteryChoice(bank.batteries ?? []);
  showBattery((bank.batteries ?? []).find((battery) => battery.index === selectedIndex));
}

/** The "Battery number" selector: one option per battery answering, keeping the choice while it answers. */
function showBatteryChoice(batteries) {
  renderList(select, batteries.map((battery) => battery.index),
    (index) => el('option', {value: index}, String(index)));
  if (!batteries.some((battery) => battery.index === selectedIndex)) {
    selectedIndex = batteries.length > 0 ? batteries[0].index : null;
  }
  if (selectedIndex !== null) {
    select.value = String(selectedIndex);
  }
  select.disabled = batteries.length < 2;
  select.closest('label').hidden = batteries.length === 0;
}

function showBattery(battery) {
  field(root, 'noBattery').hidden = Boolean(battery);
  field(root, 'batteryDetail').hidden = !battery;
  if (!battery) {
    return;
  }
  setField(root, 'battery-serial', battery.serial ?? format.UNKNOWN);
  setField(root, 'battery-nominalCapacity', format.fixed(battery.nominalCapacityAmpHours, 0, 'Ah'));
  setField(root, 'battery-firmwareVersion', battery.firmwareVersion ?? format.UNKNOWN);
  setField(root, 'battery-temperature', format.celsius(battery.temperatureCelsius));
  setField(root, 'battery-voltage', format.volts(battery.voltageVolts));
  setField(root, 'battery-current', format.amps(battery.currentAmps));
  showCells(battery.cellVolts ?? []);
}

function showCells(cellVolts) {
  const cells = field(root, 'cells');
  if (cells.children.length !== cellVolts.length) {
    cells.replaceChildren(...cellVolts.map((_, i) => cellBar(i + 1)));
  }
  cellVolts.forEach((volts, i) => updateCell(cells.children[i], volts));
}

function cellBar(number) {
  return el('div', {class: 'cell', data: {cell: number}},
    el('span', {class: 'cell-value'}),
    el('div', {class: 'cell-bar'}, el('div', {class: 'cell-fill'})),
    el('span', {class: 'cell-name'}, `Cell ${number}`));
}

function updateCell(cell, volts) {
  const fraction = (volts - SCALE_MIN_VOLTS) / (SCALE_MAX_VOLTS - SCALE_MIN_VOLTS);
  cell.querySelector('.cell-fill').style.height = `${Math.round(Math.min(1, Math.max(0, fraction)) * 100)}%`;
  cell.querySelector('.cell-value').textContent = format.cellVolts(volts);
  cell.dataset.state = cellState(volts);
}

function cellState(volts) {
  if (volts === null || volts === undefined) {
    return 'unknown';
  }
  if (volts < LOW_CELL_VOLTS) {
    return 'low';
  }
  return volts > HIGH_CELL_VOLTS ? 'high' : 'ok';
}

const refresh = poller(async () => render(await getJson('/api/battery')),
  (error) => showMessage(root.querySelector('.page-error'), error ? `Cannot read the batteries: ${error.message}` : ''));

select.addEventListener('change', () => {
  selectedIndex = Number(select.value);
  if (latest) {
    render(latest);
  }
});

export const batteryPage = {
  enter: () => refresh.start(),
  leave: () => refresh.stop(),
};
