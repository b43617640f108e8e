// IR-01: the Instant Readout tile of the status page, as VictronConnect's device list shows a product without
// connecting to it. It shows what GET /api/readout decoded from the device's latest advertisement (the bytes sent,
// decrypted with the device's key), not the status: what it shows is the round trip.

import {getJson} from './api.js';
import {field, setField, showMessage} from './dom.js';
import * as format from './format.js';
import {poller} from './poll.js';

const root = document.getElementById('page-status');
const tile = document.getElementById('readout-tile');

// The record's warnings and alarms, in the words of the manual's codes they carry (docs/instant-readout.md).
const FIELD_NAMES = {
  lowCellVoltage: 'Low cell voltage',
  bmsCable: 'BMS cable',
  loadDisconnect: 'Load disconnect',
  lowSoc: 'Low SoC',
  highBatteryTemperature: 'High battery temperature',
  highCurrent: 'High current',
  highBmsTemperature: 'High BMS temperature',
  highContactorResistance: 'High contactor resistance',
};

/** Minutes as the status page writes a time remaining: "3h 50m"; "--" when not available. */
function remaining(minutes) {
  return minutes === null || minutes === undefined ? format.UNKNOWN : `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/** The worst notification of a record: its error, else its alarms, else its warnings. */
function alert(values) {
  if (values.errorCode) {
    return {level: 'error', text: `Error ${values.errorCode}: ${values.error}`};
  }
  const fields = Object.entries(values.warningsAlarms ?? {});
  for (const level of ['alarm', 'warning']) {
    const names = fields.filter(([, value]) => value === level).map(([name]) => FIELD_NAMES[name] ?? name);
    if (names.length > 0) {
      return {level, text: `${format.severity(level.toUpperCase())}: ${names.join(', ')}`};
    }
  }
  return {level: 'ok', text: ''};
}

function render(readout) {
  const values = readout.decoded?.values ?? null;
  const off = !readout.sending;
  showMessage(field(root, 'readout-off'), off ? readout.notSending : '');
  setField(root, 'readout-soc', values ? format.percent(values.socPercent) : format.UNKNOWN);
  setField(root, 'readout-voltage', values ? format.volts(values.voltageVolts) : format.UNKNOWN);
  setField(root, 'readout-current', values ? format.amps(values.currentAmps) : format.UNKNOWN);
  setField(root, 'readout-remaining', values ? remaining(values.timeToGoMinutes) : format.UNKNOWN);
  setField(root, 'readout-temperature', values ? format.fixed(values.temperatureCelsius, 0, '°C') : format.UNKNOWN);
  setField(root, 'readout-consumed', values ? format.ampHours(values.consumedAmpHours) : format.UNKNOWN);
  const notification = values ? alert(values) : {level: 'off', text: ''};
  tile.dataset.level = off || !values ? 'off' : notification.level;
  showMessage(field(root, 'readout-alert'), notification.text);
  setField(root, 'readout-bytes', readout.hex ?? '');
  setField(root, 'readout-sent', readout.hex
    ? `sent ${format.deviceTime(readout.deviceTime)} UTC, nonce ${readout.decoded?.nonce ?? '--'}`
    : readout.problem ?? '');
}

const refresh = poller(async () => render(await getJson('/api/readout')), () => {});

/** Reads the tile while the status page is shown. */
export const readoutTile = {
  start: () => refresh.start(),
  stop: () => refresh.stop(),
};
