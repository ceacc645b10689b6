import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CARD_PUBLIC_KEY_FILE } from '../../main/secrets/card-signing-key.ts';
import { ROOT } from '../support/browser-mode.ts';
import { tempDir } from '../support/temp.ts';

const verify = (dataDir: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'card-verify', 'not-a-card', '--json', '--data-dir', dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
  });

describe('card-verify: a kiosk public key that cannot be read is said, not taken for none', () => {
  it('no key file: nothing said about it; a broken one: named on stderr; the card is checked either way', () => {
    const quiet = verify(tempDir());
    assert.doesNotMatch(quiet.stderr, /public key/);
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, CARD_PUBLIC_KEY_FILE), 'not a PEM key\n');
    const broken = verify(dataDir);
    assert.match(broken.stderr, /public key at .* cannot be read \([\w:]+\): checking with the chamber's keys only/);
    assert.equal(broken.status, quiet.status, `the same verdict: ${broken.stdout}`);
    assert.equal(broken.stdout, quiet.stdout);
  });
});
