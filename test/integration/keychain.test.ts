import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CHANNELS } from '../../main/api/channels.ts';
import { keychainAdviceForIt } from '../../main/cli/cli-secrets.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { LEGACY_BIRTH_DATE_KEY_FILE } from '../../main/secrets/birth-date-key.ts';
import { cardKeysFromPem, LEGACY_CARD_KEY_FILE, newCardKeyPem } from '../../main/secrets/card-signing-key.ts';
import { keyId } from '../../main/secrets/key-id.ts';
import { accountPrefix, KEYCHAIN_SERVICE } from '../../main/secrets/secret-store.ts';
import { KEYCHAIN_ADVICE } from '../../main/shared/rules/keychain-advice.ts';
import { getMeta } from '../../main/store/meta-repo.ts';
import { bridgeClient, ROOT, startBrowserMode } from '../support/browser-mode.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { tempDir } from '../support/temp.ts';

type Keytar = { getPassword(s: string, a: string): Promise<string | null> };
const keytar = createRequire(import.meta.url)('keytar') as Keytar;
const inKeychain = (dataDir: string, name: string) => keytar.getPassword(KEYCHAIN_SERVICE, `${accountPrefix(dataDir)}/${name}`);

/** Every byte of every file under `dir`, to search for a secret. */
async function allBytes(dir: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) parts.push(await readFile(path.join(e.parentPath, e.name)));
  }
  return Buffer.concat(parts);
}

function secretsCheck(dataDir: string, env: NodeJS.ProcessEnv = process.env, wrap?: string) {
  const cli = `${JSON.stringify(process.execPath)} --import tsx main/cli/index.ts secrets-check --json --data-dir ${JSON.stringify(dataDir)}`;
  const r = wrap
    ? spawnSync('dbus-run-session', ['--', 'sh', '-c', `${wrap}; ${cli}`], { cwd: ROOT, env: { ...env, XDG_DATA_HOME: tempDir('keyring-') } })
    : spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'secrets-check', '--json', '--data-dir', dataDir], { cwd: ROOT, env });
  return { code: r.status, report: JSON.parse(r.stdout.toString().trim().split('\n').at(-1) ?? '{}') as Record<string, unknown> };
}

