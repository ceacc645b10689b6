import { z } from 'zod';
import { PRINT_ERROR_KINDS, type PrintErrorKind } from '../shared/print-error-kinds.ts';
import { PRINT_ROLES, PRINT_STATUSES, type PrintJob, type PrintRole, type PrintStatus } from '../shared/print-jobs.ts';
import type { ReadDb, TxDb } from './database.ts';
import { checkRow, checkRows } from './rows.ts';

const jobRow = z.object({
  id: z.number().int(),
  role: z.enum(PRINT_ROLES),
  printer: z.string(),
  document: z.string(),
  status: z.enum(PRINT_STATUSES),
  attempts: z.number().int(),
  spoolerId: z.string().nullable(),
  error: z.string().nullable(),
  errorKind: z.enum(PRINT_ERROR_KINDS).nullable(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<PrintJob>;

const COLUMNS =
  'id, role, printer, document, status, attempts, spooler_id AS spoolerId, error, error_kind AS errorKind, submitted_at AS submittedAt, created_at AS createdAt, updated_at AS updatedAt';

export async function recordJob(tx: TxDb, job: { role: PrintRole; printer: string; document: string }, now: Date): Promise<number> {
  const r = await tx.run("INSERT INTO print_jobs (role, printer, document, status, created_at, updated_at) VALUES (?, ?, ?, 'recorded', ?, ?)", [
    job.role,
    job.printer,
    job.document,
    now.toISOString(),
    now.toISOString(),
  ]);
  return r.lastID;
}

export async function updateJob(
  tx: TxDb,
  id: number,
  patch: { status: PrintStatus; spoolerId?: string | null; error?: string | null; errorKind?: PrintErrorKind | null; attempt?: boolean },
  now: Date,
): Promise<void> {
  await tx.run(
    `UPDATE print_jobs SET status = ?, spooler_id = coalesce(?, spooler_id), error = ?, error_kind = ?, attempts = attempts + ?, updated_at = ? WHERE id = ?`,
    [patch.status, patch.spoolerId ?? null, patch.error ?? null, patch.errorKind ?? null, patch.attempt ? 1 : 0, now.toISOString(), id],
  );
}

export async function getJob(db: ReadDb, id: number): Promise<PrintJob | undefined> {
  const row = await db.get(`SELECT ${COLUMNS} FROM print_jobs WHERE id = ?`, [id]);
  return row === undefined ? undefined : checkRow(jobRow, row, 'print job');
}

export async function recentJobs(db: ReadDb, limit = 50): Promise<PrintJob[]> {
  return checkRows(jobRow, await db.all(`SELECT ${COLUMNS} FROM print_jobs ORDER BY id DESC LIMIT ?`, [limit]), 'recent print jobs');
}

/**
 * The console's jobs: the newest `limit`, and every job still waiting at a spooler however old
 * (a printer switched off for good): staff must see it, and may cancel it, whatever came after.
 */
export async function consoleJobs(db: ReadDb, limit = 10): Promise<PrintJob[]> {
  return checkRows(
    jobRow,
    await db.all(
      `SELECT ${COLUMNS} FROM print_jobs WHERE id IN (SELECT id FROM print_jobs ORDER BY id DESC LIMIT ?)
         OR (status IN ('sent', 'printing') AND spooler_id IS NOT NULL) ORDER BY id DESC`,
      [limit],
    ),
    'console print jobs',
  );
}

/** Written just before the spooler is asked to take the job: a crash after it leaves a trace. */
export async function markSubmitted(tx: TxDb, id: number, now: Date): Promise<void> {
  await tx.run('UPDATE print_jobs SET submitted_at = ?, updated_at = ? WHERE id = ?', [now.toISOString(), now.toISOString(), id]);
}

/** A job the spooler never took, made ready to be handed over again under its own id (so it cannot print twice). */
export async function resetForResend(tx: TxDb, id: number): Promise<void> {
  await tx.run("UPDATE print_jobs SET status = 'recorded', error = NULL, error_kind = NULL WHERE id = ?", [id]);
}

/** Jobs handed to a spooler and not seen end (sent or printing, with the spooler's id). */
export async function unfinishedJobs(db: ReadDb): Promise<PrintJob[]> {
  return checkRows(
    jobRow,
    await db.all(`SELECT ${COLUMNS} FROM print_jobs WHERE status IN ('sent', 'printing') AND spooler_id IS NOT NULL AND role != 'receipt' ORDER BY id`),
    'unfinished print jobs',
  );
}

/** The newest job for a document (a card sheet of one order), if any. */
export async function latestJobFor(db: ReadDb, document: string): Promise<PrintJob | undefined> {
  const row = await db.get(`SELECT ${COLUMNS} FROM print_jobs WHERE document = ? ORDER BY id DESC LIMIT 1`, [document]);
  return row === undefined ? undefined : checkRow(jobRow, row, 'print job');
}
