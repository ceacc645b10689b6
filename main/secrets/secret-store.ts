import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { SecretName } from '../shared/kiosk.ts';
import { KEYCHAIN_ADVICE as ADVICE } from '../shared/rules/keychain-advice.ts';

/**
 * Where secrets live: the operating system's keychain (keytar: Secret Service on Linux,
 * Credential Manager on Windows, Keychain on macOS). `memory` holds them for one run and
 * writes nothing: the demo kiosk on a machine without a keychain.
 */
export type SecretStore = {
  kind: 'keychain' | 'memory';
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<boolean>;
};

export type KeychainProblem = 'not-installed' | 'no-service' | 'locked' | 'other';

/** The keychain cannot be used; `problem` is said to staff in one sentence (i18n `secrets.problem.*`). */
export class KeychainUnavailable extends Error {
  override name = 'KeychainUnavailable';
  constructor(
    readonly problem: KeychainProblem,
    message: string,
  ) {
    super(message);
  }
}

export const KEYCHAIN_SERVICE = 'fr.cma.carte-professionnelle.kiosk';

/**
 * What to tell a person, in French, for each problem: the Electron startup dialog shows it on
 * the kiosk's screen; the console shows the same sentences from the renderer's i18n files.
 * A terminal (browser mode, the command line) prints the English ones, for IT.
 */
export const KEYCHAIN_ADVICE: Record<KeychainProblem, string> = ADVICE.fr;

type Keytar = {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
};

function loadKeytar(): Keytar {
  try {
    // An optional native addon: required when needed, so a kiosk without it still starts in demo.
    return createRequire(import.meta.url)('keytar') as Keytar;
  } catch (error) {
    throw new KeychainUnavailable('not-installed', `keytar cannot be loaded: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Turns keytar's and libsecret's messages into one of the problems staff can act on. */
export function keychainProblem(message: string): KeychainProblem {
  if (
    /autolaunch D-Bus|Could not connect|DBUS_SESSION_BUS_ADDRESS|org\.freedesktop\.secrets|not provided by any \.service|Cannot spawn a message bus|ServiceUnknown|No such interface/i.test(
      message,
    )
  ) {
    return 'no-service';
  }
  if (/locked|prompt|dismissed/i.test(message)) return 'locked';
  return 'other';
}

/**
 * The account prefix of one data directory: two kiosks (or tests) on one machine never share
 * secrets. A directory not created yet goes by its path as given; one whose real path cannot be
 * read (a link loop, a parent it may not enter) throws: under another prefix its secrets would
 * look gone, and new keys would be made over the old data.
 */
export function accountPrefix(dataDir: string): string {
  let real = dataDir;
  try {
    real = realpathSync(dataDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return createHash('sha256').update(real).digest('hex').slice(0, 12);
}

/**
 * The keychain for this data directory, checked with a round trip (write, read, delete a
 * probe) so that a missing service or a locked keyring shows at start, not at the first card.
 */
export async function openKeychain(dataDir: string): Promise<SecretStore> {
  const keytar = loadKeytar();
  const prefix = accountPrefix(dataDir);
  const account = (name: string) => `${prefix}/${name}`;
  const wrap = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof KeychainUnavailable) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new KeychainUnavailable(keychainProblem(message), `the keychain refused: ${message}`);
    }
  };
  await wrap(async () => {
    await keytar.setPassword(KEYCHAIN_SERVICE, account('probe'), 'ok');
    if ((await keytar.getPassword(KEYCHAIN_SERVICE, account('probe'))) !== 'ok') throw new Error('the keychain did not give back what it was given');
    await keytar.deletePassword(KEYCHAIN_SERVICE, account('probe'));
  });
  return {
    kind: 'keychain',
    get: (name) => wrap(() => keytar.getPassword(KEYCHAIN_SERVICE, account(name))),
    set: (name, value) => wrap(() => keytar.setPassword(KEYCHAIN_SERVICE, account(name), value)),
    delete: (name) => wrap(() => keytar.deletePassword(KEYCHAIN_SERVICE, account(name))),
  };
}

/** Secrets for one run only, written nowhere: the demo kiosk without a keychain. */
export function memoryStore(): SecretStore {
  const values = new Map<SecretName, string>();
  return {
    kind: 'memory',
    get: async (name) => values.get(name) ?? null,
    set: async (name, value) => {
      values.set(name, value);
    },
    delete: async (name) => values.delete(name),
  };
}
