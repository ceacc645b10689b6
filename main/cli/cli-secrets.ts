import type { Logger } from '../logging/logger.ts';
import { type KioskSecrets, loadKioskSecrets } from '../secrets/kiosk-secrets.ts';
import { KeychainUnavailable, openKeychain } from '../secrets/secret-store.ts';
import type { KeychainProblem } from '../shared/kiosk.ts';
import { KEYCHAIN_IT } from '../shared/rules/keychain-advice.ts';

/**
 * Why the keychain cannot be used, for IT at a terminal: in English like every other line of
 * the CLI, and what to do rather than the desk's "tell IT" (the reader is IT).
 */
export function keychainAdviceForIt(problem: KeychainProblem): string {
  return `The system keychain cannot be used here (${problem}). ${KEYCHAIN_IT.en[problem]}`;
}

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
    console.error(keychainAdviceForIt(error.problem));
    return null;
  }
}
