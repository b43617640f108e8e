// Re-reads a page's GET while the page is shown (docs/web.md: every 2 s); the stream carries only the status.

/**
 * A loop that runs `load` now and then every `intervalMillis` after the previous load ended, so a slow answer
 * never stacks requests. A load that fails goes to `onError` and the loop goes on; `onError(null)` after a load
 * that succeeds clears the message.
 */
export function poller(load, onError, intervalMillis = 2000) {
  let running = false;
  let timer = null;

  async function tick() {
    timer = null;
    if (!document.hidden) {
      try {
        await load();
        onError(null);
      } catch (error) {
        onError(error);
      }
    }
    if (running) {
      timer = setTimeout(tick, intervalMillis);
    }
  }

  return {
    start() {
      if (!running) {
        running = true;
        tick();
      }
    },
    stop() {
      running = false;
      clearTimeout(timer);
      timer = null;
    },
    /** Loads once more now, as after a change, without waiting for the next turn. */
    refresh() {
      if (running) {
        clearTimeout(timer);
        tick();
      }
    },
  };
}
