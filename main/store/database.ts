import { chmod, open } from 'node:fs/promises';
import sqlite3 from 'sqlite3';
import { errorKind, errorWhere, type Logger } from '../logging/logger.ts';
import { createBackgroundCheckpoint } from './background-checkpoint.ts';
import { createStatementCache } from './statement-cache.ts';

export type SqlValue = string | number | bigint | null | Buffer;
export type Params = readonly SqlValue[] | Record<string, SqlValue>;

/** Queries that only read. Repo functions that read take this, so they cannot write. */
export type ReadDb = {
  /** The first row of a query that selects one (by a key, an aggregate, LIMIT 1): the whole result is read. */
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
};

/** Inside a transaction: reads and writes, all committed or none. */
export type TxDb = ReadDb & {
  run(sql: string, params?: Params): Promise<{ changes: number; lastID: number }>;
  exec(sql: string): Promise<void>;
};

export type WriteDb = ReadDb & {
  /** Runs `work` in one IMMEDIATE transaction; writes of other callers wait for it. */
  transaction<T>(work: (tx: TxDb) => Promise<T>): Promise<T>;
  /**
   * Copies the write-ahead log into the file and empties it, between transactions. With
   * secure_delete, rows deleted before it leave no bytes behind in either file. The side
   * connection's copy (checkpointSoon) waits meanwhile; a checkpoint held by another process
   * is waited for about a second, then logged (checkpoint-incomplete) for the next one to do.
   */
  checkpoint(): Promise<void>;
  /** Asks for the write-ahead log to be copied into the file beside this connection's work (background-checkpoint.ts). */
  checkpointSoon(): Promise<void>;
  close(): Promise<void>;
  readonly file: string;
};

/** Why the store could not be opened or used, in words IT can act on. */
export class StoreError extends Error {
  override name = 'StoreError';
}

// Reads slower than this are logged: a lookup at the desk should take well under 1 ms.
// (Writes are not timed: a sync page takes tens of milliseconds by design.)
const SLOW_QUERY_MS = 50;
/** Prepared statements kept for reads (statement-cache.ts): the store's queries fit, with room. */
const KEPT_STATEMENTS = 100;
/** A checkpoint another one kept from finishing is tried again this often, this far apart (about a second). */
const CHECKPOINT_TRIES = 20;
const CHECKPOINT_RETRY_MS = 50;

export async function openDatabase(file: string, log: Logger): Promise<WriteDb> {
  // Every store holds personal data (the demo registry's holds dates of birth in clear): the
  // file is readable by the kiosk's user only, whatever the umask; SQLite gives its -wal and
  // -shm files the same mode.
  if (file !== ':memory:') {
    await (await open(file, 'a', 0o600)).close();
    await chmod(file, 0o600);
  }
  const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db = new sqlite3.Database(file, (err) => (err ? reject(new StoreError(`cannot open ${file}: ${err.message}`)) : resolve(db)));
  });

  const timed = <T>(sql: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    return run().finally(() => {
      const ms = performance.now() - started;
      if (ms > SLOW_QUERY_MS) log.warn('slow-query', { ms: Math.round(ms), sql: sql.slice(0, 80) });
    });
  };
  const statements = createStatementCache(raw, KEPT_STATEMENTS);
  const get = <T>(sql: string, params: Params = []) => timed(sql, () => statements.get<T>(sql, params));
  const all = <T>(sql: string, params: Params = []) => timed(sql, () => statements.all<T>(sql, params));
  const run = (sql: string, params: Params = []) =>
    new Promise<{ changes: number; lastID: number }>((res, rej) =>
      raw.run(sql, params, function (this: sqlite3.RunResult, e) {
        if (e) rej(e);
        else res({ changes: this.changes, lastID: this.lastID });
      }),
    );
  const exec = (sql: string) => new Promise<void>((res, rej) => raw.exec(sql, (e) => (e ? rej(e) : res())));

  // WAL: readers (the desk) never wait for a sync page being written. A checkpoint every
  // 10,000 pages (40 MB) instead of 1,000: a sync page touches thousands of index pages, and
  // checkpointing after nearly every page copied them again and again (about 13 % of a full
  // sync, test/bench).
  // secure_delete: a deleted row (a delivered photo, card PDF, mobile number, address) is
  // overwritten with zeros in the file, not left in free pages for anyone who copies it.
  await exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA wal_autocheckpoint = 10000; PRAGMA secure_delete = ON;',
  );

  // One connection serves everyone: a transaction must not interleave with another
  // caller's statements, so transactions queue behind each other.
  let queue: Promise<unknown> = Promise.resolve();
  const transaction = <T>(work: (tx: TxDb) => Promise<T>): Promise<T> => {
    const next = queue.then(async () => {
      await exec('BEGIN IMMEDIATE');
      try {
        const value = await work({ get, all, run, exec });
        await exec('COMMIT');
        return value;
      } catch (error) {
        await exec('ROLLBACK').catch((rollbackError: Error) =>
          log.error('rollback-failed', { kind: errorKind(rollbackError), where: errorWhere(rollbackError) }),
        );
        throw error;
      }
    });
    // The queue only orders the work: the caller gets the failure through `next`.
    queue = next.catch(() => undefined);
    return next;
  };

  const background = createBackgroundCheckpoint(file, log);
  // SQLite answers a checkpoint it could not finish (another one held the log, from another
  // process say) with a row saying busy, not an error: read, and tried again for a while.
  const truncate = async (): Promise<void> => {
    for (let attempt = 0; attempt < CHECKPOINT_TRIES; attempt++) {
      const row = await new Promise<{ busy: number } | undefined>((res, rej) =>
        raw.get('PRAGMA wal_checkpoint(TRUNCATE)', (e: Error | null, r: { busy: number } | undefined) => (e ? rej(e) : res(r))),
      );
      if (row?.busy === 0) return;
      await new Promise((r) => setTimeout(r, CHECKPOINT_RETRY_MS));
    }
    log.error('checkpoint-incomplete', { tries: CHECKPOINT_TRIES });
  };
  const checkpoint = (): Promise<void> => {
    const next = queue.then(() => background.aside(truncate));
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    file,
    get,
    all,
    transaction,
    checkpoint,
    checkpointSoon: background.request,
    close: async () => {
      await background.close();
      await statements.close();
      await new Promise<void>((res, rej) => raw.close((e) => (e ? rej(e) : res())));
    },
  };
}
