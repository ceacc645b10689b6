import type { ErrorCode, ErrorField } from '../shared/errors.ts';
import type { KioskSettings } from '../shared/kiosk.ts';
import { kioskIdOk, registryUrlOk } from '../shared/rules/registry-config.ts';
import type { ReadDb, TxDb } from '../store/database.ts';
import { getMeta, setMeta } from '../store/meta-repo.ts';

export const DEFAULT_SETTINGS: KioskSettings = {
  registryUrl: null,
  kioskId: null,
  chamber: 'Chambre de Métiers et de l’Artisanat',
  idleWarnS: 60,
  idleEndS: 75,
  language: 'fr',
  speechAloud: false,
};

const KEY = 'settings';

export type SettingsProblem = { field: ErrorField & keyof KioskSettings; code: ErrorCode };

/** What is wrong with a set of settings, field by field; empty when they can be kept. */
export function settingsProblems(s: KioskSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  // The same rule as the environment's (main/config/registry-env.ts).
  if (s.registryUrl !== null && !registryUrlOk(s.registryUrl)) problems.push({ field: 'registryUrl', code: 'REGISTRY_URL_INVALID' });
  if (s.kioskId !== null && !kioskIdOk(s.kioskId)) problems.push({ field: 'kioskId', code: 'KIOSK_ID_INVALID' });
  if ((s.registryUrl === null) !== (s.kioskId === null)) problems.push({ field: s.registryUrl === null ? 'registryUrl' : 'kioskId', code: 'REGISTRY_PARTIAL' });
  if (!s.chamber.trim() || s.chamber.length > 120) problems.push({ field: 'chamber', code: 'CHAMBER_INVALID' });
  // A warning at least 20 s after the last touch, and at least 10 s to answer it.
  const whole = (n: number) => Number.isInteger(n);
  if (!whole(s.idleWarnS) || s.idleWarnS < 20 || s.idleWarnS > 600) problems.push({ field: 'idleWarnS', code: 'IDLE_INVALID' });
  else if (!whole(s.idleEndS) || s.idleEndS < s.idleWarnS + 10 || s.idleEndS > 900) problems.push({ field: 'idleEndS', code: 'IDLE_INVALID' });
  return problems;
}

export async function readSettings(db: ReadDb): Promise<KioskSettings> {
  const raw = await getMeta(db, KEY);
  if (!raw) return DEFAULT_SETTINGS;
  // Fields added by a later version fall back to their defaults.
  return { ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as Partial<KioskSettings>) };
}

export async function writeSettings(tx: TxDb, s: KioskSettings): Promise<void> {
  await setMeta(tx, KEY, JSON.stringify(s));
}
