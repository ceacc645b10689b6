import { errorKind, errorWhere, type Logger } from '../logging/logger.ts';

export type Watch = { stop(): void };

/**
 * A check the main process makes on a timer, for a change nothing announces (an e-mail link
 * followed on the registry's side, a printer switched off): the screens do not poll, so the
 * main process asks on their behalf, and only while `active()` says someone waits for the
 * answer. Never two checks at once; a check that throws is logged and the next one runs.
 */
export function watchWhile({ everyMs, active, check, log }: { everyMs: number; active: () => boolean; check: () => Promise<void>; log: Logger }): Watch {
  let busy = false;
  const timer = setInterval(() => {
    if (busy || !active()) return;
    busy = true;
    check()
      .catch((error: unknown) => log.error('watch-check-failed', { kind: errorKind(error), where: errorWhere(error) }))
      .finally(() => {
        busy = false;
      });
  }, everyMs);
  // A watch never keeps the process alive on its own.
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
