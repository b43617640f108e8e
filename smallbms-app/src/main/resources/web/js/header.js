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

export function showStatus(status) {
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
