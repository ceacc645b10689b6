import { errorKind, errorWhere, type Logger } from '../logging/logger.ts';
import type { SyncStatus } from '../registry/sync-status.ts';
import type { PrintRole } from '../store/print-jobs-repo.ts';

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
  /** A PVC order moved (created, paid, printed, failed, refunded, handed over…) or a print job changed state. */
  | { kind: 'orders-changed'; orderId: number | null; jobId: number | null }
  /** A printer of this role now stands otherwise (as the spooler answers). */
  | { kind: 'printer-state'; role: PrintRole };

export type EventKind = KioskEvent['kind'];
export type EventListener = (event: KioskEvent) => void;

export type EventBus = {
  emit(event: KioskEvent): void;
  /** Returns the function that stops listening. */
  subscribe(listener: EventListener): () => void;
  /** How many listen now: a check the main process makes on a timer runs only while someone hears its answer. */
  listeners(): number;
};

/**
 * The core's one event bus. Emitting never throws into the service that emits (a state change
 * is done by then): a listener that fails (a window gone, a stream closed) is logged and the
 * others still hear the event.
 */
export function createEventBus(log: Logger): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          log.error('event-listener-failed', { about: event.kind, kind: errorKind(error), where: errorWhere(error) });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    listeners: () => listeners.size,
  };
}
