// UI-04, SET-01: every setting the device lists, typed in the unit a person thinks in and sent as the whole number
// the API takes; "Reset to defaults" (SET-03, §5.1.2); "State of charge" and "Synchronise SoC to 100%" (MON-05);
// and the PIN. Every change needs a session: api.change asks for the PIN when there is none.

import {ApiError, change, closeSession, getJson, isSessionOpen, request} from '../api.js';
import {confirmAction} from '../confirm.js';
import {el, field, setField, showMessage, switchControl} from '../dom.js';
import {poller} from '../poll.js';

const root = document.getElementById('page-settings');
const numberList = field(root, 'numberSettings');
const switchList = field(root, 'switchSettings');

const ON_OFF_UNIT = '0 (off) or 1 (on)';

// The API's units (docs/web.md) and how a person types them: volts for millivolts, percent for tenths of a percent
// of the bank's capacity. A unit not listed here is typed as it is.
const TYPED_UNITS = {
  'mV': {factor: 1000, symbol: 'V'},
  '‰ of the bank capacity': {factor: 10, symbol: '%'},
  'minutes': {factor: 1, symbol: 'min'},
  '%': {factor: 1, symbol: '%'},
};

/** The rows drawn, by setting key, so a re-read updates them instead of replacing what a user is typing. */
const rows = new Map();

function typedUnit(setting) {
  return TYPED_UNITS[setting.unit] ?? {factor: 1, symbol: setting.unit};
}

/** How many decimals a typed value has: as many as its step needs (0.1 V, 0.01 V, 0.5 %). */
function decimalsOf(step) {
  for (let decimals = 0; decimals < 4; decimals += 1) {
    const scaled = step * 10 ** decimals;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9) {
      return decimals;
    }
  }
  return 4;
}

function typed(setting, value) {
  const unit = typedUnit(setting);
  return (value / unit.factor).toFixed(decimalsOf(setting.step / unit.factor));
}

/**
 * The whole number the API takes for what the user typed, or null when it is not a number. Rounded, because
 * 14.1 × 1000 is 14099.999999999998 in floating point; the device checks the range and step.
 */
export function apiValue(setting, text) {
  const number = Number(String(text).trim().replace(',', '.'));
  if (String(text).trim() === '' || !Number.isFinite(number)) {
    return null;
  }
  return Math.round(number * typedUnit(setting).factor);
}

function render(answer) {
  setField(root, 'system', answer.system ?? '--');
  const settings = answer.settings ?? [];
  const keys = settings.map((setting) => setting.key).join();
  if (keys !== [...rows.keys()].join()) {
    rows.clear();
    numberList.replaceChildren();
    switchList.replaceChildren();
    for (const setting of settings) {
      const row = setting.unit === ON_OFF_UNIT ? switchRow(setting) : numberRow(setting);
      rows.set(setting.key, row);
      (setting.unit === ON_OFF_UNIT ? switchList : numberList).append(row.element);
    }
  }
  for (const setting of settings) {
    rows.get(setting.key).update(setting);
  }
}

