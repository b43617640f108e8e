// The header: which device, its time and clock speed (from each snapshot), and whether the stream is live.

import {setField} from './dom.js';
import {deviceTime} from './format.js';

const header = document.querySelector('.app-header');
const connection = document.getElementById('connection');

const CONNECTION_TEXT = {
  connecting: 'Connecting…',
  open: 'Live',
  reconnecting: 'Reconnecting…',
};

// Until the first status names it, the page is the NG's, as index.html marks its body.
let deviceKey = 'ng';
let features = ['battery-monitor', 'history', 'bluetooth', 'settings', 'firmware-update'];

/** Whether the device has {@code feature} (battery-monitor, history, bluetooth, settings, firmware-update). */
export function deviceHas(feature) {
  return features.includes(feature);
}

/**
 * Shows the device the status names: its name, and only what it has (the classic smallBMS has no SoC, history,
 * settings or Bluetooth: CLS-04). The body carries the device and its features; the style sheet hides the rest.
 */
function showDevice(device) {
  if (!device || device.key === deviceKey) {
    return;
  }
  deviceKey = device.key;
  features = device.features ?? [];
  document.body.dataset.device = device.key;
  for (const feature of ['battery-monitor', 'history', 'bluetooth', 'settings', 'firmware-update']) {
    document.body.toggleAttribute(`data-has-${feature}`, features.includes(feature));
  }
  setField(header, 'deviceName', device.label);
  document.title = device.label;
}

export function showStatus(status) {
  showDevice(status.device);
  setField(header, 'serial', status.serial ?? '');
  setField(header, 'deviceTime', `${deviceTime(status.deviceTime)} UTC`);
  setField(header, 'clockSpeed', clockSpeed(status.clock));
}

export function showConnection(state) {
  connection.dataset.state = state;
  connection.textContent = CONNECTION_TEXT[state] ?? state;
}

/** The simulated clock's speed: "Paused", "1×", "1440×", "Max speed". */
function clockSpeed(clock) {
  if (!clock) {
    return '';
  }
  if (clock.paused || clock.speed === 'pause') {
    return 'Paused';
  }
  return clock.speed === 'max' ? 'Max speed' : `${clock.speed}×`;
}
