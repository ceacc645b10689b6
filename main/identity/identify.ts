import { timingSafeEqual } from 'node:crypto';
import type { Logger } from '../logging/logger.ts';
import type { AccountStatus, IdentifyOutcome } from '../shared/artisan.ts';
import { findByRmNumber } from '../store/artisans-repo.ts';
import { clearAttempts, getAttempts, saveAttempts } from '../store/attempts-repo.ts';
import { appendAudit } from '../store/audit-repo.ts';
import type { WriteDb } from '../store/database.ts';
import { enqueue } from '../store/outbox-repo.ts';
import { pausedUntil, pauseIdentification, recordWrongDate, resumeIdentification } from '../store/wrong-dates-repo.ts';
import { type BirthDateParts, type BirthDateRefusal, localIsoDate, parseBirthDate } from './birth-date.ts';
import type { BirthDateHasher } from './birth-date-hash.ts';
import { parseRmNumber, type RmRefusal } from './rm-number.ts';

/** 5 wrong dates for one RM number lock it for 15 minutes on this kiosk (DESIGN.md §6). */
export const MAX_WRONG_DATES = 5;
export const LOCK_MS = 15 * 60 * 1000;
/**
 * Besides 5 tries per number, a budget for the whole kiosk: 20 wrong dates in 10 minutes,
 * whatever the numbers, pause identification until staff resume it (or 30 minutes pass).
 * Someone trying dates across many numbers is stopped; a desk's ordinary morning (a few
 * mistyped dates an hour) never reaches it.
 */
export const BUDGET_WRONG_DATES = 20;
export const BUDGET_WINDOW_MS = 10 * 60 * 1000;
export const PAUSE_MS = 30 * 60 * 1000;

/** What was typed and refused: the number, the date, or both, each with its reason. */
export type IdentifyRefusals = { rmNumber?: RmRefusal; birthDate?: BirthDateRefusal };

export type IdentifyResult = { ok: true; value: IdentifyOutcome } | { ok: false; refused: IdentifyRefusals };

export type IdentityDeps = {
  db: WriteDb;
  hashBirthDate: BirthDateHasher;
  clock: () => Date;
  log: Logger;
  /** Whether the local copy is complete (the sync engine's replica state); complete if not given. */
  replica?: () => Promise<{ complete: boolean; loadPercent: number | null; unreachable?: boolean }>;
  /**
   * The account as the registry has it now, asked when the replica knows no confirmed account:
   * it syncs every minute, so an activation made a moment ago at another desk (or on the portal)
   * may not be in it yet. null when the registry does not answer, in time or at all.
   */
  liveAccount?: (rmNumber: string) => Promise<AccountStatus | null>;
  /** Told once committed that identification was paused (true) or resumed (false): the console's alert comes at once. */
  onPause?: (paused: boolean) => void;
};

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** "Jean-Pierre Marc" -> "Jean-Pierre": the first of the first names, as people say it. */
function firstNameOf(firstNames: string): string {
  return firstNames.split(/[\s,]+/)[0] ?? firstNames;
}

const RANK: Record<AccountStatus, number> = { none: 0, pending: 1, active: 2 };

