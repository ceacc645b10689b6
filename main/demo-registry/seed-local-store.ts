import type { BirthDateHasher } from '../identity/birth-date-hash.ts';
import type { Logger } from '../logging/logger.ts';
import { type ArtisanRow, upsertArtisans } from '../store/artisans-repo.ts';
import type { WriteDb } from '../store/database.ts';
import { getMeta, setMeta } from '../store/meta-repo.ts';
import { generateArtisans, type SeedArtisan } from './seed.ts';

export const DEMO_COUNT = 3000;
export const DEMO_SEED = 2026;
const META_KEY = 'demo-seed';
const PAGE = 1000;

/** What the store keeps of a registry record: the date of birth becomes its keyed hash. */
export function toArtisanRow(a: SeedArtisan, hash: BirthDateHasher): ArtisanRow {
  const { dateOfBirth, ...rest } = a;
  return { ...rest, birthDateHmac: hash(dateOfBirth) };
}

/**
 * Fills the local replica with the demo set until registry sync exists (registry issue).
 * Runs once per data directory: a store already seeded with the same set is left alone, so
 * a restart keeps its lock counters and costs nothing.
 */
export async function seedDemoStore(
  db: WriteDb,
  hash: BirthDateHasher,
  log: Logger,
  { count = DEMO_COUNT, seed = DEMO_SEED, force = false } = {},
): Promise<boolean> {
  const tag = `${seed}:${count}`;
  if (!force && (await getMeta(db, META_KEY)) === tag) return false;
  const rows = generateArtisans(count, seed).map((a) => toArtisanRow(a, hash));
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += PAGE) await upsertArtisans(tx, rows.slice(i, i + PAGE));
    await setMeta(tx, META_KEY, tag);
  });
  log.info('demo-store-seeded', { count: rows.length, seed });
  return true;
}
