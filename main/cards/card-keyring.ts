import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Logger } from '../logging/logger.ts';
import { type RegistryClient, RegistryError } from '../registry/client.ts';
import type { CardKeys } from '../secrets/card-signing-key.ts';
import { type CardKeyRow, listCardKeys, replaceCardKeys } from '../store/card-keys-repo.ts';
import type { WriteDb } from '../store/database.ts';
import type { TrustedKeys } from './card-token.ts';

/** An Ed25519 public key as the registry publishes it: the raw 32 bytes, base64url. */
export function rawPublicKey(publicKey: KeyObject): string {
  const { x } = publicKey.export({ format: 'jwk' });
  if (typeof x !== 'string') throw new Error('not an Ed25519 public key');
  return x;
}

/** The key from its raw base64url form; throws if it is not 32 bytes of an Ed25519 key. */
export function publicKeyFromRaw(raw: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw }, format: 'jwk' });
}

/** The keys a verifier trusts, and those the chamber withdrew (refused even if trusted). */
export type Trust = { keys: TrustedKeys; revoked: ReadonlySet<string> };

/** What a verifier trusts: its own key and the chamber's published keys, less the revoked ones. */
export function trustOf(own: Pick<CardKeys, 'kid' | 'publicKey'> | null, chamber: readonly CardKeyRow[]): Trust {
  const keys: TrustedKeys = own ? { [own.kid]: own.publicKey } : {};
  const revoked = new Set<string>();
  for (const k of chamber) {
    if (k.revokedAt) revoked.add(k.kid);
    else if (!keys[k.kid]) {
      try {
        keys[k.kid] = publicKeyFromRaw(k.publicKey);
      } catch {
        // A key that is not Ed25519 verifies nothing: left out, as if unknown.
      }
    }
  }
  return { keys, revoked };
}

/**
 * The chamber's card-signing keys on this kiosk: its own key registered with the registry,
 * the list the registry publishes kept in the store (so a card from another kiosk of the
 * chamber verifies offline too), and what "Vérifier une carte" trusts from them.
 */
export async function createCardKeyring({ db, own, client, log }: { db: WriteDb; own: CardKeys; client: RegistryClient; log: Logger }) {
  let trust = trustOf(own, await listCardKeys(db));

  return {
    trusted: (): Trust => trust,

    /**
     * Fetches the chamber's keys (registering this kiosk's own first if the registry does not
     * list it) and keeps them. Registry trouble is logged and leaves the last list in place:
     * the pull of the same run reports it to staff.
     */
    async sync(): Promise<void> {
      try {
        let keys = await client.cardKeys();
        if (!keys.some((k) => k.kid === own.kid)) {
          const mine = await client.registerCardKey(own.kid, rawPublicKey(own.publicKey));
          keys = [...keys.filter((k) => k.kid !== mine.kid), mine];
          log.info('card-key-registered', { kid: own.kid });
        }
        await db.transaction((tx) => replaceCardKeys(tx, keys));
        trust = trustOf(own, keys);
        if (trust.revoked.has(own.kid)) log.warn('own-card-key-revoked', { kid: own.kid });
      } catch (error) {
        if (!(error instanceof RegistryError)) throw error;
        log.warn('card-keys-sync-failed', { kind: error.kind, detail: error.message });
      }
    },
  };
}

export type CardKeyring = Awaited<ReturnType<typeof createCardKeyring>>;
