import { parseArgs } from 'node:util';
import { defaultDataDir } from '../config/paths.ts';
import { seedDemoStore } from '../demo-registry/seed-local-store.ts';
import { birthDateHasher } from '../identity/birth-date-hash.ts';
import { createLogger } from '../logging/logger.ts';
import { loadOrCreateBirthDateKey } from '../secrets/birth-date-key.ts';
import { checkBirthDateKey } from '../secrets/key-id.ts';
import { countArtisans } from '../store/artisans-repo.ts';
import { openStore } from '../store/open-store.ts';

export async function seedDemo(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, count: { type: 'string', default: '3000' } }, strict: true });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 3) {
    console.error('--count must be a whole number of at least 3 (the demo identities).');
    return 2;
  }
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const log = createLogger('cli.seed-demo');
  const db = await openStore(dataDir, log);
  try {
    const key = await loadOrCreateBirthDateKey(dataDir, log);
    const force = (await checkBirthDateKey(db, key, { rebuildable: true })) === 'changed';
    const seeded = await seedDemoStore(db, birthDateHasher(key), log, { count, force });
    console.log(`${seeded ? 'Seeded' : 'Already seeded'}: ${await countArtisans(db)} artisans in ${dataDir}`);
    return 0;
  } finally {
    await db.close();
  }
}
