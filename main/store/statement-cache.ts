import type sqlite3 from 'sqlite3';
import type { Params } from './database.ts';

type Entry = { statement: sqlite3.Statement; users: number; evicted: boolean };

/**
 * Prepared statements kept for the reads a desk repeats (an identification's lookup by RM
 * number, its attempt count, a meta key): the sqlite3 binding's `Database#get` prepares,
 * runs and finalizes a statement each time, three trips to its worker thread where a kept
 * statement takes one, and preparing an 18-column SELECT costs more than the lookup itself
 * (README, Performance: lookup p99).
 *
 * At most `size` statements are kept, the least recently used finalized first (SQL built with
 * a varying number of `?`, as the console's search does, must not pile up). A statement
 * still in use when it is evicted is finalized once its last user is done; all of them are
 * finalized by `close()`, before the connection closes (SQLite refuses to close with
 * statements left).
 */
export function createStatementCache(raw: sqlite3.Database, size: number) {
  const entries = new Map<string, Entry>();
  // Statements being prepared, with how many callers wait for each: they are counted as its
  // users before any of them runs, so that it cannot be evicted under them.
  const preparing = new Map<string, { entry: Promise<Entry>; waiters: number }>();

  const finalize = (entry: Entry) => new Promise<void>((res) => entry.statement.finalize(() => res()));

  function release(entry: Entry): void {
    entry.users--;
    if (entry.evicted && entry.users === 0) void finalize(entry);
  }

  function keep(sql: string, entry: Entry): void {
    entries.set(sql, entry);
    if (entries.size <= size) return;
    const [oldestSql, oldest] = entries.entries().next().value as [string, Entry];
    entries.delete(oldestSql);
    oldest.evicted = true;
    if (oldest.users === 0) void finalize(oldest);
  }

  /** The statement for `sql`, counted as in use (the caller releases it): prepared once. */
  function acquire(sql: string): Promise<Entry> {
    const hit = entries.get(sql);
    if (hit) {
      // Most recently used last: a Map keeps insertion order.
      entries.delete(sql);
      entries.set(sql, hit);
      hit.users++;
      return Promise.resolve(hit);
    }
    let pending = preparing.get(sql);
    if (!pending) {
      const started = {
        waiters: 0,
        entry: new Promise<Entry>((res, rej) => {
          const statement = raw.prepare(sql, (error: Error | null) => (error ? rej(error) : res({ statement, users: 0, evicted: false })));
        }),
      };
      started.entry.then(
        (entry) => {
          preparing.delete(sql);
          entry.users += started.waiters;
          keep(sql, entry);
        },
        // Each waiting caller gets the error (a bug in the SQL): nothing is kept.
        () => preparing.delete(sql),
      );
      preparing.set(sql, started);
      pending = started;
    }
    pending.waiters++;
    return pending.entry;
  }

  return {
    /**
     * The first row. Run to its end like `all` (which leaves no read open): `Database#get`'s
     * way, a step and then a reset, is two trips to the worker thread where one does, and the
     * store's `get`s all select one row (a key, an aggregate, LIMIT 1).
     */
    async get<T>(sql: string, params: Params): Promise<T | undefined> {
      return (await this.all<T>(sql, params))[0];
    },
    /** Every row, as `Database#all` (run to its end: no read is left open). */
    async all<T>(sql: string, params: Params): Promise<T[]> {
      const entry = await acquire(sql);
      try {
        return await new Promise<T[]>((res, rej) => entry.statement.all(params, (e: Error | null, rows: unknown[]) => (e ? rej(e) : res(rows as T[]))));
      } finally {
        release(entry);
      }
    },
    /** Finalizes every kept statement (before the connection closes). */
    async close(): Promise<void> {
      await Promise.allSettled([...preparing.values()].map((p) => p.entry));
      const kept = [...entries.values()];
      entries.clear();
      await Promise.all(kept.map(finalize));
    },
  };
}
