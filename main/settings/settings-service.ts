import type { Logger } from '../logging/logger.ts';
import { failFields, type Result } from '../shared/errors.ts';
import type { KioskSettings, SettingsView } from '../shared/kiosk.ts';
import { appendAudit } from '../store/audit-repo.ts';
import type { WriteDb } from '../store/database.ts';
import { readSettings, settingsProblems, writeSettings } from './kiosk-settings.ts';

/** The console's settings: read, and replaced as a whole once every field is right. */
export function createSettingsService({
  db,
  running,
  clock,
  log,
}: {
  db: WriteDb;
  /** The registry this kiosk runs on (null: the demo's), to say when a restart is needed. */
  running: { registryUrl: string | null; kioskId: string | null };
  clock: () => Date;
  log: Logger;
}) {
  async function view(): Promise<SettingsView> {
    const settings = await readSettings(db);
    const restartNeeded = settings.registryUrl !== running.registryUrl || settings.kioskId !== running.kioskId;
    return { settings, restartNeeded };
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
      const [first, ...rest] = settingsProblems(clean);
      if (first) return failFields([first, ...rest], `settings refused: ${[first, ...rest].map((p) => p.field).join(',')}`);
      const before = await readSettings(db);
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
