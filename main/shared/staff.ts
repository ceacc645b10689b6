import type { AccountStatus } from './artisan.ts';
import type { PrinterBlockedState } from './printers.ts';

/** A member of the desk's staff, by name (never a PIN). */
export type StaffMember = { id: number; name: string; createdAt: string };

/** Whether staff exist (else the first PIN is to be set), who is logged in, until when the PIN is locked. */
export type StaffState = { configured: boolean; member: { id: number; name: string } | null; lockedUntil: string | null };

/** One line of the console's search: enough to recognise a person against an ID document. */
export type SearchHit = {
  rmNumber: string;
  firstNames: string;
  lastName: string;
  companyName: string | null;
  city: string;
  radiated: boolean;
  accountStatus: AccountStatus;
};

/** The identity documents staff may check; only the kind is recorded, never a number or an image. */
export const ID_DOCUMENTS = ['carte-identite', 'passeport', 'titre-sejour', 'permis-conduire'] as const;
export type IdDocument = (typeof ID_DOCUMENTS)[number];

/**
 * Why a card cannot go by e-mail (before sending, or at the moment of sending): no account,
 * pending, active without an address; the registry not answering (the address cannot be shown,
 * so nothing leaves); the registry's answers on the account not believed (off the API, or a
 * status that went back); asked again at sending, an address other than the one the artisan was
 * shown (`changed`: show it again); sending asked before any address was shown (`not-shown`).
 */
export const EMAIL_REFUSALS = ['no-account', 'pending', 'no-address', 'unreachable', 'untrusted', 'changed', 'not-shown'] as const;
export type EmailRefusal = (typeof EMAIL_REFUSALS)[number];

/**
 * What became of an issuance: the print job's state, the e-mail sent (the registry took it) or
 * queued (the outbox keeps it, for the address shown), or refused with the reason (nothing
 * sent, nothing queued); the PVC order. For an e-mail, the address masked.
 */
export type IssuanceResult =
  | { delivery: 'paper'; status: 'sent' | 'completed' | 'failed' }
  | { delivery: 'email'; status: 'sent' | 'queued'; maskedEmail: string }
  | { delivery: 'email'; status: 'refused'; reason: EmailRefusal }
  | { delivery: 'pvc'; status: 'sent' | 'failed' | 'already'; orderNumber: string }
  /**
   * Nothing charged: the card printer would not print the card now (`printer` says why). Asked
   * before an order is made, so `orderNumber` is null, unless the printer stopped in between:
   * then the order made waits for its payment under "Commandes".
   */
  | { delivery: 'pvc'; status: 'refused'; printer: PrinterBlockedState; orderNumber: string | null };

/**
 * Where an e-mailed card would go, said to staff before anything is sent: the account's
 * address as the registry has it now (masked: the public walks past the desk; enough for the
 * artisan to recognise it as theirs), or why it cannot go by e-mail at all. Only an answer of
 * the registry the kiosk believes names an address: never the local copy's word alone.
 */
export type EmailTarget = { kind: 'account'; maskedEmail: string } | { kind: 'refused'; reason: Exclude<EmailRefusal, 'changed' | 'not-shown'> };

/**
 * Where the card of a PVC order that could not be printed would go by e-mail (as `EmailTarget`),
 * with the id of this showing when an address is shown: sending names it, so the card goes only
 * to the address this console showed (another console may have shown another since).
 */
export type OrderEmailTarget = (Extract<EmailTarget, { kind: 'account' }> & { showing: string }) | Extract<EmailTarget, { kind: 'refused' }>;
