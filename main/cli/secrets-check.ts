import { parseArgs } from 'node:util';
import { defaultDataDir } from '../config/paths.ts';
import { KeychainUnavailable, openKeychain } from '../secrets/secret-store.ts';
import { SECRET_NAMES } from '../shared/kiosk.ts';
import { keychainAdviceForIt } from './cli-secrets.ts';

/**
 * `secrets-check [--data-dir DIR] [--json]`: whether the OS keychain works here (a write,
 * read and delete of a probe), and which of the kiosk's secrets it holds, never their values.
 */
export async function secretsCheck(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
  const dataDir = values['data-dir'] ?? defaultDataDir();
  let report: { keychain: 'ok'; secrets: Record<string, boolean> } | { keychain: 'unavailable'; problem: string; advice: string };
  try {
    const store = await openKeychain(dataDir);
    const secrets: Record<string, boolean> = {};
    for (const name of SECRET_NAMES) secrets[name] = (await store.get(name)) !== null;
    report = { keychain: 'ok', secrets };
  } catch (error) {
    if (!(error instanceof KeychainUnavailable)) throw error;
    report = { keychain: 'unavailable', problem: error.problem, advice: keychainAdviceForIt(error.problem) };
  }
  if (values.json) console.log(JSON.stringify(report));
  else if (report.keychain === 'ok')
    console.log(
      `Keychain works. ${Object.entries(report.secrets)
        .map(([n, set]) => `${n}: ${set ? 'set' : 'not set'}`)
        .join(', ')}.`,
    );
  else console.log(report.advice);
  return report.keychain === 'ok' ? 0 : 1;
}
