import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { ROOT } from '../support/browser-mode.ts';

/**
 * The suite runs the sources through tsx, which strips types without checking them: a type
 * error, or a linter warning left to pile up, would land with every test green. These run the
 * project's own checks (`npm run lint` does the same by hand).
 */
const run = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.slice(-4000) };
};

describe('code checks', () => {
  it('passes Biome with no error and no warning', () => {
    const { status, output } = run('npx', ['biome', 'check', '--error-on-warnings', '.']);
    assert.equal(status, 0, output);
  });

  it('type-checks the main process, the renderer and the tests', () => {
    const { status, output } = run('npm', ['run', '-s', 'typecheck']);
    assert.equal(status, 0, output);
  });
});
