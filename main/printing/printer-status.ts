import type { Logger } from '../logging/logger.ts';
import type { PrinterSettings } from '../settings/printer-settings.ts';
import { PRINT_ROLES } from '../settings/printer-settings.ts';
import type { PrintRole } from '../store/print-jobs-repo.ts';
import type { QueueState } from './cups.ts';
import { PrintError } from './print-errors.ts';
import { receiptPrinterReachable } from './receipt.ts';
import type { Spooler } from './spooler.ts';

/** How a printer stands, as the console says it in words (renderer/i18n `printer.state.*`). */
export type PrinterState = QueueState | 'offline' | 'not-configured' | 'spooler-down' | 'no-such-printer' | 'unknown';
export type PrinterStatus = { role: PrintRole; printer: string | null; state: PrinterState };

/** The states in which a card printer takes a job and prints it: the only ones a payment is taken in. */
export const PRINTER_READY_STATES = ['ready', 'printing'] as const satisfies readonly PrinterState[];

/** A state in which a card printer would not print a paid card now: the console says which. */
export type PrinterBlockedState = Exclude<PrinterState, (typeof PRINTER_READY_STATES)[number]>;

export function isPrinterReady(state: PrinterState): state is (typeof PRINTER_READY_STATES)[number] {
  return (PRINTER_READY_STATES as readonly PrinterState[]).includes(state);
}

/**
 * How the spooler says a queue stands, its failures turned into states (a stopped CUPS is a
 * state, not an error). A failure the console can only call "unknown" is logged with its kind:
 * a spooler answer not understood as a warning, a bug (not a PrintError) as an error.
 */
async function queueStateOf(printer: string, spooler: Spooler, log: Logger): Promise<PrinterState> {
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
export async function cardPrinterState(settings: PrinterSettings, spooler: Spooler, log: Logger): Promise<PrinterState> {
  return settings.card ? queueStateOf(settings.card, spooler, log) : 'not-configured';
}

/** Each role's printer and its state: the spooler for card and paper, a TCP knock for the receipt printer. */
export async function printerStatuses(settings: PrinterSettings, spooler: Spooler, log: Logger): Promise<PrinterStatus[]> {
  return Promise.all(
    PRINT_ROLES.map(async (role): Promise<PrinterStatus> => {
      const printer = settings[role];
      if (!printer) return { role, printer, state: 'not-configured' };
      if (role === 'receipt') return { role, printer, state: (await receiptPrinterReachable(printer)) ? 'ready' : 'offline' };
      return { role, printer, state: await queueStateOf(printer, spooler, log) };
    }),
  );
}
