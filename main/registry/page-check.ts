import { type ChangesPage, MAX_PAGE } from './wire.ts';

const RM = /^\d{9}R[ME](\d{3}|02[AB])$/;

/**
 * What is wrong with a changes page as a whole, in a sentence for the sync status, or null.
 * Rows are checked one by one elsewhere (isArtisanTuple); this checks what only the whole
 * page shows, before anything of it is written: a page is refused whole, never half-applied.
 */
export function pageProblem(page: ChangesPage): string | null {
  const rows = page.items.length + page.removed.length;
  if (rows > MAX_PAGE) return `a changes page holds ${rows} rows and removals, more than the ${MAX_PAGE} the API allows`;
  const seen = new Set<string>();
  for (const item of page.items) {
    // Rows were checked already: the RM number is the first field of each.
    const rm = (item as unknown[])[0] as string;
    if (seen.has(rm)) return `a changes page carries the same RM number twice (${maskRm(rm)})`;
    seen.add(rm);
  }
  const removed = new Set<string>();
  for (const rm of page.removed) {
    if (!RM.test(rm)) return 'a changes page lists a removal that is not an RM number';
    if (removed.has(rm) || seen.has(rm)) return `a changes page both keeps and removes, or removes twice, the same RM number (${maskRm(rm)})`;
    removed.add(rm);
  }
  return null;
}

/** An RM number in a log or a status line: enough for IT to find it, not a whole identifier. */
export function maskRm(rm: string): string {
  return `…${rm.slice(-6)}`;
}
