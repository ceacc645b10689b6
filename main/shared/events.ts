import type { PrintRole } from './print-jobs.ts';
import type { SyncStatus } from './sync.ts';

/**
 * What the core tells the screens without being asked. An event names what changed (a kind,
 * ids), never a person's data: a screen that cares reads it again through the contract's
 * calls, with their checks. The contract's `events` table (main/api/contract.ts) validates
 * each one before it leaves the main process.
 */
export type KioskEvent =
  /** The sync engine changed state or made progress (a page applied, the outbox emptied). */
  | { kind: 'sync-status'; state: SyncStatus['state'] }
  /** The pending activation of this visit's artisan was confirmed (the link was followed). */
  | { kind: 'mail-confirmed' }
  /** While this visit waited for its link, the registry answered what the kiosk does not believe of the account. */
  | { kind: 'account-untrusted' }
  /** A PVC order moved (created, paid, printed, failed, refunded, handed over…) or a print job changed state. */
  | { kind: 'orders-changed'; orderId: number | null; jobId: number | null }
  /** A printer of this role now stands otherwise (as the spooler answers), or staff set another one for it. */
  | { kind: 'printer-state'; role: PrintRole }
  /** Identification on this kiosk was paused (too many wrong dates) or resumed by staff. */
  | { kind: 'identification-paused'; paused: boolean };

export type EventKind = KioskEvent['kind'];
