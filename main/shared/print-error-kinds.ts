/**
 * Why a print did not happen, as a kind the staff console says in words (renderer/i18n
 * `print.error.*`). Raw spooler messages stay in the logs and the job's `error` column.
 * The store records these kinds (print_jobs, pvc_orders), the printing services raise them
 * (printing/print-errors.ts) and the console names them: the list lives here, with the views.
 */
export const PRINT_ERROR_KINDS = [
  // No printer is set for this role in the settings.
  'not-configured',
  // CUPS (or the Windows spooler) is stopped or not installed.
  'spooler-down',
  // The queue named in the settings does not exist.
  'no-such-printer',
  // The queue exists but refuses jobs (cupsreject, or the printer taken offline).
  'not-accepting',
  // The printer took the job and then stopped it (aborted, cancelled, out of cards).
  'aborted',
  // The thermal printer does not answer on the network.
  'receipt-offline',
  // The thermal printer said it has no paper before the ticket: nothing sent.
  'receipt-paper-out',
  // The roll ended in the middle of the ticket: the printer stopped with the rest in its buffer,
  // and an Epson prints that rest once a roll is loaded (the cut included). A ticket printed
  // again may then come out beside the end of the first: staff look before printing it again.
  'receipt-paper-out-mid-ticket',
  // The thermal printer said its cover is open.
  'receipt-cover-open',
  // The thermal printer said it stopped on an error (cutter jammed, head too hot) or is offline.
  'receipt-error',
  // The thermal printer closed the connection before saying the ticket was out: cut off.
  'receipt-interrupted',
  // Not a failure: the ticket was sent, and the printer says nothing of itself (or nothing the
  // kiosk can read), so whether it came out is unknown. Its job stays "sent" with this kind.
  'receipt-unconfirmed',
  // The kiosk stopped while handing this job over, and this spooler cannot say whether it
  // took it (Windows): staff look at the printer, then retry or hand the card over.
  'uncertain',
  // The printer was switched off (or unplugged) while it held the page, and forgot it: the
  // spooler saw no end to the job; staff look whether the page came out, and print it again.
  'printer-lost',
  // Staff cancelled it at the console while it waited (a printer switched off for good): the
  // spooler dropped it, so it will not come out when the printer comes back.
  'cancelled',
  'other',
] as const;

export type PrintErrorKind = (typeof PRINT_ERROR_KINDS)[number];
