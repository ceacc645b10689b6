import { type AccountHeard, NOTHING_HEARD } from './account-trust.ts';

/**
 * The one visit in progress at this kiosk, in the main process. It holds who was identified
 * (so that the renderer cannot act for another RM number than the one it proved) and
 * whether they logged in. Nothing of it is written to disk; `end()` forgets it all.
 */
export type Session = {
  rmNumber: string | null;
  /**
   * The date of birth proven with it (ISO), for the one registry call that asks for it again
   * (a pending activation's address changed). In memory only, gone with the visit.
   */
  birthDate: string | null;
  loggedIn: boolean;
  /** The address the account uses (or its confirmation went to), for the screens. */
  email: string | null;
  /**
   * The address typed in this visit (to activate, as the link's new address, or to log in):
   * the only one whose demo mailbox this visit may open.
   */
  typedEmail: string | null;
  /** This visit chose the password: once the link is followed, it goes on logged in. */
  activatedHere: boolean;
  /** What the registry said of the account in this visit, to hold it to its word (account-trust.ts). */
  account: AccountHeard;
  /** The ID photo taken in this visit (JPEG), until the visit ends. */
  photo: Buffer | null;
  /** The registry was asked for the artisan's photo in this visit (and answered): no need to ask again. */
  photoRecalled?: boolean;
};

const EMPTY: Session = {
  rmNumber: null,
  birthDate: null,
  loggedIn: false,
  email: null,
  typedEmail: null,
  activatedHere: false,
  account: NOTHING_HEARD,
  photo: null,
};

export function createSessionHolder() {
  let session: Session = EMPTY;
  return {
    get: (): Readonly<Session> => session,
    identified(rmNumber: string, birthDate: string | null = null): void {
      session.photo?.fill(0);
      session = { ...EMPTY, rmNumber, birthDate };
    },
    update(patch: Partial<Session>): void {
      session = { ...session, ...patch };
    },
    end(): void {
      // Overwrite the photo's bytes before letting go of them: nothing of a face stays in memory.
      session.photo?.fill(0);
      session = EMPTY;
    },
  };
}

export type SessionHolder = ReturnType<typeof createSessionHolder>;
