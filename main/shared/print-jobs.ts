import type { PrintErrorKind } from './print-error-kinds.ts';

/** The desk's three printers, by what they print: PVC cards, A4 sheets, thermal tickets. */
export const PRINT_ROLES = ['card', 'paper', 'receipt'] as const;
export type PrintRole = (typeof PRINT_ROLES)[number];

/** Where a print job stands, from recorded to completed or failed. */
export const PRINT_STATUSES = ['recorded', 'sent', 'printing', 'completed', 'failed'] as const;
export type PrintStatus = (typeof PRINT_STATUSES)[number];

/** A print job as the console shows it (the store maps its rows to this). */
export type PrintJob = {
  id: number;
  role: PrintRole;
  printer: string;
  document: string;
  status: PrintStatus;
  attempts: number;
  spoolerId: string | null;
  error: string | null;
  errorKind: PrintErrorKind | null;
  /** When the kiosk began handing it to the spooler (null: never tried). */
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/**
 * What staff cancelling a waiting job at the console did: cancelled at the spooler (it will not
 * come out), or nothing to cancel because it had ended (printed, or failed) a moment before.
 */
export type PrintCancelled = { outcome: 'cancelled' | 'ended'; job: PrintJob };
