import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { birthDateHasher } from '../../main/identity/birth-date-hash.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { createRegistryClient, RegistryError } from '../../main/registry/client.ts';
import { createSyncEngine } from '../../main/registry/sync-engine.ts';
import { readSyncStatus } from '../../main/registry/sync-status.ts';
import { countArtisans } from '../../main/store/artisans-repo.ts';
import { openStore } from '../../main/store/open-store.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { secretsOf } from '../support/secrets.ts';
import { tempDir } from '../support/temp.ts';

type Registry = Awaited<ReturnType<typeof startTestRegistry>>;

/**
 * A first load against the reference registry over real HTTP, with the registry's count of
 * artisans (only the progress figure) asked through `recordCount`.
 */
async function firstLoad(url: string, recordCount: () => Promise<number | null>) {
  const dataDir = tempDir('replica-');
  const db = await openStore(dataDir, memoryLogger());
  const log = memoryLogger('sync');
  const client = { ...createRegistryClient({ url, kioskId: KIOSK_ID, secret: SECRET, timeoutMs: 5000 }, log), recordCount };
  const hashBirthDate = birthDateHasher((await secretsOf(dataDir)).birthDateKey);
  const engine = createSyncEngine({ db, client, hashBirthDate, clock: () => new Date(), log, options: { pageSize: 100 } });
  await engine.syncNow();
  const loaded = [await countArtisans(db), (await readSyncStatus(db)).state] as const;
  await db.close();
  return { loaded, lines: log.lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('the first load’s count of artisans: never lost without a trace', () => {
  let registry: Registry;
  before(async () => {
    registry = await startTestRegistry(300);
  });
  after(() => registry.close());

  it('the registry not giving its count (refused): the load goes on, the kind is logged as expected', async () => {
    const { loaded, lines } = await firstLoad(registry.server.url, async () => {
      throw new RegistryError('server', 'health check failed');
    });
    assert.deepEqual(loaded, [300, 'ok']);
    const said = lines.find((l) => l.event === 'sync-count-unavailable');
    assert.deepEqual([said?.level, said?.kind], ['info', 'server']);
    assert.ok(!lines.some((l) => l.event === 'sync-count-failed'));
  });

  it('a bug while asking the count (a TypeError): logged as an error with its kind only; the load still completes', async () => {
    const { loaded, lines } = await firstLoad(registry.server.url, async () => (undefined as unknown as { records: number }).records);
    assert.deepEqual(loaded, [300, 'ok'], 'a progress figure does not stop the replica from filling');
    const failed = lines.find((l) => l.event === 'sync-count-failed');
    assert.deepEqual([failed?.level, failed?.kind], ['error', 'TypeError']);
    assert.ok(!JSON.stringify(failed).includes('undefined'), 'the kind, never the message');
  });
});
