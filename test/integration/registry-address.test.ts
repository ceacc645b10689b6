import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createKiosk } from '../../main/kiosk.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { memoryStore } from '../../main/secrets/secret-store.ts';
import { STORE_FILE } from '../../main/store/open-store.ts';
import { ROOT } from '../support/browser-mode.ts';
import { tempDir } from '../support/temp.ts';

describe('a registry address that does not exist (a typo) on a new kiosk', () => {
  it('is said as an address to check, the artisan is sent to the desk rather than told it loads, and `cli status` does not claim the empty copy serves', async () => {
    const dataDir = tempDir();
    // `.invalid` never resolves (RFC 2606): the DNS answers "no such host" as for a typo.
    const kiosk = await createKiosk({
      dataDir,
      log: memoryLogger(),
      registry: { url: 'https://registre-cma.invalid/', kioskId: 'borne-1', secret: 'a-secret-of-sixteen-chars' },
      secrets: memoryStore(),
      syncIntervalMs: 0,
    });
    try {
      await assert.rejects(kiosk.sync.syncNow());
      const s = await kiosk.sync.status();
      assert.deepEqual([s.state, s.records, s.lastError?.addressUnknown], ['offline', 0, true]);
      // The artisan is not told "loading" for ever: the copy is empty and nothing is loading.
      const r = await kiosk.identity.identify({ rmNumber: '123123127RM078', birthDate: { day: '14', month: '07', year: '1980' } });
      assert.deepEqual(r, { ok: true, value: { kind: 'loading', rmNumber: '123123127RM078', percent: null, unreachable: true } });
    } finally {
      await kiosk.close();
    }
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'status', '--db', path.join(dataDir, STORE_FILE)], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /the registry’s address was not found \(no answer from the registry \((ENOTFOUND|EAI_AGAIN)\)\): check the address/);
    assert.match(r.stdout, /The local copy is empty: no artisan can be identified/);
    assert.doesNotMatch(r.stdout, /use the local copy/);
  });
});
