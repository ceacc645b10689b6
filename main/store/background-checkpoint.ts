import sqlite3 from 'sqlite3';
import { errorKind, type Logger } from '../logging/logger.ts';

export type BackgroundCheckpoint = {
  /**
   * Copies the write-ahead log into the file soon, from the side connection. Callers do not
   * wait for it (the promise, which never rejects, is for tests and the close).
   */
  request(): Promise<void>;
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
    } while (again && !closed);
  };
  return {
    request() {
      if (closed || file === ':memory:') return Promise.resolve();
      if (running) {
        again = true;
        return running;
      }
      running = copy()
        .catch((error: unknown) => {
          // The backstop copies in the commits meanwhile; a connection that failed is opened anew.
          log.warn('background-checkpoint-failed', { kind: errorKind(error) });
          side = null;
        })
        .finally(() => {
          running = null;
        });
      return running;
    },
    async close() {
      closed = true;
      await running;
      const db = await side?.catch(() => null);
      if (db) await new Promise<void>((resolve) => db.close(() => resolve()));
    },
  };
}
