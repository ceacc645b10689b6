import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { memoryLogger } from '../../main/logging/logger.ts';
import { openDatabase } from '../../main/store/database.ts';
import { tempDir } from '../support/temp.ts';

/**
 * The write-ahead log copied into the file from a side connection (background-checkpoint.ts),
 * on a real SQLite file: what it must give is a log that stays short without any commit doing
 * the copy, and nothing lost or half-seen meanwhile.
 */
describe('the write-ahead log copied in the background', () => {
  /** A store whose own commits never copy the log (SQLite's threshold off): only the side connection does. */
  async function store() {
    const file = path.join(tempDir(), 'bg.sqlite');
    const db = await openDatabase(file, memoryLogger());
    await db.transaction((tx) => tx.exec('CREATE TABLE t (k INTEGER PRIMARY KEY, v BLOB NOT NULL) STRICT'));
    await db.all('PRAGMA wal_autocheckpoint = 0');
    return { file, db };
  }
  /** About 1 MB (250 pages) written in one commit, as a delta does. */
  const writeRound = (db: Awaited<ReturnType<typeof store>>['db'], round: number) =>
    db.transaction(async (tx) => {
      for (let i = 0; i < 250; i++) await tx.run('INSERT INTO t (k, v) VALUES (?, randomblob(4000))', [round * 1000 + i]);
    });

  it('asked after each large commit, keeps the log to about one commit, with every row there', async () => {
    const { file, db } = await store();
    await writeRound(db, 0);
    const oneRound = statSync(`${file}-wal`).size;
    for (let round = 1; round <= 10; round++) {
      await writeRound(db, round);
      await db.checkpointSoon();
    }
    const wal = statSync(`${file}-wal`).size;
    // Without the copies, the log would hold all eleven commits.
    assert.ok(wal <= 2.5 * oneRound, `the log holds ${(wal / oneRound).toFixed(1)} commits' worth`);
    assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM t'))?.n, 11 * 250);
    await db.close();
  });

  it('a checkpoint asked while a copy runs (the outbox just delivered personal data) still empties the log', async () => {
    const { file, db } = await store();
    await db.all('PRAGMA secure_delete = ON');
    for (let round = 0; round < 6; round++) {
      // A large delta, its copy started; a delivered row holding a mobile number is deleted and
      // the outbox empties the log, while the copy is still under way.
      await db.transaction(async (tx) => {
        for (let i = 0; i < 5000; i++) await tx.run('INSERT OR REPLACE INTO t (k, v) VALUES (?, randomblob(4000))', [i]);
      });
      const copying = db.checkpointSoon();
      await db.transaction((tx) => tx.run("INSERT INTO t (k, v) VALUES (-1, CAST('mobile 0611223344' AS BLOB))"));
      await db.transaction((tx) => tx.run('DELETE FROM t WHERE k = -1'));
      await db.checkpoint();
      assert.equal(statSync(`${file}-wal`).size, 0, `round ${round}: the log was emptied`);
      assert.ok(!readFileSync(file).includes('0611223344'), `round ${round}: nothing of the deleted row in the file`);
      await copying;
    }
    await db.close();
  });

  it('goes on beside reads and writes, asked again while it copies, and the store closes with a copy under way', async () => {
    const { db } = await store();
    await writeRound(db, 0);
    const asked = [db.checkpointSoon(), db.checkpointSoon()];
    // Meanwhile the desk reads and writes on its own connection.
    await writeRound(db, 1);
    assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM t'))?.n, 500);
    asked.push(db.checkpointSoon());
    await db.close();
    await Promise.all(asked);
  });
});
