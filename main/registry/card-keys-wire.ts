import { z } from 'zod';

/**
 * The chamber's card-signing public keys, as the registry publishes them: each kiosk
 * registers its own (PUT /v1/card-keys/{kid}), everyone may read the list (GET
 * /v1/card-keys), so a card from any kiosk of the chamber verifies at every other, and on a
 * phone. A key id is the first 8 bytes of the SHA-256 of the key's SPKI DER, in hex.
 */
export const cardKidSchema = z.string().regex(/^[0-9a-f]{16}$/);

/** Ed25519 public key, the raw 32 bytes in base64url (43 characters, no padding). */
export const rawEd25519Schema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const cardKeySchema = z.object({
  kid: cardKidSchema,
  publicKey: rawEd25519Schema,
  /** When the registry first heard of the key (ISO 8601). */
  notBefore: z.string().max(40),
  /** When the chamber withdrew it (ISO 8601): every card it signed is refused from then on. */
  revokedAt: z.string().max(40).nullable(),
});
export type CardKey = z.infer<typeof cardKeySchema>;

export const cardKeysSchema = z.object({ keys: z.array(cardKeySchema).max(10_000) });
export const cardKeyRegistrationSchema = z.object({ publicKey: rawEd25519Schema });
