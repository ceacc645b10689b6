/** What the reader needs of a page to ask for the next one. */
export type AheadPage = { cursor: string; hasMore: boolean; count: number; bytes: { length: number } };

/** A page asked for; `value` once it has arrived whole (and the reader is still open). */
type Slot<P> = { page: Promise<P>; value: P | null };

/**
 * Reads a feed's pages ahead of their writes, in order, one request at a time (each asks from
 * the page before), up to `rows` rows or `pages` pages held: while the kiosk writes a batch,
 * the next one arrives, and a registry faster than the disk cannot fill the memory (`bytes`
 * bounds pages that carry few rows, or none, and many bytes).
 * `follow(page)`: whether to ask for what comes after it (the engine refuses a feed that does
 * not advance; the reader stops there too, so a stuck feed is not read on for ever).
 */
export function readAhead<P extends AheadPage>(
  fetch: (after: string | null) => Promise<P>,
  start: string | null,
  limits: { rows: number; bytes: number; pages: number },
  follow: (page: P) => boolean,
) {
  const slots: Slot<P>[] = [];
  const asked = new Set<string | null>();
  let heldRows = 0;
  let heldBytes = 0;
  /** A page arrived whose next one waits for room. */
  let parked: P | null = null;
  let closed = false;

  const room = () => slots.length < limits.pages && heldRows < limits.rows && heldBytes < limits.bytes;

  function ask(after: string | null): void {
    asked.add(after);
    // Called from a settled page's handler: a fetch that throws at once is a failed page, not an unhandled error.
    const slot: Slot<P> = { page: Promise.resolve().then(() => fetch(after)), value: null };
    slots.push(slot);
    slot.page.then(
      (page) => {
        if (closed) return;
        slot.value = page;
        heldRows += page.count;
        heldBytes += page.bytes.length;
        if (page.hasMore && follow(page) && !asked.has(page.cursor)) {
          parked = page;
          askParked();
        }
      },
      // Its failure is the caller's, when it takes this page (next()).
      () => undefined,
    );
  }

  function askParked(): void {
    if (parked === null || closed || !room()) return;
    const after = parked.cursor;
    parked = null;
    ask(after);
  }

  ask(start);

  return {
    /** The next page, waited for: rejects with its fetch's failure. */
    async next(): Promise<P> {
      const slot = slots[0];
      if (!slot) throw new Error('readAhead: no page was asked for after the last one');
      const page = await slot.page;
      slots.shift();
      if (slot.value) {
        heldRows -= page.count;
        heldBytes -= page.bytes.length;
      }
      askParked();
      return page;
    },
    /** The next page if it has arrived whole, without taking it; null otherwise. */
    ready(): P | null {
      return slots[0]?.value ?? null;
    },
    /** No more pages: what is on its way is dropped, its failure (a cut connection) unheard. */
    close(): void {
      closed = true;
      for (const slot of slots) slot.page.catch(() => undefined);
    },
  };
}
