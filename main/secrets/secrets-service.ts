import type { Logger } from '../logging/logger.ts';
import { failFields, type Result } from '../shared/errors.ts';
import type { SecretsState, SecretsView } from '../shared/kiosk.ts';
import { SECRET_NAMES, type SecretName } from '../shared/kiosk.ts';
import { registrySecretOk } from '../shared/rules/registry-config.ts';
import { appendAudit } from '../store/audit-repo.ts';
import type { WriteDb } from '../store/database.ts';
import { KeychainUnavailable, type SecretStore } from './secret-store.ts';

/** Secrets staff may set or delete from the console; the kiosk makes and keeps the others itself. */
export const STAFF_SECRETS = ['registry-secret'] as const satisfies readonly SecretName[];
export type StaffSecret = (typeof STAFF_SECRETS)[number];

/**
 * The console's side of the keychain: whether each secret is set, set one, delete one. There
 * is deliberately no way to read a value back: a secret goes in, and only the kiosk's own
 * code (the registry client, the card signer) takes it out.
 */
export function createSecretsService({
  store,
  state,
  db,
  clock,
  log,
  onChange,
}: {
  store: SecretStore;
  state: SecretsState;
  db: WriteDb;
  clock: () => Date;
  log: Logger;
  onChange: (name: StaffSecret) => void;
}) {
  async function view(): Promise<SecretsView> {
    const secrets = await Promise.all(SECRET_NAMES.map(async (name) => ({ name, set: (await store.get(name)) !== null })));
    return { ...state, secrets };
  }
  const audited = async (staffId: number, action: string, name: StaffSecret) => {
    await db.transaction((tx) => appendAudit(tx, { actor: `staff:${staffId}`, action, details: { secret: name } }, clock()));
    log.info(action, { secret: name });
    onChange(name);
  };
  /** A keychain that became unusable after start (locked) is a refusal staff can act on. */
  async function keychain(run: () => Promise<void>): Promise<Result<SecretsView>> {
    try {
      await run();
      return { ok: true, value: await view() };
    } catch (error) {
      if (!(error instanceof KeychainUnavailable)) throw error;
      return { ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE', message: error.message, params: { problem: error.problem } } };
    }
  }
  return {
    view,
    async set(name: StaffSecret, value: string, staffId: number): Promise<Result<SecretsView>> {
      // The environment's rule too (main/config/registry-env.ts); the form shows it at the field.
      if (!registrySecretOk(value)) return failFields([{ field: 'registrySecret', code: 'SECRET_INVALID' }], 'at least 16 characters, no spaces around');
      return keychain(async () => {
        await store.set(name, value);
        await audited(staffId, 'secret-set', name);
      });
    },
    delete(name: StaffSecret, staffId: number): Promise<Result<SecretsView>> {
      return keychain(async () => {
        await store.delete(name);
        await audited(staffId, 'secret-deleted', name);
      });
    },
  };
}

export type SecretsService = ReturnType<typeof createSecretsService>;
