// The app's one connection to /api/stream: every page listens here rather than opening its own, since an open
// stream is what the device counts as a connected client (LED-01).

const listeners = {snapshot: new Set(), event: new Set(), connection: new Set()};
let latest = null;
let connection = 'connecting';
let source = null;

/** Called with each status snapshot (the JSON of GET /api/status). */
export function onSnapshot(listener) {
  listeners.snapshot.add(listener);
}

/** Called with each event, as GET /api/events lists them. */
export function onEvent(listener) {
  listeners.event.add(listener);
}

/** Called with 'connecting', 'open' or 'reconnecting' whenever the stream's state changes. */
export function onConnection(listener) {
  listeners.connection.add(listener);
}

/** The last snapshot the stream brought, or null before the first. */
export function latestSnapshot() {
  return latest;
}

/** Lets a page that read GET /api/status itself share it, so the header does not wait for the stream. */
export function offerSnapshot(status) {
  if (latest === null) {
    publishSnapshot(status);
  }
}

// The browser reconnects an EventSource by itself after a dropped connection; only a refused one (an answer that
// is not an event stream) closes it for good, and then it is reopened here after a pause.
const REOPEN_AFTER_MILLIS = 5000;

export function startStream() {
  source = new EventSource('/api/stream');
  source.addEventListener('open', () => setConnection('open'));
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) {
      setConnection('reconnecting');
      setTimeout(startStream, REOPEN_AFTER_MILLIS);
    } else {
      setConnection('reconnecting');
    }
  });
  source.addEventListener('snapshot', (message) => publishSnapshot(JSON.parse(message.data)));
  source.addEventListener('event', (message) => {
    const event = JSON.parse(message.data);
    listeners.event.forEach((listener) => listener(event));
  });
}

function publishSnapshot(status) {
  latest = status;
  listeners.snapshot.forEach((listener) => listener(status));
}

function setConnection(state) {
  if (state === connection) {
    return;
  }
  connection = state;
  listeners.connection.forEach((listener) => listener(state));
}
