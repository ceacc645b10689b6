import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { ROOT } from '../support/browser-mode.ts';

describe('static checks', () => {
  it('npm run lint passes: Biome (electron stays in the shell), process boundaries, strict TypeScript', () => {
    const r = spawnSync('npm', ['run', '-s', 'lint'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  });
});
