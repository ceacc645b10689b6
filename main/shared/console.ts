import type { AuditLine } from './journal.ts';
import type { SpeechCheck } from './kiosk.ts';
import type { OrderView } from './orders.ts';
import type { PrintJob } from './print-jobs.ts';
import type { SyncStatus } from './sync.ts';

/** What the staff console shows at a glance. */
export type StaffOverview = {
  sync: SyncStatus;
  jobs: PrintJob[];
  /** The newest entries of the audit log, named, for the journal the desk reads. */
  audit: AuditLine[];
  /** PVC orders still open, and those closed in the last day; with the artisan's name and why each cannot go on now. */
  orders: OrderView[];
  /** Set while identification is paused after too many wrong dates on this kiosk (ISO instant it ends). */
  identificationPausedUntil: string | null;
  /** Audio mode's synthesizer, and why it cannot speak when it cannot (for IT). */
  speech: SpeechCheck;
};
