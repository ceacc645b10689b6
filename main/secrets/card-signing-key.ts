import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

/** Where kiosks from before the keychain kept the private key: moved into the keychain once. */
export const LEGACY_CARD_KEY_FILE = 'card-signing-key.pem';
export const CARD_PUBLIC_KEY_FILE = 'card-signing-key.pub.pem';

export type CardKeys = { privateKey: KeyObject; publicKey: KeyObject; kid: string };

/** A key's id: the first 8 bytes of the SHA-256 of its public key (SPKI DER), hex. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

/** The card keys from the private key's PEM (PKCS#8), as the keychain holds it. */
export function cardKeysFromPem(pem: string): CardKeys {
  const privateKey = createPrivateKey(pem);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, kid: keyIdOf(publicKey) };
}

/** A new Ed25519 signing key, as PEM. */
export function newCardKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}
