import { z } from 'zod';
import type { ReadDb, TxDb } from './database.ts';
import { checkRows } from './rows.ts';

/** A chamber card-signing key as the registry lists it. */
export type CardKeyRow = { kid: string; publicKey: string; notBefore: string; revokedAt: string | null };

const cardKeyRow = z.object({
  kid: z.string(),
  publicKey: z.string(),
  notBefore: z.string(),
  revokedAt: z.string().nullable(),
}) satisfies z.ZodType<CardKeyRow>;

/** The chamber's keys as last synced: the list replaces the previous one whole. */
export async function replaceCardKeys(tx: TxDb, keys: readonly CardKeyRow[]): Promise<void> {
  await tx.run('DELETE FROM card_keys');
  await tx.run(
    `INSERT INTO card_keys (kid, public_key, not_before, revoked_at)
     SELECT value->>'kid', value->>'publicKey', value->>'notBefore', value->>'revokedAt' FROM json_each(?)`,
    [JSON.stringify(keys)],
  );
}

export async function listCardKeys(db: ReadDb): Promise<CardKeyRow[]> {
  const rows = await db.all('SELECT kid, public_key AS publicKey, not_before AS notBefore, revoked_at AS revokedAt FROM card_keys ORDER BY kid');
  return checkRows(cardKeyRow, rows, 'card keys');
}
