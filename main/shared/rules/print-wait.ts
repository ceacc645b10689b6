import type { PrintJob } from '../print-jobs.ts';

/**
 * How long a print job handed to the spooler may wait before the console says the printer
 * seems switched off: an office sheet or a PVC card takes seconds to a couple of minutes, a
 * printer warming up or out of paper a few more; ten minutes without an end is a printer that
 * is off, unplugged or jammed, and a front desk must be told what to do.
 */
export const PRINT_STALE_MS = 10 * 60_000;

/** A job the spooler holds and has not seen end: one staff may cancel. */
export function isWaiting(job: Pick<PrintJob, 'status' | 'spoolerId'>): boolean {
  return job.spoolerId !== null && (job.status === 'sent' || job.status === 'printing');
}

/**
 * How long a waiting job has waited at `now`, in whole minutes, and whether that is past
 * PRINT_STALE_MS; null for a job that is not waiting. Counted from when the kiosk handed it to
 * the spooler (its recording before a crash otherwise), both kept in the store: a kiosk
 * restarted meanwhile does not start the count again.
 */
export function jobWait(job: Pick<PrintJob, 'status' | 'spoolerId' | 'submittedAt' | 'createdAt'>, now: Date): { minutes: number; stale: boolean } | null {
  if (!isWaiting(job)) return null;
  const since = Date.parse(job.submittedAt ?? job.createdAt);
  const waited = Math.max(0, now.getTime() - (Number.isNaN(since) ? now.getTime() : since));
  return { minutes: Math.floor(waited / 60_000), stale: waited >= PRINT_STALE_MS };
}
