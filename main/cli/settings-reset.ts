import { parseArgs } from 'node:util';
import { defaultDataDir } from '../config/paths.ts';
import { createLogger } from '../logging/logger.ts';
import { readSettings, writeSettings } from '../settings/kiosk-settings.ts';
import { appendAudit } from '../store/audit-repo.ts';
import { openStore } from '../store/open-store.ts';

/**
 * `settings-reset-registry [--data-dir DIR]`: IT's way back when the registry saved in the
 * console is wrong and nobody can reach the console: the address and kiosk id are emptied
 * (the next start uses the environment's registry, or the demo), the rest of the settings kept,
 * and the change written to the audit log. Run with the kiosk stopped.
 */
export async function settingsResetRegistry(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' } }, strict: true });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  const db = await openStore(dataDir, createLogger('cli.settings', { level: 'warn' }));
  try {
    const before = await readSettings(db);
    if (before.registryUrl === null && before.kioskId === null) {
      console.log(`No registry is saved in the console settings at ${dataDir}: nothing to reset.`);
      return 0;
    }
    await db.transaction(async (tx) => {
      await writeSettings(tx, { ...before, registryUrl: null, kioskId: null });
      await appendAudit(tx, { actor: 'cli', action: 'settings-changed', details: { fields: 'registryUrl,kioskId' } }, new Date());
    });
    console.log(
      `The registry saved in the console (${before.registryUrl ?? 'none'}, kiosk id ${before.kioskId ?? 'none'}) is removed. ` +
        'The next start uses KIOSK_REGISTRY_URL and KIOSK_ID if set, else the demo registry.',
    );
    return 0;
  } finally {
    await db.close();
  }
}
