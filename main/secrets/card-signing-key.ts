import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logging/logger.ts';

export const CARD_KEY_FILE = 'card-signing-key.pem';
export const CARD_PUBLIC_KEY_FILE = 'card-signing-key.pub.pem';

export type CardKeys = { privateKey: KeyObject; publicKey: KeyObject; kid: string };

/** A key's id: the first 8 bytes of the SHA-256 of its public key (SPKI DER), hex. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/**
 * The Ed25519 key that signs the cards' QR tokens. Until the OS keychain holds it (the
 * staff-console issue), the private key lives in a file of the data directory readable by
 * the kiosk's user only; the public key is written beside it for anyone who verifies.
 */
export async function loadOrCreateCardKeys(dataDir: string, log: Logger): Promise<CardKeys> {
  const file = path.join(dataDir, CARD_KEY_FILE);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(await readFile(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    privateKey = generateKeyPairSync('ed25519').privateKey;
    await writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    log.info('card-key-created');
  }
  const publicKey = createPublicKey(privateKey);
  await writeFile(path.join(dataDir, CARD_PUBLIC_KEY_FILE), publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
  return { privateKey, publicKey, kid: keyIdOf(publicKey) };
}
