import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Logger } from '../logging/logger.ts';
import { type ErrorCode, type ErrorField, type FieldProblem, fail, type KioskError, type Result } from '../shared/errors.ts';
import { type PinRefusal, pinRefusal } from '../shared/rules/staff-pin.ts';
import type { StaffMember, StaffState } from '../shared/staff.ts';
import { appendAudit } from '../store/audit-repo.ts';
import type { TxDb, WriteDb } from '../store/database.ts';
import {
  activeCredential,
  activeCredentials,
  activeMembers,
  anyMemberEverAdded,
  clearPinLock,
  insertMember as insertMemberRow,
  markMemberRemoved,
  type PinCredential,
  readPinLock,
  savePinLock,
  setMemberPin,
} from '../store/staff-repo.ts';

/** The error code each refusal of a new PIN crosses the contract as. */
const PIN_ERROR: Record<PinRefusal, ErrorCode> = {
  format: 'PIN_FORMAT',
  repeated: 'PIN_REPEATED',
  sequence: 'PIN_SEQUENCE',
  date: 'PIN_DATE',
};

export const MAX_PIN_FAILURES = 5;
export const PIN_LOCK_MS = 15 * 60_000;

const hashPin = (pin: string, salt: string) => scryptSync(pin, salt, 32).toString('hex');

/** A name and a new PIN typed twice, as the first-run and add-a-colleague forms send them. */
export type NewMember = { name: string; pin: string; confirmation: string };

/** The form fields a refusal is shown above, by form. */
type PinFields = { name?: ErrorField; pin: ErrorField; confirmation: ErrorField };
const SETUP_FIELDS: PinFields = { name: 'staffName', pin: 'pin', confirmation: 'pinConfirmation' };
const MEMBER_FIELDS: PinFields = { name: 'memberName', pin: 'memberPin', confirmation: 'memberPinConfirmation' };
const CHANGE_FIELDS: PinFields = { pin: 'newPin', confirmation: 'newPinConfirmation' };

/**
 * Every refused field of a name and a new PIN typed twice, each above its own field: the PIN
 * by the rule of main/shared/rules/staff-pin.ts, the confirmation only once the PIN itself is right.
 */
function pinProblems(fields: PinFields, pin: string, confirmation: string, name?: string): KioskError | null {
  const problems: FieldProblem[] = [];
  if (fields.name && name !== undefined && !name.trim()) problems.push({ field: fields.name, code: 'STAFF_NAME_REQUIRED' });
  const refusal = pinRefusal(pin);
  if (refusal) problems.push({ field: fields.pin, code: PIN_ERROR[refusal] });
  else if (confirmation !== pin) problems.push({ field: fields.confirmation, code: 'PIN_MISMATCH' });
  const [first] = problems;
  return first ? { code: first.code, field: first.field, message: 'pin or name refused', problems } : null;
}

/** A new member with their PIN's scrypt hash (a salt of their own); returns the id. */
async function insertMember(tx: TxDb, name: string, pin: string, now: Date): Promise<number> {
  const salt = randomBytes(16).toString('hex');
  return insertMemberRow(tx, { name: name.trim(), pinHash: hashPin(pin, salt), salt }, now);
}
const matches = (pin: string, m: PinCredential) => timingSafeEqual(Buffer.from(hashPin(pin, m.salt), 'hex'), Buffer.from(m.pinHash, 'hex'));

/**
 * Staff of the desk: named members with a PIN (main/shared/rules/staff-pin.ts, scrypt), one lock for the whole
 * kiosk after 5 wrong PINs. The first PIN is set at first run, when there is no staff yet.
 * Who is logged in lives in memory only; every staff action goes to the audit log by id.
 */
