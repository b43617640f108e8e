// A warning, alarm or error drawn as the status and history pages list them: code, severity, message, and the
// manual's instruction when there is one.

import {el} from './dom.js';
import {deviceTime, severity, severityOfCode} from './format.js';

/** One active code of GET /api/status. */
export function activeCode(code) {
  return el('li', {class: `code severity-${code.severity.toLowerCase()}`, data: {code: code.code}},
    el('div', {class: 'code-head'},
      el('span', {class: 'code-id'}, code.code),
      el('span', {class: 'code-severity'}, severity(code.severity)),
      el('span', {class: 'code-message'}, code.message)),
    code.instruction ? el('p', {class: 'code-instruction'}, code.instruction) : null);
}

/** One of the history's last errors: its code, message and when. */
export function loggedError(error) {
  const level = severityOfCode(error.code) ?? 'ERROR';
  return el('li', {class: `code severity-${level.toLowerCase()}`, data: {code: error.code}},
    el('div', {class: 'code-head'},
      el('span', {class: 'code-id'}, error.code),
      el('span', {class: 'code-message'}, error.message ?? ''),
      el('span', {class: 'code-time'}, deviceTime(error.at))));
}