describe('secrets in the OS keychain (a real gnome-keyring in a D-Bus session)', () => {
  it('secrets-check says the keychain works, and names what is wrong when it does not', () => {
    const dataDir = tempDir();
    assert.deepEqual(secretsCheck(dataDir), {
      code: 0,
      report: { keychain: 'ok', secrets: { 'registry-secret': false, 'birth-date-key': false, 'card-signing-key': false } },
    });
    // No session bus at all.
    const none = secretsCheck(dataDir, { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' });
    assert.deepEqual(none, { code: 1, report: { keychain: 'unavailable', problem: 'no-service', advice: keychainAdviceForIt('no-service') } });
    // A keyring of its own, locked before the check.
    const lock =
      'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; ' +
      'dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets ' +
      'org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null';
    assert.deepEqual(secretsCheck(dataDir, process.env, lock), {
      code: 1,
      report: { keychain: 'unavailable', problem: 'locked', advice: keychainAdviceForIt('locked') },
    });
  });

  it('the kiosk keeps its keys in the keychain, the same ones after a restart, and none in its data directory', async () => {
    const dataDir = tempDir();
    const first = await readyKiosk({ dataDir, log: memoryLogger(), syncIntervalMs: 0 });
    await first.close();
    const birth = await inKeychain(dataDir, 'birth-date-key');
    const card = await inKeychain(dataDir, 'card-signing-key');
    assert.ok(birth && card, 'both keys are in the keychain');
    const bytes = await allBytes(dataDir);
    assert.ok(!bytes.includes(Buffer.from(birth, 'base64')) && !bytes.includes(Buffer.from(birth)), 'the birth-date key is nowhere on disk');
    assert.ok(!bytes.includes(Buffer.from(card.split('\n')[1] ?? 'x')), 'the signing key is nowhere on disk');
    const log = memoryLogger();
    const again = await readyKiosk({ dataDir, log, syncIntervalMs: 0 });
    await again.close();
    assert.doesNotMatch(log.lines.join('\n'), /birth-date-key-changed/, 'same key: the replica was kept');
    assert.equal(await inKeychain(dataDir, 'card-signing-key'), card);
  });

  it('moves the key files of an older kiosk into the keychain once, and deletes them', async () => {
    const dataDir = tempDir();
    const oldKey = randomBytes(32);
    const oldPem = newCardKeyPem();
    await writeFile(path.join(dataDir, LEGACY_BIRTH_DATE_KEY_FILE), oldKey, { mode: 0o600 });
    await writeFile(path.join(dataDir, LEGACY_CARD_KEY_FILE), oldPem, { mode: 0o600 });
    const log = memoryLogger();
    const kiosk = await readyKiosk({ dataDir, log, syncIntervalMs: 0 });
    assert.equal(await getMeta(kiosk.db, 'birth-date-key-id'), keyId(oldKey), 'the replica is hashed with the old key');
    await kiosk.close();
    assert.equal(await inKeychain(dataDir, 'birth-date-key'), oldKey.toString('base64'));
    assert.equal(cardKeysFromPem((await inKeychain(dataDir, 'card-signing-key')) ?? '').kid, cardKeysFromPem(oldPem).kid);
    for (const f of [LEGACY_BIRTH_DATE_KEY_FILE, LEGACY_CARD_KEY_FILE]) assert.equal(await stat(path.join(dataDir, f)).catch(() => null), null, `${f} deleted`);
    assert.equal(log.lines.filter((l) => l.includes('secret-moved-to-keychain')).length, 2);
  });

  it('the console can set, see as set, and delete the registry secret, and no channel ever gives it back', async () => {
    const dataDir = tempDir();
    const kiosk = await startBrowserMode(dataDir);
    try {
      const invoke = bridgeClient(kiosk);
      assert.equal((await invoke('staff:setup', { name: 'Nadia', pin: '482913', confirmation: '482913' })).ok, true);
      const secret = `registre-${randomBytes(12).toString('hex')}`;
      const tooShort = await invoke('staff:secret-set', { name: 'registry-secret', value: 'court' });
      assert.equal(!tooShort.ok && tooShort.error.code, 'SECRET_INVALID');
      const set = await invoke<{ secrets: { name: string; set: boolean }[] }>('staff:secret-set', { name: 'registry-secret', value: secret });
      assert.ok(set.ok);
      assert.deepEqual(
        set.value.secrets.find((s) => s.name === 'registry-secret'),
        { name: 'registry-secret', set: true },
      );
      assert.equal(await inKeychain(dataDir, 'registry-secret'), secret);
      // Every channel, asked with nothing: not one answer carries the secret.
      for (const channel of CHANNELS) {
        const answer = JSON.stringify(await invoke(channel, {}));
        assert.ok(!answer.includes(secret), `${channel} gave the secret back`);
      }
      // The loop called staff:logout too.
      assert.equal((await invoke('staff:login', { pin: '482913' })).ok, true);
      // Asking for it by name is no channel at all.
      const read = await invoke('staff:secret-get', { name: 'registry-secret' });
      assert.equal(!read.ok && read.error.code, 'UNKNOWN_CHANNEL');
      const deleted = await invoke<{ secrets: { name: string; set: boolean }[] }>('staff:secret-delete', { name: 'registry-secret' });
      assert.ok(deleted.ok);
      assert.equal(await inKeychain(dataDir, 'registry-secret'), null);
      assert.ok(!(await allBytes(dataDir)).includes(Buffer.from(secret)), 'the secret never reached the disk (store, logs)');
    } finally {
      await kiosk.stop();
    }
  });

  it('without a keychain: the demo kiosk runs on secrets in memory and writes none to disk', async () => {
    const noBus = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };
    const dataDir = tempDir();
    const demo = await startBrowserMode(dataDir, noBus);
    try {
      const invoke = bridgeClient(demo);
      assert.equal((await invoke('staff:setup', { name: 'Nadia', pin: '482913', confirmation: '482913' })).ok, true);
      const view = await invoke<{ store: string; problem: string }>('staff:secrets');
      assert.deepEqual(view.ok && [view.value.store, view.value.problem], ['memory', 'no-service']);
    } finally {
      await demo.stop();
    }
    assert.deepEqual(
      (await readdir(dataDir)).filter((f) => /key/.test(f)),
      ['card-signing-key.pub.pem'],
      'no secret written to disk',
    );
  });

  it('without a keychain, a chamber’s kiosk in browser mode tells IT on the terminal, in English, what to do', async () => {
    const noBus = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };
    const failure = await startBrowserMode(tempDir(), { ...noBus, KIOSK_REGISTRY_URL: 'http://127.0.0.1:9', KIOSK_ID: 'k-1' }).then(
      () => assert.fail('the kiosk started without a keychain'),
      (e: Error) => e.message,
    );
    assert.match(failure, /exited with 1/);
    assert.ok(failure.includes(KEYCHAIN_ADVICE.en['no-service']), failure);
    // The French sentence stays for the kiosk's screen (the Electron dialog, the console).
    assert.ok(!failure.includes(KEYCHAIN_ADVICE.fr['no-service']), failure);
    assert.doesNotMatch(failure, /trousseau/i);
  });
});
