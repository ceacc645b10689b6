import type { BirthDateHasher } from '../identity/birth-date-hash.ts';
import { HASH_BYTES } from '../store/artisans-repo.ts';
import { isArtisanTuple } from './wire.ts';

/**
 * Checks a page's wire tuples and returns the keyed hash of each one's date of birth, all
 * in one buffer, row i's at [i * HASH_BYTES, (i + 1) * HASH_BYTES): SQLite takes each row's
 * hash by its index with substr(), in constant time on a blob (on a text it would count
 * characters from the start, row after row). The rows themselves are not rewritten:
 * SQLite reads them from the page's own text (applyChangesPage), so a page costs the JS heap
 * its parse and nothing more (README, Performance: RSS).
 *
 * Every row is checked against the wire format first (isArtisanTuple, held equal to the
 * shared zod schema by a test): one bad row refuses the whole page, so nothing of it is committed.
 *
 * Dates of birth take few values (about 45,000 in 120 years), so their hashes are cached:
 * a million rows cost a few tens of thousands of HMACs, not a million.
 */
export function birthDateHashes(hash: BirthDateHasher) {
  const cache = new Map<string, string>();
  return (items: unknown[]): { hashes: Buffer } | { bad: number } => {
    const hashes = Buffer.alloc(items.length * HASH_BYTES);
    for (let i = 0; i < items.length; i++) {
      const t = items[i];
      if (!isArtisanTuple(t)) return { bad: i };
      const dob = t[7];
      let h = cache.get(dob);
      if (h === undefined) {
        h = hash(dob);
        if (h.length !== HASH_BYTES * 2) throw new Error('a date-of-birth hash is not 32 bytes in hex');
        cache.set(dob, h);
      }
      hashes.write(h, i * HASH_BYTES, HASH_BYTES, 'hex');
    }
    return { hashes };
  };
}
