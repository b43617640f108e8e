// The PIN dialog (SET-01): opens a session for the changes waiting on it. Wrong PINs are limited by the device;
// the dialog only shows the wait it asks for.

import {ApiError, openSession} from './api.js';
import {showMessage} from './dom.js';

const dialog = document.getElementById('pin-dialog');
const form = document.getElementById('pin-form');
const input = document.getElementById('pin-input');
const submit = document.getElementById('pin-submit');
const message = document.getElementById('pin-message');

let pending = null;
let resolvePending = () => {};
let countdown = null;

/**
 * Asks for the PIN and opens a session: resolves true once one is open, false when the user cancels. Changes that
 * meet a 401 together share one dialog.
 */
export function askForPin() {
  if (pending === null) {
    pending = new Promise((resolve) => {
      resolvePending = resolve;
    });
    input.value = '';
    if (countdown === null) {
      showMessage(message, '');
    }
    dialog.showModal();
    input.focus();
  }
  return pending;
}

function finish(opened) {
  const resolve = resolvePending;
  pending = null;
  resolvePending = () => {};
  if (dialog.open) {
    dialog.close();
  }
  resolve(opened);
}

async function submitPin(event) {
  event.preventDefault();
  const pin = input.value.trim();
  if (!/^\d{6}$/.test(pin)) {
    showMessage(message, 'The PIN is six digits.');
    return;
  }
  submit.disabled = true;
  try {
    await openSession(pin);
    showMessage(message, '');
    finish(true);
  } catch (error) {
    input.value = '';
    explain(error);
  } finally {
    submit.disabled = countdown !== null;
  }
}

function explain(error) {
  // The wrong PIN that starts a wait says so with its Retry-After: the wait is what the user needs to know then.
  if (error instanceof ApiError && error.status === 401 && error.retryAfterSeconds === null) {
    showMessage(message, 'Wrong PIN');
  } else if (error instanceof ApiError && (error.status === 401 || error.status === 429)) {
    waitBeforeTheNextTry(error.retryAfterSeconds ?? 5);
  } else {
    showMessage(message, error.message);
  }
}

/** Counts the device's Retry-After down, with the button off, so the user sees when a PIN is checked again. */
function waitBeforeTheNextTry(seconds) {
  clearInterval(countdown);
  let left = seconds;
  const show = () => showMessage(message, `Too many wrong PINs: wait ${left} s`);
  show();
  submit.disabled = true;
  countdown = setInterval(() => {
    left -= 1;
    if (left > 0) {
      show();
      return;
    }
    clearInterval(countdown);
    countdown = null;
    submit.disabled = false;
    showMessage(message, 'You may try again.');
  }, 1000);
}

form.addEventListener('submit', submitPin);
document.getElementById('pin-cancel').addEventListener('click', () => finish(false));
// Escape is a cancel too. Handled here rather than on close, which comes a task after every closing, by then
// perhaps of a dialog opened again for the next change.
dialog.addEventListener('cancel', (event) => {
  event.preventDefault();
  finish(false);
});
