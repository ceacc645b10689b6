import type { BirthDateHasher } from '../identity/birth-date-hash.ts';
import type { Logger } from '../logging/logger.ts';
import { applyChangesPage, countArtisans } from '../store/artisans-repo.ts';
import type { WriteDb } from '../store/database.ts';
import { getMeta, setMeta } from '../store/meta-repo.ts';
import { acknowledge, due, pendingCount, postpone } from '../store/outbox-repo.ts';
import { type RegistryClient, RegistryError } from './client.ts';
import { replicaRowsMaker } from './replica-rows.ts';
import { readSyncStatus, type SyncStatus, writeSyncStatus } from './sync-status.ts';
import { ARTISAN_FIELDS, type ChangesPage, DEFAULT_PAGE } from './wire.ts';

export const CURSOR_KEY = 'registry-cursor';

export type SyncOptions = {
  pageSize?: number;
  pushBatch?: number;
  /** Backoff between failed pushes: base * 2^n with jitter, capped. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Failed attempts in one run before the outbox waits for the next run. */
  maxPushFailuresPerRun?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Called after each committed page (CLI progress). */
  onPage?: (info: { records: number; removed: number; hasMore: boolean }) => void;
};

export type SyncResult = { upserted: number; removed: number; pages: number; delivered: number };

export type SyncDeps = { db: WriteDb; client: RegistryClient; hashBirthDate: BirthDateHasher; clock: () => Date; log: Logger; options?: SyncOptions };

const FIELDS = JSON.stringify(ARTISAN_FIELDS);

/**
 * Keeps the local replica in step with the registry and delivers the outbox.
 * Pull: each page of the changes feed is applied together with its cursor in one
 * transaction, so a crash at any point resumes from the last committed page with nothing
 * lost or doubled; the next page is fetched while the current one is written. Push: outbox
 * operations leave only once the registry has acknowledged their idempotency key.
 */
export function createSyncEngine({ db, client, hashBirthDate, clock, log, options = {} }: SyncDeps) {
  const pageSize = options.pageSize ?? DEFAULT_PAGE;
  const pushBatch = options.pushBatch ?? 100;
  const backoffBase = options.backoffBaseMs ?? 1_000;
  const backoffMax = options.backoffMaxMs ?? 5 * 60_000;
  const maxFailures = options.maxPushFailuresPerRun ?? 6;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const makeRows = replicaRowsMaker(hashBirthDate);
  const listeners = new Set<(s: SyncStatus) => void>();
  let running: Promise<SyncResult> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let current: SyncStatus | null = null;

  const backoff = (failures: number) => Math.min(backoffMax, backoffBase * 2 ** (failures - 1)) * (0.5 + Math.random() / 2);

  async function pull(): Promise<Omit<SyncResult, 'delivered'>> {
    const result = { upserted: 0, removed: 0, pages: 0 };
    const start = (await getMeta(db, CURSOR_KEY)) ?? null;
    let next: Promise<{ page: ChangesPage }> | null = client.changes(start, pageSize);
    while (next) {
      const { page }: { page: ChangesPage } = await next;
      if (JSON.stringify(page.fields) !== FIELDS) throw new RegistryError('malformed', 'a changes page names other fields than this kiosk knows');
      const made = makeRows(page.items);
      if ('bad' in made) throw new RegistryError('malformed', `row ${made.bad} of a changes page does not match the API`);
      // Fetch the following page while this one is written; its failure is handled when awaited.
      next = page.hasMore ? client.changes(page.cursor, pageSize) : null;
      next?.catch(() => undefined);
      await db.transaction(async (tx) => {
        await applyChangesPage(tx, JSON.stringify(made.rows), JSON.stringify(page.removed));
        await setMeta(tx, CURSOR_KEY, page.cursor);
      });
      result.pages++;
      result.upserted += made.rows.length;
      result.removed += page.removed.length;
      options.onPage?.({ records: result.upserted, removed: result.removed, hasMore: page.hasMore });
    }
    return result;
  }

  /**
   * Delivers what the outbox holds. `retries` failed attempts are waited out here (backoff);
   * past them the batch is postponed and the error thrown. A person waiting on a screen gets
   * `retries: 0`: one try, and the background sync does the rest.
   */
  async function push({ retries = maxFailures }: { retries?: number } = {}): Promise<number> {
    let delivered = 0;
    let failures = 0;
    for (;;) {
      const batch = await due(db, clock().getTime(), pushBatch);
      if (batch.length === 0) return delivered;
      try {
        const results = await client.postOperations(batch.map((b) => b.operation));
        // "applied" and "duplicate" both mean the registry has it: either way it leaves.
        await db.transaction((tx) =>
          acknowledge(
            tx,
            results.map((r) => r.idempotencyKey),
          ),
        );
        delivered += results.length;
        failures = 0;
      } catch (error) {
        if (!(error instanceof RegistryError)) throw error;
        failures++;
        const transient = error.kind === 'offline' || error.kind === 'server' || error.kind === 'throttled';
        if (!transient || failures > retries) {
          const at = clock().getTime() + backoff(failures);
          await db.transaction((tx) =>
            postpone(
              tx,
              batch.map((b) => b.id),
              at,
              error.kind,
            ),
          );
          throw error;
        }
        // A 429 waits as long as the registry asks; other failures back off.
        await sleep(error.kind === 'throttled' ? error.retryAfterMs : backoff(failures));
      }
    }
  }

  async function snapshot(base: Partial<SyncStatus>): Promise<SyncStatus> {
    const previous = current ?? (await readSyncStatus(db));
    const outbox = await pendingCount(db);
    return { ...previous, ...base, records: await countArtisans(db), pendingOperations: outbox.pending, oldestPendingAt: outbox.oldest };
  }

  async function publish(status: SyncStatus, persist: boolean): Promise<void> {
    current = status;
    if (persist) await db.transaction((tx) => writeSyncStatus(tx, status));
    for (const listener of listeners) listener(status);
  }

  async function run(): Promise<SyncResult> {
    const startedAt = clock().toISOString();
    await publish(await snapshot({ state: 'syncing', lastAttemptAt: startedAt }), false);
    try {
      const pulled = await pull();
      const delivered = await push();
      await publish(await snapshot({ state: 'ok', lastSuccessAt: clock().toISOString(), lastError: null }), true);
      log.info('sync-done', { ...pulled, delivered });
      return { ...pulled, delivered };
    } catch (error) {
      const kind = error instanceof RegistryError ? error.kind : 'internal';
      const detail = error instanceof Error ? error.message : String(error);
      log.warn('sync-failed', { kind, detail });
      await publish(await snapshot({ state: kind === 'offline' ? 'offline' : 'error', lastError: { kind, at: clock().toISOString(), detail } }), true);
      throw error;
    }
  }

  return {
    /** One pull and push now; a call while one runs joins it. Rejects with the run's error. */
    syncNow(): Promise<SyncResult> {
      running ??= run().finally(() => {
        running = null;
      });
      return running;
    },
    /** Syncs every `intervalMs`, errors recorded in the status, until stop(). */
    start(intervalMs: number): void {
      const tick = () => {
        timer = setTimeout(() => {
          void this.syncNow()
            .catch(() => undefined)
            .finally(() => {
              if (timer) tick();
            });
        }, intervalMs);
      };
      tick();
    },
    async stop(): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
    async status(): Promise<SyncStatus> {
      return current ?? snapshot({});
    },
    onStatus(listener: (s: SyncStatus) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pull,
    push,
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
