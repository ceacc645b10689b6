import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { ROOT } from '../support/browser-mode.ts';

describe('npm test itself', () => {
  it('fails a file that never exits by its name, instead of waiting for it for ever', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/run.ts', 'test/fixtures/never-exits.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      // Without NODE_TEST_CONTEXT, set by the runner that runs this test: the inner run is a run of its own.
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_TEST_CONTEXT')), KIOSK_TEST_TIMEOUT_MS: '4000' },
      timeout: 120_000,
    });
    assert.equal(run.signal, null, 'the run ended by itself');
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.at(-1), '1 passed, 1 failed', run.stdout.slice(-2000));
    assert.match(run.stdout, /Failed:\n\s+test\/fixtures\/never-exits\.ts/);
    assert.equal(run.status, 1);
  });
});
