import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logging/logger.ts';
import type { SecretName } from '../shared/kiosk.ts';
import { LEGACY_BIRTH_DATE_KEY_FILE } from './birth-date-key.ts';
import { CARD_PUBLIC_KEY_FILE, type CardKeys, cardKeysFromPem, LEGACY_CARD_KEY_FILE, newCardKeyPem } from './card-signing-key.ts';
import type { SecretStore } from './secret-store.ts';

export type KioskSecrets = { birthDateKey: Buffer; cardKeys: CardKeys };

async function readIfThere(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * One secret from the store; if the store has none, the file an older kiosk kept (moved into
 * the keychain, checked, then the file deleted), else a new one. A memory store never moves
 * or deletes a file: it only reads it, for this run.
 */
async function secret(store: SecretStore, name: SecretName, legacyFile: string, make: () => string, encode: (file: Buffer) => string, log: Logger) {
  const held = await store.get(name);
  if (held) return held;
  const legacy = await readIfThere(legacyFile);
  const value = legacy ? encode(legacy) : make();
  if (legacy && store.kind === 'memory') return value;
  await store.set(name, value);
  const back = await store.get(name);
  if (back === null || !timingSafeEqual(Buffer.from(back), Buffer.from(value))) throw new Error(`the keychain did not keep ${name}`);
  if (legacy) {
    await rm(legacyFile, { force: true });
    log.info('secret-moved-to-keychain', { secret: name });
  } else log.info('secret-created', { secret: name, store: store.kind });
  return value;
}

/** The key that hashes dates of birth, and the card-signing key, from the keychain. */
export async function loadKioskSecrets(dataDir: string, store: SecretStore, log: Logger): Promise<KioskSecrets> {
  const birth = await secret(
    store,
    'birth-date-key',
    path.join(dataDir, LEGACY_BIRTH_DATE_KEY_FILE),
    () => randomBytes(32).toString('base64'),
    (b) => b.toString('base64'),
    log,
  );
  const birthDateKey = Buffer.from(birth, 'base64');
  if (birthDateKey.length !== 32) throw new Error(`the birth-date key holds ${birthDateKey.length} bytes, expected 32`);
  const pem = await secret(store, 'card-signing-key', path.join(dataDir, LEGACY_CARD_KEY_FILE), newCardKeyPem, (b) => b.toString('utf8'), log);
  const cardKeys = cardKeysFromPem(pem);
  // The public key is no secret: it is written beside the data for whoever verifies cards
  // (readable by the kiosk's user, like everything in the data directory).
  await writeFile(path.join(dataDir, CARD_PUBLIC_KEY_FILE), cardKeys.publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o600 });
  return { birthDateKey, cardKeys };
}
