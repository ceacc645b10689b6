import type { Logger } from '../logging/logger.ts';
import type { SecretsState } from '../shared/kiosk.ts';
import { KEYCHAIN_IT } from '../shared/rules/keychain-advice.ts';
import { KeychainUnavailable, memoryStore, openKeychain, type SecretStore } from './secret-store.ts';

/**
 * The keychain, or, for the demo kiosk only, secrets held in memory for this run (nothing
 * written anywhere, and staff told why). A chamber's kiosk without a keychain does not
 * start: it would have nowhere safe to keep the registry's secret.
 */
export async function openSecretStore(dataDir: string, demo: boolean, log: Logger): Promise<{ store: SecretStore; state: SecretsState }> {
  try {
    return { store: await openKeychain(dataDir), state: { store: 'keychain', problem: null } };
  } catch (error) {
    if (!(error instanceof KeychainUnavailable) || !demo) throw error;
    log.warn('keychain-unavailable', {
      problem: error.problem,
      error: error.message,
      action: 'demo secrets kept in memory for this run',
      advice: KEYCHAIN_IT.en[error.problem],
    });
    return { store: memoryStore(), state: { store: 'memory', problem: error.problem } };
  }
}
