import { randomUUID } from 'node:crypto';
import type { Logger } from '../logging/logger.ts';
import type { AccountStatusWire } from '../registry/accounts-wire.ts';
import { isEmail, normaliseEmail } from '../shared/rules/email.ts';
import { maskEmail } from '../shared/rules/email-mask.ts';
import type { EmailRefusal, EmailTarget } from '../shared/staff.ts';
import { type AccountHeard, type Distrust, judgeStatus, NOTHING_HEARD, sameAddress } from './account-trust.ts';

/**
 * The registry asked for an account's status: its answer as the API shapes it, an answer off
 * the API (a field missing, an unknown word, not JSON), or no answer (offline, busy, refused).
 */
export type AccountAnswer = { kind: 'answer'; status: AccountStatusWire } | { kind: 'malformed' } | { kind: 'unreachable' };

/** Where a card may go by e-mail: the address (whole, for the registry), or why nothing goes. */
export type MailVerdict = { email: string } | { refused: EmailRefusal };

/** What staff were shown: the target, and the id of this showing when it named an address. */
export type Showing =
  | { target: Extract<EmailTarget, { kind: 'account' }>; showing: string }
  | { target: Extract<EmailTarget, { kind: 'refused' }>; showing: null };

// Showings kept for one card: enough for a few consoles asking in turn, never a growing list.
const SHOWINGS_KEPT = 8;

/**
 * A card about to go by e-mail from the desk (an issuance, a PVC order that could not print):
 * the account's address is asked of the registry live, shown masked to staff who say it to the
 * artisan, then asked again at the moment of sending, and the card goes only to the address
 * shown (the `card-issuance` operation carries it, and the registry sends only there). The
 * registry is held to what it said for this card (account-trust.ts): once not believed, nothing
 * goes by e-mail for it. In memory only: gone with the card.
 *
 * `alive`: whether the card still waits when the registry answers (an issuance ended, an order
 * closed meanwhile): an answer that comes too late is not heard.
 */
export function createCardMailCheck({
  rmNumber,
  account,
  log,
  where,
}: {
  rmNumber: string;
  account: (rmNumber: string) => Promise<AccountAnswer>;
  log: Logger;
  /** For IT's log: which desk path distrusted the registry. */
  where: string;
}) {
  let heard: AccountHeard = NOTHING_HEARD;
  /** The addresses shown, by showing id (one per showing: two consoles may each have shown one). */
  const shown = new Map<string, string>();

  function distrust(reason: Distrust): 'untrusted' {
    if (heard.distrust === null) log.warn('account-answer-untrusted', { reason, where });
    heard = { ...heard, distrust: reason };
    return 'untrusted';
  }

  /**
   * The account as the registry has it now, held to what it said before for this card: the
   * address of an active account (checked to be an address), or why no card goes by e-mail.
   * Only a live answer the kiosk believes names an address: with the registry away nothing can
   * be shown to the artisan, so nothing is sent (the local copy knows no address, and a status
   * it holds may be minutes old). `was`: the address the artisan was shown, which this answer
   * must name again (else `changed`: shown anew before anything goes).
   */
  async function hear(was: string | null, alive: () => boolean): Promise<MailVerdict> {
    if (heard.distrust) return { refused: 'untrusted' };
    const asked = await account(rmNumber);
    if (!alive()) return { refused: 'unreachable' };
    if (asked.kind === 'unreachable') return { refused: 'unreachable' };
    if (asked.kind === 'malformed') return { refused: distrust('malformed') };
    const answer = asked.status;
    // "Active" for something that is not an address is an answer off the API, not "no address".
    if (answer.email !== null && !isEmail(normaliseEmail(answer.email))) return { refused: distrust('malformed') };
    // Confirmation is for good: held to the furthest status heard (an address change is judged below).
    const judged = judgeStatus({ ...heard, linkTo: null }, answer);
    if ('distrust' in judged) return { refused: distrust(judged.distrust) };
    heard = { ...heard, status: answer.status };
    if (answer.status !== 'active') return { refused: answer.status === 'pending' ? 'pending' : 'no-account' };
    if (answer.email === null) return { refused: 'no-address' };
    if (was !== null && !sameAddress(answer.email, was)) {
      log.info('card-mail-address-changed', { where });
      return { refused: 'changed' };
    }
    return { email: normaliseEmail(answer.email) };
  }

  return {
    /** Where the card would go, to show staff (masked) before anything is sent; a new showing id when an address is shown. */
    async target(alive: () => boolean = () => true): Promise<Showing> {
      const verdict = await hear(null, alive);
      if ('refused' in verdict) {
        // Only what hearing an account can say; `changed` and `not-shown` belong to sending.
        const reason = verdict.refused === 'changed' || verdict.refused === 'not-shown' ? 'unreachable' : verdict.refused;
        return { target: { kind: 'refused', reason }, showing: null };
      }
      const id = randomUUID();
      shown.set(id, verdict.email);
      for (const old of shown.keys()) if (shown.size > SHOWINGS_KEPT) shown.delete(old);
      return { target: { kind: 'account', maskedEmail: maskEmail(verdict.email) }, showing: id };
    },

    /**
     * At the moment of sending: the address of showing `showing`, if the registry, asked again
     * now, still names it for an active account it is believed about; else why nothing goes. A
     * showing answered `changed` is spent: the new address must be shown before anything goes.
     */
    async beforeSending(showing: string | null, alive: () => boolean = () => true): Promise<MailVerdict> {
      const was = showing === null ? undefined : shown.get(showing);
      if (was === undefined) return { refused: heard.distrust ? 'untrusted' : 'not-shown' };
      const verdict = await hear(was, alive);
      if ('refused' in verdict && verdict.refused === 'changed' && showing !== null) shown.delete(showing);
      return verdict;
    },
  };
}

export type CardMailCheck = ReturnType<typeof createCardMailCheck>;
