import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { birthDateHasher } from '../../../main/identity/birth-date-hash.ts';
import { removedProblem, sizeProblem } from '../../../main/registry/page-check.ts';
import { pageRows } from '../../../main/registry/replica-rows.ts';
import { artisanTupleSchema } from '../../../main/registry/wire.ts';
import { HASH_BYTES } from '../../../main/store/artisans-repo.ts';
import { row } from '../../support/broken-registry.ts';

const pageOf = (rows: unknown[]) => ({ rowCount: rows.length, row: (i: number) => rows[i] });

describe('pageRows', () => {
  const key = Buffer.alloc(32, 1);
  it("puts each row's keyed hash at its index, as the replica keeps it (hex)", async () => {
    const hashes = pageRows(birthDateHasher(key));
    const rows = [row('123123127RM078', 1), row('732829320RM075', 1)];
    (rows[1] as unknown[])[7] = '1999-12-31';
    const made = await hashes(pageOf(rows));
    assert.ok('hashes' in made);
    assert.equal(made.hashes.length, 2 * HASH_BYTES);
    for (let i = 0; i < 2; i++)
      assert.equal(made.hashes.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES).toString('hex'), birthDateHasher(key)((rows[i] as string[])[7] as never));
    assert.notEqual(made.hashes.subarray(0, HASH_BYTES).toString('hex'), made.hashes.subarray(HASH_BYTES).toString('hex'));
  });

  it('names the first row that does not match the API, and leaves the rows as they came', async () => {
    const good = row('123123127RM078', 1);
    const copy = JSON.stringify(good);
    assert.deepEqual(await pageRows(birthDateHasher(key))(pageOf([good, ['short']])), { problem: 'row 1 of a changes page does not match the API' });
    assert.equal(JSON.stringify(good), copy, 'nothing rewritten: SQLite reads the text the registry sent');
  });

  it('refuses an RM number twice in a page, and hands the removals check what the rows keep', async () => {
    const rows = pageRows(birthDateHasher(key));
    const twice = await rows(pageOf([row('123123127RM078', 1), row('123123127RM078', 2)]));
    assert.ok('problem' in twice && /same RM number twice \(…7RM078\)/.test(twice.problem));
    const made = await rows(pageOf([row('123123127RM078', 1)]));
    assert.ok('kept' in made);
    assert.match(removedProblem(['123123127RM078'], made.kept) ?? '', /both keeps and removes/);
    assert.match(removedProblem(['nope'], made.kept) ?? '', /not an RM number/);
    assert.equal(removedProblem(['732829320RM075'], made.kept), null);
  });
});

describe('pageRows: a version SQLite would write otherwise than JS read it', () => {
  it('refuses a version past 2^53, as the wire schema does: JS rounds it, SQLite keeps it exact or as a REAL', async () => {
    const rows = pageRows(birthDateHasher(Buffer.alloc(32, 1)));
    // JSON.parse reads 9007199254740993 as 9007199254740992; SQLite writes ...993. 1e20 is a REAL a STRICT INTEGER column refuses.
    for (const version of [2 ** 53, 1e20]) {
      const t = row('123123127RM078', version);
      assert.equal(artisanTupleSchema.safeParse(t).success, false);
      assert.deepEqual(await rows(pageOf([t])), { problem: 'row 0 of a changes page does not match the API' });
    }
    assert.ok('hashes' in (await rows(pageOf([row('123123127RM078', 2 ** 53 - 1)]))));
  });

  it('counts removals with rows against the limit the API sets a page', () => {
    assert.equal(sizeProblem(9_000, 1_000), null);
    assert.match(sizeProblem(9_000, 1_001) ?? '', /holds 10001 rows and removals, more than the 10000 the API allows/);
  });
});

describe('pageRows: a page checked in turns', () => {
  it('lets the main thread go between turns of rows, so that SQLite’s answers (and the desk’s) do not wait for a whole page', async () => {
    const rows = pageRows(birthDateHasher(Buffer.alloc(32, 1)));
    const page = Array.from({ length: 3000 }, (_, i) => row(`${100000000 + i}RM075`, 1));
    let checked = false;
    const answered: boolean[] = [];
    const checking = rows(pageOf(page)).then((made) => {
      checked = true;
      return made;
    });
    // Callbacks queued as the check starts, as a statement's answer would be: each runs before it ends.
    setImmediate(() => answered.push(checked));
    setImmediate(() => answered.push(checked));
    const made = await checking;
    assert.ok('hashes' in made && made.kept.size === 3000, 'every row checked');
    assert.deepEqual(answered, [false, false], 'answered while the page was being checked, not after it');
  });
});
