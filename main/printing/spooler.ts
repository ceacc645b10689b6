import type { PrintRole } from '../shared/print-jobs.ts';
import type { QueueState } from '../shared/printers.ts';
import type { SpoolState } from './cups.ts';
import * as cups from './cups.ts';

/**
 * The operating system's print spooler, as the print service uses it. CUPS on Linux and
 * macOS (tested here against a real CUPS); the Windows spooler through pdf-to-printer
 * (type-checked, not testable on these machines: see README, "Printing on Windows").
 */
export type Spooler = {
  /** Whether `findByTag` can tell that a job was taken (CUPS can; Windows cannot). */
  findsByTag: boolean;
  submit(queue: string, file: string, role: Exclude<PrintRole, 'receipt'>, title: string, tag: string): Promise<string>;
  /** A job sent with this tag before a crash, if the spooler has it. */
  findByTag(queue: string, tag: string): Promise<string | null>;
  jobState(queue: string, spoolId: string): Promise<SpoolState>;
  queueState(queue: string): Promise<QueueState>;
  /** How many jobs wait in the queue: said with an unreachable printer. Absent where unknown. */
  waitingJobs?(queue: string): Promise<number>;
  /**
   * Deletes what the spooler still keeps of a job that has ended (its document: a card holds a
   * face, a name, an RM number). Called once the kiosk has recorded the job's end; absent where
   * the spooler keeps nothing after printing (Windows, unless "Keep printed documents" is set).
   */
  purge?(spoolId: string): Promise<void>;
  /**
   * Drops a job that has not ended, so that it never prints (staff cancelled it at the console):
   * 'cancelled', or 'ended' when it had ended already. Absent where a job taken is a job done
   * (Windows: the kiosk never holds one as waiting).
   */
  cancel?(queue: string, spoolId: string): Promise<'cancelled' | 'ended'>;
};

export const cupsSpooler: Spooler = {
  findsByTag: true,
  submit: cups.submit,
  findByTag: cups.findByTag,
  jobState: cups.jobState,
  queueState: cups.queueState,
  waitingJobs: cups.waitingJobs,
  purge: cups.purge,
  cancel: (_queue, spoolId) => cups.cancelJob(spoolId),
};
