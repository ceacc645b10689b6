import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { birthDateHasher } from '../../main/identity/birth-date-hash.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { createRegistryClient } from '../../main/registry/client.ts';
import { CURSOR_KEY, createSyncEngine } from '../../main/registry/sync-engine.ts';
import { countArtisans, replicaChecksum } from '../../main/store/artisans-repo.ts';
import type { WriteDb } from '../../main/store/database.ts';
import { getMeta } from '../../main/store/meta-repo.ts';
import { KIOSK_ID, replicaFor, SECRET, startTestRegistry } from '../support/registry.ts';
import { secretsOf } from '../support/secrets.ts';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const duplicates = async (db: WriteDb) => (await db.get<{ n: number }>('SELECT count(*) - count(DISTINCT rm_number) AS n FROM artisans'))?.n;

/**
 * A first load from the reference registry made slow (every answer late), with pages read
 * ahead while a batch is written: the edges a desk meets on a poor line. The load ends equal to
 * the registry; the copy grows meanwhile and says how far it is; a stop in the middle, pages
 * on their way, loses nothing and doubles nothing when the next run picks it up.
 */
describe('a first load over a slow line', () => {
  it('every answer 150 ms late: the copy grows page by page, says how far it is, and ends equal to the registry', async () => {
    const registry = await startTestRegistry(1500, { faults: { latencyMs: 150 } });
    const { db, engine } = await replicaFor(registry.server.url, { pageSize: 100 });
    try {
      const seen: number[] = [];
      const percents: (number | null)[] = [];
      const off = engine.onStatus((s) => percents.push(s.loadPercent));
      const run = engine.syncNow();
      let settled = false;
      void run.finally(() => {
        settled = true;
      });
      while (!settled) {
        seen.push(await countArtisans(db));
        await pause(100);
      }
      off();
      const result = await run;
      assert.equal(result.upserted, 1500);
      assert.ok(
        seen.some((n) => n > 0 && n < 1500),
        `identification had part of the copy before the end (counts seen: ${[...new Set(seen)].join(', ')})`,
      );
      assert.deepEqual(
        seen,
        [...seen].sort((x, y) => x - y),
        'the copy only grew',
      );
      assert.ok(
        percents.some((p) => p !== null && p > 0 && p < 100),
        'the load said how far it was',
      );
      assert.equal(await replicaChecksum(db), await registry.store.checksum());
      assert.equal(await duplicates(db), 0);
    } finally {
      await db.close();
      await registry.close();
    }
  });

  it('stopped with pages on their way: what was written is whole, and the next run ends the load with nothing lost or doubled', async () => {
    const registry = await startTestRegistry(3000, { faults: { latencyMs: 60 } });
    const { db, dataDir, engine } = await replicaFor(registry.server.url, { pageSize: 100 });
    try {
      const run = engine.syncNow();
      // Some batches in, more pages read ahead: the kiosk is closed.
      for (let i = 0; i < 200 && (await countArtisans(db)) === 0; i++) await pause(25);
      await pause(150);
      await engine.stop();
      await run.then(
        () => undefined,
        () => undefined,
      );
      const partial = await countArtisans(db);
      assert.ok(partial > 0 && partial < 3000, `stopped mid-way (${partial} rows)`);
      const cursor = await getMeta(db, CURSOR_KEY);
      assert.ok(cursor, 'the position of what was written is kept');
      assert.equal(await duplicates(db), 0);

      // The kiosk starts again on the same store.
      const log = memoryLogger('replica');
      const again = createSyncEngine({
        db,
        client: createRegistryClient({ url: registry.server.url, kioskId: KIOSK_ID, secret: SECRET, timeoutMs: 5000 }, log),
        hashBirthDate: birthDateHasher((await secretsOf(dataDir)).birthDateKey),
        clock: () => new Date(),
        log,
        options: { pageSize: 100 },
      });
      const rest = await again.syncNow();
      assert.equal(rest.upserted, 3000 - partial, 'it went on from where the written part ended');
      assert.equal(await countArtisans(db), 3000);
      assert.equal(await replicaChecksum(db), await registry.store.checksum());
      assert.equal(await duplicates(db), 0);
    } finally {
      await db.close();
      await registry.close();
    }
  });
});
