import type { Logger } from '../logging/logger.ts';
import { failFields, type Result } from '../shared/errors.ts';
import type { KioskSettings, SecretsState, SettingsView } from '../shared/kiosk.ts';
import { appendAudit } from '../store/audit-repo.ts';
import type { WriteDb } from '../store/database.ts';
import { readSettings, type SettingsProblem, settingsProblems, writeSettings } from './kiosk-settings.ts';

/** The console's settings: read, and replaced as a whole once every field is right. */
export function createSettingsService({
  db,
  running,
  notUsed = null,
  secrets,
  clock,
  log,
}: {
  db: WriteDb;
  /** The registry this kiosk runs on and where it comes from, to say when a restart is needed. */
  running: SettingsView['running'];
  /** A registry saved in the console that this start could not use, and why. */
  notUsed?: SettingsView['notUsed'];
  /** Where secrets live, and whether the registry's is set: a registry saved without them would not start, or not sync. */
  secrets: { store: SecretsState['store']; registrySecretSet(): Promise<boolean> };
  clock: () => Date;
  log: Logger;
}) {
  async function view(): Promise<SettingsView> {
    const settings = await readSettings(db);
    // The environment wins over the console at every start, and a registry this machine cannot
    // use stays unused: in both, a restart changes nothing, so it is not asked for.
    const restartNeeded =
      running.source !== 'environment' && notUsed === null && (settings.registryUrl !== running.registryUrl || settings.kioskId !== running.kioskId);
    return { settings, restartNeeded, running, notUsed };
  }
  /** Why a registry cannot be saved here, said at its field: what would keep the kiosk from starting or syncing. */
  async function registryProblem(next: KioskSettings, before: KioskSettings): Promise<SettingsProblem | null> {
    if (next.registryUrl === null || (next.registryUrl === before.registryUrl && next.kioskId === before.kioskId)) return null;
    // The environment decides here: what is saved waits, and is checked when it could apply.
    if (running.source === 'environment') return null;
    if (secrets.store !== 'keychain') return { field: 'registryUrl', code: 'REGISTRY_NEEDS_KEYCHAIN' };
    if (!(await secrets.registrySecretSet())) return { field: 'registryUrl', code: 'REGISTRY_NEEDS_SECRET' };
    return null;
  }
  return {
    view,
    async set(next: KioskSettings, staffId: number): Promise<Result<SettingsView>> {
      const clean: KioskSettings = {
        ...next,
        registryUrl: next.registryUrl?.trim() || null,
        kioskId: next.kioskId?.trim() || null,
        chamber: next.chamber.trim(),
      };
      const before = await readSettings(db);
      const problems = settingsProblems(clean);
      const registry = problems.length === 0 ? await registryProblem(clean, before) : null;
      const [first, ...rest] = registry ? [registry] : problems;
      if (first) return failFields([first, ...rest], `settings refused: ${[first, ...rest].map((p) => `${p.field}:${p.code}`).join(',')}`);
      const changed = (Object.keys(clean) as (keyof KioskSettings)[]).filter((k) => clean[k] !== before[k]);
      await db.transaction(async (tx) => {
        await writeSettings(tx, clean);
        await appendAudit(tx, { actor: `staff:${staffId}`, action: 'settings-changed', details: { fields: changed.join(',') } }, clock());
      });
      log.info('settings-changed', { fields: changed.join(',') });
      return { ok: true, value: await view() };
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
