import { createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import type { VerifyResult } from '../shared/card.ts';

/**
 * The token in a card's QR code: who holds the card, for which year, signed with Ed25519 by
 * the kiosk's card key, its key id included. Compact (about 200 characters, a QR of version
 * 9 or so) and verifiable offline by anyone with the public key.
 *   CMA1.<payload, base64url JSON>.<signature, base64url>
 */
export type CardClaims = {
  /** Key id of the signing key. */
  k: string;
  /** Normalised RM number. */
  r: string;
  /** Holder's name as printed. */
  n: string;
  /** Year of the card. */
  y: number;
  /** Last day of validity, ISO date. */
  e: string;
};

const PREFIX = 'CMA1';

/**
 * What a card's QR code holds: the chamber's verification page with the token in the
 * fragment (a phone's browser never sends the fragment to a server), or, with no page to
 * point at, the bare token.
 */
export function cardQrText(token: string, verifyUrl: string | null | undefined): string {
  return verifyUrl ? `${verifyUrl.replace(/#.*$/, '')}#${token}` : token;
}

/**
 * The token in what a QR code or a person gave: a verification URL (its fragment) or the
 * bare token. Anything else comes back as it is, for the verifier to call malformed.
 */
export function tokenFromScan(text: string): string {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return trimmed;
  const hash = trimmed.indexOf('#');
  if (hash < 0) return trimmed;
  const fragment = trimmed.slice(hash + 1);
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

export function signCardToken(claims: CardClaims, privateKey: KeyObject): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = sign(null, Buffer.from(`${PREFIX}.${payload}`), privateKey).toString('base64url');
  return `${PREFIX}.${payload}.${signature}`;
}

/** Public keys a verifier trusts, by key id (PEM or KeyObject). */
export type TrustedKeys = Record<string, string | KeyObject>;

/**
 * Checks a token (or a verification URL holding one) against the keys a verifier trusts;
 * a key in `revoked` (the chamber withdrew it) makes every card it signed invalid.
 */
export function verifyCardToken(scanned: string, keys: TrustedKeys, today: string, revoked: ReadonlySet<string> = new Set()): VerifyResult {
  const parts = tokenFromScan(scanned).split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return { ok: false, reason: 'malformed' };
  const [, payload = '', signature = ''] = parts;
  let claims: CardClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as CardClaims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (
    typeof claims?.k !== 'string' ||
    typeof claims.r !== 'string' ||
    typeof claims.n !== 'string' ||
    typeof claims.y !== 'number' ||
    typeof claims.e !== 'string'
  ) {
    return { ok: false, reason: 'malformed' };
  }
  if (revoked.has(claims.k)) return { ok: false, reason: 'revoked-key' };
  const key = keys[claims.k];
  if (!key) return { ok: false, reason: 'unknown-key' };
  let good = false;
  try {
    const publicKey = typeof key === 'string' ? createPublicKey(key) : key;
    good = verify(null, Buffer.from(`${PREFIX}.${payload}`), publicKey, Buffer.from(signature, 'base64url'));
  } catch {
    // A signature of the wrong length, or a key that is not Ed25519: not a valid signature.
  }
  if (!good) return { ok: false, reason: 'bad-signature' };
  if (claims.e < today) return { ok: false, reason: 'expired' };
  return { ok: true, holder: claims.n, rmNumber: claims.r, year: claims.y, validUntil: claims.e, kid: claims.k };
}

/**
 * The year a card issued today is for: the new year's card comes from mid-February
 * (shared/domain), so on 10 February 2027 the card is still 2026's.
 */
export function cardYear(today: string): number {
  const [y = 0, m = 1, d = 1] = today.split('-').map(Number);
  return m < 2 || (m === 2 && d < 15) ? y - 1 : y;
}

/** Last day of validity of a year's card: the end of February of the next year. */
export function validUntil(year: number): string {
  const leap = (year + 1) % 4 === 0 && ((year + 1) % 100 !== 0 || (year + 1) % 400 === 0);
  return `${year + 1}-02-${leap ? 29 : 28}`;
}
