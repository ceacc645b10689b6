import type { BirthDateHasher } from '../identity/birth-date-hash.ts';
import { HASH_BYTES } from '../store/artisans-repo.ts';
import { maskRm } from './page-check.ts';
import { isArtisanTuple } from './wire.ts';

/** Rows checked in one go (about 0.7 ms) before the main thread is let go. */
const TURN_ROWS = 100;

/**
 * Reads and checks every row of a page, and returns the keyed hash of each one's date of
 * birth, all in one buffer, row i's at [i * HASH_BYTES, (i + 1) * HASH_BYTES): SQLite takes
 * each row's hash by its index with substr(), in constant time on a blob (on a text it would
 * count characters from the start, row after row). The rows themselves are not rewritten:
 * SQLite reads them from the page's own bytes (applyChangesPage), and each parsed row is
 * dropped as soon as it is checked (README, Performance: RSS).
 *
 * Every row is checked against the wire format (isArtisanTuple, held equal to the shared
 * zod schema by a test), and an RM number may come once a page: one bad row refuses the whole
 * page, so nothing of it is committed. `kept` is the page's RM numbers, for removedProblem.
 *
 * Dates of birth take few values (about 45,000 in 120 years), so their hashes are cached:
 * a million rows cost a few tens of thousands of HMACs, not a million.
 *
 * The rows are checked in turns of TURN_ROWS, the main thread let go between turns: a page is
 * about 20 ms of checks, and SQLite's answers to the batch being written waited behind it, a
 * statement at a time. At a million, a first load took about a second less (README, Performance).
 */
export function pageRows(hash: BirthDateHasher) {
  const cache = new Map<string, string>();
  return async (page: { rowCount: number; row(i: number): unknown }): Promise<{ hashes: Buffer; kept: Set<string> } | { problem: string }> => {
    const hashes = Buffer.alloc(page.rowCount * HASH_BYTES);
    const kept = new Set<string>();
    for (let i = 0; i < page.rowCount; i++) {
      if (i > 0 && i % TURN_ROWS === 0) await new Promise((turn) => setImmediate(turn));
      const t = page.row(i);
      if (!isArtisanTuple(t)) return { problem: `row ${i} of a changes page does not match the API` };
      const [rm] = t;
      if (kept.has(rm)) return { problem: `a changes page carries the same RM number twice (${maskRm(rm)})` };
      kept.add(rm);
      const dob = t[7];
      let h = cache.get(dob);
      if (h === undefined) {
        h = hash(dob);
        if (h.length !== HASH_BYTES * 2) throw new Error('a date-of-birth hash is not 32 bytes in hex');
        cache.set(dob, h);
      }
      hashes.write(h, i * HASH_BYTES, HASH_BYTES, 'hex');
    }
    return { hashes, kept };
  };
}
