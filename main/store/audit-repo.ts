import { createHash } from 'node:crypto';
import type { ReadDb, TxDb } from './database.ts';

export type AuditEntry = { seq: number; at: string; actor: string; action: string; details: string; prevHash: string; hash: string };

const GENESIS = '0'.repeat(64);

/** The hash of an entry: its fields and the previous hash, in a fixed, unambiguous order. */
export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256')
    .update(JSON.stringify([e.seq, e.at, e.actor, e.action, e.details, e.prevHash]))
    .digest('hex');
}

/** Appends an entry to the chain (inside the caller's transaction, so it lands with the act). */
export async function appendAudit(
  tx: TxDb,
  entry: { actor: string; action: string; details: Record<string, string | number | boolean | null> },
  now: Date,
): Promise<AuditEntry> {
  const last = await tx.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const base = {
    seq: (last?.seq ?? 0) + 1,
    at: now.toISOString(),
    actor: entry.actor,
    action: entry.action,
    details: JSON.stringify(entry.details),
    prevHash: last?.hash ?? GENESIS,
  };
  const full = { ...base, hash: entryHash(base) };
  await tx.run('INSERT INTO audit_log (seq, at, actor, action, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    full.seq,
    full.at,
    full.actor,
    full.action,
    full.details,
    full.prevHash,
    full.hash,
  ]);
  return full;
}

export type AuditCheck = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: 'changed' | 'removed' | 'reordered' };

/** Walks the chain from the start; the first entry that does not follow is reported. */
export async function verifyAudit(db: ReadDb): Promise<AuditCheck> {
  const rows = await db.all<AuditEntry>('SELECT seq, at, actor, action, details, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq');
  let prev = GENESIS;
  for (const [i, row] of rows.entries()) {
    if (row.seq !== i + 1) return { ok: false, entries: rows.length, brokenAt: row.seq, reason: row.seq > i + 1 ? 'removed' : 'reordered' };
    if (row.prevHash !== prev) {
      // The previous hash of another entry: entries were swapped.
      const reason = rows.some((r) => r.hash === row.prevHash) ? 'reordered' : 'removed';
      return { ok: false, entries: rows.length, brokenAt: row.seq, reason };
    }
    if (entryHash(row) !== row.hash) return { ok: false, entries: rows.length, brokenAt: row.seq, reason: 'changed' };
    prev = row.hash;
  }
  return { ok: true, entries: rows.length };
}
