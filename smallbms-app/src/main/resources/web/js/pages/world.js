// The simulated world around the device (docs/web.md, "The world panel"): its clock, wiring, weather, loads and
// chargers, and batteries. These are things that happen to the BMS, so they need no PIN; after each one the
// panel reads GET /api/world again to show what the world made of it.

import {getJson, request} from '../api.js';
import {el, field, setField, showMessage, switchControl} from '../dom.js';
import * as format from '../format.js';
import {poller} from '../poll.js';
import {toast} from '../toast.js';

const root = document.getElementById('page-world');
const control = (name) => root.querySelector(`[data-world="${name}"]`);
const remote = control('remote');
const bmsCable = control('bms-cable');
const cloudiness = control('cloudiness');
const ambient = control('ambient');

/** The rows of components and batteries drawn, by name and index, so a re-read keeps what a user is typing. */
const componentRows = new Map();
const batteryRows = new Map();
let cloudinessMoving = false;
let ambientEdited = false;

/** Sends one change to the world and reads the world again, whatever the answer. */
async function act(method, path, body) {
  try {
    await request(method, path, body);
    showMessage(field(root, 'worldError'), '');
    return true;
  } catch (error) {
    showMessage(field(root, 'worldError'), error.explanation);
    toast(error.explanation, 'WARNING');
    return false;
  } finally {
    refresh.refresh();
  }
}

function render(world) {
  // A device not wired into a simulated world has only a clock.
  const simulated = world.simulated !== false;
  root.querySelectorAll('[data-simulated]').forEach((card) => {
    card.hidden = !simulated;
  });
  field(root, 'notSimulated').hidden = simulated;
  showSpeed(world);
  if (simulated) {
    showWorld(world);
  }
}

function showSpeed(world) {
  const current = world.paused ? 'pause' : world.speed;
  for (const speed of world.speeds ?? ['pause', '1', '60', '1440', 'max']) {
    control(`speed-${speed}`)?.setAttribute('aria-pressed', String(speed === current));
  }
}

function showWorld(world) {
  remote.checked = world.remoteOn === true;
  setField(root, 'remote', world.remoteOn ? 'On' : 'Off');
  bmsCable.checked = world.bmsCableConnected === true;
  setField(root, 'bmsCable', world.bmsCableConnected ? 'Plugged' : 'Pulled');
  field(root, 'mainSwitchRow').hidden = world.mainSwitchOn === undefined;
  setField(root, 'mainSwitch', world.mainSwitchOn ? 'On' : 'Off');
  if (!cloudinessMoving) {
    cloudiness.value = String(world.cloudiness ?? 0);
  }
  setField(root, 'cloudiness', cloudinessText(Number(cloudiness.value)));
  setField(root, 'irradiance', format.fixed(world.irradianceWattsPerSquareMetre, 0, 'W/m²'));
  if (!ambientEdited && document.activeElement !== ambient) {
    ambient.value = world.ambientCelsius === null || world.ambientCelsius === undefined
      ? '' : world.ambientCelsius.toFixed(1);
  }
  setField(root, 'bankAmps', format.amps(world.bankAmps));
  setField(root, 'worldSoc', format.percent(world.socPercent));
  setField(root, 'strings', format.count(world.strings));
  renderKeyed(field(root, 'components'), componentRows, world.components ?? [], (c) => c.name, componentRow);
  renderKeyed(field(root, 'worldBatteries'), batteryRows, world.batteries ?? [], (b) => String(b.index), batteryRow);
}

function cloudinessText(value) {
  return `${Math.round(value * 100)} % (0 clear, 100 overcast)`;
}

/** Keeps one drawn row per key, rebuilding the list only when the keys change (a string added or removed). */
function renderKeyed(container, rows, items, keyOf, makeRow) {
  const keys = items.map(keyOf);
  if (keys.join('\n') !== [...rows.keys()].join('\n')) {
    rows.clear();
    container.replaceChildren();
    for (const item of items) {
      const row = makeRow(item);
      rows.set(keyOf(item), row);
      container.append(row.element);
    }
  }
  items.forEach((item) => rows.get(keyOf(item)).update(item));
}

/** What a component is: its product and role ("Smart BatteryProtect, load"), or its kind. */
function describe(component) {
  return [component.product, component.role ?? component.kind].filter(Boolean).join(', ');
}

/** Whether a load's power can be typed: the server says so, or a set power shows it. */
function powerSettable(component) {
  return component.demandSettable ?? (component.powerWatts !== null && component.powerWatts !== undefined);
}

