import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inKeyOrder, type PageRows, type SortedRows } from '../../../main/registry/key-order.ts';
import { readChangesPage } from '../../../main/registry/page-reader.ts';
import { HASH_BYTES } from '../../../main/store/artisans-repo.ts';
import { changesPage, row } from '../../support/broken-registry.ts';

/** A page as the sync holds it once checked; each row's hash is its version, repeated, so it can be followed. */
function held(rows: ReturnType<typeof row>[], pretty = false): PageRows {
  const bytes = Buffer.from(JSON.stringify(changesPage(rows, 'c', true), null, pretty ? 2 : undefined));
  const page = readChangesPage(bytes);
  const spans = new Uint32Array(page.rowCount * 2);
  const hashes = Buffer.alloc(page.rowCount * HASH_BYTES);
  for (let i = 0; i < page.rowCount; i++) {
    spans.set(page.rowSpan(i), 2 * i);
    hashes.fill(rows[i]?.[17] as number, i * HASH_BYTES, (i + 1) * HASH_BYTES);
  }
  return { bytes, hashes, spans, rms: rows.map((r) => r[0] as string) };
}

/** The rows of one run, parsed. */
const items = (r: SortedRows) => (JSON.parse(r.bytes.toString('utf8')) as { items: unknown[][] }).items;

describe('inKeyOrder: several pages as one, in RM-number order', () => {
  it('sorts the rows of all pages, keeps each row as sent, and moves each hash with its row', () => {
    const first = [row('732829320RM075', 1, 'É"\\\n]},{"items":['), row('123123127RM078', 2)];
    const second = [row('500000008RM075', 3, 'ŒUF 日本 😀'), row('111111111RM075', 4)];
    const runs = inKeyOrder([held(first, true), held(second)], 3);
    assert.deepEqual(
      runs.map((r) => r.count),
      [3, 1],
      'in pages of at most 3 rows',
    );
    assert.deepEqual(runs.flatMap(items), [second[1], first[1], second[0], first[0]]);
    assert.deepEqual(
      runs.flatMap((r) => [...Array(r.count).keys()].map((i) => r.hashes[i * HASH_BYTES])),
      [4, 2, 3, 1],
    );
  });

  it('keeps the feed’s order for a number sent twice, so the later row is written last', () => {
    const runs = inKeyOrder([held([row('123123127RM078', 7)]), held([row('123123127RM078', 8), row('111111111RM075', 1)])], 3000);
    assert.deepEqual(
      runs.flatMap(items).map((r) => r[17]),
      [1, 7, 8],
    );
  });

  it('makes an empty page of no rows', () => {
    const runs = inKeyOrder([held([])], 3000);
    assert.equal(runs.length, 1);
    assert.deepEqual(JSON.parse((runs[0] as SortedRows).bytes.toString('utf8')), { items: [] });
    assert.equal((runs[0] as SortedRows).hashes.length, 0);
  });
});
