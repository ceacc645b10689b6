import { createHmac } from 'node:crypto';
import type { Logger } from '../logging/logger.ts';
import { emptyReplica } from '../store/artisans-repo.ts';
import type { WriteDb } from '../store/database.ts';
import { deleteMeta, getMeta, setMeta } from '../store/meta-repo.ts';

const META_KEY = 'birth-date-key-id';

/** A short, non-secret name for a key: which key hashed the replica's dates of birth. */
export function keyId(key: Buffer): string {
  return createHmac('sha256', key).update('cma-kiosk:birth-date-key-id').digest('hex').slice(0, 16);
}

/**
 * Every stored date-of-birth hash was made with one key. If the key changes (its file lost
 * or replaced), no date would ever match again and every artisan would be told "wrong date"
 * until locked out. So a changed key empties the replica and rewinds the sync cursor: the
 * next sync rebuilds every hash from the registry (`syncKeys`: the sync's own marks, which
 * go with it). Returns what it found.
 */
export async function checkBirthDateKey(db: WriteDb, key: Buffer, syncKeys: readonly string[], log: Logger): Promise<'same' | 'new' | 'changed'> {
  const id = keyId(key);
  const stored = await getMeta(db, META_KEY);
  if (stored === id) return 'same';
  await db.transaction(async (tx) => {
    if (stored !== undefined) {
      await emptyReplica(tx);
      // The cursor, and that the copy was ever complete: it is loading from nothing again.
      for (const k of syncKeys) await deleteMeta(tx, k);
    }
    await setMeta(tx, META_KEY, id);
  });
  if (stored !== undefined) log.warn('birth-date-key-changed', { previous: stored, now: id, action: 'replica emptied, full sync needed' });
  return stored === undefined ? 'new' : 'changed';
}
