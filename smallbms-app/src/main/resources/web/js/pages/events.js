// The event timeline: what GET /api/events holds, then each event the stream brings, newest first. It listens from
// the app's start, so events that come while another page is shown are there when this one opens.

import {getJson} from '../api.js';
import {el, field, setField, showMessage} from '../dom.js';
import {deviceTime, severityOfCode} from '../format.js';
import {onConnection, onEvent} from '../stream.js';

const root = document.getElementById('page-events');
const list = document.getElementById('events-list');
const kindFilter = document.getElementById('events-kind');
const badge = field(document.getElementById('nav-events'), 'newCodes');

// The device keeps its last 5000; a page drawing all of them on a phone would be slow for no one's benefit.
const KEPT = 5000;
const DRAWN = 1000;

const events = new Map();
let loaded = false;
let shown = false;
let unseenCodes = 0;

function keep(event) {
  events.set(event.id, event);
  if (events.size > KEPT) {
    events.delete(Math.min(...events.keys()));
  }
}

function latestId() {
  return events.size === 0 ? null : Math.max(...events.keys());
}

function matches(event) {
  return kindFilter.value === '' || event.kind === kindFilter.value;
}

function eventRow(event) {
  const level = event.kind === 'code' ? severityOfCode(event.name) : null;
  return el('li', {class: `event ${level ? `severity-${level.toLowerCase()}` : ''}`,
    data: {kind: event.kind, id: event.id}},
  el('time', {class: 'event-time', datetime: event.at}, deviceTime(event.at)),
  el('span', {class: 'event-kind'}, event.kind),
  el('span', {class: 'event-name'}, event.name ?? ''),
  el('span', {class: 'event-value'}, event.value ?? ''),
  el('span', {class: 'event-cause'}, event.cause ?? ''));
}

function renderAll() {
  const newestFirst = [...events.values()].filter(matches).sort((a, b) => b.id - a.id).slice(0, DRAWN);
  list.replaceChildren(...newestFirst.map(eventRow));
  field(root, 'noEvents').hidden = newestFirst.length > 0;
}

function prepend(event) {
  if (list.querySelector(`[data-id="${event.id}"]`)) {
    return;
  }
  list.prepend(eventRow(event));
  while (list.children.length > DRAWN) {
    list.lastElementChild.remove();
  }
  field(root, 'noEvents').hidden = true;
}

/**
 * Reads the timeline: its newest on the first read (the stream may already have brought a few, newer than what
 * the timeline held before), then what came after the newest event here.
 */
async function load() {
  const since = loaded ? latestId() : null;
  const answer = await getJson(since === null ? '/api/events' : `/api/events?since=${since}`);
  (answer.events ?? []).forEach(keep);
  loaded = true;
}

async function loadAndDraw() {
  try {
    await load();
    showMessage(root.querySelector('.page-error'), '');
  } catch (error) {
    showMessage(root.querySelector('.page-error'), `Cannot read the events: ${error.message}`);
  }
  if (shown) {
    renderAll();
  }
}

function showUnseenCodes() {
  setField(document.getElementById('nav-events'), 'newCodes', String(unseenCodes));
  badge.hidden = unseenCodes === 0;
}

onEvent((event) => {
  keep(event);
  if (shown && matches(event)) {
    prepend(event);
  } else if (!shown && event.kind === 'code') {
    unseenCodes += 1;
    showUnseenCodes();
  }
});

// A stream that dropped may have missed events: the timeline fills the gap once it is back.
onConnection((state) => {
  if (state === 'open' && loaded) {
    loadAndDraw();
  }
});

kindFilter.addEventListener('change', renderAll);

export const eventsPage = {
  enter() {
    shown = true;
    unseenCodes = 0;
    showUnseenCodes();
    renderAll();
    if (!loaded) {
      loadAndDraw();
    }
  },
  leave() {
    shown = false;
  },
};
