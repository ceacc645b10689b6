import type { AppInfo } from './api/contract.ts';
import { createDispatcher, type Dispatch } from './api/handle.ts';
import { createHandlers } from './api/handlers.ts';
import { DEMO_IDENTITIES } from './demo-registry/seed.ts';
import { seedDemoStore } from './demo-registry/seed-local-store.ts';
import { birthDateHasher } from './identity/birth-date-hash.ts';
import { createIdentityService, type IdentityService } from './identity/identify.ts';
import type { Logger } from './logging/logger.ts';
import { loadOrCreateBirthDateKey } from './secrets/birth-date-key.ts';
import { checkBirthDateKey } from './secrets/key-id.ts';
import type { WriteDb } from './store/database.ts';
import { openStore } from './store/open-store.ts';

export type KioskOptions = {
  dataDir: string;
  log: Logger;
  clock?: () => Date;
  /** Seed the local store with the demo set (until registry sync exists, always). */
  demo?: boolean;
  version?: string;
};

export type Kiosk = {
  db: WriteDb;
  identity: IdentityService;
  /** The contract's dispatcher for one transport, answering only the given origins. */
  dispatcher(transport: AppInfo['transport'], trustedOrigins: readonly string[]): Dispatch;
  close(): Promise<void>;
};

/** The kiosk core, in plain Node: everything but the Electron shell and the transports. */
export async function createKiosk({ dataDir, log, clock = () => new Date(), demo = true, version = '0.0.0' }: KioskOptions): Promise<Kiosk> {
  const db = await openStore(dataDir, log.child('store'));
  try {
    const key = await loadOrCreateBirthDateKey(dataDir, log.child('secrets'));
    const keyState = await checkBirthDateKey(db, key, { rebuildable: demo });
    const hashBirthDate = birthDateHasher(key);
    // A new key makes every demo hash stale: hash the demo set again.
    if (demo) await seedDemoStore(db, hashBirthDate, log.child('demo'), { force: keyState === 'changed' });
    const identity = createIdentityService({ db, hashBirthDate, clock, log: log.child('identity') });
    const demoIdentities = demo ? DEMO_IDENTITIES.map((a) => ({ rmNumber: a.rmNumber, birthDate: a.dateOfBirth })) : [];
    const info = { version, demo, demoIdentities };
    return {
      db,
      identity,
      dispatcher: (transport, trustedOrigins) =>
        createDispatcher({ handlers: createHandlers({ identity, info, transport }), trustedOrigins, log: log.child('api') }),
      close: () => db.close(),
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
