import { randomUUID } from 'node:crypto';
import type { Operation, OperationType } from '../registry/wire.ts';
import type { ReadDb, TxDb } from './database.ts';

export type OutboxRow = { id: number; operation: Operation; attempts: number };

/** Records an operation for the registry; returns its idempotency key. */
export async function enqueue(tx: TxDb, type: OperationType, payload: Record<string, unknown>, now: Date): Promise<string> {
  const key = randomUUID();
  await tx.run('INSERT INTO outbox (idempotency_key, type, payload, created_at) VALUES (?, ?, ?, ?)', [key, type, JSON.stringify(payload), now.toISOString()]);
  return key;
}

/** Operations due for an attempt, oldest first. */
export async function due(db: ReadDb, nowMs: number, limit: number): Promise<OutboxRow[]> {
  const rows = await db.all<{ id: number; k: string; type: string; payload: string; created_at: string; attempts: number }>(
    'SELECT id, idempotency_key AS k, type, payload, created_at, attempts FROM outbox WHERE next_attempt_at <= ? ORDER BY id LIMIT ?',
    [nowMs, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    attempts: r.attempts,
    operation: { idempotencyKey: r.k, type: r.type as OperationType, at: r.created_at, payload: JSON.parse(r.payload) as Record<string, unknown> },
  }));
}

/** The registry has these keys (applied now or before): they leave the outbox. */
export async function acknowledge(tx: TxDb, keys: readonly string[]): Promise<void> {
  await tx.run('DELETE FROM outbox WHERE idempotency_key IN (SELECT value FROM json_each(?))', [JSON.stringify(keys)]);
}

export async function postpone(tx: TxDb, ids: readonly number[], nextAttemptAt: number, error: string): Promise<void> {
  await tx.run('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id IN (SELECT value FROM json_each(?))', [
    nextAttemptAt,
    error,
    JSON.stringify(ids),
  ]);
}

export async function pendingCount(db: ReadDb): Promise<{ pending: number; oldest: string | null; lastError: string | null }> {
  const row = await db.get<{ n: number; oldest: string | null; err: string | null }>(
    'SELECT count(*) AS n, min(created_at) AS oldest, (SELECT last_error FROM outbox WHERE last_error IS NOT NULL ORDER BY id DESC LIMIT 1) AS err FROM outbox',
  );
  return { pending: row?.n ?? 0, oldest: row?.oldest ?? null, lastError: row?.err ?? null };
}
