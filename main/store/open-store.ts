import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logging/logger.ts';
import { openDatabase, type WriteDb } from './database.ts';
import { loadMigrations, migrate } from './migrate.ts';

export const STORE_FILE = 'kiosk.sqlite';

/**
 * Opens (creating if needed) the kiosk's store in `dataDir`, migrated to this version.
 * The file (openDatabase) and its folder are the kiosk's user's only.
 */
export async function openStore(dataDir: string, log: Logger): Promise<WriteDb> {
  return openStoreFile(path.join(dataDir, STORE_FILE), log);
}

/** The same, for a store file named by the caller (the CLI's --db). */
export async function openStoreFile(file: string, log: Logger): Promise<WriteDb> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  // A folder made before (by hand, or by an older kiosk) is closed to others too.
  await chmod(path.dirname(file), 0o700);
  const db = await openDatabase(file, log.child('db'));
  try {
    await migrate(db, await loadMigrations(), log.child('migrate'));
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
