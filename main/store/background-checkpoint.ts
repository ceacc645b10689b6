import sqlite3 from 'sqlite3';
import { errorKind, type Logger } from '../logging/logger.ts';

export type BackgroundCheckpoint = {
  /**
   * Copies the write-ahead log into the file soon, from the side connection. Callers do not
   * wait for it (the promise, which never rejects, is for tests and the close).
   */
  request(): Promise<void>;
  /**
   * Runs `work` (the main connection's own checkpoint) with no copy under way or starting:
   * SQLite lets one checkpoint run at a time, and refuses another at once (SQLITE_BUSY, which
   * no busy timeout waits out). A copy asked meanwhile runs after it.
   */
  aside<T>(work: () => Promise<T>): Promise<T>;
  /** Waits for a copy under way, then closes the side connection. */
  close(): Promise<void>;
};

/**
 * The write-ahead log copied into the store's file from a second connection, off every caller's
 * path. SQLite's own checkpoint runs inside the commit that fills the log past its threshold
 * (wal_autocheckpoint), on the one connection the kiosk shares: every few deltas a commit took a
 * quarter of a second more, and every read at the desk (an identification) waited behind it. A
 * PASSIVE checkpoint on another connection runs beside reads and writes: WAL allows it, and it
 * never waits for them, copying only what no reader still needs. Asked after a large write, it
 * keeps the log short of the threshold, which stays as the backstop. Asked while one runs, one
 * more follows it (what was written meanwhile).
 */
export function createBackgroundCheckpoint(file: string, log: Logger): BackgroundCheckpoint {
  let side: Promise<sqlite3.Database> | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  // The main connection's own checkpoints in progress: no copy starts while one runs.
  let held = 0;
  const connect = () =>
    new Promise<sqlite3.Database>((resolve, reject) => {
      const db = new sqlite3.Database(file, sqlite3.OPEN_READWRITE, (e) => (e ? reject(e) : resolve(db)));
    });
  const copy = async () => {
    side ??= connect();
    const db = await side;
    do {
      again = false;
      await new Promise<void>((resolve, reject) => db.exec('PRAGMA wal_checkpoint(PASSIVE)', (e) => (e ? reject(e) : resolve())));
    } while (again && !closed && held === 0);
  };
  const request = (): Promise<void> => {
    if (closed || file === ':memory:') return Promise.resolve();
    if (running || held > 0) {
      again = true;
      return running ?? Promise.resolve();
    }
    running = copy()
      .catch((error: unknown) => {
        // The backstop copies in the commits meanwhile. A connection that opened is closed (not
        // left holding the file), and opened anew at the next request.
        log.warn('background-checkpoint-failed', { kind: errorKind(error) });
        void side?.then(
          (db) => db.close(() => undefined),
          () => undefined,
        );
        side = null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  return {
    request,
    async aside(work) {
      held++;
      try {
        await running;
        return await work();
      } finally {
        held--;
        if (held === 0 && again) void request();
      }
    },
    async close() {
      closed = true;
      await running;
      const db = await side?.catch(() => null);
      if (db) await new Promise<void>((resolve) => db.close(() => resolve()));
    },
  };
}
