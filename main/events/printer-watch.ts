import type { Logger } from '../logging/logger.ts';
import type { CardPrinterState } from '../shared/printers.ts';
import type { EventBus } from './events.ts';
import { type Watch, watchWhile } from './watch.ts';

/**
 * The card printer as the console sees it (whether a payment can be taken), and the office
 * printer (switched off with jobs waiting), without the console polling: a printer switched
 * off or CUPS stopped announces nothing, so while staff are at the console and someone
 * listens, the main process asks the spooler every `everyMs` and says `printer-state` when an
 * answer changes. The first answers after the console opens are the baseline (the console has
 * just read the overview): only changes are told.
 */
export function createPrinterWatch({
  bus,
  cardState,
  paperState = async () => 'not-configured',
  staffPresent,
  everyMs = 2000,
  log,
}: {
  bus: EventBus;
  cardState: () => Promise<CardPrinterState>;
  paperState?: () => Promise<CardPrinterState>;
  /** True while a staff member is logged in (the console is open). */
  staffPresent: () => boolean;
  everyMs?: number;
  log: Logger;
}): Watch {
  let last: { card: CardPrinterState; paper: CardPrinterState } | null = null;
  return watchWhile({
    everyMs,
    log,
    active: () => {
      const on = staffPresent() && bus.listeners() > 0;
      if (!on) last = null;
      return on;
    },
    check: async () => {
      const now = { card: await cardState(), paper: await paperState() };
      const was = last;
      last = now;
      if (was === null) return;
      for (const role of ['card', 'paper'] as const) if (now[role] !== was[role]) bus.emit({ kind: 'printer-state', role });
    },
  });
}
