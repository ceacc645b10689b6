import type { Logger } from '../logging/logger.ts';
import type { PvcOrderService } from '../orders/pvc-order-service.ts';
import type { PrintService } from '../printing/print-service.ts';
import { fail, type Result } from '../shared/errors.ts';
import type { PrintCancelled } from '../shared/print-jobs.ts';
import { printPurpose } from '../shared/rules/print-documents.ts';
import { appendAudit } from '../store/audit-repo.ts';
import type { WriteDb } from '../store/database.ts';

export type PrintCancelDeps = {
  db: WriteDb;
  print: PrintService;
  /** Told of a card job that ended here, so that its order moves (kept open with its card). */
  orders: Pick<PvcOrderService, 'cardJobEnded'>;
  clock: () => Date;
  log: Logger;
};

/**
 * Staff cancel a print job that waits for a printer (switched off for good): at the spooler
 * first, so that it never comes out by surprise when the printer is back, then in the store and
 * the audit log (who, which job and what it was for: an order number, a day; never a person).
 * What the job was for follows: a PVC card's order stays open with its card and its payment (a
 * retry prints one card, a hand-over gives it another way, nothing is charged again); a card
 * sheet or a journal that was cancelled can be asked again (a new sheet is printed).
 */
export function createPrintCancelService({ db, print, orders, clock, log }: PrintCancelDeps) {
  return {
    async cancel(jobId: number, staff: { id: number }): Promise<Result<PrintCancelled>> {
      const done = await print.cancel(jobId);
      switch (done.kind) {
        case 'missing':
          return fail('PRINT_JOB_NOT_FOUND', `no print job ${jobId}`);
        case 'not-sent':
          return fail('PRINT_JOB_NOT_SENT', `print job ${jobId} is ${done.job.status} and was never handed to the spooler`);
        case 'unreachable':
          return fail({ code: 'PRINT_CANCEL_FAILED', message: `print job ${jobId} not cancelled: ${done.errorKind}`, params: { kind: done.errorKind } });
        case 'ended':
          // Printed a moment before, or failed: nothing was cancelled, the order follows as it ended.
          if (done.job.role === 'card') await orders.cardJobEnded(jobId);
          return { ok: true, value: { outcome: 'ended', job: done.job } };
        case 'cancelled': {
          const purpose = printPurpose(done.job.document);
          await db.transaction((tx) =>
            appendAudit(
              tx,
              {
                actor: `staff:${staff.id}`,
                action: 'print-cancelled',
                details: {
                  job: jobId,
                  role: done.job.role,
                  what: purpose.what,
                  ...('order' in purpose && purpose.order ? { order: purpose.order } : {}),
                  ...('day' in purpose ? { day: purpose.day } : {}),
                },
              },
              clock(),
            ),
          );
          log.info('print-cancelled-by-staff', { job: jobId, role: done.job.role, what: purpose.what, staffId: staff.id });
          if (done.job.role === 'card') await orders.cardJobEnded(jobId);
          return { ok: true, value: { outcome: 'cancelled', job: done.job } };
        }
      }
    },
  };
}

export type PrintCancelService = ReturnType<typeof createPrintCancelService>;