export function createIdentityService({ db, hashBirthDate, clock, log, replica, liveAccount, onPause }: IdentityDeps) {
  /**
   * The furthest of the replica's word and the registry's, asked live while the replica knows no
   * confirmed account. Never less than the replica says: it holds what this kiosk itself saw
   * (account-known-repo.ts), and what the registry says after is checked on the next screen.
   */
  async function accountOf(rmNumber: string, kept: AccountStatus): Promise<AccountStatus> {
    if (kept === 'active' || !liveAccount) return kept;
    const live = await liveAccount(rmNumber);
    if (live === null || RANK[live] <= RANK[kept]) return kept;
    log.info('identify-account-newer-than-replica', { replica: kept, registry: live });
    return live;
  }

  async function identify(input: { rmNumber: string; birthDate: BirthDateParts }): Promise<IdentifyResult> {
    const now = clock();
    const rm = parseRmNumber(input.rmNumber);
    const date = parseBirthDate(input.birthDate, localIsoDate(now));
    // Both fields are checked, so that the person sees every problem at once.
    if (!rm.ok || !date.ok) {
      return { ok: false, refused: { ...(rm.ok ? {} : { rmNumber: rm.reason }), ...(date.ok ? {} : { birthDate: date.reason }) } };
    }
    const rmNumber = rm.value.rmNumber;

    const paused = await pausedUntil(db);
    if (paused !== null && paused > now.getTime()) {
      log.info('identify', { outcome: 'paused' });
      return { ok: true, value: { kind: 'paused' } };
    }

    const attempts = await getAttempts(db, rmNumber);
    if (attempts?.lockedUntil != null && attempts.lockedUntil > now.getTime()) {
      log.info('identify', { outcome: 'locked' });
      return { ok: true, value: { kind: 'locked', rmNumber, until: new Date(attempts.lockedUntil).toISOString() } };
    }

    const artisan = await findByRmNumber(db, rmNumber);
    if (!artisan) {
      const state = replica ? await replica() : { complete: true, loadPercent: null };
      if (!state.complete) {
        log.info('identify', { outcome: 'loading' });
        return {
          ok: true,
          value: {
            kind: 'loading',
            rmNumber,
            percent: state.loadPercent,
            ...('unreachable' in state && state.unreachable ? { unreachable: true as const } : {}),
          },
        };
      }
      log.info('identify', { outcome: 'not-found' });
      return { ok: true, value: { kind: 'not-found', rmNumber } };
    }

    if (!sameHash(hashBirthDate(date.value), artisan.birthDateHmac)) {
      // Read and write the count in one transaction: two calls racing must not
      // both see 4 failures and both grant a fifth try.
      let pausedNow = false;
      const counted = await db.transaction(async (tx) => {
        const current = await getAttempts(tx, rmNumber);
        // Another call may have locked the number since the check above.
        if (current?.lockedUntil != null && current.lockedUntil > now.getTime()) return { lockedUntil: current.lockedUntil, failures: MAX_WRONG_DATES };
        // A lock that has expired starts a fresh count.
        const failures = (current?.lockedUntil != null ? 0 : (current?.failures ?? 0)) + 1;
        const lockedUntil = failures >= MAX_WRONG_DATES ? now.getTime() + LOCK_MS : null;
        await saveAttempts(tx, { rmNumber, failures, lockedUntil, lastFailureAt: now.getTime() });
        const recent = await recordWrongDate(tx, now.getTime(), BUDGET_WINDOW_MS);
        if (recent >= BUDGET_WRONG_DATES) {
          // Only the count is written down: which numbers were tried is nobody's business here.
          await pauseIdentification(tx, now.getTime() + PAUSE_MS);
          await appendAudit(tx, { actor: 'kiosk', action: 'identification-paused', details: { wrongDates: recent, minutes: BUDGET_WINDOW_MS / 60_000 } }, now);
          await enqueue(
            tx,
            'audit-event',
            { event: 'identification-paused', wrongDates: recent, until: new Date(now.getTime() + PAUSE_MS).toISOString() },
            now,
          );
          log.warn('identification-paused', { wrongDates: recent });
          pausedNow = true;
        }
        // The registry is told of the lock (other desks, the online portal), through the outbox.
        if (lockedUntil) await enqueue(tx, 'audit-event', { event: 'identification-locked', rmNumber, until: new Date(lockedUntil).toISOString() }, now);
        return { lockedUntil, failures };
      });
      log.info('identify', { outcome: counted.lockedUntil ? 'locked' : 'wrong-date', failures: counted.failures });
      if (pausedNow) onPause?.(true);
      return {
        ok: true,
        value: counted.lockedUntil
          ? { kind: 'locked', rmNumber, until: new Date(counted.lockedUntil).toISOString() }
          : { kind: 'wrong-date', rmNumber, triesLeft: MAX_WRONG_DATES - counted.failures },
      };
    }

    if (attempts) await db.transaction((tx) => clearAttempts(tx, rmNumber));
    if (artisan.radiatedOn) {
      log.info('identify', { outcome: 'radiated' });
      return { ok: true, value: { kind: 'radiated', rmNumber, chamber: artisan.chamber, radiatedOn: artisan.radiatedOn } };
    }
    const accountStatus = await accountOf(rmNumber, artisan.accountStatus);
    log.info('identify', { outcome: 'found', account: accountStatus });
    return {
      ok: true,
      value: {
        kind: 'found',
        artisan: {
          rmNumber,
          firstName: firstNameOf(artisan.firstNames),
          lastName: artisan.usageName ?? artisan.birthName,
          companyName: artisan.companyName ?? artisan.tradeName,
          qualification: artisan.qualification,
          chamber: artisan.chamber,
          accountStatus,
        },
      },
    };
  }

  /** Until when identification is paused on this kiosk (ISO), or null: the console's alert. */
  async function pause(): Promise<string | null> {
    const until = await pausedUntil(db);
    return until !== null && until > clock().getTime() ? new Date(until).toISOString() : null;
  }

  /** A staff member lifts the pause (in the audit log, by name of actor). */
  async function resume(staffId: number): Promise<void> {
    await db.transaction(async (tx) => {
      await resumeIdentification(tx);
      await appendAudit(tx, { actor: `staff:${staffId}`, action: 'identification-resumed', details: {} }, clock());
    });
    log.info('identification-resumed', { staffId });
    onPause?.(false);
  }

  return { identify, pause, resume };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
