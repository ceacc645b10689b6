import { appendFileSync, chmodSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LogSink } from './logger.ts';

/**
 * Log lines appended to `dir/kiosk.log`, rotated at `maxBytes` (kiosk.log.1 … .keep): what
 * the chamber's IT reads, bounded on disk. Lines hold no personal data (see logger.ts).
 * Synchronous on purpose: a line is on disk before the kiosk goes on, even if it crashes.
 */
export function fileSink(dir: string, { maxBytes = 5 * 1024 * 1024, keep = 5 } = {}): LogSink {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const file = path.join(dir, 'kiosk.log');
  let size = (() => {
    try {
      return statSync(file).size;
    } catch {
      // No log file yet (a new data directory); if it cannot be made, the first append throws.
      return 0;
    }
  })();
  const rotate = () => {
    rmSync(`${file}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      try {
        renameSync(`${file}.${i}`, `${file}.${i + 1}`);
      } catch {
        // Not that many old files yet.
      }
    }
    renameSync(file, `${file}.1`);
    size = 0;
  };
  return (line) => {
    const bytes = Buffer.byteLength(line) + 1;
    if (size > 0 && size + bytes > maxBytes) rotate();
    appendFileSync(file, `${line}\n`, { mode: 0o600 });
    size += bytes;
  };
}

/** Both: the terminal (stderr) and the log files. */
export function teeSink(...sinks: LogSink[]): LogSink {
  return (line) => {
    for (const sink of sinks) sink(line);
  };
}
