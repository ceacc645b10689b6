import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../logging/logger.ts';
import type { WriteDb } from '../store/database.ts';
import { getJob, type PrintJob, type PrintRole, recordJob, updateJob } from '../store/print-jobs-repo.ts';
import { jobState, SpoolerError, submit } from './cups.ts';
import { printReceipt, type Receipt, ReceiptPrinterError } from './receipt.ts';

export type PrintDeps = { db: WriteDb; clock: () => Date; log: Logger };

/**
 * Prints, with every job written to the store before it is sent and followed to its end:
 * a job is never sent twice by a retry of the same call, and staff can see why one failed.
 */
export function createPrintService({ db, clock, log }: PrintDeps) {
  const mark = (id: number, patch: Parameters<typeof updateJob>[2]) => db.transaction((tx) => updateJob(tx, id, patch, clock()));

  return {
    /** A PDF to a CUPS queue (card or paper role). Resolves with the job, as recorded. */
    async printPdf(role: Exclude<PrintRole, 'receipt'>, queue: string, pdf: Uint8Array, document: string): Promise<PrintJob> {
      const id = await db.transaction((tx) => recordJob(tx, { role, printer: queue, document }, clock()));
      const dir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-print-'));
      const file = path.join(dir, `${document.replace(/[^\w.-]/g, '_')}.pdf`);
      try {
        await writeFile(file, pdf, { mode: 0o600 });
        const spoolId = await submit(queue, file, role, document);
        await mark(id, { status: 'sent', spoolerId: spoolId, attempt: true });
        log.info('print-sent', { role, job: id });
      } catch (error) {
        const message = error instanceof SpoolerError ? error.message : String(error);
        await mark(id, { status: 'failed', error: message, attempt: true });
        log.warn('print-failed', { role, job: id, error: message });
      } finally {
        // The spooler has its own copy once lp returns: nothing of the card stays here.
        await rm(dir, { recursive: true, force: true });
      }
      return (await getJob(db, id)) as PrintJob;
    },

    /** Follows a sent job until the spooler says it is done or stopped, or `timeoutMs` passes. */
    async follow(id: number, timeoutMs = 60_000, everyMs = 500): Promise<PrintJob> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const job = await getJob(db, id);
        if (!job || !job.spoolerId || job.status === 'completed' || job.status === 'failed') return job as PrintJob;
        const state = await jobState(job.printer, job.spoolerId).catch(() => 'pending' as const);
        if (state !== 'pending') {
          await mark(id, state === 'completed' ? { status: 'completed' } : { status: 'failed', error: 'the printer stopped the job (aborted or canceled)' });
          return (await getJob(db, id)) as PrintJob;
        }
        if (Date.now() > deadline) return job;
        await new Promise((r) => setTimeout(r, everyMs));
      }
    },

    /** A receipt or ticket to the thermal printer. */
    async printReceipt(printer: string, receipt: Receipt): Promise<PrintJob> {
      const id = await db.transaction((tx) => recordJob(tx, { role: 'receipt', printer, document: `receipt ${receipt.orderNumber}` }, clock()));
      try {
        await printReceipt(printer, receipt);
        await mark(id, { status: 'completed', attempt: true });
      } catch (error) {
        const message = error instanceof ReceiptPrinterError ? error.message : String(error);
        await mark(id, { status: 'failed', error: message, attempt: true });
        log.warn('receipt-failed', { job: id });
      }
      return (await getJob(db, id)) as PrintJob;
    },
  };
}

export type PrintService = ReturnType<typeof createPrintService>;
