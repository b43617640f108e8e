// UI-03, HIST-01: the history page of the manual's §5.1, in its order and words, and its reset (HIST-03).

import {change, getJson} from '../api.js';
import {loggedError} from '../codes.js';
import {confirmAction} from '../confirm.js';
import {field, renderList, setField, showMessage} from '../dom.js';
import * as format from '../format.js';
import {poller} from '../poll.js';

const root = document.getElementById('page-history');
const resetButton = document.getElementById('history-reset');

function render(history) {
  setField(root, 'deepestDischargeAmpHours', format.ampHours(history.deepestDischargeAmpHours));
  setField(root, 'cumulativeAmpHoursDrawn', format.ampHours(history.cumulativeAmpHoursDrawn));
  setField(root, 'dischargedEnergyKilowattHours', format.kilowattHours(history.dischargedEnergyKilowattHours));
  setField(root, 'chargedEnergyKilowattHours', format.kilowattHours(history.chargedEnergyKilowattHours));
  setField(root, 'synchronisations', format.count(history.synchronisations));
  setField(root, 'chargeCycles', format.count(history.chargeCycles));
  setField(root, 'secondsSinceLastFullCharge', lastFullCharge(history.secondsSinceLastFullCharge));
  setField(root, 'minBatteryVolts', format.volts(history.minBatteryVolts));
  setField(root, 'maxBatteryVolts', format.volts(history.maxBatteryVolts));
  setField(root, 'minCellVolts', format.cellVolts(history.minCellVolts));
  setField(root, 'maxCellVolts', format.cellVolts(history.maxCellVolts));
  setField(root, 'minTemperatureCelsius', format.celsius(history.minTemperatureCelsius));
  setField(root, 'maxTemperatureCelsius', format.celsius(history.maxTemperatureCelsius));
  const errors = history.lastErrors ?? [];
  renderList(field(root, 'lastErrors'), errors, loggedError);
  field(root, 'noErrors').hidden = errors.length > 0;
}

function lastFullCharge(seconds) {
  return seconds === null || seconds === undefined ? format.UNKNOWN : `${format.duration(seconds)} ago`;
}

const refresh = poller(async () => render(await getJson('/api/history')),
  (error) => showMessage(root.querySelector('.page-error'), error ? `Cannot read the history: ${error.message}` : ''));

async function resetHistory() {
  const message = field(root, 'resetError');
  if (!await confirmAction('Reset the history? Its figures start again from now; the settings and the SoC stay.')) {
    return;
  }
  try {
    await change('POST', '/api/history/reset');
    showMessage(message, '');
    refresh.refresh();
  } catch (error) {
    showMessage(message, error.explanation);
  }
}

resetButton.addEventListener('click', resetHistory);

export const historyPage = {
  enter: () => refresh.start(),
  leave: () => refresh.stop(),
};
