import type { BirthDateHasher } from '../identity/birth-date-hash.ts';
import { errorKind, errorWhere, type Logger } from '../logging/logger.ts';
import type { SyncProblem, SyncStatus } from '../shared/sync.ts';
import { forgetKnownAccountsBefore, reassertKnownAccountsOfBatch } from '../store/account-known-repo.ts';
import { applyChangesPage, countArtisans, finishResync, type PageApplied, startResync } from '../store/artisans-repo.ts';
import type { TxDb, WriteDb } from '../store/database.ts';
import { deleteMeta, getMeta, setMeta } from '../store/meta-repo.ts';
import { pendingCount } from '../store/outbox-repo.ts';
import { deferSearchIndexes, restoreSearchIndexes } from '../store/search-index.ts';
import { type RegistryClient, RegistryError } from './client.ts';
import { inKeyOrder, type SortedRows } from './key-order.ts';
import { createOutboxPusher, type PushOptions } from './outbox-push.ts';
import { removedProblem, sizeProblem } from './page-check.ts';
import { readChangesPage } from './page-reader.ts';
import { readAhead } from './read-ahead.ts';
import { pageRows } from './replica-rows.ts';
import { readSyncStatus, writeSyncStatus } from './sync-status.ts';
import { ARTISAN_FIELDS, DEFAULT_PAGE } from './wire.ts';

export const CURSOR_KEY = 'registry-cursor';
/** Set once the feed has been read to its end: until then "not found" cannot be trusted. */
export const COMPLETE_KEY = 'replica-complete';
/** Set while a full resync (the registry refused the cursor) is under way. */
export const RESYNC_KEY = 'replica-resync';

/** What the sync keeps about the copy: forgotten together when the copy is emptied. */
export const SYNC_MARKS = [CURSOR_KEY, COMPLETE_KEY, RESYNC_KEY] as const;

/** After failed runs, the background sync waits longer, up to this. */
const MAX_RUN_BACKOFF_MS = 15 * 60_000;

export type SyncOptions = PushOptions & {
  pageSize?: number;
  /** At most this many rows written in one transaction (BATCH_ROWS); tests make it small. */
  batchRows?: number;
  /** Called after each committed batch of pages (CLI progress). */
  onPage?: (info: { records: number; removed: number; hasMore: boolean }) => void;
};

export type SyncResult = { upserted: number; removed: number; older: number; pages: number; resynced: boolean; delivered: number };
type PullResult = Omit<SyncResult, 'delivered'>;

/**
 * At most this many rows in one transaction of the sync, written in key order: with pages of
 * 3,000, seven pages. Larger batches write a first load faster, and hold more memory: about a
 * kilobyte a row, twice (the batch, and as many rows read ahead); README, Performance. A
 * writer waiting for the store (an activation) gets it after the batch being written, a
 * fraction of a second.
 */
const BATCH_ROWS = 20_000;
/**
 * Pages, and bytes, read ahead of the writes at most (besides the batch's rows): a feed of
 * pages that only remove, or of rows padded with spaces, stays bounded in memory.
 */
const AHEAD_PAGES = 12;
const AHEAD_BYTES = 32 * 2 ** 20;

/** A changes page checked whole: what its write needs, and no parsed row. */
type CheckedPage = {
  /** The page as the registry sent it: SQLite reads its rows from it. */
  bytes: Buffer;
  /** Each row's date-of-birth hash (pageRows). */
  hashes: Buffer;
  count: number;
  /** No row and no removal. */
  empty: boolean;
  /** The removed RM numbers, as a JSON array. */
  removed: string;
  /** Row i's RM number, and where its text lies in `bytes` (inKeyOrder). */
  rms: string[];
  spans: Uint32Array;
  cursor: string;
  hasMore: boolean;
  /** When the kiosk asked for it (Unix ms): what the kiosk learnt of an account later is newer than its rows. */
  askedAt: number;
};

/** What a batch's write needs to know of its run. */
type RunMarks = {
  firstAskedAt: number;
  batchFirstAskedAt: number;
  batchLastAskedAt: number;
  /** Each RM number of the batch to when the page that last carried it was asked, as a JSON object. */
  askedAtOfRows: () => string;
  wasComplete: boolean;
  resyncing: boolean;
};
/** What a batch's write keeps of its last page: not its rows. */
type BatchEnd = Pick<CheckedPage, 'cursor' | 'hasMore' | 'removed'>;

