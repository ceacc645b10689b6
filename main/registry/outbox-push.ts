import type { Logger } from '../logging/logger.ts';
import type { WriteDb } from '../store/database.ts';
import { acknowledge, due, postpone, releaseAll } from '../store/outbox-repo.ts';
import { MAX_RETRY_AFTER_MS, type RegistryClient, RegistryError, type RegistryErrorKind } from './client.ts';

/**
 * The registry is away or busy for now, or answered something the kiosk cannot read (so it is
 * not known to have the operations): they are sent again later under the same idempotency
 * keys, and a person may be told "queued" (en attente d'envoi) truthfully (push-now.ts).
 */
export const TRY_AGAIN_LATER: ReadonlySet<RegistryErrorKind> = new Set(['offline', 'server', 'throttled', 'malformed']);

export type PushOptions = {
  pushBatch?: number;
  /** Backoff between failed pushes: base * 2^n with jitter, capped. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Failed attempts in one run before the outbox waits for the next run. */
  maxPushFailuresPerRun?: number;
  sleep?: (ms: number) => Promise<void>;
};

type Deps = { db: WriteDb; client: RegistryClient; clock: () => Date; log: Logger; options: PushOptions };

/**
 * Delivers the outbox. Operations leave only once the registry has acknowledged their
 * idempotency key; per subject they leave in the order they were made (outbox-repo's due()).
 * One batch is in flight at a time, so the background sync and a person's "send now" never
 * send the same operations side by side.
 */
export function createOutboxPusher({ db, client, clock, log, options }: Deps) {
  const pushBatch = options.pushBatch ?? 100;
  const backoffBase = options.backoffBaseMs ?? 1_000;
  const backoffMax = options.backoffMaxMs ?? 5 * 60_000;
  const maxFailures = options.maxPushFailuresPerRun ?? 6;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let lock: Promise<unknown> = Promise.resolve();

  const backoff = (failures: number) => Math.min(backoffMax, backoffBase * 2 ** (Math.max(1, failures) - 1)) * (0.5 + Math.random() / 2);
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = lock.then(work);
    // The lock only orders the work: the caller gets the failure through `next`.
    lock = next.catch(() => undefined);
    return next;
  };

  type Step = { done: true } | { done: false; delivered: number; failed?: { error: RegistryError; ids: number[]; attempts: number } };

  /** One batch: sent, acknowledged (or postponed when the registry acknowledged only part of it). */
  const step = (limit: number): Promise<Step> =>
    exclusive(async () => {
      const batch = await due(db, clock().getTime(), limit);
      if (batch.length === 0) return { done: true };
      const attempts = Math.max(...batch.map((b) => b.attempts));
      try {
        const results = await client.postOperations(batch.map((b) => b.operation));
        const keys = new Set(results.map((r) => r.idempotencyKey));
        const missing = batch.filter((b) => !keys.has(b.operation.idempotencyKey));
        // "applied" and "duplicate" both mean the registry has it: either way it leaves.
        await db.transaction(async (tx) => {
          await acknowledge(
            tx,
            batch.filter((b) => keys.has(b.operation.idempotencyKey)).map((b) => b.operation.idempotencyKey),
          );
          // An answer that leaves some out must not make this loop send them for ever.
          if (missing.length > 0)
            await postpone(
              tx,
              missing.map((b) => b.id),
              clock().getTime() + backoff(attempts + 1),
              'malformed',
            );
        });
        // What left may hold personal data (photo, card, address): its bytes leave the file too.
        await db.checkpoint();
        return { done: false, delivered: batch.length - missing.length };
      } catch (error) {
        if (!(error instanceof RegistryError)) throw error;
        return { done: false, delivered: 0, failed: { error, ids: batch.map((b) => b.id), attempts } };
      }
    });

  /**
   * Delivers what the outbox holds. `retries` transient failures are waited out here
   * (backoff, or what a 429 asks, capped); past them the batch is postponed and the error
   * thrown. A person waiting on a screen gets `retries: 0`: one try, no wait, and the
   * background sync does the rest (an unreadable answer counts as transient too). An
   * operation the registry refuses (4xx) is found by
   * sending one at a time, postponed alone, and does not hold back the others.
   * `now`: a person asked ("Synchroniser maintenant", the CLI): backoffs are forgotten first.
   */
  async function push({ retries = maxFailures, now = false }: { retries?: number; now?: boolean } = {}): Promise<number> {
    if (now) await db.transaction(releaseAll);
    let delivered = 0;
    let failures = 0;
    let limit = pushBatch;
    let refused: RegistryError | null = null;
    for (;;) {
      const s = await step(limit);
      if (s.done) break;
      delivered += s.delivered;
      if (!s.failed) {
        failures = 0;
        continue;
      }
      const { error, ids, attempts } = s.failed;
      const postponeAll = (at: number) => db.transaction((tx) => postpone(tx, ids, at, error.kind));
      // Only a refusal (4xx) is about one operation. An answer the kiosk cannot read (a proxy's
      // HTML page, a body cut short, JSON of another shape) says nothing about any of them:
      // not known to be delivered, so the batch is sent again later like after a 5xx, and the
      // idempotency keys keep the registry from applying anything twice.
      if (error.kind === 'rejected') {
        if (ids.length > 1) {
          limit = 1;
          continue;
        }
        await postponeAll(clock().getTime() + backoff(attempts + 1));
        log.warn('outbox-operation-refused', { kind: error.kind, code: error.answer?.code ?? null });
        refused = error;
        continue;
      }
      failures++;
      if (!TRY_AGAIN_LATER.has(error.kind) || failures > retries) {
        await postponeAll(clock().getTime() + Math.max(backoff(failures), error.kind === 'throttled' ? error.retryAfterMs : 0));
        throw error;
      }
      await sleep(error.kind === 'throttled' ? Math.min(error.retryAfterMs, MAX_RETRY_AFTER_MS) : backoff(failures));
    }
    if (refused) throw refused;
    return delivered;
  }

  return { push };
}
