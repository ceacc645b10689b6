import type { SeedArtisan } from '../../main/demo-registry/seed.ts';
import type { ArtisanRow } from '../../main/store/artisans-repo.ts';

/** A generated artisan as the replica holds it (the date of birth replaced, unused here). */
export function toArtisanRowForBench(a: SeedArtisan): ArtisanRow {
  const { dateOfBirth: _unused, ...rest } = a;
  return { ...rest, birthDateHmac: '' };
}
