import type { ReadDb, TxDb } from './database.ts';
import { deleteMeta, getMeta, setMeta } from './meta-repo.ts';
import { checkRow, countRow } from './rows.ts';

const PAUSE_KEY = 'identification-paused-until';

/** Records one wrong date (the instant only) and returns how many fell in the last `windowMs`. */
export async function recordWrongDate(tx: TxDb, nowMs: number, windowMs: number): Promise<number> {
  // Older ones no longer count: they go, so the table stays a few rows long.
  await tx.run('DELETE FROM wrong_dates WHERE at <= ?', [nowMs - windowMs]);
  await tx.run('INSERT INTO wrong_dates (at) VALUES (?)', [nowMs]);
  return checkRow(countRow, await tx.get('SELECT count(*) AS n FROM wrong_dates'), 'wrong dates count').n;
}

/** Until when identification is paused on this kiosk (Unix ms), or null. */
export async function pausedUntil(db: ReadDb): Promise<number | null> {
  const v = await getMeta(db, PAUSE_KEY);
  return v === undefined ? null : Number(v);
}

export async function pauseIdentification(tx: TxDb, untilMs: number): Promise<void> {
  await setMeta(tx, PAUSE_KEY, String(untilMs));
}

/** Staff lifted the pause: the count starts again from nothing. */
export async function resumeIdentification(tx: TxDb): Promise<void> {
  await deleteMeta(tx, PAUSE_KEY);
  await tx.run('DELETE FROM wrong_dates');
}
