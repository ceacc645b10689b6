import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { KioskError, Result } from '../api/errors.ts';
import type { Logger } from '../logging/logger.ts';
import { appendAudit } from '../store/audit-repo.ts';
import type { TxDb, WriteDb } from '../store/database.ts';

export const MAX_PIN_FAILURES = 5;
export const PIN_LOCK_MS = 15 * 60_000;

export type StaffMember = { id: number; name: string; createdAt: string };
export type StaffState = { configured: boolean; member: { id: number; name: string } | null; lockedUntil: string | null };

const hashPin = (pin: string, salt: string) => scryptSync(pin, salt, 32).toString('hex');

/** Why a name and PIN cannot make a staff member, if they cannot. */
function memberRefusal(name: string, pin: string): KioskError | null {
  if (!/^\d{6,8}$/.test(pin)) return { code: 'PIN_FORMAT', message: 'pin must be 6 to 8 digits' };
  if (!name.trim()) return { code: 'STAFF_NAME_REQUIRED', message: 'name required' };
  return null;
}

/** A new member with their PIN's scrypt hash (a salt of their own); returns the id. */
async function insertMember(tx: TxDb, name: string, pin: string, now: Date): Promise<number> {
  const salt = randomBytes(16).toString('hex');
  const r = await tx.run('INSERT INTO staff_members (name, pin_hash, salt, created_at) VALUES (?, ?, ?, ?)', [
    name.trim(),
    hashPin(pin, salt),
    salt,
    now.toISOString(),
  ]);
  return r.lastID;
}
const fail = <T>(error: KioskError): Result<T> => ({ ok: false, error });

/**
 * Staff of the desk: named members with a PIN (6 to 8 digits, scrypt), one lock for the whole
 * kiosk after 5 wrong PINs. The first PIN is set at first run, when there is no staff yet.
 * Who is logged in lives in memory only; every staff action goes to the audit log by id.
 */
