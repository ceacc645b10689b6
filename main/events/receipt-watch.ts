import type { Logger } from '../logging/logger.ts';
import type { ReceiptPrinterState } from '../shared/printers.ts';
import type { EventBus } from './events.ts';
import { type Watch, watchWhile } from './watch.ts';

export type ReceiptWatch = Watch & {
  /** The printer's last answer to the watch (null: none yet, or no receipt printer set). */
  state(): ReceiptPrinterState | null;
  /**
   * What the printers panel was shown by a read of its own (it opened, or re-read on an
   * event): the watch's next answer is compared with that. Else a panel read that disagreed (a
   * question timed out under load, so "offline") would stay on screen while the watch, its own
   * answer unchanged, had nothing to announce. Only for the printer set now.
   */
  heard(printer: string, state: ReceiptPrinterState): void;
};

/** Between two questions to a printer that does not answer, at most this long. */
export const RECEIPT_WATCH_MAX_BACKOFF_MS = 60_000;

/**
 * The thermal printer watched while the kiosk is idle. It is otherwise asked only when a ticket
 * is about to print: a roll that ran out, a cover left open or a printer switched off would be
 * found only once an artisan has paid. So the main process asks it every `everyMs` (three
 * one-byte questions, DLE EOT), never while a ticket or another question is on the line
 * (`ask` answers null then), and says `printer-state` for the receipt role when the answer
 * changes, for the console to read its printers again. A printer that does not answer is asked
 * less and less often (doubling, up to RECEIPT_WATCH_MAX_BACKOFF_MS): a connection attempt to
 * an absent host costs a timeout each time. It runs whether or not the console is open: the
 * console reads the printers when it opens, and the log keeps when the printer stopped. "Changes"
 * is against what the printers panel last showed, from the watch or from its own read (`heard`).
 */
export function createReceiptWatch({
  bus,
  printer,
  ask,
  everyMs = 5000,
  maxBackoffMs = RECEIPT_WATCH_MAX_BACKOFF_MS,
  log,
}: {
  bus: EventBus;
  /** The receipt printer's address as set now (staff may change it), or null. */
  printer: () => Promise<string | null>;
  /** Its state, or null when the line is busy (not asked: the next tick will). */
  ask: (printer: string) => Promise<ReceiptPrinterState> | null;
  everyMs?: number;
  maxBackoffMs?: number;
  log: Logger;
}): ReceiptWatch {
  let last: ReceiptPrinterState | null = null;
  let watched: string | null = null;
  let silentChecks = 0;
  let nextAt = 0;
  const watch = watchWhile({
    everyMs,
    log,
    active: () => Date.now() >= nextAt,
    check: async () => {
      const address = await printer();
      if (address !== watched) {
        // Another printer (or none): what was known of the old one says nothing of it.
        watched = address;
        last = null;
        silentChecks = 0;
        nextAt = 0;
      }
      if (address === null) return;
      const asked = ask(address);
      if (asked === null) return;
      const now = await asked;
      if (address !== watched) return;
      silentChecks = now === 'offline' ? silentChecks + 1 : 0;
      nextAt = silentChecks === 0 ? 0 : Date.now() + Math.min(everyMs * 2 ** silentChecks, maxBackoffMs);
      const changed = last !== null && now !== last;
      if (now !== last) log.info('receipt-printer-state', { state: now, was: last ?? 'unknown' });
      last = now;
      if (changed) bus.emit({ kind: 'printer-state', role: 'receipt' });
    },
  });
  return {
    state: () => last,
    stop: watch.stop,
    heard(printer, state) {
      // The panel read a printer set since the watch's last look: that one is watched from now.
      if (printer !== watched) {
        watched = printer;
        silentChecks = 0;
        nextAt = 0;
      }
      last = state;
      if (state !== 'offline') {
        silentChecks = 0;
        nextAt = 0;
      }
    },
  };
}
