import type { PrintJob } from '../../../main/shared/print-jobs.ts';
import type { Translate } from '../../i18n/index.tsx';

/**
 * A print job's state in words for staff. A job that failed says why; a job handed to the
 * spooler whose spooler could not be asked since says "state unknown" and why (not "waiting
 * for the printer", which it may not be): the core keeps it sent, with the reason in
 * `errorKind`, until the spooler answers again.
 */
export function jobStatusWords(t: Translate, job: Pick<PrintJob, 'status' | 'errorKind'>): string {
  const status = t(`printers.job.${job.status}`);
  if (!job.errorKind) return status;
  if (job.status === 'failed') return `${status} (${t(`print.error.${job.errorKind}`)})`;
  // A ticket sent to a thermal printer that does not say whether it came out: never "printed".
  if (job.errorKind === 'receipt-unconfirmed') return t('printers.job.receiptUnconfirmed');
  return t('printers.job.unknown', { why: t(job.errorKind === 'spooler-down' ? 'printers.jobUnknown.spooler-down' : 'printers.jobUnknown.other') });
}
