import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { accountPrefix } from '../../../main/secrets/secret-store.ts';
import { tempDir } from '../../support/temp.ts';

describe('the keychain prefix of a data directory', () => {
  it('is the same through a link and before the directory exists; a real path that cannot be read throws rather than naming other secrets', () => {
    const root = tempDir();
    const data = path.join(root, 'data');
    const before = accountPrefix(data);
    mkdirSync(data);
    symlinkSync(data, path.join(root, 'link'));
    assert.equal(accountPrefix(data), before, 'created since: same secrets');
    assert.equal(accountPrefix(path.join(root, 'link')), before, 'through a link: same secrets');
    symlinkSync('loop', path.join(root, 'loop'));
    assert.throws(
      () => accountPrefix(path.join(root, 'loop', 'data')),
      (e: NodeJS.ErrnoException) => e.code === 'ELOOP',
    );
  });
});
