/**
 * A screen's read again when the kiosk says something changed: one read at a time, and one
 * more after it if events came meanwhile. Events come in bursts (a sync applying its pages, a
 * card going paid, printing, printed within a second): each asks for the newest state, which
 * one read after the last of them gives; overlapping reads would only race each other.
 */
export function coalesced(read: () => Promise<unknown>): () => void {
  let running = false;
  let again = false;
  const run = () => {
    running = true;
    void read()
      .catch(() => undefined)
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          run();
        }
      });
  };
  return () => {
    if (running) again = true;
    else run();
  };
}
