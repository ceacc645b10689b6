import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Logger } from '../logging/logger.ts';
import type { RegistryConfig } from '../registry/client.ts';
import { openRegistryStore } from './registry-store.ts';
import { startRegistryServer } from './server.ts';

export const DEMO_COUNT = 3000;
export const DEMO_REGISTRY_FILE = 'demo-registry.sqlite';

/**
 * The embedded demo registry: the reference server, in-process, on loopback, seeded once
 * with the demo set in the data directory. The kiosk syncs from it over HTTP exactly as it
 * would from a chamber's registry. Its kiosk secret is new at every launch.
 */
export async function startEmbeddedRegistry(
  dataDir: string,
  log: Logger,
  count = DEMO_COUNT,
): Promise<{
  config: RegistryConfig;
  /** A new access link to one address's demo mailbox, for one account's mail (server.ts). */
  mailboxLink: ((rmNumber: string, email: string) => Promise<string>) | null;
  close(): Promise<void>;
}> {
  const store = await openRegistryStore(path.join(dataDir, DEMO_REGISTRY_FILE), log.child('store'));
  if ((await store.count()) === 0) await store.seed(count);
  const kioskId = 'demo-kiosk';
  const secret = randomBytes(24).toString('base64url');
  await store.addKiosk(kioskId, secret);
  const server = await startRegistryServer({ store, log });
  return {
    config: { url: server.url, kioskId, secret },
    mailboxLink: server.mailboxLink,
    close: async () => {
      await server.close();
      await store.close();
    },
  };
}