export function createStaffService({ db, clock, log }: { db: WriteDb; clock: () => Date; log: Logger }) {
  let member: { id: number; name: string } | null = null;

  async function lockedUntil(): Promise<number | null> {
    const lock = await readPinLock(db);
    return lock?.lockedUntil && lock.lockedUntil > clock().getTime() ? lock.lockedUntil : null;
  }

  /** One more wrong PIN for the whole kiosk (a login, or a current PIN when changing it); the lock at the fifth. */
  async function countFailure(): Promise<{ n: number; lock: number | null }> {
    const failures = await db.transaction(async (tx) => {
      const row = await readPinLock(tx);
      const n = (row?.lockedUntil ? 0 : (row?.failures ?? 0)) + 1;
      const lock = n >= MAX_PIN_FAILURES ? clock().getTime() + PIN_LOCK_MS : null;
      await savePinLock(tx, { failures: lock ? 0 : n, lockedUntil: lock });
      return { n, lock };
    });
    log.warn('staff-pin-refused', { failures: failures.n });
    return failures;
  }

  return {
    async state(): Promise<StaffState> {
      const configured = await anyMemberEverAdded(db);
      const until = await lockedUntil();
      return { configured, member, lockedUntil: until ? new Date(until).toISOString() : null };
    },

    /** First run only: the first staff member and their PIN, typed twice. */
    async setup({ name, pin, confirmation }: NewMember): Promise<Result<StaffState>> {
      const refused = pinProblems(SETUP_FIELDS, pin, confirmation, name);
      if (refused) return fail(refused);
      const created = await db.transaction(async (tx) => {
        if (await anyMemberEverAdded(tx)) return null;
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
      const members = await activeCredentials(db);
      // Every member's hash is computed, whoever matches: the time says nothing of the PIN.
      let found: { id: number; name: string } | null = null;
      for (const m of members) {
        if (matches(pin, m) && !found) found = { id: m.id, name: m.name };
      }
      if (!found) {
        const failures = await countFailure();
        return failures.lock
          ? fail({ code: 'PIN_LOCKED', message: 'locked', params: { until: new Date(failures.lock).toISOString() } })
          : fail({ code: 'PIN_WRONG', message: 'wrong pin', params: { count: MAX_PIN_FAILURES - failures.n } });
      }
      await db.transaction(async (tx) => {
        await clearPinLock(tx);
        await appendAudit(tx, { actor: `staff:${found.id}`, action: 'staff-login', details: {} }, clock());
      });
      member = found;
      log.info('staff-login', { staffId: found.id });
      return { ok: true, value: await this.state() };
    },

    /** The desk's staff, for the console: names only, never a PIN or its hash. */
    async members(): Promise<StaffMember[]> {
      return activeMembers(db);
    },

    /**
     * A logged-in member adds a colleague. A PIN already used by someone else is refused: the
     * PIN alone says who logs in, and the audit log must name the right person.
     */
    async addMember({ name, pin, confirmation }: NewMember, by: { id: number }): Promise<Result<StaffMember[]>> {
      const refused = pinProblems(MEMBER_FIELDS, pin, confirmation, name);
      if (refused) return fail(refused);
      const added = await db.transaction(async (tx) => {
        const all = await activeCredentials(tx);
        if (all.some((m) => matches(pin, m))) return null;
        const id = await insertMember(tx, name, pin, clock());
        await appendAudit(tx, { actor: `staff:${by.id}`, action: 'staff-added', details: { staffId: id } }, clock());
        return id;
      });
      if (added === null)
        return fail({ code: 'PIN_TAKEN', field: 'memberPin', message: 'another member has this pin', problems: [{ field: 'memberPin', code: 'PIN_TAKEN' }] });
      log.info('staff-added', { staffId: added });
      return { ok: true, value: await this.members() };
    },

    /** Removes a colleague who left; nobody removes themselves (the desk would be locked out). */
    async removeMember(id: number, by: { id: number }): Promise<Result<StaffMember[]>> {
      if (id === by.id) return fail({ code: 'STAFF_SELF', message: 'cannot remove oneself' });
      const removed = await db.transaction(async (tx) => {
        const gone = await markMemberRemoved(tx, id, clock());
        if (gone) await appendAudit(tx, { actor: `staff:${by.id}`, action: 'staff-removed', details: { staffId: id } }, clock());
        return gone;
      });
      if (!removed) return fail({ code: 'STAFF_NOT_FOUND', message: `no staff member ${id}` });
      return { ok: true, value: await this.members() };
    },

    /**
     * The logged-in member changes their own PIN: the current one first (a wrong one counts
     * toward the kiosk's lock, as at login), then the new one twice, by the same rule.
     */
    async changePin({ current, pin, confirmation }: { current: string; pin: string; confirmation: string }, by: { id: number }): Promise<Result<null>> {
      const until = await lockedUntil();
      if (until) return fail({ code: 'PIN_LOCKED', message: 'locked', params: { until: new Date(until).toISOString() } });
      const self = await activeCredential(db, by.id);
      if (!self) return fail({ code: 'STAFF_NOT_FOUND', message: `no staff member ${by.id}` });
      if (!matches(current, self)) {
        const failures = await countFailure();
        if (failures.lock) return fail({ code: 'PIN_LOCKED', message: 'locked', params: { until: new Date(failures.lock).toISOString() } });
        return fail({
          code: 'PIN_CURRENT_WRONG',
          field: 'currentPin',
          message: 'wrong current pin',
          problems: [{ field: 'currentPin', code: 'PIN_CURRENT_WRONG' }],
        });
      }
      const refused = pinProblems(CHANGE_FIELDS, pin, confirmation);
      if (refused) return fail(refused);
      if (pin === current) return fail({ code: 'PIN_UNCHANGED', field: 'newPin', message: 'same pin', problems: [{ field: 'newPin', code: 'PIN_UNCHANGED' }] });
      const changed = await db.transaction(async (tx) => {
        const others = await activeCredentials(tx, by.id);
        if (others.some((m) => matches(pin, m))) return false;
        const salt = randomBytes(16).toString('hex');
        await setMemberPin(tx, by.id, { pinHash: hashPin(pin, salt), salt });
        await clearPinLock(tx);
        await appendAudit(tx, { actor: `staff:${by.id}`, action: 'staff-pin-changed', details: { staffId: by.id } }, clock());
        return true;
      });
      if (!changed)
        return fail({ code: 'PIN_TAKEN', field: 'newPin', message: 'another member has this pin', problems: [{ field: 'newPin', code: 'PIN_TAKEN' }] });
      log.info('staff-pin-changed', { staffId: by.id });
      return { ok: true, value: null };
    },

    logout(): void {
      member = null;
    },

    /** The staff member logged in, for handlers that need one. */
    current: () => member,
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
