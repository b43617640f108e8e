// Short notes at the foot of the screen for codes as they come and go, whatever page is shown.

import {el} from './dom.js';

const container = document.getElementById('toasts');
const SHOWN_MILLIS = 6000;
const MOST_SHOWN = 4;

/** Shows `text` for a few seconds; `severity` (WARNING, ALARM, ERROR or null) colours it. */
export function toast(text, severity = null) {
  const note = el('div', {class: `toast ${severity ? `severity-${severity.toLowerCase()}` : ''}`, role: 'status'},
    text);
  container.prepend(note);
  while (container.children.length > MOST_SHOWN) {
    container.lastElementChild.remove();
  }
  setTimeout(() => note.remove(), SHOWN_MILLIS);
}
