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
 * What became of an issuance: the print job's state, the e-mail sent (the registry took it) or
 * queued (the outbox keeps it), the PVC order; for an e-mail, the address masked when known.
 */
export type IssuanceResult =
  | { delivery: 'paper'; status: 'sent' | 'completed' | 'failed' }
  | { delivery: 'email'; status: 'sent' | 'queued'; maskedEmail?: string }
  | { delivery: 'pvc'; status: 'sent' | 'failed' | 'already'; orderNumber: string }
  /**
   * Nothing charged: the card printer would not print the card now (`printer` says why). Asked
   * before an order is made, so `orderNumber` is null, unless the printer stopped in between:
   * then the order made waits for its payment under "Commandes".
   */
  | { delivery: 'pvc'; status: 'refused'; printer: PrinterBlockedState; orderNumber: string | null };

/**
 * Where an e-mailed card would go, said to staff before anything is sent: the account's
 * address as the registry has it (masked: the public walks past the desk); or, while the
 * registry does not answer, only that the local copy knows an active account (the card then
 * waits in the outbox); or why it cannot go by e-mail at all.
 */
export type EmailTarget =
  | { kind: 'account'; maskedEmail: string }
  | { kind: 'unconfirmed' }
  | { kind: 'refused'; reason: 'no-account' | 'pending' | 'no-address' };
