import type { PrintRole } from './print-jobs.ts';

/** How the spooler says a queue stands (CUPS, or the Windows spooler). */
export type QueueState = 'ready' | 'printing' | 'paused' | 'not-accepting';

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