function numberRow(setting) {
  const unit = typedUnit(setting);
  const shown = el('span', {class: 'value', data: {shown: setting.key}});
  const input = el('input', {type: 'number', inputmode: 'decimal', 'data-setting': setting.key,
    'aria-label': setting.label});
  const save = el('button', {type: 'button', 'data-save': setting.key}, 'Save');
  const hint = el('p', {class: 'hint'});
  const message = el('p', {class: 'field-error', 'data-error': setting.key, hidden: true});
  const element = el('div', {class: 'setting-block'},
    el('div', {class: 'row'}, el('span', {class: 'label'}, setting.label), shown),
    el('div', {class: 'setting'},
      el('label', {class: 'setting-input'}, input, el('span', {class: 'input-unit'}, unit.symbol)),
      save),
    hint, message);
  let current = setting;
  let edited = false;

  async function saveValue() {
    const value = apiValue(current, input.value);
    if (value === null) {
      showError(message, `Give a number in ${unit.symbol}: ${current.range}.`);
      return;
    }
    save.disabled = true;
    try {
      await change('PUT', `/api/settings/${encodeURIComponent(current.key)}`, {value});
      edited = false;
      showSaved(message);
      refresh.refresh();
    } catch (error) {
      showError(message, error.explanation);
    } finally {
      save.disabled = false;
    }
  }

  // A field emptied without a key (a browser's or a test's "clear") says so with change only, not input.
  for (const type of ['input', 'change']) {
    input.addEventListener(type, () => {
      edited = true;
    });
  }
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      saveValue();
    }
  });
  save.addEventListener('click', saveValue);

  return {
    element,
    update(setting) {
      current = setting;
      shown.textContent = setting.shown;
      const step = setting.step / unit.factor;
      input.step = String(step);
      input.min = typed(setting, setting.min);
      input.max = typed(setting, setting.max);
      // A value being typed stays until it is saved; the device's value shows above it meanwhile.
      if (!edited && document.activeElement !== input) {
        input.value = typed(setting, setting.value);
      }
      hint.textContent = `${setting.range}; default ${typed(setting, setting.defaultValue)} ${unit.symbol}`;
    },
  };
}

/** An on/off setting: a switch that applies when flipped, as VictronConnect's do. */
function switchRow(setting) {
  const control = switchControl({'data-setting': setting.key}, setting.label);
  const message = el('p', {class: 'field-error', 'data-error': setting.key, hidden: true});
  const element = el('div', {class: 'setting-block'},
    el('div', {class: 'row'}, el('span', {class: 'label'}, setting.label), control.label), message);
  let changing = false;

  control.input.addEventListener('change', async () => {
    const on = control.input.checked;
    changing = true;
    control.input.disabled = true;
    try {
      // Mode is a command of its own (REM-03): it powers the system off or on, not only a stored value.
      if (setting.key === 'mode') {
        await change('POST', '/api/mode', {on});
      } else {
        await change('PUT', `/api/settings/${encodeURIComponent(setting.key)}`, {value: on ? 1 : 0});
      }
      showMessage(message, '');
      refresh.refresh();
    } catch (error) {
      control.input.checked = !on;
      showError(message, error.explanation);
    } finally {
      changing = false;
      control.input.disabled = false;
    }
  });

  return {
    element,
    update(latest) {
      control.text.textContent = latest.shown;
      if (!changing) {
        control.input.checked = latest.value === 1;
      }
    },
  };
}

function showError(element, text) {
  element.classList.remove('saved');
  element.classList.add('field-error');
  showMessage(element, text);
}

function showSaved(element) {
  element.classList.remove('field-error');
  element.classList.add('saved');
  showMessage(element, 'Saved.');
}

async function resetToDefaults() {
  const message = field(root, 'resetError');
  const question = 'Reset to defaults? Charged voltage, tail current, charged detection time, low SoC warning '
    + 'level and discharge floor go back to their defaults.';
  if (!await confirmAction(question)) {
    return;
  }
  try {
    await change('POST', '/api/settings/reset');
    showMessage(message, '');
    forgetTyping();
    refresh.refresh();
  } catch (error) {
    showMessage(message, error.explanation);
  }
}

/** After a reset every row shows the device's value again, also one with a value typed but never saved. */
function forgetTyping() {
  rows.clear();
  numberList.replaceChildren();
  switchList.replaceChildren();
}

async function setSoc() {
  const input = document.getElementById('soc-input');
  const socPercent = Number(input.value.trim().replace(',', '.'));
  if (input.value.trim() === '' || !Number.isFinite(socPercent)) {
    showMessage(field(root, 'socError'), 'Give the state of charge as a number from 0 to 100 %.');
    return;
  }
  await socCommand('POST', '/api/soc', {socPercent: Math.round(socPercent * 10) / 10}, 'socError',
    `SoC set to ${socPercent} %.`);
}

