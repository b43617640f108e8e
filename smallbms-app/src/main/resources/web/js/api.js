// The one way the pages talk to the device (docs/web.md): JSON in, JSON out, and every failure as an ApiError
// carrying the API's own words (its rule, its fix), so a page shows what the device said rather than a status code.

/** A refused or failed request: the API's `{"error": {...}}` body, or what went wrong reaching it. */
export class ApiError extends Error {
  constructor(status, error, retryAfterSeconds = null) {
    super(error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.field = error?.field ?? null;
    this.rule = error?.rule ?? null;
    this.fix = error?.fix ?? null;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** What a page shows next to the control: the rule a refused value broke, else the message. */
  get explanation() {
    return this.rule ?? this.message;
  }
}

/** Sends one request and returns its JSON (null for an empty answer such as 204); throws an ApiError otherwise. */
export async function request(method, path, body) {
  const options = {method, headers: {Accept: 'application/json'}};
  // A change without figures (reset, synchronise, closing the session) still goes as JSON: the device takes
  // changes in no other type, so that a form on another site cannot send one.
  const sent = body === undefined && method !== 'GET' ? {} : body;
  if (sent !== undefined) {
    // The API takes changes as application/json only: a form post from another site cannot make one.
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(sent);
  }
  let response;
  try {
    response = await fetch(path, options);
  } catch (cause) {
    throw new ApiError(0, {message: `the device does not answer (${cause.message})`});
  }
  const payload = await readJson(response);
  if (!response.ok) {
    const error = payload?.error ?? {message: `${method} ${path} answered HTTP ${response.status}`};
    throw new ApiError(response.status, error, retryAfterSeconds(response));
  }
  return payload;
}

/** A read: needs no PIN. */
export function getJson(path) {
  return request('GET', path);
}

let sessionNeeded = async () => false;

/**
 * Who asks for the PIN when a change meets 401: a function that resolves true once a session is open, false when
 * the user gave up. Set once by the app, so this module does not depend on the dialog.
 */
export function onSessionNeeded(handler) {
  sessionNeeded = handler;
}

/**
 * A change to the device: needs a session. On 401 without one it asks for the PIN and tries once more; a 401 with
 * a session open is not about the session, and is the caller's to show.
 */
export async function change(method, path, body) {
  try {
    return await request(method, path, body);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401 || await isSessionOpen()) {
      throw error;
    }
    if (!await sessionNeeded()) {
      throw new ApiError(401, {message: 'Not changed: this needs the PIN.'});
    }
    return request(method, path, body);
  }
}

export function openSession(pin) {
  return request('POST', '/api/session', {pin});
}

export function closeSession() {
  return request('DELETE', '/api/session');
}

export async function isSessionOpen() {
  try {
    return (await getJson('/api/session'))?.authenticated === true;
  } catch {
    return false;
  }
}

async function readJson(response) {
  const text = await response.text();
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function retryAfterSeconds(response) {
  const header = response.headers.get('Retry-After');
  const seconds = header === null ? NaN : Number.parseInt(header, 10);
  return Number.isNaN(seconds) ? null : seconds;
}
