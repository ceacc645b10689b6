import assert from 'node:assert/strict';
import { chmod, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { memoryLogger } from '../../main/logging/logger.ts';
import { memoryStore } from '../../main/secrets/secret-store.ts';
import { STORE_FILE } from '../../main/store/open-store.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { tempDir } from '../support/temp.ts';

const CAMILLE = { rmNumber: '123123127RM078', birthDate: { day: '14', month: '07', year: '1980' } };

describe('the kiosk data directory', () => {
  it('keeps the store readable by the kiosk user only, even in an open directory', async () => {
    const dataDir = tempDir();
    await chmod(dataDir, 0o755);
    const kiosk = await readyKiosk({ dataDir, log: memoryLogger(), syncIntervalMs: 0 });
    await kiosk.close();
    for (const f of [STORE_FILE, `${STORE_FILE}-wal`]) {
      const mode = await stat(path.join(dataDir, f)).then(
        (s) => s.mode & 0o777,
        () => null,
      );
      if (mode !== null) assert.equal(mode, 0o600, f);
    }
    // Secrets are in the keychain: the only key file here is the public one, for verifiers.
    assert.deepEqual(
      (await readdir(dataDir)).filter((f) => /key/.test(f)),
      ['card-signing-key.pub.pem'],
    );
  });

  it('a lost key empties the replica and the next sync rebuilds it: identification still works', async () => {
    const dataDir = tempDir();
    // Two stores that know nothing of each other: as if the keychain had lost the key.
    await (await readyKiosk({ dataDir, log: memoryLogger(), syncIntervalMs: 0, secrets: memoryStore() })).close();
    const log = memoryLogger();
    const kiosk = await readyKiosk({ dataDir, log, syncIntervalMs: 0, secrets: memoryStore() });
    assert.match(log.lines.join('\n'), /birth-date-key-changed/);
    const r = await kiosk.identity.identify(CAMILLE);
    assert.equal(r.ok && r.value.kind, 'found');
    await kiosk.close();
  });
});
