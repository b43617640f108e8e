// The smallBMS NG web app: one page per tab, chosen by the address's hash (#status, #battery, …), one stream for
// live values, and the PIN asked for when a change needs it.

import {onSessionNeeded} from './js/api.js';
import {severityOfCode} from './js/format.js';
import {deviceHas, showConnection, showStatus} from './js/header.js';
import {batteryPage} from './js/pages/battery.js';
import {chartsPage} from './js/pages/charts.js';
import {eventsPage} from './js/pages/events.js';
import {historyPage} from './js/pages/history.js';
import {settingsPage} from './js/pages/settings.js';
import {statusPage} from './js/pages/status.js';
import {worldPage} from './js/pages/world.js';
import {askForPin} from './js/pin.js';
import {onConnection, onEvent, onSnapshot, startStream} from './js/stream.js';
import {toast} from './js/toast.js';

const PAGES = {
  status: statusPage,
  battery: batteryPage,
  history: historyPage,
  settings: settingsPage,
  events: eventsPage,
  charts: chartsPage,
  world: worldPage,
};
const FIRST_PAGE = 'status';

let current = null;

/** Whether the device has what a page shows: its tab names what it needs (CLS-04). */
function available(page) {
  const need = document.getElementById(`nav-${page}`).dataset.needs;
  return !need || deviceHas(need);
}

/**
 * Shows the page the hash names (the status page for any other hash, or for one the device lacks) and lets the one
 * before stop its reads.
 */
function route() {
  const name = location.hash.slice(1);
  const next = Object.hasOwn(PAGES, name) && available(name) ? name : FIRST_PAGE;
  if (next === current) {
    return;
  }
  if (current !== null) {
    PAGES[current].leave();
  }
  for (const page of Object.keys(PAGES)) {
    document.getElementById(`page-${page}`).hidden = page !== next;
    const link = document.getElementById(`nav-${page}`);
    if (page === next) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  current = next;
  PAGES[next].enter();
}

/** A code that comes or goes is worth a note whatever page is shown: the manual's LED would show it too. */
function noteCode(event) {
  if (event.kind === 'code') {
    const cause = event.cause ? `: ${event.cause}` : '';
    toast(`${event.name} ${event.value ?? ''}${cause}`, severityOfCode(event.name));
  }
}

onSessionNeeded(askForPin);
onSnapshot((status) => {
  showStatus(status);
  if (current !== null && !available(current)) {
    route();
  }
});
onConnection(showConnection);
onEvent(noteCode);
window.addEventListener('hashchange', route);
route();
startStream();
