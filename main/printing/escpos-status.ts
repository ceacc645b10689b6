import type { ReceiptPrinterState } from '../shared/printers.ts';

/**
 * The printer's own answers about itself, in ESC/POS (Epson's ESC/POS command reference,
 * "DLE EOT n: transmit real-time status" and "GS r n: transmit status"). A byte count is no
 * proof that anything came out: these are.
 *
 * DLE EOT n is real-time: the printer answers at once, even offline, out of paper or with its
 * buffer full, which is what lets the kiosk ask before sending a ticket and while one prints.
 * GS r 1 is not: it waits its turn in the buffer, so its answer comes once the ticket before it
 * has been printed and cut; that answer is the only "printed" the kiosk believes.
 */
export const ASK_PRINTER = Buffer.from([0x10, 0x04, 1]);
export const ASK_OFFLINE_CAUSE = Buffer.from([0x10, 0x04, 2]);
export const ASK_PAPER = Buffer.from([0x10, 0x04, 4]);
export const ASK_AFTER_TICKET = Buffer.from([0x1d, 0x72, 1]);

/** A DLE EOT answer: bits 0 and 7 always 0, bits 1 and 4 always 1. Anything else is not one. */
export function isRealTimeStatus(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

/** A GS r 1 answer: bits 4 to 7 always 0 (so never taken for a DLE EOT answer, whose bit 4 is 1). */
export function isQueuedStatus(byte: number): boolean {
  return (byte & 0xf0) === 0;
}

/** What the three real-time answers say, each reading kept (several can hold at once). */
export type ReceiptCondition = {
  /** DLE EOT 1, bit 3. */
  offline: boolean;
  /** DLE EOT 2, bit 2. */
  coverOpen: boolean;
  /** DLE EOT 2, bit 5 (printing stopped at paper end), or DLE EOT 4, bits 5 and 6 (roll end sensor). */
  paperOut: boolean;
  /** DLE EOT 4, bits 2 and 3 (roll near-end sensor). */
  paperNearEnd: boolean;
  /** DLE EOT 2, bit 6 (a cutter jam, the head too hot: the printer stopped on an error). */
  error: boolean;
};

export function conditionOf(printer: number, offlineCause: number, paper: number): ReceiptCondition {
  return {
    offline: (printer & 0x08) !== 0,
    coverOpen: (offlineCause & 0x04) !== 0,
    paperOut: (offlineCause & 0x20) !== 0 || (paper & 0x60) === 0x60,
    paperNearEnd: (paper & 0x0c) === 0x0c,
    error: (offlineCause & 0x40) !== 0,
  };
}

/**
 * One state for the console, the most useful to act on first: a closed cover is needed before
 * paper can be loaded, and paper before an error can be told from its consequence.
 */
export function stateOf(c: ReceiptCondition): ReceiptPrinterState {
  if (c.coverOpen) return 'cover-open';
  if (c.paperOut) return 'paper-out';
  if (c.error) return 'printer-error';
  // Offline with none of the causes above: the paper feed button held, or a cause this printer
  // does not report. It prints nothing now.
  if (c.offline) return 'printer-error';
  return c.paperNearEnd ? 'paper-near-end' : 'ready';
}
