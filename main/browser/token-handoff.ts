import { createHash, timingSafeEqual } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logging/logger.ts';

/**
 * A page left open while browser mode restarts holds the old launch's token, which the new
 * launch refuses. So that the page can carry on by itself, each launch keeps in the data
 * directory a digest (SHA-256) of its own token, and the next launch swaps that token, and only
 * that one, for its own (bridge.ts, POST /api/renew). A digest and not the token: the file
 * opens no call; only the page that held the token can present it. Two launches back is too
 * old: that page is told to call the desk.
 */
const FILE = 'bridge-token.sha256';

export const tokenDigest = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/** Whether `token` is the one whose digest is `digest`, in constant time. */
export function matchesDigest(token: string, digest: Buffer): boolean {
  const given = tokenDigest(token);
  return given.length === digest.length && timingSafeEqual(given, digest);
}

/** The previous launch's digest; null on a first launch, or if the file cannot be read (logged). */
export function previousDigest(dataDir: string, log: Logger): Buffer | null {
  try {
    const digest = Buffer.from(readFileSync(path.join(dataDir, FILE), 'utf8').trim(), 'hex');
    return digest.length === 32 ? digest : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('token-digest-unreadable', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
    return null;
  }
}

/** Keeps this launch's digest for the next one (600, as every file of the data directory). */
export function keepDigest(dataDir: string, token: string, log: Logger): void {
  const file = path.join(dataDir, FILE);
  try {
    writeFileSync(file, `${tokenDigest(token).toString('hex')}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  } catch (error) {
    // Not fatal: a page open across the next restart will be told to call the desk.
    log.warn('token-digest-not-kept', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
  }
}
