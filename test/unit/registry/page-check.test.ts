import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { birthDateHasher } from '../../../main/identity/birth-date-hash.ts';
import { topLevelKeys } from '../../../main/registry/page-check.ts';
import { birthDateHashes } from '../../../main/registry/replica-rows.ts';
import { HASH_BYTES } from '../../../main/store/artisans-repo.ts';
import { row } from '../../support/broken-registry.ts';

describe('topLevelKeys: the keys SQLite and JSON.parse could read differently', () => {
  it('lists the top-level keys in order, duplicates kept, escaped ones decoded', () => {
    const text = '{"items":[1,"a\\"b:",{"items":2}],"x" : {"y":[{}]},"\\u0069tems":[3], "cursor":"c\\\\"}';
    assert.deepEqual(topLevelKeys(text), ['items', 'x', 'items', 'cursor']);
    assert.deepEqual(Object.keys(JSON.parse(text)), ['items', 'x', 'cursor'], 'JSON.parse shows one items only');
  });

  it('is not fooled by strings that look like keys, nor by backslashes before a quote', () => {
    const text = JSON.stringify({ items: [['"items":', 'a\\', '\\"items\\": ', { items: 1 }]], removed: ['x\\\\'], cursor: '{"items":[]}' });
    assert.deepEqual(topLevelKeys(text), ['items', 'removed', 'cursor']);
  });

  it('agrees with JSON.parse on pages without duplicates', () => {
    const page = { fields: ['a'], items: [row('123123127RM078', 1, 'É"\\\n')], removed: [], cursor: 'c:1', hasMore: true };
    for (const text of [JSON.stringify(page), JSON.stringify(page, null, 2)]) assert.deepEqual(topLevelKeys(text), Object.keys(page));
  });
});

describe('birthDateHashes', () => {
  const key = Buffer.alloc(32, 1);
  it("puts each row's keyed hash at its index, as the replica keeps it (hex)", () => {
    const hashes = birthDateHashes(birthDateHasher(key));
    const rows = [row('123123127RM078', 1), row('732829320RM075', 1)];
    (rows[1] as unknown[])[7] = '1999-12-31';
    const made = hashes(rows);
    assert.ok('hashes' in made);
    assert.equal(made.hashes.length, 2 * HASH_BYTES);
    for (let i = 0; i < 2; i++)
      assert.equal(made.hashes.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES).toString('hex'), birthDateHasher(key)((rows[i] as string[])[7] as never));
    assert.notEqual(made.hashes.subarray(0, HASH_BYTES).toString('hex'), made.hashes.subarray(HASH_BYTES).toString('hex'));
  });

  it('names the first row that does not match the API, and leaves the rows as they came', () => {
    const good = row('123123127RM078', 1);
    const copy = JSON.stringify(good);
    assert.deepEqual(birthDateHashes(birthDateHasher(key))([good, ['short']]), { bad: 1 });
    assert.equal(JSON.stringify(good), copy, 'nothing rewritten: SQLite reads the text the registry sent');
  });
});