function componentRow(component) {
  const path = `/api/world/components/${encodeURIComponent(component.name)}`;
  const reading = el('span', {class: 'value'});
  const head = el('div', {class: 'row'},
    el('span', {class: 'label'}, component.name, el('span', {class: 'kind'}, ` ${describe(component)}`)), reading);
  const element = el('div', {class: 'world-item', data: {component: component.name}}, head);
  const onOff = component.switchable === false ? null
    : switchControl({'data-world': `component-${component.name}`}, component.name);
  if (onOff) {
    element.append(el('div', {class: 'row'}, el('span', {class: 'label'}, 'On/off'), onOff.label));
    onOff.input.addEventListener('change', () => act('PUT', path, {on: onOff.input.checked}));
  }
  const power = powerSettable(component) ? powerInput(component, path) : null;
  if (power) {
    element.append(power.element);
  }
  return {
    element,
    update(latest) {
      reading.textContent = format.amps(latest.amps);
      if (onOff) {
        onOff.input.checked = latest.on === true;
        onOff.text.textContent = latest.on ? 'On' : 'Off';
      }
      power?.update(latest);
    },
  };
}

/** A load's power: typed in watts and set with its button (or Enter). */
function powerInput(component, path) {
  const name = `component-${component.name}-watts`;
  // A load that follows a daily profile has no one figure: the field stays empty until a power is set.
  const input = el('input', {type: 'number', min: 1, step: 1, inputmode: 'numeric', 'data-world': name,
    placeholder: 'profile', 'aria-label': `${component.name} power`});
  const set = el('button', {type: 'button', 'data-world': `${name}-save`}, 'Set');
  let edited = false;
  const send = async () => {
    const watts = Number(input.value);
    if (input.value.trim() === '' || !Number.isFinite(watts)) {
      showMessage(field(root, 'worldError'), `Give ${component.name}'s power in W.`);
      return;
    }
    if (await act('PUT', path, {watts})) {
      edited = false;
    }
  };
  for (const type of ['input', 'change']) {
    input.addEventListener(type, () => {
      edited = true;
    });
  }
  input.addEventListener('keydown', (event) => event.key === 'Enter' && send());
  set.addEventListener('click', send);
  return {
    element: el('div', {class: 'setting'},
      el('label', {class: 'setting-input'}, 'Power', input, el('span', {class: 'input-unit'}, 'W')), set),
    update(latest) {
      if (!edited && document.activeElement !== input) {
        input.value = String(latest.powerWatts ?? '');
      }
    },
  };
}

function batteryRow(battery) {
  const answering = switchControl({'data-world': `battery-${battery.index}`}, `Battery ${battery.index} answering`);
  const detail = el('span', {class: 'kind'});
  const element = el('div', {class: 'world-item', data: {battery: battery.index}},
    el('div', {class: 'row'}, el('span', {class: 'label'}, `Battery ${battery.index} `, detail), answering.label));
  answering.input.addEventListener('change',
    () => act('PUT', `/api/world/batteries/${battery.index}`, {answering: answering.input.checked}));
  return {
    element,
    update(latest) {
      const sensor = latest.sensorFailed ? ' · sensor failed' : '';
      detail.textContent = `${latest.serial ?? ''} · ${format.percent(latest.socPercent)}${sensor}`;
      answering.input.checked = latest.answering === true;
      answering.text.textContent = latest.answering ? 'Answering' : 'Silent';
    },
  };
}

function setAmbient() {
  const celsius = Number(ambient.value.trim().replace(',', '.'));
  if (ambient.value.trim() === '' || !Number.isFinite(celsius)) {
    showMessage(field(root, 'ambientError'), 'Give the ambient temperature in °C, -40 to 60.');
    return;
  }
  showMessage(field(root, 'ambientError'), '');
  ambientEdited = false;
  act('PUT', '/api/world/ambient', {celsius});
}

const refresh = poller(async () => render(await getJson('/api/world')),
  (error) => showMessage(root.querySelector('.page-error'), error ? `Cannot read the world: ${error.message}` : ''));

for (const speed of ['pause', '1', '60', '1440', 'max']) {
  control(`speed-${speed}`).addEventListener('click', () => act('PUT', '/api/world/speed', {speed}));
}
remote.addEventListener('change', () => act('PUT', '/api/world/remote', {on: remote.checked}));
bmsCable.addEventListener('change', () => act('PUT', '/api/world/bms-cable', {connected: bmsCable.checked}));
cloudiness.addEventListener('input', () => {
  cloudinessMoving = true;
  setField(root, 'cloudiness', cloudinessText(Number(cloudiness.value)));
});
cloudiness.addEventListener('change', async () => {
  await act('PUT', '/api/world/sun', {cloudiness: Number(cloudiness.value)});
  cloudinessMoving = false;
});
for (const type of ['input', 'change']) {
  ambient.addEventListener(type, () => {
    ambientEdited = true;
  });
}
ambient.addEventListener('keydown', (event) => event.key === 'Enter' && setAmbient());
control('ambient-save').addEventListener('click', setAmbient);
control('string-add').addEventListener('click', () => act('POST', '/api/world/strings', {add: true}));
control('string-remove').addEventListener('click', () => act('POST', '/api/world/strings', {add: false}));
control('firmware-succeeds').addEventListener('click', () => act('POST', '/api/world/firmware', {succeeds: true}));
control('firmware-fails').addEventListener('click', () => act('POST', '/api/world/firmware', {succeeds: false}));

export const worldPage = {
  enter: () => refresh.start(),
  leave: () => refresh.stop(),
};
