import type { PrintErrorKind } from '../shared/print-error-kinds.ts';

// The kinds live with the store, which records them; printing code and tests take them here.
export { PRINT_ERROR_KINDS, type PrintErrorKind } from '../shared/print-error-kinds.ts';

export class PrintError extends Error {
  override name = 'PrintError';
  constructor(
    readonly kind: PrintErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** The kind of a CUPS command's failure, from what it printed. */
export function spoolerErrorKind(text: string, code?: string): PrintErrorKind {
  if (code === 'ENOENT') return 'spooler-down';
  if (/scheduler|not responding|connection refused|No such file or directory/i.test(text)) return 'spooler-down';
  if (/does not exist|unknown destination|invalid destination/i.test(text)) return 'no-such-printer';
  if (/not accepting/i.test(text)) return 'not-accepting';
  return 'other';
}
