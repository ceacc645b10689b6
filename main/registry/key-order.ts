import { HASH_BYTES } from '../store/artisans-repo.ts';

/** A checked page's rows as the key order needs them: each row's RM number and where its text lies. */
export type PageRows = {
  bytes: Buffer;
  /** Row i's date-of-birth hash at [i * HASH_BYTES, (i + 1) * HASH_BYTES). */
  hashes: Buffer;
  /** Row i's RM number. */
  rms: readonly string[];
  /** Row i's text at bytes[spans[2i], spans[2i + 1]). */
  spans: Uint32Array;
};

const OPEN = Buffer.from('{"items":[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');

/** A run of rows ready for applyChangesPage: a page of our own making. */
export type SortedRows = { bytes: Buffer; hashes: Buffer; count: number };

/**
 * The rows of several pages, in RM-number order, as pages of at most `chunk` rows each, with
 * their hashes in the same order; rows of one number keep the feed's order, so the later one is
 * written last, as page by page. Why: the replica's unique index on the RM number is most of a
 * first load's cost, and the feed sends numbers in random order. Inserted in key order, a batch
 * walks the index once instead of jumping around it (README, Performance: `bash
 * test/bench/key-order.sh`). Written as several statements, not one, so that SQLite never holds
 * a whole batch's text and parse at once (README, Performance: RSS).
 * The rows' own bytes are copied as they came, already checked; only the envelope is ours.
 */
export function inKeyOrder(pages: readonly PageRows[], chunk: number): SortedRows[] {
  const order: { rm: string; page: number; row: number }[] = [];
  pages.forEach((p, page) => {
    p.rms.forEach((rm, row) => {
      order.push({ rm, page, row });
    });
  });
  // Array.prototype.sort is stable: equal numbers stay in feed order.
  order.sort((a, b) => (a.rm < b.rm ? -1 : a.rm > b.rm ? 1 : 0));
  const runs: SortedRows[] = [];
  for (let from = 0; from < order.length || runs.length === 0; from += chunk) {
    const slice = order.slice(from, from + chunk);
    const parts: Buffer[] = [OPEN];
    const hashes = Buffer.alloc(slice.length * HASH_BYTES);
    slice.forEach(({ page, row }, i) => {
      const p = pages[page] as PageRows;
      if (i > 0) parts.push(COMMA);
      parts.push(p.bytes.subarray(p.spans[2 * row], p.spans[2 * row + 1]));
      p.hashes.copy(hashes, i * HASH_BYTES, row * HASH_BYTES, (row + 1) * HASH_BYTES);
    });
    parts.push(CLOSE);
    runs.push({ bytes: Buffer.concat(parts), hashes, count: slice.length });
  }
  return runs;
}
