import type { Logger } from '../logging/logger.ts';
import { type KioskSecrets, loadKioskSecrets } from '../secrets/kiosk-secrets.ts';
import { KEYCHAIN_ADVICE, KeychainUnavailable, openKeychain } from '../secrets/secret-store.ts';

/**
 * The kiosk's secrets for a command on its data directory. A command needs the very keys
 * the kiosk uses (a card signed by a throwaway key is worthless), so without the keychain
 * it stops with the sentence that says what to do.
 */
export async function cliSecrets(dataDir: string, log: Logger): Promise<KioskSecrets | null> {
  try {
    return await loadKioskSecrets(dataDir, await openKeychain(dataDir), log);
  } catch (error) {
    if (!(error instanceof KeychainUnavailable)) throw error;
    console.error(KEYCHAIN_ADVICE[error.problem]);
    return null;
  }
}
