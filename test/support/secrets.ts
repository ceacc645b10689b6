import { memoryLogger } from '../../main/logging/logger.ts';
import { type KioskSecrets, loadKioskSecrets } from '../../main/secrets/kiosk-secrets.ts';
import { memoryStore, type SecretStore } from '../../main/secrets/secret-store.ts';

const stores = new Map<string, SecretStore>();

/**
 * Kiosk secrets for a test's data directory, held in memory by this test process (the same
 * keys each time it asks for the same directory). Tests of the keychain itself use the real one.
 */
export function secretsOf(dataDir: string): Promise<KioskSecrets> {
  return loadKioskSecrets(dataDir, secretStoreOf(dataDir), memoryLogger());
}

/** The in-memory keychain behind secretsOf, for a kiosk started on the same directory. */
export function secretStoreOf(dataDir: string): SecretStore {
  const store = stores.get(dataDir) ?? memoryStore();
  stores.set(dataDir, store);
  return store;
}
