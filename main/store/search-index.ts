import type { ReadDb, TxDb } from './database.ts';
import { deleteMeta, getMeta, setMeta } from './meta-repo.ts';

/**
 * What a first load of the whole registry builds after the rows instead of row by row: the
 * SIREN index and the name search (migrations 0001 and 0013). Inserting a million rows into
 * a bare table and then building each index once is several times cheaper than keeping them
 * up to date at each insert; identification by RM number (the UNIQUE key) works throughout.
 */
const DEFERRED = ['artisans_siren', 'artisan_words_insert', 'artisan_words_delete', 'artisan_words_update'];
const SAVED_KEY = 'deferred-schema';

/**
 * Drops the deferred index and triggers, keeping their definitions in the store itself (the
 * same transaction), so that a load cut by a crash ends with them rebuilt all the same, and
 * their SQL is written in one place only: the migrations.
 */
export async function deferSearchIndexes(tx: TxDb): Promise<void> {
  const saved = await getMeta(tx, SAVED_KEY);
  const objects = await tx.all<{ type: string; name: string; sql: string }>(
    'SELECT type, name, sql FROM sqlite_master WHERE name IN (SELECT value FROM json_each(?)) ORDER BY name',
    [JSON.stringify(DEFERRED)],
  );
  // A load already under way keeps what it set aside; what stands again since (a migration
  // recreated it: 0018) is set aside too, so the rest of the load does not keep it row by row.
  if (saved !== undefined && objects.length === 0) return;
  const kept = saved === undefined ? [] : (JSON.parse(saved) as string[]);
  await setMeta(tx, SAVED_KEY, JSON.stringify([...kept, ...objects.map((o) => o.sql)]));
  for (const o of objects) await tx.exec(`DROP ${o.type === 'index' ? 'INDEX' : 'TRIGGER'} ${o.name}`);
}

/**
 * Builds what deferSearchIndexes dropped, once the rows are in.
 *
 * The name index is built, then merged into one piece ('optimize'). A rebuild leaves FTS5's
 * pieces in the middle of a merge, which it finishes a little at each later write: the first
 * deltas after a load carried it, 4,200 to 6,300 pages and 220 to 280 ms each for 1,000
 * renamed artisans at a million, against about 1,050 pages and 110 ms once done. Merged
 * here, it costs about 250 ms once, in a load of about 27 s (README, Performance).
 */
export async function restoreSearchIndexes(tx: TxDb): Promise<void> {
  const saved = await getMeta(tx, SAVED_KEY);
  if (saved === undefined) return;
  for (const sql of JSON.parse(saved) as string[]) await tx.exec(sql);
  await tx.run("INSERT INTO artisan_words (artisan_words) VALUES ('rebuild')");
  await tx.run("INSERT INTO artisan_words (artisan_words) VALUES ('optimize')");
  await deleteMeta(tx, SAVED_KEY);
}

/** Whether the name search can answer (false during a first load). */
export async function searchIndexReady(db: ReadDb): Promise<boolean> {
  return (await getMeta(db, SAVED_KEY)) === undefined;
}

/** Words of this many letters or fewer are particles when a longer word is typed with them. */
const SHORT = 2;

/**
 * A full-text query from what staff typed: each word as the beginning of a word of the names
 * or company, all of them required. Only letters and digits are kept, so nothing typed is
 * read as query syntax; null when nothing is left.
 *
 * A word of one or two letters beside a longer one is matched whole: it is a particle of the
 * name ("de la Fontaine", "d'Almeida", "Le Gall"), and as a beginning it would match every word
 * that starts with it, which made such searches the slowest at a million artisans (README,
 * Performance). Typed alone, short words stay beginnings ("ma" finds "Martin").
 */
export function wordsQuery(words: readonly string[]): string | null {
  const parts = words.flatMap((w) => w.split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 0);
  if (parts.length === 0) return null;
  const narrowed = parts.some((w) => [...w].length > SHORT);
  return parts.map((w) => (narrowed && [...w].length <= SHORT ? `"${w}"` : `"${w}"*`)).join(' ');
}
