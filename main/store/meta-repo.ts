import { z } from 'zod';
import type { ReadDb, TxDb } from './database.ts';
import { checkRow } from './rows.ts';

const metaRow = z.object({ value: z.string() });

export async function getMeta(db: ReadDb, key: string): Promise<string | undefined> {
  const row = await db.get('SELECT value FROM kiosk_meta WHERE key = ?', [key]);
  return row === undefined ? undefined : checkRow(metaRow, row, 'kiosk setting').value;
}

export async function setMeta(tx: TxDb, key: string, value: string): Promise<void> {
  await tx.run('INSERT INTO kiosk_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
}

export async function deleteMeta(tx: TxDb, key: string): Promise<void> {
  await tx.run('DELETE FROM kiosk_meta WHERE key = ?', [key]);
}
