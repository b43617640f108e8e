// UI-01: the status page of the manual's §5.1, with the codes, outputs and LEDs of §5.2. It follows the stream's
// snapshots; it reads GET /api/status itself only to show something before the first one arrives.

import {change, getJson} from '../api.js';
import {activeCode} from '../codes.js';
import {el, field, renderList, row, setField, showMessage} from '../dom.js';
import * as format from '../format.js';
import {readoutTile} from '../readout.js';
import {latestSnapshot, offerSnapshot, onSnapshot} from '../stream.js';

const root = document.getElementById('page-status');
const modeSwitch = document.getElementById('mode-switch');
let shown = false;
let modeChanging = false;

// The manual's LED tables (§5.2), by the state the API names.
const LED_MEANINGS = {
  bluetooth: {
    Off: 'No system power or Bluetooth is disabled.',
    On: 'A Bluetooth device is connected.',
    Blinking: 'Bluetooth is active but no device is connected.',
  },
  error: {
    Off: 'No warning/alarm/error active.',
    Blinking: 'A warning is active.',
    On: 'An alarm and/or error is active.',
  },
  // The classic smallBMS's two LEDs (LED-03).
  loadOn: {
    On: 'Load disconnect output high: the loads may run.',
    Off: 'Load disconnect output free-floating: cell undervoltage, no battery signal, the system off or no power.',
  },
  tempOrOvp: {
    On: 'Charge disconnect output free-floating: cell over temperature (>50 °C), under temperature (<5 °C), cell '
      + 'overvoltage, or the system off.',
    Off: 'Charge disconnect output high, or no power.',
  },
};

export function render(status) {
  showSoc(status);
  showAllowed('allowedToCharge', status.allowedToCharge);
  showAllowed('allowedToDischarge', status.allowedToDischarge);
  showMode(status.mode);
  setField(root, 'voltageVolts', format.volts(status.voltageVolts));
  setField(root, 'currentAmps', format.amps(status.currentAmps));
  setField(root, 'powerWatts', format.watts(status.powerWatts));
  setField(root, 'consumedAmpHours', format.ampHours(status.consumedAmpHours));
  setField(root, 'timeRemaining', status.timeRemaining ?? format.UNKNOWN);
  showFirmware(status.firmware);
  showCodes(status.codes ?? []);
  for (const name of ['chargeDisconnect', 'loadDisconnect', 'preAlarm']) {
    const output = setField(root, `output-${name}`, format.output(status.outputs?.[name]));
    output.dataset.level = status.outputs?.[name] ?? '';
  }
  for (const name of Object.keys(LED_MEANINGS)) {
    if (status.leds?.[name]) {
      showLed(name, status.leds[name]);
    }
  }
  showStorage(status.storage);
  showMonitors(status.monitors ?? []);
}

/** The system's battery monitors (a SmartShunt, a BMV-712 with its SoC relay), as their own app shows them. */
function showMonitors(monitors) {
  field(root, 'monitorsCard').hidden = monitors.length === 0;
  renderList(field(root, 'monitors'), monitors, (m) => el('div', {class: 'monitor'},
    row(`${m.product} (${m.name})`, `SoC ${format.percent(m.socPercent)}`),
    row('Voltage, current', `${format.volts(m.voltageVolts)}  ${format.amps(m.currentAmps)}`),
    row('Consumed Ah', format.ampHours(m.consumedAmpHours)),
    row('Time to go', m.timeToGoMinutes === null ? format.UNKNOWN : format.duration(m.timeToGoMinutes * 60)),
    m.relay === null ? null : row('Relay', m.relay === 'closed' ? 'Closed: the system may run'
      : 'Open: the system is off at its SoC')));
}

function showSoc(status) {
  const known = status.socPercent !== null && status.socPercent !== undefined;
  setField(root, 'socPercent', known ? status.socPercent.toFixed(1) : format.UNKNOWN);
  const bar = field(root, 'socBar');
  bar.style.width = known ? `${Math.min(100, Math.max(0, status.socPercent))}%` : '0';
  renderList(field(root, 'notices'), status.notices ?? [], (notice) => el('li', {}, notice));
}

/** "Yes", "No" or "Pre-Alarm" exactly as the API says it (PROT-08), with the reasons under it. */
function showAllowed(name, allowed) {
  const value = setField(root, name, allowed?.value ?? format.UNKNOWN);
  value.dataset.value = allowed?.value ?? '';
  renderList(field(root, `${name}Reasons`), allowed?.reasons ?? [], (reason) => el('li', {}, reason));
}

function showMode(mode) {
  setField(root, 'mode', mode ?? format.UNKNOWN);
  // While a change is on its way, a snapshot from before it would flip the switch back.
  if (!modeChanging) {
    modeSwitch.checked = mode === 'On';
  }
}

function showFirmware(firmware) {
  const active = Boolean(firmware) && firmware !== 'IDLE';
  field(root, 'firmwareRow').hidden = !active;
  if (active) {
    setField(root, 'firmware', firmware === 'UPDATING' ? 'In progress' : format.severity(firmware));
  }
}

function showCodes(codes) {
  renderList(field(root, 'codes'), codes, activeCode);
  field(root, 'noCodes').hidden = codes.length > 0;
}

/**
 * Draws an LED as it looks: its state picks lit or dark, and a blink's period and duty (LED-01, LED-02) drive a
 * CSS animation, so it blinks at the device's rhythm without a timer here.
 */
function showLed(name, led) {
  const element = document.getElementById(`led-${name}`);
  const state = led?.state ?? 'Off';
  element.dataset.state = state;
  if (state === 'Blinking') {
    const period = (led.onMillis ?? 500) + (led.offMillis ?? 500);
    const dutyPercent = Math.round(((led.onMillis ?? 500) / period) * 10) * 10;
    element.dataset.duty = String(Math.min(90, Math.max(10, dutyPercent)));
    element.style.setProperty('--led-period', `${period}ms`);
  } else {
    delete element.dataset.duty;
  }
  setField(root, `led-${name}`, led?.state ?? format.UNKNOWN);
  setField(root, `led-${name}-meaning`, LED_MEANINGS[name][state] ?? '');
}

function showStorage(storage) {
  const failing = storage && (storage.ok === false || storage.warning);
  showMessage(field(root, 'storageWarning'),
    failing ? storage.warning ?? 'The device cannot save its data.' : '');
}

/** REM-03: the Mode switch powers the system off and on; it needs the PIN. */
async function switchMode() {
  const on = modeSwitch.checked;
  const error = field(root, 'modeError');
  modeChanging = true;
  modeSwitch.disabled = true;
  try {
    await change('POST', '/api/mode', {on});
    showMessage(error, '');
  } catch (failure) {
    modeSwitch.checked = !on;
    showMessage(error, failure.explanation);
  } finally {
    modeChanging = false;
    modeSwitch.disabled = false;
  }
}

modeSwitch.addEventListener('change', switchMode);
onSnapshot((status) => {
  if (shown) {
    render(status);
  }
});

export const statusPage = {
  async enter() {
    shown = true;
    readoutTile.start();
    const latest = latestSnapshot();
    if (latest) {
      render(latest);
      return;
    }
    try {
      // Shared as the first snapshot: the listener above draws it, and the header shows it too.
      offerSnapshot(await getJson('/api/status'));
      showMessage(root.querySelector('.page-error'), '');
    } catch (error) {
      showMessage(root.querySelector('.page-error'), `Cannot read the status: ${error.message}`);
    }
  },
  leave() {
    shown = false;
    readoutTile.stop();
  },
};
