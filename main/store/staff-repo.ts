import { z } from 'zod';
import type { ReadDb, TxDb } from './database.ts';
import { checkRow, checkRows, countRow } from './rows.ts';

/**
 * The desk's staff (staff_members) and the kiosk's PIN lock (staff_lock, one row). PINs are
 * hashed by the staff service; this module only keeps what it is given.
 */

/** A member as the console lists them: names only, never a PIN or its hash. */
export type StaffMember = { id: number; name: string; createdAt: string };
/** What checking a typed PIN against a member needs: their scrypt hash and salt. */
export type PinCredential = { id: number; name: string; pinHash: string; salt: string };
/** Wrong PINs counted toward the lock, and until when (Unix ms) the console is locked. */
export type PinLock = { failures: number; lockedUntil: number | null };

const memberRow = z.object({ id: z.number().int(), name: z.string(), createdAt: z.string() });
const credentialRow = z.object({ id: z.number().int(), name: z.string(), pinHash: z.string(), salt: z.string() });
const lockRow = z.object({ failures: z.number().int(), lockedUntil: z.number().int().nullable() });

const CREDENTIAL = 'SELECT id, name, pin_hash AS pinHash, salt FROM staff_members WHERE removed_at IS NULL';

/** Whether a first PIN was ever set (members who left count: the first run is over). */
export async function anyMemberEverAdded(db: ReadDb): Promise<boolean> {
  return checkRow(countRow, await db.get('SELECT count(*) AS n FROM staff_members'), 'staff member count').n > 0;
}

/** Members still at the desk, by name. */
export async function activeMembers(db: ReadDb): Promise<StaffMember[]> {
  return checkRows(
    memberRow,
    await db.all('SELECT id, name, created_at AS createdAt FROM staff_members WHERE removed_at IS NULL ORDER BY name, id'),
    'staff members',
  );
}

/** The PIN hashes of every member still at the desk, but `except` (the one changing theirs). */
export async function activeCredentials(db: ReadDb, except?: number): Promise<PinCredential[]> {
  const rows = except === undefined ? await db.all(CREDENTIAL) : await db.all(`${CREDENTIAL} AND id != ?`, [except]);
  return checkRows(credentialRow, rows, 'staff PIN hashes');
}

/** One member's PIN hash; null if there is no such member or they left. */
export async function activeCredential(db: ReadDb, id: number): Promise<PinCredential | null> {
  const row = await db.get(`${CREDENTIAL} AND id = ?`, [id]);
  return row === undefined ? null : checkRow(credentialRow, row, 'staff PIN hash');
}

/** A new member with their PIN's hash; returns the id. */
export async function insertMember(tx: TxDb, member: { name: string; pinHash: string; salt: string }, now: Date): Promise<number> {
  const r = await tx.run('INSERT INTO staff_members (name, pin_hash, salt, created_at) VALUES (?, ?, ?, ?)', [
    member.name,
    member.pinHash,
    member.salt,
    now.toISOString(),
  ]);
  return r.lastID;
}

/** A member who left: kept (the audit log and payments still name them) but out of the desk. False if none was there. */
export async function markMemberRemoved(tx: TxDb, id: number, now: Date): Promise<boolean> {
  const r = await tx.run('UPDATE staff_members SET removed_at = ? WHERE id = ? AND removed_at IS NULL', [now.toISOString(), id]);
  return r.changes > 0;
}

export async function setMemberPin(tx: TxDb, id: number, pin: { pinHash: string; salt: string }): Promise<void> {
  await tx.run('UPDATE staff_members SET pin_hash = ?, salt = ? WHERE id = ?', [pin.pinHash, pin.salt, id]);
}

/** The kiosk's PIN lock as last saved; null before the first wrong PIN (or after a right one). */
export async function readPinLock(db: ReadDb): Promise<PinLock | null> {
  const row = await db.get('SELECT failures, locked_until AS lockedUntil FROM staff_lock WHERE id = 1');
  return row === undefined ? null : checkRow(lockRow, row, 'staff PIN lock');
}

export async function savePinLock(tx: TxDb, lock: PinLock): Promise<void> {
  await tx.run(
    'INSERT INTO staff_lock (id, failures, locked_until) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until',
    [lock.failures, lock.lockedUntil],
  );
}

/** A right PIN: the wrong ones before it no longer count. */
export async function clearPinLock(tx: TxDb): Promise<void> {
  await tx.run('DELETE FROM staff_lock');
}
