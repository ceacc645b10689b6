import type { SessionHolder } from '../accounts/session.ts';
import type { Logger } from '../logging/logger.ts';
import type { EventBus } from './events.ts';
import { type Watch, watchWhile } from './watch.ts';

export type ActivationWatch = Watch & {
  /** This visit's artisan waits for their activation link to be followed (the check-mail screen). */
  waitFor(rmNumber: string): void;
};

/**
 * "Votre compte est activé" without the screen polling: the link is followed on a phone, and
 * only the registry knows. While this visit's artisan waits for it and someone listens to the
 * events (the kiosk's window, a browser-mode page), the main process asks the registry every
 * `everyMs`, and says `mail-confirmed` once. It stops asking when the visit ends (another
 * RM number, or none, in the session) or the account is active. A registry whose answer the
 * kiosk does not believe (main/accounts/account-trust.ts) ends the wait too: it says
 * `account-untrusted`, and the waiting screen asks, and says what to do.
 */
export function createActivationWatch({
  bus,
  session,
  status,
  everyMs = 2000,
  log,
}: {
  bus: EventBus;
  session: SessionHolder;
  /**
   * Whether the activation was confirmed, as far as the kiosk believes the registry (the
   * accounts service's `confirmation`); null when the registry cannot say (offline).
   */
  status: (rmNumber: string) => Promise<'pending' | 'confirmed' | 'untrusted' | null>;
  everyMs?: number;
  log: Logger;
}): ActivationWatch {
  let waiting: string | null = null;
  const watch = watchWhile({
    everyMs,
    log,
    active: () => waiting !== null && bus.listeners() > 0,
    check: async () => {
      const rm = waiting;
      if (rm === null) return;
      if (session.get().rmNumber !== rm) {
        waiting = null;
        return;
      }
      const now = await status(rm);
      // The visit may have ended (or another begun) while the registry answered.
      if ((now !== 'confirmed' && now !== 'untrusted') || waiting !== rm || session.get().rmNumber !== rm) return;
      waiting = null;
      log.info(now === 'confirmed' ? 'activation-confirmed' : 'activation-untrusted');
      bus.emit({ kind: now === 'confirmed' ? 'mail-confirmed' : 'account-untrusted' });
    },
  });
  return {
    waitFor(rmNumber) {
      waiting = rmNumber;
    },
    stop: watch.stop,
  };
}
