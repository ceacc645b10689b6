import type { Logger } from '../logging/logger.ts';
import type { CardPrinterState } from '../shared/printers.ts';
import type { EventBus } from './events.ts';
import { type Watch, watchWhile } from './watch.ts';

/**
 * The card printer as the console sees it (whether a payment can be taken), without the
 * console polling: a printer switched off or CUPS stopped announces nothing, so while staff
 * are at the console and someone listens, the main process asks the spooler every `everyMs`
 * and says `printer-state` when the answer changes. The first answer after the console opens
 * is the baseline (the console has just read the overview): only changes are told.
 */
export function createPrinterWatch({
  bus,
  cardState,
  staffPresent,
  everyMs = 2000,
  log,
}: {
  bus: EventBus;
  cardState: () => Promise<CardPrinterState>;
  /** True while a staff member is logged in (the console is open). */
  staffPresent: () => boolean;
  everyMs?: number;
  log: Logger;
}): Watch {
  let last: CardPrinterState | null = null;
  return watchWhile({
    everyMs,
    log,
    active: () => {
      const on = staffPresent() && bus.listeners() > 0;
      if (!on) last = null;
      return on;
    },
    check: async () => {
      const now = await cardState();
      const changed = last !== null && now !== last;
      last = now;
      if (changed) bus.emit({ kind: 'printer-state', role: 'card' });
    },
  });
}
