import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setImmediate as tick } from 'node:timers/promises';
import { readAhead } from '../../../main/registry/read-ahead.ts';

type Page = { cursor: string; hasMore: boolean; count: number; bytes: { length: number } };
const MB = 2 ** 20;

/** A feed that never ends, each page `count` rows and `size` bytes; counts what it was asked. */
function endless(count: number, size: number) {
  const asked: (string | null)[] = [];
  const fetch = async (after: string | null): Promise<Page> => {
    asked.push(after);
    return { cursor: String(asked.length), hasMore: true, count, bytes: { length: size } };
  };
  return { asked, fetch };
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await tick();
};

describe('readAhead: pages read ahead of the writes, bounded', () => {
  it('stops at the rows it may hold, and asks on as pages are taken', async () => {
    const feed = endless(3000, 1 * MB);
    const ahead = readAhead(feed.fetch, null, { rows: 9000, bytes: 64 * MB, pages: 12 }, () => true);
    await settle();
    assert.equal(feed.asked.length, 3, 'three pages of 3,000 rows held, no fourth asked');
    assert.equal((await ahead.next()).cursor, '1');
    await settle();
    assert.equal(feed.asked.length, 4, 'one taken, one more asked');
    assert.deepEqual(feed.asked.slice(0, 4), [null, '1', '2', '3'], 'each asked from the page before');
    ahead.close();
  });

  it('stops at the bytes it may hold when pages carry no row (removals only, or padding)', async () => {
    const feed = endless(0, 10 * MB);
    const ahead = readAhead(feed.fetch, null, { rows: 9000, bytes: 32 * MB, pages: 12 }, () => true);
    await settle();
    assert.equal(feed.asked.length, 4, '40 MB held at most, not 12 pages of 10 MB');
    ahead.close();
  });

  it('asks nothing after a page it must not follow, and nothing once closed', async () => {
    const feed = endless(10, 10);
    const ahead = readAhead(feed.fetch, 'c0', { rows: 9000, bytes: 64 * MB, pages: 12 }, (p) => p.cursor !== '2');
    await settle();
    assert.deepEqual(feed.asked, ['c0', '1'], 'the page with cursor 2 is not followed');
    ahead.close();
    await ahead.next().catch(() => undefined);
    await settle();
    assert.equal(feed.asked.length, 2);
  });

  it('a fetch that throws at once is a failed page, given to the caller, not an unhandled error', async () => {
    let calls = 0;
    const ahead = readAhead(
      (after) => {
        calls++;
        if (after !== null) throw new Error('cut');
        return Promise.resolve({ cursor: 'a', hasMore: true, count: 1, bytes: { length: 1 } });
      },
      null,
      { rows: 10, bytes: MB, pages: 4 },
      () => true,
    );
    assert.equal((await ahead.next()).cursor, 'a');
    await assert.rejects(ahead.next(), /cut/);
    assert.equal(calls, 2);
    ahead.close();
  });
});
