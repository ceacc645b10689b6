import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logging/logger.ts';
import { openDatabase, type WriteDb } from './database.ts';
import { loadMigrations, migrate } from './migrate.ts';

export const STORE_FILE = 'kiosk.sqlite';

/** Opens (creating if needed) the kiosk's store in `dataDir`, migrated to this version. */
export async function openStore(dataDir: string, log: Logger): Promise<WriteDb> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const db = await openDatabase(path.join(dataDir, STORE_FILE), log.child('db'));
  try {
    await migrate(db, await loadMigrations(), log.child('migrate'));
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
