import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { memoryLogger } from '../../main/logging/logger.ts';
import { openDatabase } from '../../main/store/database.ts';
import { tempDir } from '../support/temp.ts';

/**
 * Reads keep their prepared statements (statement-cache.ts). What must not change: a read
 * sees every write committed before it, from this connection or another one; a kept
 * statement leaves no read open (a checkpoint still empties the log, which is how delivered
 * personal data leaves the files); the store still closes; a bad query still fails.
 */
describe('reads through kept prepared statements', () => {
  async function twoConnections() {
    const file = path.join(tempDir(), 'kept.sqlite');
    const a = await openDatabase(file, memoryLogger());
    await a.transaction((tx) => tx.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT NOT NULL) STRICT'));
    const b = await openDatabase(file, memoryLogger());
    return { file, a, b };
  }

  it('a repeated read sees what another connection committed in between (no snapshot held open)', async () => {
    const { a, b } = await twoConnections();
    const read = async () => (await a.get<{ v: string }>('SELECT v FROM t WHERE k = ?', ['x']))?.v;
    assert.equal(await read(), undefined);
    for (const v of ['one', 'two', 'three']) {
      await b.transaction((tx) => tx.run('INSERT INTO t (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v', ['x', v]));
      assert.equal(await read(), v);
      assert.deepEqual(await a.all('SELECT v FROM t'), [{ v }]);
    }
    await a.close();
    await b.close();
  });

  it('after many kept reads, a checkpoint still empties the write-ahead log', async () => {
    const { file, a, b } = await twoConnections();
    await b.close();
    await a.transaction(async (tx) => {
      for (let i = 0; i < 200; i++) await tx.run('INSERT INTO t (k, v) VALUES (?, ?)', [`k${i}`, 'secret mobile number']);
    });
    for (let i = 0; i < 200; i++) assert.equal((await a.get<{ v: string }>('SELECT v FROM t WHERE k = ?', [`k${i}`]))?.v, 'secret mobile number');
    assert.ok(statSync(`${file}-wal`).size > 0);
    await a.checkpoint();
    assert.equal(statSync(`${file}-wal`).size, 0, 'no read was left open to hold the log');
    await a.close();
  });

  it('more different queries than are kept, run all at once: each answers its own, and the store closes', async () => {
    const { a, b } = await twoConnections();
    await b.close();
    await a.transaction(async (tx) => {
      for (let i = 0; i < 400; i++) await tx.run('INSERT INTO t (k, v) VALUES (?, ?)', [`k${i}`, `v${i}`]);
    });
    // 400 distinct statements, each read three times, all in flight together: kept ones are
    // evicted while others still use them.
    const answers = await Promise.all(
      Array.from({ length: 1200 }, (_, n) => n % 400).map((i) => a.get<{ v: string }>(`SELECT v FROM t WHERE k = ? AND ${i} = ${i}`, [`k${i}`])),
    );
    assert.deepEqual(
      answers.map((r) => r?.v),
      Array.from({ length: 1200 }, (_, n) => `v${n % 400}`),
    );
    await a.close();
  });

  it('a query SQLite cannot prepare fails each time it is asked (never hangs), and the others go on', async () => {
    const { a, b } = await twoConnections();
    await b.close();
    const bad = () => a.get('SELECT v FROM nowhere');
    await assert.rejects(Promise.all([bad(), bad()]), /no such table: nowhere/);
    await assert.rejects(bad(), /no such table: nowhere/);
    assert.deepEqual(await a.all('SELECT count(*) AS n FROM t'), [{ n: 0 }]);
    await a.close();
  });
});
