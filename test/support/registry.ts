import path from 'node:path';
import type { Faults } from '../../main/demo-registry/faults.ts';
import type { SmtpConfig } from '../../main/demo-registry/mailer.ts';
import { openRegistryStore, type RegistryStore } from '../../main/demo-registry/registry-store.ts';
import { type RegistryServer, startRegistryServer } from '../../main/demo-registry/server.ts';
import { birthDateHasher } from '../../main/identity/birth-date-hash.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { createRegistryClient } from '../../main/registry/client.ts';
import { createSyncEngine, type SyncOptions } from '../../main/registry/sync-engine.ts';
import type { WriteDb } from '../../main/store/database.ts';
import { openStore } from '../../main/store/open-store.ts';
import { secretsOf } from './secrets.ts';
import { tempDir } from './temp.ts';

export const KIOSK_ID = 'test-kiosk';
export const SECRET = 'test-secret-0123456789abcdef';

/** The reference registry on loopback, seeded with `count` artisans, for one test file. */
export async function startTestRegistry(
  count: number,
  opts: { faults?: Partial<Faults>; tokenTtlMs?: number; smtp?: SmtpConfig } = {},
): Promise<{ store: RegistryStore; server: RegistryServer; close(): Promise<void> }> {
  const store = await openRegistryStore(path.join(tempDir('registry-'), 'registry.sqlite'), memoryLogger('registry'));
  await store.seed(count);
  await store.addKiosk(KIOSK_ID, SECRET);
  const server = await startRegistryServer({ store, log: memoryLogger('server'), ...opts });
  return {
    store,
    server,
    close: async () => {
      await server.close();
      await store.close();
    },
  };
}

/** A kiosk replica (real store file, real key) and its sync engine, pointed at `url`. */
export async function replicaFor(
  url: string,
  options: SyncOptions & { timeoutMs?: number; secret?: string; clock?: () => Date } = {},
): Promise<{ db: WriteDb; dataDir: string; engine: ReturnType<typeof createSyncEngine> }> {
  const dataDir = tempDir('replica-');
  const log = memoryLogger('replica');
  const db = await openStore(dataDir, log);
  const key = (await secretsOf(dataDir)).birthDateKey;
  const client = createRegistryClient({ url, kioskId: KIOSK_ID, secret: options.secret ?? SECRET, timeoutMs: options.timeoutMs ?? 5000 }, log);
  const engine = createSyncEngine({ db, client, hashBirthDate: birthDateHasher(key), clock: options.clock ?? (() => new Date()), log, options });
  return { db, dataDir, engine };
}
