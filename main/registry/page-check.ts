import { MAX_PAGE } from './wire.ts';

const RM = /^\d{9}R[ME](\d{3}|02[AB])$/;

/**
 * Too many rows and removals for one page, in a sentence for the sync status, or null. Checked
 * before any row is read.
 */
export function sizeProblem(rowCount: number, removedCount: number): string | null {
  const rows = rowCount + removedCount;
  return rows > MAX_PAGE ? `a changes page holds ${rows} rows and removals, more than the ${MAX_PAGE} the API allows` : null;
}

/**
 * What is wrong with a page's removals, given the RM numbers its rows keep: each must be an
 * RM number, removed once, and not also kept. Rows are checked one by one elsewhere
 * (replica-rows.ts); a page is refused whole, never half-applied.
 */
export function removedProblem(removed: readonly string[], kept: ReadonlySet<string>): string | null {
  const seen = new Set<string>();
  for (const rm of removed) {
    if (!RM.test(rm)) return 'a changes page lists a removal that is not an RM number';
    if (seen.has(rm) || kept.has(rm)) return `a changes page both keeps and removes, or removes twice, the same RM number (${maskRm(rm)})`;
    seen.add(rm);
  }
  return null;
}

/** An RM number in a log or a status line: enough for IT to find it, not a whole identifier. */
export function maskRm(rm: string): string {
  return `…${rm.slice(-6)}`;
}
