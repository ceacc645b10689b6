import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { STORE_FILE } from '../../main/store/open-store.ts';
import { ROOT } from '../support/browser-mode.ts';
import { tempDir } from '../support/temp.ts';
import { RM_VECTORS } from '../support/vectors.ts';

/** The CLI as IT runs it: a real process, its stdout and exit code. */
function cli(...args: string[]) {
  return cliIn({}, ...args);
}
function cliIn(env: NodeJS.ProcessEnv, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('CLI', () => {
  it('without a keychain, sync and secrets-check tell IT what to do in English, like every other CLI line', () => {
    const noKeychain = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' };
    const dir = tempDir();
    const sync = cliIn(noKeychain, 'sync', '--registry', 'http://127.0.0.1:9', '--db', path.join(dir, STORE_FILE));
    const check = cliIn(noKeychain, 'secrets-check', '--data-dir', dir);
    for (const [r, said] of [
      [sync, sync.err],
      [check, check.out],
    ] as const) {
      assert.equal(r.code, 1);
      assert.match(said, /The system keychain cannot be used here \(no-service\)\. No keychain \(Secret Service\) on the session’s D-Bus/);
      assert.doesNotMatch(said, /trousseau|Prévenez/);
    }
  });
  it('rm-check --json prints the parts of a valid number and exits 0', () => {
    const r = cli('rm-check', '123 123 127 RM 078', '--json');
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out), { ok: true, rmNumber: '123123127RM078', siren: '123123127', register: 'RM', department: '078' });
  });
  it('rm-check --json names the reason and a sentence for each refusal, and exits 1', () => {
    for (const v of RM_VECTORS.invalid) {
      const r = cli('rm-check', v.input, '--json');
      assert.equal(r.code, 1, v.input);
      const out = JSON.parse(r.out) as { ok: boolean; reason: string; message: string };
      assert.deepEqual([out.ok, out.reason], [false, v.reason], v.input);
      assert.ok(out.message.length > 20);
    }
  });
  it('says how to use it when the command is unknown (exit 2)', () => {
    const r = cli('frobnicate');
    assert.equal(r.code, 2);
    assert.match(r.err, /Unknown command "frobnicate"[\s\S]*rm-check/);
  });
});
