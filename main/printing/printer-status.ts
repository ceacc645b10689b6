import type { Logger } from '../logging/logger.ts';
import type { PrinterSettings } from '../settings/printer-settings.ts';
import { PRINT_ROLES } from '../shared/print-jobs.ts';
import type { CardPrinterState, PrinterStatus } from '../shared/printers.ts';
import { askReceiptPrinter, type ReceiptTimeouts } from './escpos-link.ts';
import { PrintError } from './print-errors.ts';
import type { Spooler } from './spooler.ts';

/**
 * How the spooler says a queue stands, its failures turned into states (a stopped CUPS is a
 * state, not an error). A failure the console can only call "unknown" is logged with its kind:
 * a spooler answer not understood as a warning, a bug (not a PrintError) as an error.
 */
async function queueStateOf(printer: string, spooler: Spooler, log: Logger): Promise<CardPrinterState> {
  try {
    return await spooler.queueState(printer);
  } catch (error) {
    if (!(error instanceof PrintError)) {
      log.error('printer-state-failed', { kind: error instanceof Error ? error.name : typeof error });
      return 'unknown';
    }
    if (error.kind === 'spooler-down' || error.kind === 'no-such-printer') return error.kind;
    log.warn('printer-state-unknown', { kind: error.kind });
    return 'unknown';
  }
}

/** The card printer as it stands now, asked of the spooler (not remembered from the last job). */
export async function cardPrinterState(settings: PrinterSettings, spooler: Spooler, log: Logger): Promise<CardPrinterState> {
  return settings.card ? queueStateOf(settings.card, spooler, log) : 'not-configured';
}

/** The office printer as it stands now, asked of the spooler. */
export async function paperPrinterState(settings: PrinterSettings, spooler: Spooler, log: Logger): Promise<CardPrinterState> {
  return settings.paper ? queueStateOf(settings.paper, spooler, log) : 'not-configured';
}

/** Each role's printer and its state: the spooler for card and paper, the printer itself for receipts. */
export async function printerStatuses(settings: PrinterSettings, spooler: Spooler, log: Logger, timeouts?: ReceiptTimeouts): Promise<PrinterStatus[]> {
  return Promise.all(
    PRINT_ROLES.map(async (role): Promise<PrinterStatus> => {
      const printer = settings[role];
      if (!printer) return { role, printer, state: 'not-configured' };
      if (role === 'receipt') return { role, printer, state: await askReceiptPrinter(printer, timeouts) };
      const state = await queueStateOf(printer, spooler, log);
      if (state !== 'unreachable' || !spooler.waitingJobs) return { role, printer, state };
      const waiting = await spooler.waitingJobs(printer).catch((error: unknown) => {
        log.warn('printer-jobs-unknown', { kind: error instanceof PrintError ? error.kind : 'other' });
        return null;
      });
      return waiting === null ? { role, printer, state } : { role, printer, state, waiting };
    }),
  );
}