export type ReplicaState = { complete: boolean; loadPercent: number | null };

export type SyncDeps = {
  db: WriteDb;
  client: RegistryClient;
  hashBirthDate: BirthDateHasher;
  clock: () => Date;
  log: Logger;
  options?: SyncOptions;
  /** Also done at each run, beside pull and push (the chamber's card keys); its failure does not fail the run. */
  alsoEachRun?: () => Promise<void>;
};

const FIELDS = JSON.stringify(ARTISAN_FIELDS);
const stalled = (why: string) => new RegistryError('stalled', why);

/**
 * Keeps the local replica in step with the registry and delivers the outbox, the two apart:
 * a feed that fails never keeps the artisans' changes on the kiosk, and the reverse.
 * Pull: each page of the changes feed is checked whole as it arrives; the pages at hand are
 * written as a batch, in RM-number order, together with the last one's cursor in one
 * transaction, so a crash at any point resumes from the last committed batch with nothing
 * lost or doubled; the next pages are read ahead while a batch is written.
 * A feed that does not advance stops the run with an error (never a loop); a cursor the
 * registry no longer accepts starts a full resync into the same replica, which keeps
 * serving meanwhile.
 */
export function createSyncEngine({ db, client, hashBirthDate, clock, log, options = {}, alsoEachRun }: SyncDeps) {
  const pageSize = options.pageSize ?? DEFAULT_PAGE;
  const rowsOf = pageRows(hashBirthDate);
  const pusher = createOutboxPusher({ db, client, clock, log, options });
  const listeners = new Set<(s: SyncStatus) => void>();
  let running: Promise<SyncResult> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopping = false;
  let current: SyncStatus | null = null;
  let replica: ReplicaState | null = null;

  async function replicaState(): Promise<ReplicaState> {
    replica ??= { complete: (await getMeta(db, COMPLETE_KEY)) === '1', loadPercent: null };
    return replica;
  }

  /**
   * The registry's count of artisans, only for a first load's percentage: without it the load
   * goes on and shows no percentage. The registry not giving it (offline, refused, an answer
   * without it) is expected, and the changes feed reports that itself; it is logged with its
   * kind. Anything else is a bug: logged as an error with its kind (never its message), and the
   * load goes on, rather than a progress figure stopping the replica from filling.
   */
  async function recordCount(): Promise<number | null> {
    try {
      return await client.recordCount();
    } catch (error) {
      if (error instanceof RegistryError) log.info('sync-count-unavailable', { kind: error.kind });
      else log.error('sync-count-failed', { kind: error instanceof Error ? error.name : typeof error });
      return null;
    }
  }

  /**
   * A page checked whole before anything of it is written: its envelope, every row, and what
   * only the whole page shows. Done as the page arrives, while the one before is being
   * written; only what the write needs is kept: the bytes themselves (SQLite reads the rows
   * from them) and the rows' date-of-birth hashes. Each row is parsed, checked and dropped in
   * turn, so no page-sized string or parse is ever made (README, Performance: RSS).
   */
  async function checkedPage(bytes: Buffer, askedAt: number): Promise<CheckedPage> {
    const page = readChangesPage(bytes);
    if (JSON.stringify(page.fields) !== FIELDS) throw new RegistryError('malformed', 'a changes page names other fields than this kiosk knows');
    const tooLarge = sizeProblem(page.rowCount, page.removed.length);
    if (tooLarge) throw new RegistryError('malformed', tooLarge);
    const rows = await rowsOf(page);
    if ('problem' in rows) throw new RegistryError('malformed', rows.problem);
    const problem = removedProblem(page.removed, rows.kept);
    if (problem) throw new RegistryError('malformed', problem);
    const spans = new Uint32Array(page.rowCount * 2);
    for (let i = 0; i < page.rowCount; i++) spans.set(page.rowSpan(i), 2 * i);
    return {
      bytes,
      hashes: rows.hashes,
      count: page.rowCount,
      empty: page.rowCount === 0 && page.removed.length === 0,
      removed: JSON.stringify(page.removed),
      rms: [...rows.kept],
      spans,
      cursor: page.cursor,
      hasMore: page.hasMore,
      askedAt,
    };
  }

  /** A page of the feed, checked as it arrives (while the batch before it is written). */
  function fetchPage(after: string | null): Promise<CheckedPage> {
    const askedAt = clock().getTime();
    return client.changesBytes(after, pageSize).then((bytes) => checkedPage(bytes, askedAt));
  }

  /**
   * Writes a batch of checked pages, their rows in key order (inKeyOrder), and the last one's
   * cursor; only the last page may remove artisans (a batch ends there), so removals come after
   * every row sent before them, as in the feed. What ends the feed is written with its last page.
   */
  async function writeBatch(tx: TxDb, rows: SortedRows[], last: BatchEnd, marks: RunMarks): Promise<PageApplied> {
    const done: PageApplied = { upserted: 0, older: 0, removed: 0 };
    for (const [i, part] of rows.entries()) {
      // The last page's removals after every row: the batch ends at a page that removes.
      const removed = i === rows.length - 1 ? last.removed : '[]';
      const applied = await applyChangesPage(tx, part.bytes, part.hashes, part.count, removed, {
        markSeen: marks.resyncing,
        loading: !marks.wasComplete,
      });
      done.upserted += applied.upserted;
      done.older += applied.older;
      done.removed += applied.removed;
    }
    // A page asked for before an activation (or a login) at this kiosk carries the account as
    // it was: what the kiosk learnt since the page was asked for is put back, in the same
    // transaction (it only ever raises a status: what the kiosk did is not undone).
    await reassertKnownAccountsOfBatch(tx, marks.batchFirstAskedAt, marks.batchLastAskedAt, marks.askedAtOfRows);
    await setMeta(tx, CURSOR_KEY, last.cursor);
    if (!last.hasMore) {
      // Read to the end from after that moment: the registry's word on those accounts stands.
      await forgetKnownAccountsBefore(tx, marks.firstAskedAt);
      if (!marks.wasComplete) await restoreSearchIndexes(tx);
      if (marks.resyncing) {
        done.removed += await finishResync(tx);
        await deleteMeta(tx, RESYNC_KEY);
      }
      await setMeta(tx, COMPLETE_KEY, '1');
    }
    return done;
  }

  async function pullOnce(result: PullResult): Promise<void> {
    const start = (await getMeta(db, CURSOR_KEY)) ?? null;
    const resyncing = (await getMeta(db, RESYNC_KEY)) === '1';
    const state = await replicaState();
    const wasComplete = state.complete;
    // A first load says how far it is: the registry's count, asked once.
    const expected = state.complete ? null : await recordCount();
    let loaded = state.complete ? 0 : await countArtisans(db);
    // A first load builds the secondary indexes once at its end: what an empty copy can
    // afford that a delta cannot. (A larger page cache meanwhile was tried: at a million rows
    // it bought nothing measurable and cost 30 MB of RSS.)
    if (!state.complete) await db.transaction(deferSearchIndexes);
    // Every position this run was sent: one seen again means the feed went round in a circle.
    const seen = new Set<string>(start === null ? [] : [start]);
    /** Why the feed cannot go on from this page, or null: checked before anything of it is written. */
    const refusal = (page: CheckedPage): RegistryError | null => {
      if (page.hasMore && seen.has(page.cursor)) return stalled('the registry sent again a position of its changes feed it had already sent');
      if (page.hasMore && page.empty) return stalled('the registry sent an empty page and said more would follow');
      return null;
    };
    // A first load (secondary indexes deferred) writes in batches; a complete copy (deltas, a
    // resync) a page at a time, as a writer waiting for the store (an activation) waits for
    // the one being written.
    const batchRows = options.batchRows ?? (state.complete ? pageSize : BATCH_ROWS);
    // The reader stops asking where the engine would refuse: a stuck feed is read no further.
    const feed = readAhead(fetchPage, start, { rows: batchRows, bytes: AHEAD_BYTES, pages: AHEAD_PAGES }, (page) => refusal(page) === null);
    let runAskedAt: number | null = null;
    try {
      let more = true;
      while (more && !stopping) {
        // A batch starts with a page already here: no transaction is ever held open on the network.
        const batch = [await feed.next()];
        let rows = (batch[0] as CheckedPage).count;
        for (;;) {
          const page = batch.at(-1) as CheckedPage;
          const problem = refusal(page);
          if (problem) throw problem;
          seen.add(page.cursor);
          // More pages while they are here (README, Performance: a larger batch walks the
          // index in fewer, longer strides). The batch ends at a page not yet here, one that
          // removes artisans, the end of the feed, or its size; a bad page is refused above
          // when it is taken, after this batch is written.
          const upcoming = page.hasMore && page.removed === '[]' && !stopping ? feed.ready() : null;
          if (upcoming === null || rows + upcoming.count > batchRows || refusal(upcoming)) break;
          batch.push(await feed.next());
          rows += upcoming.count;
        }
        // Only what the write needs of the first and last pages: their bytes go with the sort.
        const batchFirstAskedAt = (batch[0] as CheckedPage).askedAt;
        const { cursor, hasMore, removed, askedAt: batchLastAskedAt } = batch.at(-1) as CheckedPage;
        const last: BatchEnd = { cursor, hasMore, removed };
        runAskedAt ??= batchFirstAskedAt;
        const carried = batch.map((p) => ({ rms: p.rms, askedAt: p.askedAt }));
        const run: RunMarks = {
          firstAskedAt: runAskedAt,
          batchFirstAskedAt,
          batchLastAskedAt,
          askedAtOfRows: () => JSON.stringify(Object.fromEntries(carried.flatMap((p) => p.rms.map((rm) => [rm, p.askedAt])))),
          wasComplete: state.complete,
          resyncing,
        };
        const pages = batch.length;
        // Sorted before the transaction, and the pages' bytes let go: a batch is held once, not twice.
        const sorted = inKeyOrder(batch.splice(0), pageSize);
        const applied = await db.transaction((tx) => writeBatch(tx, sorted, last, run));
        // The batch's pages (thousands of index pages) copied into the file beside the desk's work
        // and the next batch, not inside a later commit. In a first load too: SQLite's own copy
        // waits for the disk twice (fsync) on the writer's path, every 10,000 pages, and a load
        // at a million took about a second longer with it (README, Performance).
        void db.checkpointSoon();
        result.pages += pages;
        result.upserted += applied.upserted;
        result.older += applied.older;
        result.removed += applied.removed;
        if (applied.older > 0) log.warn('sync-older-rows-skipped', { count: applied.older });
        if (!last.hasMore) state.complete = true;
        more = last.hasMore;
        loaded += applied.upserted - applied.removed;
        options.onPage?.({ records: result.upserted, removed: result.removed, hasMore: last.hasMore });
        state.loadPercent = state.complete || !expected ? null : Math.min(99, Math.floor((loaded / expected) * 100));
        if (current) notify({ ...current, replicaComplete: state.complete, loadPercent: state.loadPercent });
      }
    } finally {
      // Stopped (or failed) with pages still on their way: they are not applied, and their
      // failure (the abort of stop(), mostly) is not one: the next run asks for them again.
      feed.close();
    }
    // A first load leaves tens of megabytes in the write-ahead log: copied into the file now, as
    // part of the load, not by whichever commit comes next (an artisan's activation, say).
    if (!wasComplete && state.complete) await db.checkpoint();
  }

  async function pull(): Promise<PullResult> {
    const result: PullResult = { upserted: 0, removed: 0, older: 0, pages: 0, resynced: false };
    try {
      await pullOnce(result);
    } catch (error) {
      // The registry no longer knows the kiosk's position (restored from a backup, cursor
      // format changed): read the whole feed again into the same replica, once per run.
      if (!(error instanceof RegistryError && error.answer?.code === 'BAD_CURSOR' && (await getMeta(db, CURSOR_KEY)) !== undefined)) throw error;
      log.warn('sync-cursor-refused', { action: 'full-resync' });
      await db.transaction(async (tx) => {
        await deleteMeta(tx, CURSOR_KEY);
        await setMeta(tx, RESYNC_KEY, '1');
        await startResync(tx);
      });
      result.resynced = true;
      await pullOnce(result);
    }
    return result;
  }

  async function snapshot(base: Partial<SyncStatus>): Promise<SyncStatus> {
    const previous = current ?? (await readSyncStatus(db));
    const outbox = await pendingCount(db);
    const state = await replicaState();
    return {
      ...previous,
      ...base,
      records: await countArtisans(db),
      pendingOperations: outbox.pending,
      oldestPendingAt: outbox.oldest,
      replicaComplete: state.complete,
      loadPercent: state.loadPercent,
    };
  }

  function notify(status: SyncStatus): void {
    current = status;
    for (const listener of listeners) listener(status);
  }

  async function publish(status: SyncStatus, persist: boolean): Promise<void> {
    if (persist) await db.transaction((tx) => writeSyncStatus(tx, status));
    notify(status);
  }

  // A bug's own message (a raw SQLite error, say) goes to the log, not to the status staff read.
  const problemOf = (error: unknown): SyncProblem => ({
    kind: error instanceof RegistryError ? error.kind : 'internal',
    at: clock().toISOString(),
    detail: error instanceof RegistryError ? error.message : 'unexpected error',
    ...(error instanceof RegistryError && error.addressUnknown ? { addressUnknown: true as const } : {}),
  });

  async function run(asked: boolean): Promise<SyncResult> {
    const startedAt = clock().toISOString();
    await publish(await snapshot({ state: 'syncing', lastAttemptAt: startedAt }), false);
    // Pull and push run side by side: neither waits for the other, neither stops the other.
    const besides = alsoEachRun?.().catch((error: unknown) => log.error('sync-side-task-failed', { kind: errorKind(error), where: errorWhere(error) }));
    const [pulled, pushed] = await Promise.allSettled([pull(), pusher.push({ now: asked })]);
    await besides;
    const pullError = pulled.status === 'rejected' ? problemOf(pulled.reason) : null;
    const pushError = pushed.status === 'rejected' ? problemOf(pushed.reason) : null;
    const failed = pullError ?? pushError;
    const state: SyncStatus['state'] = failed === null ? 'ok' : failed.kind === 'offline' ? 'offline' : 'error';
    await publish(
      await snapshot({
        state,
        lastError: pullError,
        outboxError: pushError,
        ...(pullError === null ? { lastSuccessAt: clock().toISOString() } : {}),
      }),
      true,
    );
    for (const [what, problem] of [
      ['pull', pullError],
      ['push', pushError],
    ] as const) {
      // Unexpected errors (bugs) are logged as such; registry trouble is expected, and said.
      if (problem) log.warn('sync-failed', { part: what, kind: problem.kind, detail: problem.detail });
    }
    for (const settled of [pulled, pushed])
      if (settled.status === 'rejected' && !(settled.reason instanceof RegistryError))
        log.error('sync-bug', { kind: errorKind(settled.reason), where: errorWhere(settled.reason) });
    if (pulled.status === 'rejected') throw pulled.reason;
    if (pushed.status === 'rejected') throw pushed.reason;
    const result = { ...pulled.value, delivered: pushed.value };
    log.info('sync-done', result);
    return result;
  }

  return {
    /**
     * One pull and push now; a call while one runs joins it. Rejects with the run's error.
     * `asked` (a person asked, the default): operations waiting out a backoff go too.
     */
    syncNow({ asked = true }: { asked?: boolean } = {}): Promise<SyncResult> {
      running ??= run(asked).finally(() => {
        running = null;
      });
      return running;
    },
    /**
     * Syncs in the background: first after `firstDelayMs`, then every `intervalMs`, longer
     * after failures (doubling, up to 15 minutes), errors recorded in the status, until stop().
     */
    start(intervalMs: number, firstDelayMs = intervalMs): void {
      let failures = 0;
      const tick = (delay: number) => {
        timer = setTimeout(() => {
          void this.syncNow({ asked: false })
            .then(
              () => {
                failures = 0;
              },
              () => {
                failures++;
              },
            )
            .finally(() => {
              if (timer) tick(failures === 0 ? intervalMs : Math.min(MAX_RUN_BACKOFF_MS, intervalMs * 2 ** failures));
            });
        }, delay);
      };
      tick(firstDelayMs);
    },
    /** Stops the background sync; a call to the registry in flight is cut, not waited for. */
    async stop(): Promise<void> {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = null;
      client.abort();
      // The run's own failure is already in the status and the log (run() publishes both).
      await running?.catch(() => undefined);
    },
    async status(): Promise<SyncStatus> {
      return current ?? snapshot({});
    },
    /** Whether the replica can answer "not found" yet, and how far a first load is. */
    replica: replicaState,
    onStatus(listener: (s: SyncStatus) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pull,
    push: pusher.push,
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