async function socCommand(method, path, body, errorField, done) {
  showMessage(field(root, 'socSaved'), '');
  try {
    await change(method, path, body);
    showMessage(field(root, errorField), '');
    showMessage(field(root, 'socSaved'), done);
  } catch (error) {
    showMessage(field(root, errorField), error.explanation);
  }
}

async function changePin(event) {
  event.preventDefault();
  const message = document.getElementById('pin-change-message');
  const current = document.getElementById('pin-current').value.trim();
  const chosen = document.getElementById('pin-new').value.trim();
  const repeated = document.getElementById('pin-repeat').value.trim();
  const problem = pinProblem(current, chosen, repeated);
  if (problem) {
    showMessage(message, problem);
    return;
  }
  try {
    // The current PIN in the body is the proof: no session is asked for first, and a 401 means it is wrong.
    await request('PUT', '/api/pin', {current, new: chosen});
    event.target.reset();
    showMessage(message, 'The PIN is changed.');
  } catch (error) {
    showMessage(message, pinRefusal(error));
  }
}

function pinProblem(current, chosen, repeated) {
  if (!/^\d{6}$/.test(current)) {
    return 'The current PIN is six digits.';
  }
  if (!/^\d{6}$/.test(chosen) || chosen === '000000') {
    return 'The new PIN is six digits, not 000000.';
  }
  return chosen === repeated ? null : 'The new PIN and its repetition differ.';
}

function pinRefusal(error) {
  if (error instanceof ApiError && error.status === 401) {
    const wait = error.retryAfterSeconds === null ? '' : `. Too many wrong PINs: wait ${error.retryAfterSeconds} s`;
    return `Wrong PIN${wait}`;
  }
  if (error instanceof ApiError && error.status === 429) {
    return `Too many wrong PINs: wait ${error.retryAfterSeconds ?? 5} s`;
  }
  return error.explanation;
}

/** IR-01: the Instant Readout key, shown on request only (a read that needs the PIN), hidden again on leaving. */
async function showReadoutKey(method) {
  const message = field(root, 'readoutKeyError');
  if (method === 'POST' && !await confirmAction('Make a new Instant Readout key? Receivers with the old key no '
    + 'longer show the device until they are given the new one.')) {
    return;
  }
  try {
    const answer = await change(method, '/api/readout/key');
    document.getElementById('readout-key').textContent = answer.key;
    showMessage(message, '');
  } catch (error) {
    showMessage(message, error.explanation);
  }
}

function hideReadoutKey() {
  document.getElementById('readout-key').textContent = 'hidden';
}

async function showSession() {
  setField(root, 'session', await isSessionOpen() ? 'Open' : 'Closed');
}

async function lock() {
  hideReadoutKey();
  try {
    await closeSession();
  } finally {
    showSession();
  }
}

const refresh = poller(async () => {
  render(await getJson('/api/settings'));
  await showSession();
}, (error) => showMessage(root.querySelector('.page-error'), error ? `Cannot read the settings: ${error.message}` : ''));

document.getElementById('settings-reset').addEventListener('click', resetToDefaults);
document.getElementById('soc-set').addEventListener('click', setSoc);
document.getElementById('soc-synchronise').addEventListener('click',
  () => socCommand('POST', '/api/soc/synchronise', undefined, 'synchroniseError', 'SoC synchronised to 100 %.'));
document.getElementById('pin-change-form').addEventListener('submit', changePin);
document.getElementById('session-close').addEventListener('click', lock);
document.getElementById('readout-key-show').addEventListener('click', () => showReadoutKey('GET'));
document.getElementById('readout-key-new').addEventListener('click', () => showReadoutKey('POST'));

export const settingsPage = {
  enter: () => refresh.start(),
  leave: () => {
    refresh.stop();
    hideReadoutKey();
  },
};
