import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryLogger } from '../../main/logging/logger.ts';
import { memoryStore } from '../../main/secrets/secret-store.ts';
import { DEFAULT_SETTINGS } from '../../main/settings/kiosk-settings.ts';
import type { Result } from '../../main/shared/errors.ts';
import type { AppInfo, SettingsView } from '../../main/shared/kiosk.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { tempDir } from '../support/temp.ts';

describe('the kiosk settings staff change in the console', () => {
  it('refuses every wrong field at once and keeps nothing; right ones apply from the next visit; a registry needs a keychain', async () => {
    const dataDir = tempDir();
    const kiosk = await readyKiosk({ dataDir, log: memoryLogger(), syncIntervalMs: 0, secrets: memoryStore() });
    const call = kiosk.dispatcher('browser', ['http://kiosk.test']);
    const invoke = (channel: string, input: object) => call(channel, input, { origin: 'http://kiosk.test', transport: 'http' });
    assert.equal((await invoke('staff:setup', { name: 'Nadia', pin: '482913', confirmation: '482913' })).ok, true);

    const wrong = await invoke('staff:settings-set', {
      ...DEFAULT_SETTINGS,
      registryUrl: 'http://registre.example',
      kioskId: 'borne 1',
      idleWarnS: 10,
    });
    assert.equal(wrong.ok, false);
    assert.deepEqual(!wrong.ok && wrong.error.problems?.map((p) => `${p.field}:${p.code}`), [
      'registryUrl:REGISTRY_URL_INVALID',
      'kioskId:KIOSK_ID_INVALID',
      'idleWarnS:IDLE_INVALID',
    ]);
    const unchanged = await invoke('staff:settings', {});
    assert.deepEqual(unchanged.ok && unchanged.value, {
      settings: DEFAULT_SETTINGS,
      restartNeeded: false,
      running: { source: 'demo', registryUrl: null, kioskId: null },
      notUsed: null,
    });

    const saved = await invoke('staff:settings-set', { ...DEFAULT_SETTINGS, chamber: 'CMA Normandie', idleWarnS: 90, idleEndS: 120, language: 'en' });
    assert.equal(saved.ok, true);
    const info = (await invoke('app:info', {})) as Result<AppInfo>;
    assert.deepEqual(info.ok && [info.value.idleWarnMs, info.value.idleEndMs, info.value.language], [90_000, 120_000, 'en']);

    const registry = (await invoke('staff:settings-set', {
      ...DEFAULT_SETTINGS,
      registryUrl: 'https://registre.cma.example/',
      kioskId: 'borne-078-1',
    })) as Result<SettingsView>;
    // Secrets in memory here: the registry's could not outlive a restart (test/integration/saved-registry.test.ts saves one).
    assert.equal(!registry.ok && registry.error.code, 'REGISTRY_NEEDS_KEYCHAIN');
    const log = (await kiosk.db.all<{ actor: string; action: string }>("SELECT actor, action FROM audit_log WHERE action = 'settings-changed'")).length;
    assert.equal(log, 1);
    await kiosk.close();
  });
});
