import type { PrintJob } from '../../../main/shared/print-jobs.ts';
import { printPurpose } from '../../../main/shared/rules/print-documents.ts';
import { jobWait } from '../../../main/shared/rules/print-wait.ts';
import type { Locale, Translate } from '../../i18n/index.tsx';
import { formatIsoDate } from '../format.ts';

/**
 * A print job's state in words for staff. A job that failed says why; a job handed to the
 * spooler whose spooler could not be asked since says "state unknown" and why (not "waiting
 * for the printer", which it may not be): the core keeps it sent, with the reason in
 * `errorKind`, until the spooler answers again. Given `now`, a job that waits says since how
 * long (counted from when it was handed to the spooler). A job staff cancelled says so, and
 * that it will not come out.
 */
export function jobStatusWords(
  t: Translate,
  job: Pick<PrintJob, 'status' | 'errorKind'> & Partial<Pick<PrintJob, 'spoolerId' | 'submittedAt' | 'createdAt'>>,
  now?: Date,
): string {
  if (job.status === 'failed' && job.errorKind === 'cancelled') return t('printers.job.cancelled');
  const status = t(`printers.job.${job.status}`);
  if (!job.errorKind) {
    const wait =
      now && job.createdAt
        ? jobWait({ status: job.status, spoolerId: job.spoolerId ?? null, submittedAt: job.submittedAt ?? null, createdAt: job.createdAt }, now)
        : null;
    if (!wait) return status;
    return t(job.status === 'printing' ? 'printers.job.printingFor' : 'printers.job.waitingFor', { minutes: wait.minutes });
  }
  if (job.status === 'failed') return `${status} (${t(`print.error.${job.errorKind}`)})`;
  // A ticket sent to a thermal printer that does not say whether it came out: never "printed".
  if (job.errorKind === 'receipt-unconfirmed') return t('printers.job.receiptUnconfirmed');
  return t('printers.job.unknown', { why: t(job.errorKind === 'spooler-down' ? 'printers.jobUnknown.spooler-down' : 'printers.jobUnknown.other') });
}

/** What a job was for, as the desk names it ("Carte PVC, commande P261202-001"); the store's reference otherwise. */
export function jobDocumentWords(t: Translate, locale: Locale, document: string): string {
  const purpose = printPurpose(document);
  switch (purpose.what) {
    case 'card':
      return t('printers.doc.card', { order: purpose.order });
    case 'card-sheet':
      return purpose.order ? t('printers.doc.card-sheet', { order: purpose.order }) : t('printers.doc.card-sheet-desk');
    case 'journal':
      return t('printers.doc.journal', { day: formatIsoDate(purpose.day, locale) });
    case 'test-page':
      return t('printers.doc.test-page');
    case 'other':
      return document;
  }
}
