export type Refresh = (() => void) & { stop(): void };

/**
 * A screen's read again when the kiosk says something changed: one read at a time, and one
 * more after it if events came meanwhile. Events come in bursts (a sync applying its pages, a
 * card going paid, printing, printed within a second): each asks for the newest state, which
 * one read after the last of them gives; overlapping reads would only race each other.
 *
 * A read that could not reach the kiosk (`false`; in browser mode the bridge may drop for a
 * moment while the events stream stays up) is tried again by itself, sooner first, then every
 * `maxRetryMs` at most: otherwise the screen would show a stale state until the next event.
 * `stop()` ends it when the screen goes.
 */
/** `read` resolves to `false` when it could not reach the kiosk; anything else is a read done. */
export function coalesced(read: () => Promise<unknown>, retryMs = 2000, maxRetryMs = 30_000): Refresh {
  let running = false;
  let again = false;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let delay = retryMs;
  const run = () => {
    running = true;
    clearTimeout(retry);
    retry = undefined;
    void read()
      .then(
        (outcome) => outcome !== false,
        // A read that threw is a bug, logged where it happened; tried again like a lost one.
        () => false,
      )
      .then((done) => {
        running = false;
        if (stopped) return;
        if (again) {
          again = false;
          run();
        } else if (!done) {
          retry = setTimeout(run, delay);
          delay = Math.min(delay * 2, maxRetryMs);
        } else delay = retryMs;
      });
  };
  const refresh = () => {
    if (stopped) return;
    if (running) again = true;
    else run();
  };
  return Object.assign(refresh, {
    stop() {
      stopped = true;
      clearTimeout(retry);
    },
  });
}

/** A read's outcome for `coalesced`: only a kiosk that did not answer is worth trying again. */
export function reached(answer: { ok: true } | { ok: false; error: { code: string } }): boolean {
  return answer.ok || answer.error.code !== 'KIOSK_UNREACHABLE';
}
