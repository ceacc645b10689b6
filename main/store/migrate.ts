import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../logging/logger.ts';
import { StoreError, type WriteDb } from './database.ts';

export type Migration = { id: number; name: string; sql: string; checksum: string };

/** Where the migration files are, next to this module (and next to the Electron bundle). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE.exec(file);
    if (!match) throw new StoreError(`migration file ${file} is not named NNNN_name.sql`);
    const sql = await readFile(path.join(dir, file), 'utf8');
    const id = Number(match[1]);
    if (id !== migrations.length + 1) throw new StoreError(`migration ${file} breaks the sequence: expected number ${migrations.length + 1}`);
    migrations.push({ id, name: match[2] ?? '', sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return migrations;
}

type Applied = { id: number; name: string; checksum: string };

/**
 * Applies the pending migrations, each in its own transaction, recorded with its checksum.
 * A database whose applied migrations differ from the files (edited, removed, or from a
 * newer kiosk) is refused: guessing would risk the chamber's data.
 */
export async function migrate(db: WriteDb, migrations: Migration[], log: Logger, upTo = Number.POSITIVE_INFINITY): Promise<number> {
  await db.transaction((tx) =>
    tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT',
    ),
  );
  const applied = await db.all<Applied>('SELECT id, name, checksum FROM schema_migrations ORDER BY id');
  for (const [index, row] of applied.entries()) {
    const file = migrations[index];
    if (!file) {
      throw new StoreError(
        `the store at ${db.file} was written by a newer kiosk (migration ${row.id}_${row.name} is unknown to this version); install the newer version or use another data directory`,
      );
    }
    if (file.id !== row.id || file.name !== row.name || file.checksum !== row.checksum) {
      throw new StoreError(
        `the store at ${db.file} does not match this version's migrations (applied ${row.id}_${row.name}, expected ${file.id}_${file.name}); it was changed by hand or by another build: restore a backup or use another data directory`,
      );
    }
  }
  let count = 0;
  for (const m of migrations.slice(applied.length)) {
    if (m.id > upTo) break;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.run('INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)', [m.id, m.name, m.checksum, new Date().toISOString()]);
    });
    log.info('migration-applied', { id: m.id, name: m.name });
    count++;
  }
  return count;
}
