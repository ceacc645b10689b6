import { timingSafeEqual } from 'node:crypto';
import type { Logger } from '../logging/logger.ts';
import { type AccountStatus, findByRmNumber, type Qualification } from '../store/artisans-repo.ts';
import { clearAttempts, getAttempts, saveAttempts } from '../store/attempts-repo.ts';
import type { WriteDb } from '../store/database.ts';
import { enqueue } from '../store/outbox-repo.ts';
import { type BirthDateParts, type BirthDateRefusal, localIsoDate, parseBirthDate } from './birth-date.ts';
import type { BirthDateHasher } from './birth-date-hash.ts';
import { parseRmNumber, type RmRefusal } from './rm-number.ts';

/** 5 wrong dates for one RM number lock it for 15 minutes on this kiosk (DESIGN.md §6). */
export const MAX_WRONG_DATES = 5;
export const LOCK_MS = 15 * 60 * 1000;

/** What the person may see once identified: no date of birth, no address. */
export type IdentifiedArtisan = {
  rmNumber: string;
  firstName: string;
  lastName: string;
  companyName: string | null;
  qualification: Qualification;
  chamber: string;
  accountStatus: AccountStatus;
};

export type IdentifyOutcome =
  | { kind: 'found'; artisan: IdentifiedArtisan }
  | { kind: 'not-found'; rmNumber: string }
  | { kind: 'wrong-date'; rmNumber: string; triesLeft: number }
  | { kind: 'locked'; rmNumber: string; until: string }
  | { kind: 'radiated'; rmNumber: string; chamber: string; radiatedOn: string };

/** What was typed and refused: the number, the date, or both, each with its reason. */
export type IdentifyRefusals = { rmNumber?: RmRefusal; birthDate?: BirthDateRefusal };

export type IdentifyResult = { ok: true; value: IdentifyOutcome } | { ok: false; refused: IdentifyRefusals };

export type IdentityDeps = { db: WriteDb; hashBirthDate: BirthDateHasher; clock: () => Date; log: Logger };

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** "Jean-Pierre Marc" -> "Jean-Pierre": the first of the first names, as people say it. */
function firstNameOf(firstNames: string): string {
  return firstNames.split(/[\s,]+/)[0] ?? firstNames;
}

export function createIdentityService({ db, hashBirthDate, clock, log }: IdentityDeps) {
  async function identify(input: { rmNumber: string; birthDate: BirthDateParts }): Promise<IdentifyResult> {
    const now = clock();
    const rm = parseRmNumber(input.rmNumber);
    const date = parseBirthDate(input.birthDate, localIsoDate(now));
    // Both fields are checked, so that the person sees every problem at once.
    if (!rm.ok || !date.ok) {
      return { ok: false, refused: { ...(rm.ok ? {} : { rmNumber: rm.reason }), ...(date.ok ? {} : { birthDate: date.reason }) } };
    }
    const rmNumber = rm.value.rmNumber;

    const attempts = await getAttempts(db, rmNumber);
    if (attempts?.lockedUntil != null && attempts.lockedUntil > now.getTime()) {
      log.info('identify', { outcome: 'locked' });
      return { ok: true, value: { kind: 'locked', rmNumber, until: new Date(attempts.lockedUntil).toISOString() } };
    }

    const artisan = await findByRmNumber(db, rmNumber);
    if (!artisan) {
      log.info('identify', { outcome: 'not-found' });
      return { ok: true, value: { kind: 'not-found', rmNumber } };
    }

    if (!sameHash(hashBirthDate(date.value), artisan.birthDateHmac)) {
      // Read and write the count in one transaction: two calls racing must not
      // both see 4 failures and both grant a fifth try.
      const counted = await db.transaction(async (tx) => {
        const current = await getAttempts(tx, rmNumber);
        // Another call may have locked the number since the check above.
        if (current?.lockedUntil != null && current.lockedUntil > now.getTime()) return { lockedUntil: current.lockedUntil, failures: MAX_WRONG_DATES };
        // A lock that has expired starts a fresh count.
        const failures = (current?.lockedUntil != null ? 0 : (current?.failures ?? 0)) + 1;
        const lockedUntil = failures >= MAX_WRONG_DATES ? now.getTime() + LOCK_MS : null;
        await saveAttempts(tx, { rmNumber, failures, lockedUntil, lastFailureAt: now.getTime() });
        // The registry is told of the lock (other desks, the online portal), through the outbox.
        if (lockedUntil) await enqueue(tx, 'audit-event', { event: 'identification-locked', rmNumber, until: new Date(lockedUntil).toISOString() }, now);
        return { lockedUntil, failures };
      });
      log.info('identify', { outcome: counted.lockedUntil ? 'locked' : 'wrong-date', failures: counted.failures });
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
    log.info('identify', { outcome: 'found', account: artisan.accountStatus });
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
          accountStatus: artisan.accountStatus,
        },
      },
    };
  }

  return { identify };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
