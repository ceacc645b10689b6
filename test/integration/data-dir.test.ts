import assert from 'node:assert/strict';
import { chmod, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createKiosk } from '../../main/kiosk.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { BIRTH_DATE_KEY_FILE } from '../../main/secrets/birth-date-key.ts';
import { STORE_FILE } from '../../main/store/open-store.ts';
import { tempDir } from '../support/temp.ts';

const CAMILLE = { rmNumber: '123123127RM078', birthDate: { day: '14', month: '07', year: '1980' } };

describe('the kiosk data directory', () => {
  it('keeps the store readable by the kiosk user only, even in an open directory', async () => {
    const dataDir = tempDir();
    await chmod(dataDir, 0o755);
    const kiosk = await createKiosk({ dataDir, log: memoryLogger(), syncIntervalMs: 0 });
    await kiosk.close();
    for (const f of [STORE_FILE, `${STORE_FILE}-wal`, BIRTH_DATE_KEY_FILE]) {
      const mode = await stat(path.join(dataDir, f)).then(
        (s) => s.mode & 0o777,
        () => null,
      );
      if (mode !== null) assert.equal(mode, 0o600, f);
    }
  });

  it('narrows a key file someone made readable by others', async () => {
    const dataDir = tempDir();
    await (await createKiosk({ dataDir, log: memoryLogger(), syncIntervalMs: 0 })).close();
    await chmod(path.join(dataDir, BIRTH_DATE_KEY_FILE), 0o644);
    const log = memoryLogger();
    await (await createKiosk({ dataDir, log, syncIntervalMs: 0 })).close();
    assert.equal((await stat(path.join(dataDir, BIRTH_DATE_KEY_FILE))).mode & 0o777, 0o600);
    assert.match(log.lines.join('\n'), /key-file-permissions-narrowed/);
  });

  it('a lost key empties the replica and the next sync rebuilds it: identification still works', async () => {
    const dataDir = tempDir();
    await (await createKiosk({ dataDir, log: memoryLogger(), syncIntervalMs: 0 })).close();
    await rm(path.join(dataDir, BIRTH_DATE_KEY_FILE));
    const log = memoryLogger();
    const kiosk = await createKiosk({ dataDir, log, syncIntervalMs: 0 });
    assert.match(log.lines.join('\n'), /birth-date-key-changed/);
    const r = await kiosk.identity.identify(CAMILLE);
    assert.equal(r.ok && r.value.kind, 'found');
    await kiosk.close();
  });
});
