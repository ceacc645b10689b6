import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ReadDb, TxDb } from './database.ts';
import { OPERATION_TYPES, type OperationType, type OutboxOperation } from './operation-types.ts';
import { checkRow, checkRows } from './rows.ts';

export type OutboxRow = { id: number; operation: OutboxOperation; attempts: number };

const payloadObject = z.record(z.string(), z.unknown());
const payloadText = z.string().transform((text, ctx) => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Reported below, by the field's name and never its text (a payload holds personal data).
  }
  const object = payloadObject.safeParse(value);
  if (object.success) return object.data;
  ctx.addIssue({ code: 'custom', message: 'not a JSON object' });
  return z.NEVER;
});
const pendingRow = z.object({ payload: payloadText, created_at: z.string() });
const countsRow = z.object({ n: z.number().int(), oldest: z.string().nullable(), err: z.string().nullable() });
const dueRow = z.object({
  id: z.number().int(),
  k: z.string(),
  type: z.enum(OPERATION_TYPES),
  // Written by enqueue() as JSON of an object; read back as one.
  payload: payloadText,
  created_at: z.string(),
  attempts: z.number().int(),
});

/**
 * What an operation is about, where its order matters: a later change of an artisan's
 * profile must not overtake an earlier one still waiting, or the registry would end up with
 * the older mobile number. Audit events carry no state to overwrite.
 */
export function subjectOf(type: OperationType, payload: Record<string, unknown>): string | null {
  const id = (key: string) => (typeof payload[key] === 'string' ? (payload[key] as string) : null);
  switch (type) {
    case 'profile-change':
      return id('rmNumber') && `profile:${id('rmNumber')}`;
    case 'photo':
      return id('rmNumber') && `photo:${id('rmNumber')}`;
    case 'card-issuance':
      return id('rmNumber') && `card:${id('rmNumber')}`;
    case 'pvc-order-event':
      return id('orderNumber') && `order:${id('orderNumber')}`;
    case 'audit-event':
      return null;
    default: {
      const never: never = type;
      throw new Error(`unknown operation type ${String(never)}`);
    }
  }
}

/** Records an operation for the registry; returns its idempotency key. */
export async function enqueue(tx: TxDb, type: OperationType, payload: Record<string, unknown>, now: Date): Promise<string> {
  const key = randomUUID();
  await tx.run('INSERT INTO outbox (idempotency_key, type, payload, created_at, subject) VALUES (?, ?, ?, ?, ?)', [
    key,
    type,
    JSON.stringify(payload),
    now.toISOString(),
    subjectOf(type, payload),
  ]);
  return key;
}

/**
 * Operations due for an attempt, oldest first. One whose subject has an earlier operation
 * still waiting (postponed after a failure) is held back with it: per subject, the registry
 * receives operations in the order they were made.
 */
export async function due(db: ReadDb, nowMs: number, limit: number): Promise<OutboxRow[]> {
  const rows = await db.all(
    `SELECT id, idempotency_key AS k, type, payload, created_at, attempts FROM outbox o
     WHERE next_attempt_at <= ?1
       AND (subject IS NULL OR NOT EXISTS (
         SELECT 1 FROM outbox e WHERE e.subject = o.subject AND e.id < o.id AND e.next_attempt_at > ?1))
     ORDER BY id LIMIT ?2`,
    [nowMs, limit],
  );
  return checkRows(dueRow, rows, 'outbox operations due').map((r) => ({
    id: r.id,
    attempts: r.attempts,
    operation: { idempotencyKey: r.k, type: r.type, at: r.created_at, payload: r.payload },
  }));
}

/** The registry has these keys (applied now or before): they leave the outbox. */
export async function acknowledge(tx: TxDb, keys: readonly string[]): Promise<void> {
  await tx.run('DELETE FROM outbox WHERE idempotency_key IN (SELECT value FROM json_each(?))', [JSON.stringify(keys)]);
}

/**
 * No new attempt before `nextAttemptAt` (Unix ms, rounded: the column is an INTEGER of a
 * STRICT table, and a backoff with jitter is fractional). `error` is a code, never a value
 * of the payload.
 */
export async function postpone(tx: TxDb, ids: readonly number[], nextAttemptAt: number, error: string): Promise<void> {
  await tx.run('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id IN (SELECT value FROM json_each(?))', [
    Math.ceil(nextAttemptAt),
    error,
    JSON.stringify(ids),
  ]);
}

/** A person asked to sync now: every waiting operation is due again, backoff or not. */
export async function releaseAll(tx: TxDb): Promise<void> {
  await tx.run('UPDATE outbox SET next_attempt_at = 0 WHERE next_attempt_at > 0');
}

/**
 * The newest operation still waiting on a subject (e.g. `photo:<RM number>`): what this kiosk
 * recorded and the registry does not have yet, with when it was recorded.
 */
export async function newestPending(db: ReadDb, subject: string): Promise<{ payload: Record<string, unknown>; createdAt: string } | null> {
  const row = await db.get('SELECT payload, created_at FROM outbox WHERE subject = ? ORDER BY id DESC LIMIT 1', [subject]);
  if (row === undefined) return null;
  const checked = checkRow(pendingRow, row, 'newest pending operation');
  return { payload: checked.payload, createdAt: checked.created_at };
}

/** Whether the operation with this key still waits in the outbox (the registry has not acknowledged it). */
export async function isPending(db: ReadDb, key: string): Promise<boolean> {
  return (await db.get('SELECT 1 FROM outbox WHERE idempotency_key = ?', [key])) !== undefined;
}

export async function pendingCount(db: ReadDb): Promise<{ pending: number; oldest: string | null; lastError: string | null }> {
  const row = await db.get(
    'SELECT count(*) AS n, min(created_at) AS oldest, (SELECT last_error FROM outbox WHERE last_error IS NOT NULL ORDER BY id DESC LIMIT 1) AS err FROM outbox',
  );
  const { n, oldest, err } = checkRow(countsRow, row, 'outbox counts');
  return { pending: n, oldest, lastError: err };
}
