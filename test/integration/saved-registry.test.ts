import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { memoryLogger } from '../../main/logging/logger.ts';
import { DEFAULT_SETTINGS, readSettings, writeSettings } from '../../main/settings/kiosk-settings.ts';
import type { SettingsView } from '../../main/shared/kiosk.ts';
import { openStore } from '../../main/store/open-store.ts';
import { bridgeClient, ROOT, startBrowserMode } from '../support/browser-mode.ts';
import { tempDir } from '../support/temp.ts';

// A machine with no system keychain: no D-Bus session to reach one.
const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };
const REGISTRY = { registryUrl: 'https://registre.cma.example/', kioskId: 'borne-078-1' };
const NADIA = { name: 'Nadia', pin: '482913', confirmation: '482913' };

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('a registry saved in the console never keeps the kiosk from starting', () => {
  it('without a keychain, the console refuses to save a registry and says the keychain is missing', async () => {
    const dataDir = tempDir();
    const kiosk = await startBrowserMode(dataDir, NO_KEYCHAIN);
    try {
      const invoke = bridgeClient(kiosk);
      assert.equal((await invoke('staff:setup', NADIA)).ok, true);
      const r = (await invoke('staff:settings-set', { ...DEFAULT_SETTINGS, ...REGISTRY })) as { ok: boolean; error?: { code: string; field?: string } };
      assert.deepEqual([r.ok, r.error?.code, r.error?.field], [false, 'REGISTRY_NEEDS_KEYCHAIN', 'registryUrl']);
      const view = await invoke<SettingsView>('staff:settings');
      assert.deepEqual(view.ok && [view.value.settings.registryUrl, view.value.running.source], [null, 'demo'], 'nothing saved');
    } finally {
      await kiosk.stop();
    }
  });

  it('with a keychain, the registry is refused until its secret is saved, then asks for a restart', async () => {
    const kiosk = await startBrowserMode(tempDir());
    try {
      const invoke = bridgeClient(kiosk);
      assert.equal((await invoke('staff:setup', NADIA)).ok, true);
      const refused = (await invoke('staff:settings-set', { ...DEFAULT_SETTINGS, ...REGISTRY })) as { ok: boolean; error?: { code: string } };
      assert.equal(refused.error?.code, 'REGISTRY_NEEDS_SECRET');
      assert.equal((await invoke('staff:secret-set', { name: 'registry-secret', value: 'a-secret-of-sixteen-chars' })).ok, true);
      const saved = await invoke<SettingsView>('staff:settings-set', { ...DEFAULT_SETTINGS, ...REGISTRY });
      assert.deepEqual(saved.ok && [saved.value.restartNeeded, saved.value.running.source], [true, 'demo']);
    } finally {
      await kiosk.stop();
    }
  });

  it('one saved before (an older kiosk) on a machine without a keychain: the kiosk starts on the demo, says why to staff and in its log, and the CLI forgets it', async () => {
    const dataDir = tempDir();
    const db = await openStore(dataDir, memoryLogger());
    await db.transaction((tx) => writeSettings(tx, { ...DEFAULT_SETTINGS, ...REGISTRY, chamber: 'CMA Normandie' }));
    await db.close();

    const kiosk = await startBrowserMode(dataDir, NO_KEYCHAIN);
    try {
      const invoke = bridgeClient(kiosk);
      assert.equal((await invoke('staff:setup', NADIA)).ok, true);
      const view = await invoke<SettingsView>('staff:settings');
      assert.deepEqual(view.ok && view.value, {
        settings: { ...DEFAULT_SETTINGS, ...REGISTRY, chamber: 'CMA Normandie' },
        restartNeeded: false,
        running: { source: 'demo', registryUrl: null, kioskId: null },
        notUsed: { reason: 'no-keychain', ...REGISTRY },
      });
      assert.match(kiosk.stderr(), /saved-registry-not-used.*settings-reset-registry/);
    } finally {
      await kiosk.stop();
    }

    const reset = cli('settings-reset-registry', '--data-dir', dataDir);
    assert.equal(reset.code, 0, reset.err);
    assert.match(reset.out, /The registry saved in the console \(https:\/\/registre\.cma\.example\/, kiosk id borne-078-1\) is removed/);
    const after = await openStore(dataDir, memoryLogger());
    const s = await readSettings(after);
    await after.close();
    assert.deepEqual([s.registryUrl, s.kioskId, s.chamber], [null, null, 'CMA Normandie'], 'the rest of the settings kept');
  });
});

describe('a registry IT sets in the environment', () => {
  const ENV = { KIOSK_REGISTRY_URL: 'http://127.0.0.1:9/', KIOSK_ID: 'borne-078-2', KIOSK_REGISTRY_SECRET: 'a-secret-of-sixteen-chars' };

  it('is refused at start, with a sentence for IT, when the console would refuse it: a short secret, an id with a space', async () => {
    await assert.rejects(
      startBrowserMode(tempDir(), { ...ENV, KIOSK_REGISTRY_SECRET: 'abc' }),
      (e: Error) => e.message.includes('exited with 2') && e.message.includes('KIOSK_REGISTRY_SECRET is refused: it needs at least 16 characters'),
    );
    await assert.rejects(
      startBrowserMode(tempDir(), { ...ENV, KIOSK_ID: 'borne 1' }),
      (e: Error) => e.message.includes('exited with 2') && e.message.includes('KIOSK_ID may hold only letters, digits'),
    );
  });

  it('is shown in Réglages as in effect and set by the environment, and no restart is asked for what a restart would not change', async () => {
    const kiosk = await startBrowserMode(tempDir(), ENV, { waitForCopy: false });
    try {
      const invoke = bridgeClient(kiosk);
      assert.equal((await invoke('staff:setup', NADIA)).ok, true);
      const view = await invoke<SettingsView>('staff:settings');
      assert.deepEqual(view.ok && [view.value.running, view.value.restartNeeded], [
        { source: 'environment', registryUrl: ENV.KIOSK_REGISTRY_URL, kioskId: ENV.KIOSK_ID },
        false,
      ]);
      const saved = await invoke<SettingsView>('staff:settings-set', { ...DEFAULT_SETTINGS, chamber: 'CMA Bretagne' });
      assert.deepEqual(saved.ok && [saved.value.settings.chamber, saved.value.restartNeeded], ['CMA Bretagne', false]);
      // The console's secret follows the same rule, and says so at its field.
      const short = (await invoke('staff:secret-set', { name: 'registry-secret', value: 'abc' })) as { ok: boolean; error?: { code: string; field?: string } };
      assert.deepEqual([short.ok, short.error?.code, short.error?.field], [false, 'SECRET_INVALID', 'registrySecret']);
    } finally {
      await kiosk.stop();
    }
  });
});
