import type { PrintRole } from './print-jobs.ts';

/**
 * How the spooler says a queue stands (CUPS, or the Windows spooler). `unreachable`: the queue
 * is "processing" for the spooler, but the printer does not answer (switched off, unplugged):
 * its jobs wait, nothing prints.
 */
export type QueueState = 'ready' | 'printing' | 'paused' | 'not-accepting' | 'unreachable';

/**
 * How the thermal printer says it stands when asked (ESC/POS real-time status). `no-status`:
 * it takes bytes on its port but says nothing of itself (some cheap ones, or something else
 * listening there), so whether a ticket came out cannot be known.
 */
export const RECEIPT_PRINTER_STATES = ['ready', 'paper-near-end', 'paper-out', 'cover-open', 'printer-error', 'offline', 'no-status'] as const;
export type ReceiptPrinterState = (typeof RECEIPT_PRINTER_STATES)[number];

/** A receipt printer known not to print now: the console says what to do, and a payment waits for staff to choose. */
export const RECEIPT_BLOCKED_STATES = ['paper-out', 'cover-open', 'printer-error'] as const satisfies readonly ReceiptPrinterState[];
export type ReceiptBlockedState = (typeof RECEIPT_BLOCKED_STATES)[number];

export function isReceiptBlocked(state: PrinterState): state is ReceiptBlockedState {
  return (RECEIPT_BLOCKED_STATES as readonly PrinterState[]).includes(state);
}

/** How a printer stands, as the console says it in words (renderer/i18n `printer.state.*`). */
export type PrinterState = QueueState | ReceiptPrinterState | 'not-configured' | 'spooler-down' | 'no-such-printer' | 'unknown';
export type PrinterStatus = {
  role: PrintRole;
  printer: string | null;
  state: PrinterState;
  /** With `unreachable`: how many jobs wait for the printer in its queue (when the spooler can say). */
  waiting?: number;
};

/** The states a card (or paper) printer can be in: what the spooler says, never what a thermal printer says of its roll. */
export type CardPrinterState = Exclude<PrinterState, Exclude<ReceiptPrinterState, 'ready' | 'offline'>>;

/** The states in which a card printer takes a job and prints it: the only ones a payment is taken in. */
export const PRINTER_READY_STATES = ['ready', 'printing'] as const satisfies readonly CardPrinterState[];

/** A state in which a card printer would not print a paid card now: the console says which. */
export type PrinterBlockedState = Exclude<CardPrinterState, (typeof PRINTER_READY_STATES)[number]>;

export function isPrinterReady(state: CardPrinterState): state is (typeof PRINTER_READY_STATES)[number] {
  return (PRINTER_READY_STATES as readonly CardPrinterState[]).includes(state);
}