export function createStaffService({ db, clock, log }: { db: WriteDb; clock: () => Date; log: Logger }) {
  let member: { id: number; name: string } | null = null;

  async function lockedUntil(): Promise<number | null> {
    const row = await db.get<{ locked_until: number | null }>('SELECT locked_until FROM staff_lock WHERE id = 1');
    return row?.locked_until && row.locked_until > clock().getTime() ? row.locked_until : null;
  }

  return {
    async state(): Promise<StaffState> {
      const count = (await db.get<{ n: number }>('SELECT count(*) AS n FROM staff_members'))?.n ?? 0;
      const until = await lockedUntil();
      return { configured: count > 0, member, lockedUntil: until ? new Date(until).toISOString() : null };
    },

    /** First run only: the first staff member and their PIN. */
    async setup(name: string, pin: string): Promise<Result<StaffState>> {
      const refused = memberRefusal(name, pin);
      if (refused) return fail(refused);
      const created = await db.transaction(async (tx) => {
        const count = (await tx.get<{ n: number }>('SELECT count(*) AS n FROM staff_members'))?.n ?? 0;
        if (count > 0) return null;
        const id = await insertMember(tx, name, pin, clock());
        await appendAudit(tx, { actor: `staff:${id}`, action: 'staff-created', details: { staffId: id } }, clock());
        return { id, name: name.trim() };
      });
      if (!created) return fail({ code: 'FORBIDDEN', message: 'staff already configured' });
      member = created;
      log.info('staff-setup', { staffId: created.id });
      return { ok: true, value: await this.state() };
    },

    async login(pin: string): Promise<Result<StaffState>> {
      const until = await lockedUntil();
      if (until) return fail({ code: 'PIN_LOCKED', message: 'locked', params: { until: new Date(until).toISOString() } });
      const members = await db.all<{ id: number; name: string; pin_hash: string; salt: string }>(
        'SELECT id, name, pin_hash, salt FROM staff_members WHERE removed_at IS NULL',
      );
      // Every member's hash is computed, whoever matches: the time says nothing of the PIN.
      let found: { id: number; name: string } | null = null;
      for (const m of members) {
        if (timingSafeEqual(Buffer.from(hashPin(pin, m.salt), 'hex'), Buffer.from(m.pin_hash, 'hex')) && !found) found = { id: m.id, name: m.name };
      }
      if (!found) {
        const failures = await db.transaction(async (tx) => {
          const row = await tx.get<{ failures: number; locked_until: number | null }>('SELECT failures, locked_until FROM staff_lock WHERE id = 1');
          const n = (row?.locked_until ? 0 : (row?.failures ?? 0)) + 1;
          const lock = n >= MAX_PIN_FAILURES ? clock().getTime() + PIN_LOCK_MS : null;
          await tx.run(
            'INSERT INTO staff_lock (id, failures, locked_until) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until',
            [lock ? 0 : n, lock],
          );
          return { n, lock };
        });
        log.warn('staff-pin-refused', { failures: failures.n });
        return failures.lock
          ? fail({ code: 'PIN_LOCKED', message: 'locked', params: { until: new Date(failures.lock).toISOString() } })
          : fail({ code: 'PIN_WRONG', message: 'wrong pin', params: { count: MAX_PIN_FAILURES - failures.n } });
      }
      await db.transaction(async (tx) => {
        await tx.run('DELETE FROM staff_lock');
        await appendAudit(tx, { actor: `staff:${found.id}`, action: 'staff-login', details: {} }, clock());
      });
      member = found;
      log.info('staff-login', { staffId: found.id });
      return { ok: true, value: await this.state() };
    },

    /** The desk's staff, for the console: names only, never a PIN or its hash. */
    async members(): Promise<StaffMember[]> {
      return db.all<StaffMember>('SELECT id, name, created_at AS createdAt FROM staff_members WHERE removed_at IS NULL ORDER BY name, id');
    },

    /**
     * A logged-in member adds a colleague. A PIN already used by someone else is refused: the
     * PIN alone says who logs in, and the audit log must name the right person.
     */
    async addMember(name: string, pin: string, by: { id: number }): Promise<Result<StaffMember[]>> {
      const refused = memberRefusal(name, pin);
      if (refused) return fail(refused);
      const added = await db.transaction(async (tx) => {
        const all = await tx.all<{ pin_hash: string; salt: string }>('SELECT pin_hash, salt FROM staff_members WHERE removed_at IS NULL');
        if (all.some((m) => timingSafeEqual(Buffer.from(hashPin(pin, m.salt), 'hex'), Buffer.from(m.pin_hash, 'hex')))) return null;
        const id = await insertMember(tx, name, pin, clock());
        await appendAudit(tx, { actor: `staff:${by.id}`, action: 'staff-added', details: { staffId: id } }, clock());
        return id;
      });
      if (added === null) return fail({ code: 'PIN_TAKEN', message: 'another member has this pin' });
      log.info('staff-added', { staffId: added });
      return { ok: true, value: await this.members() };
    },

    /** Removes a colleague who left; nobody removes themselves (the desk would be locked out). */
    async removeMember(id: number, by: { id: number }): Promise<Result<StaffMember[]>> {
      if (id === by.id) return fail({ code: 'STAFF_SELF', message: 'cannot remove oneself' });
      const removed = await db.transaction(async (tx) => {
        const r = await tx.run('UPDATE staff_members SET removed_at = ? WHERE id = ? AND removed_at IS NULL', [clock().toISOString(), id]);
        if (r.changes > 0) await appendAudit(tx, { actor: `staff:${by.id}`, action: 'staff-removed', details: { staffId: id } }, clock());
        return r.changes > 0;
      });
      if (!removed) return fail({ code: 'STAFF_NOT_FOUND', message: `no staff member ${id}` });
      return { ok: true, value: await this.members() };
    },

    logout(): void {
      member = null;
    },

    /** The staff member logged in, for handlers that need one. */
    current: () => member,
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
