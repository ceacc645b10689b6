import type { AccountStatusWire } from '../registry/accounts-wire.ts';
import { normaliseEmail } from '../shared/rules/email.ts';

/**
 * Why the registry's word on this visit's account is no longer taken (logged for the chamber's
 * IT, never shown): an answer that does not match the API; an activation not answered
 * "pending"; an address other than the one the link went to (or the one typed); a status that
 * went back (confirmation is for good, and a pending activation does not vanish); "an account
 * exists" while the status says there is none.
 */
export type Distrust = 'malformed' | 'not-pending' | 'other-address' | 'went-back' | 'exists-without-account';

/**
 * What the registry said of the account in this visit, so that it is held to its word: the
 * address the activation link went to (as typed, or as the registry named it for a pending
 * activation found again), the furthest status heard, and why it is no longer believed.
 * In memory, in the session: gone with the visit.
 */
export type AccountHeard = {
  linkTo: string | null;
  status: AccountStatusWire['status'] | null;
  distrust: Distrust | null;
};

export const NOTHING_HEARD: AccountHeard = { linkTo: null, status: null, distrust: null };

const RANK = { none: 0, pending: 1, active: 2 } as const;

/** Two addresses as the kiosk compares them (the registry may write case or spaces its way). */
export const sameAddress = (a: string | null, b: string | null): boolean => a !== null && b !== null && normaliseEmail(a) === normaliseEmail(b);

/**
 * One status answer against what the visit heard before: the reason not to believe it, or null
 * with what the visit now knows. Only the registry sees a link followed, so a coherent
 * "pending, then active for the address the link went to" is believed; anything else is not.
 */
export function judgeStatus(heard: AccountHeard, answer: AccountStatusWire): { distrust: Distrust } | { heard: AccountHeard } {
  if (heard.distrust) return { distrust: heard.distrust };
  if (answer.status === 'active' && heard.linkTo !== null && !sameAddress(answer.email, heard.linkTo)) return { distrust: 'other-address' };
  if (heard.status !== null && RANK[answer.status] < RANK[heard.status]) return { distrust: 'went-back' };
  const linkTo = heard.linkTo ?? (answer.status === 'pending' && answer.email !== null ? normaliseEmail(answer.email) : null);
  return { heard: { linkTo, status: answer.status, distrust: null } };
}
