import type { BirthDateHasher } from '../identity/birth-date-hash.ts';
import { type ArtisanTuple, isArtisanTuple } from './wire.ts';

/**
 * Turns a page's wire tuples into the replica's rows, in place: first names joined, the date
 * of birth replaced by its keyed hash. Every row is checked against the wire format first
 * (isArtisanTuple, held equal to the shared zod schema by a test): one bad row refuses the whole page, so nothing of it is committed.
 *
 * Dates of birth take few values (about 45,000 in 120 years), so their hashes are cached:
 * a million rows cost a few tens of thousands of HMACs, not a million.
 */
export function replicaRowsMaker(hash: BirthDateHasher) {
  const cache = new Map<string, string>();
  return (items: unknown[]): { rows: unknown[][] } | { bad: number } => {
    for (let i = 0; i < items.length; i++) {
      if (!isArtisanTuple(items[i])) return { bad: i };
    }
    const rows = items as unknown[][];
    for (const row of rows) {
      const t = row as unknown as ArtisanTuple;
      const dob = t[7];
      let h = cache.get(dob);
      if (h === undefined) {
        h = hash(dob);
        cache.set(dob, h);
      }
      row[6] = t[6].join(' ');
      row[7] = h;
    }
    return { rows };
  };
}
