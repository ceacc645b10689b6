import type { Logger } from '../logging/logger.ts';
import { RegistryError } from './client.ts';
import { TRY_AGAIN_LATER } from './outbox-push.ts';

type Deps = {
  /** One delivery of the outbox, no retry (the sync engine's push with `retries: 0`). */
  push: () => Promise<unknown>;
  /** Whether the operation with this idempotency key still waits in the outbox. */
  pending: (key: string) => Promise<boolean>;
  log: Logger;
};

/**
 * A person is waiting on an operation just recorded: one try to deliver it, no wait. True
 * once the registry has it; false ("queued for later") only when the registry is offline,
 * failing (5xx), asking to slow down or answering what does not match the API. Anything else
 * is not passed off as "queued": a bug (a TypeError, a broken store), kiosk credentials the
 * registry refuses, the operation itself refused. It is logged with its kind (never its
 * message, which may quote a payload) and thrown, and the contract's handle() answers
 * INTERNAL. An operation refused beside this one's, this one delivered, is still delivered.
 */
export function createPushNow({ push, pending, log }: Deps): (key: string) => Promise<boolean> {
  return async (key) => {
    try {
      await push();
    } catch (error) {
      if (!(error instanceof RegistryError)) {
        log.error('push-now-failed', { kind: error instanceof Error ? error.name : typeof error });
        throw error;
      }
      if (TRY_AGAIN_LATER.has(error.kind)) {
        log.info('push-deferred', { kind: error.kind });
      } else if (await pending(key)) {
        log.error('push-now-failed', { kind: `registry-${error.kind}`, code: error.answer?.code ?? null });
        throw error;
      } else {
        // Ours went; another operation of the outbox was refused (outbox-push logged which).
        log.warn('push-other-refused', { kind: error.kind });
      }
    }
    return !(await pending(key));
  };
}
