import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Whether a request's Authorization header carries the admin token. Both sides are hashed
 * first, so the comparison is always of two 32-byte digests in constant time: neither how many
 * characters match nor how long the token is shows in the time of the answer.
 */
export function hasAdminToken(authorization: string | undefined, adminToken: string | undefined): boolean {
  // Without a configured token the admin endpoints are off; there is no secret to leak.
  if (!adminToken) return false;
  return timingSafeEqual(digest(authorization ?? ''), digest(`Bearer ${adminToken}`));
}
