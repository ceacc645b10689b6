import { z } from 'zod';
import type { ReadDb, TxDb } from './database.ts';
import { checkRow } from './rows.ts';

export type AttemptsRow = { rmNumber: string; failures: number; lockedUntil: number | null; lastFailureAt: number };

const attemptsRow = z.object({
  rmNumber: z.string(),
  failures: z.number().int(),
  lockedUntil: z.number().int().nullable(),
  lastFailureAt: z.number().int(),
}) satisfies z.ZodType<AttemptsRow>;

export async function getAttempts(db: ReadDb, rmNumber: string): Promise<AttemptsRow | undefined> {
  const row = await db.get(
    'SELECT rm_number AS rmNumber, failures, locked_until AS lockedUntil, last_failure_at AS lastFailureAt FROM identification_attempts WHERE rm_number = ?',
    [rmNumber],
  );
  return row === undefined ? undefined : checkRow(attemptsRow, row, 'identification attempts');
}

export async function saveAttempts(tx: TxDb, row: AttemptsRow): Promise<void> {
  await tx.run(
    `INSERT INTO identification_attempts (rm_number, failures, locked_until, last_failure_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (rm_number) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until, last_failure_at = excluded.last_failure_at`,
    [row.rmNumber, row.failures, row.lockedUntil, row.lastFailureAt],
  );
}

export async function clearAttempts(tx: TxDb, rmNumber: string): Promise<void> {
  await tx.run('DELETE FROM identification_attempts WHERE rm_number = ?', [rmNumber]);
}
