import { createHmac } from 'node:crypto';
import { StoreError, type WriteDb } from '../store/database.ts';
import { getMeta, setMeta } from '../store/meta-repo.ts';

const META_KEY = 'birth-date-key-id';

/** A short, non-secret name for a key: which key hashed the store's dates of birth. */
export function keyId(key: Buffer): string {
  return createHmac('sha256', key).update('cma-kiosk:birth-date-key-id').digest('hex').slice(0, 16);
}

/**
 * Every stored date-of-birth hash was made with one key. If the key changes (its file lost
 * or replaced), no date would ever match again and every artisan would be told "wrong date"
 * until locked out: that must stop the kiosk with a reason, not fail person by person.
 * Returns 'changed' when the caller may rebuild the hashes (the demo set can).
 */
export async function checkBirthDateKey(db: WriteDb, key: Buffer, { rebuildable }: { rebuildable: boolean }): Promise<'same' | 'new' | 'changed'> {
  const id = keyId(key);
  const stored = await getMeta(db, META_KEY);
  if (stored === id) return 'same';
  const artisans = await db.get<{ n: number }>('SELECT count(*) AS n FROM artisans');
  if (stored !== undefined && (artisans?.n ?? 0) > 0 && !rebuildable) {
    throw new StoreError(
      `the key that hashes dates of birth is not the one the store at ${db.file} was built with (key ${id}, store ${stored}); restore the key from a backup, or clear the local replica so that it is synced again`,
    );
  }
  await db.transaction((tx) => setMeta(tx, META_KEY, id));
  return stored === undefined ? 'new' : 'changed';
}
