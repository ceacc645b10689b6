import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AuditActor, AuditLine } from '../shared/journal.ts';
import type { ReadDb, TxDb } from './database.ts';
import { checkRow, checkRows } from './rows.ts';

const entrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  details: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof entrySchema>;

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
  const row = await tx.get<unknown>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const last = row === undefined ? undefined : checkRow(entrySchema.pick({ seq: true, hash: true }), row, 'last audit entry');
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
  const rows = checkRows(
    entrySchema,
    await db.all<unknown>('SELECT seq, at, actor, action, details, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq'),
    'audit chain',
  );
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

/**
 * "123123127RM078" -> "…127 RM 078": the SIREN's last 3 digits, the register and the
 * department; the 6 digits before them stay hidden.
 */
export function rmEnd(rmNumber: string): string {
  const m = /^\d{6}(\d{3})(R[ME])(\w{2,3})$/.exec(rmNumber);
  return m ? `…${m[1]} ${m[2]} ${m[3]}` : `…${rmNumber.slice(-3)}`;
}

const lineSchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  details: z.string(),
  actorName: z.string().nullable(),
  staffName: z.string().nullable(),
  rmNumber: z.string().nullable(),
  artisanName: z.string().nullable(),
});
type LineRow = z.infer<typeof lineSchema>;

function actorOf(actor: string, name: string | null): AuditActor {
  const staff = /^staff:(\d+)$/.exec(actor);
  if (staff) return { kind: 'staff', id: Number(staff[1]), name };
  if (actor === 'kiosk' || actor === 'artisan' || actor === 'cli') return { kind: actor };
  return { kind: 'other', code: actor };
}

/** The logged details, less the whole RM number (the line carries its masked end). */
function detailsOf(json: string): AuditLine['details'] {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  return Object.fromEntries(
    Object.entries(parsed)
      .filter(([key]) => key !== 'rmNumber')
      .filter((e): e is [string, string | number | boolean | null] => e[1] === null || ['string', 'number', 'boolean'].includes(typeof e[1])),
  );
}

// The entry with the names the log keeps as ids put back: the agent who acted, the colleague an
// entry is about, the artisan of the card or order. Every join is on a unique key.
const LINE_SELECT = `SELECT l.seq, l.at, l.actor, l.action, l.details,
            actor.name AS actorName,
            subject.name AS staffName,
            coalesce(json_extract(l.details, '$.rmNumber'), o.rm_number) AS rmNumber,
            a.first_names || ' ' || coalesce(a.usage_name, a.birth_name) AS artisanName
       FROM audit_log l
       LEFT JOIN staff_members actor ON l.actor GLOB 'staff:[0-9]*' AND actor.id = CAST(substr(l.actor, 7) AS INTEGER)
       LEFT JOIN staff_members subject ON subject.id = json_extract(l.details, '$.staffId')
       LEFT JOIN pvc_orders o ON o.number = json_extract(l.details, '$.order')
       LEFT JOIN artisans a ON a.rm_number = coalesce(json_extract(l.details, '$.rmNumber'), o.rm_number)`;

function lineOf(r: LineRow): AuditLine {
  return {
    seq: r.seq,
    at: r.at,
    actor: actorOf(r.actor, r.actorName),
    action: r.action,
    details: detailsOf(r.details),
    staffName: r.staffName,
    artisan: r.rmNumber ? { name: r.artisanName, rmEnd: rmEnd(r.rmNumber) } : null,
  };
}

/**
 * The newest entries, newest first, named. One query (the console asks every 2 s); every
 * join is on a unique key, so `limit` entries cost `limit` look-ups whatever the log's size.
 */
export async function recentAuditLines(db: ReadDb, limit = 20): Promise<AuditLine[]> {
  const rows = checkRows(lineSchema, await db.all<unknown>(`${LINE_SELECT} ORDER BY l.seq DESC LIMIT ?`, [limit]), 'recent audit lines');
  return rows.map(lineOf);
}

/** Which entries of a day: by the agent who acted, by the action codes of a kind. */
export type AuditDayFilter = {
  /** The instants that bound the day, ISO UTC as entries are written: [from, to). */
  from: string;
  to: string;
  staffId?: number;
  actions?: readonly string[];
};

/**
 * The entries of one day, oldest first (a day reads from the morning on), named, at most
 * `limit` (and whether there were more). Entries are compared by their own time, written in
 * UTC, against the bounds of the kiosk's local day, so an entry at 00:30 local time belongs
 * to its local day whatever its UTC date.
 */
export async function auditLinesOfDay(db: ReadDb, filter: AuditDayFilter, limit: number): Promise<{ lines: AuditLine[]; more: boolean }> {
  const raw = await db.all<unknown>(
    `${LINE_SELECT}
      WHERE l.at >= :from AND l.at < :to
        AND (:actor IS NULL OR l.actor = :actor)
        AND (:actions IS NULL OR l.action IN (SELECT value FROM json_each(:actions)))
      ORDER BY l.seq LIMIT :limit`,
    {
      ':from': filter.from,
      ':to': filter.to,
      ':actor': filter.staffId === undefined ? null : `staff:${filter.staffId}`,
      ':actions': filter.actions ? JSON.stringify(filter.actions) : null,
      ':limit': limit + 1,
    },
  );
  const rows = checkRows(lineSchema, raw, 'audit lines of a day');
  return { lines: rows.slice(0, limit).map(lineOf), more: rows.length > limit };
}

/** The agents who did something on a day (whatever they did), by name: the journal's agent filter. */
export async function auditAgentsOfDay(db: ReadDb, from: string, to: string): Promise<{ id: number; name: string }[]> {
  const rows = await db.all<unknown>(
    `SELECT s.id, s.name FROM staff_members s
      WHERE s.id IN (SELECT CAST(substr(actor, 7) AS INTEGER) FROM audit_log WHERE at >= ? AND at < ? AND actor GLOB 'staff:[0-9]*')
      ORDER BY s.name COLLATE NOCASE, s.id`,
    [from, to],
  );
  return checkRows(z.object({ id: z.number().int(), name: z.string() }), rows, 'agents of a day');
}
