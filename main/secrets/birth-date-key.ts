import { randomBytes } from 'node:crypto';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logging/logger.ts';

export const BIRTH_DATE_KEY_FILE = 'birth-date-hmac.key';

/**
 * The key that hashes dates of birth. Until the OS keychain holds it (the staff-console
 * issue), it lives in a file of the data directory that only the kiosk's user can read.
 */
export async function loadOrCreateBirthDateKey(dataDir: string, log: Logger): Promise<Buffer> {
  const file = path.join(dataDir, BIRTH_DATE_KEY_FILE);
  try {
    const key = await readFile(file);
    if (key.length !== 32) throw new Error(`${file} holds ${key.length} bytes, expected 32: restore it from a backup`);
    const mode = (await stat(file)).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      // Someone widened the file's permissions; narrow them again rather than refuse to start.
      await chmod(file, 0o600);
      log.warn('key-file-permissions-narrowed', { from: mode.toString(8) });
    }
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  // 'wx': never overwrite a key another process just wrote; the hashes depend on it.
  await writeFile(file, key, { mode: 0o600, flag: 'wx' });
  log.info('key-file-created');
  return key;
}
