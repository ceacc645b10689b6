/**
 * The one-time link a phone follows to download a card (POST /v1/cards/links) goes on screen
 * as a QR code, so the kiosk vouches for it: a registry that answers nonsense (or a host that
 * answers in its place) must not send an artisan's phone elsewhere.
 */

/**
 * The reference registry's links live 15 minutes (the API's description of createCardLink).
 * An hour leaves room for another registry's choice and for clock drift, not for a link that
 * lives for days.
 */
export const MAX_CARD_LINK_LIFETIME_MS = 60 * 60_000;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Why the kiosk does not believe this link (an English reason for the log, never the URL,
 * which holds the token), or null when it may be shown: on the registry's own origin, over
 * https (plain http only for a registry on this machine, the embedded demo's), expiring after
 * `now` and within MAX_CARD_LINK_LIFETIME_MS.
 */
export function cardLinkProblem(link: { url: string; expiresAt: string }, registryUrl: string, now: Date): string | null {
  let url: URL;
  try {
    url = new URL(link.url);
  } catch {
    return 'the card link is not a URL';
  }
  if (url.origin !== new URL(registryUrl).origin) return 'the card link is not on the registry’s own address';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return 'the card link is not https';
  // An instant with its zone, as the API writes it: a bare date or local time is ambiguous.
  const expires = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(link.expiresAt) ? Date.parse(link.expiresAt) : Number.NaN;
  if (Number.isNaN(expires)) return 'the card link’s expiry is not an instant';
  if (expires <= now.getTime()) return 'the card link has already expired';
  if (expires > now.getTime() + MAX_CARD_LINK_LIFETIME_MS) return 'the card link expires too far ahead';
  return null;
}
