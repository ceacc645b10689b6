import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { memoryLogger } from '../../main/logging/logger.ts';
import { appendAudit, verifyAudit } from '../../main/store/audit-repo.ts';
import { openStore } from '../../main/store/open-store.ts';
import { ROOT } from '../support/browser-mode.ts';
import { tempDir } from '../support/temp.ts';

async function chainOf(n: number) {
  const dir = tempDir();
  const db = await openStore(dir, memoryLogger());
  for (let i = 0; i < n; i++) {
    await db.transaction((tx) =>
      appendAudit(tx, { actor: 'staff:1', action: 'card-issued', details: { rmNumber: `12312312${i}RM078`, delivery: 'pvc' } }, new Date(2026, 10, 27, 10, i)),
    );
  }
  return { dir, db };
}

function cli(dir: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'audit-verify', '--data-dir', dir, '--json'], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, result: JSON.parse(r.stdout) as { ok: boolean; brokenAt?: number; reason?: string } };
}

describe('the hash-chained audit log', () => {
  it('a whole chain verifies, in the store and on the command line', async () => {
    const { dir, db } = await chainOf(5);
    assert.deepEqual(await verifyAudit(db), { ok: true, entries: 5 });
    await db.close();
    assert.deepEqual(cli(dir), { code: 0, result: { ok: true, entries: 5 } });
  });

  it('detects a changed entry', async () => {
    const { dir, db } = await chainOf(5);
    await db.transaction((tx) => tx.run(`UPDATE audit_log SET details = '{"rmNumber":"999999999RM078","delivery":"pvc"}' WHERE seq = 3`));
    await db.close();
    assert.deepEqual(cli(dir), { code: 1, result: { ok: false, entries: 5, brokenAt: 3, reason: 'changed' } });
  });

  it('detects a removed entry', async () => {
    const { dir, db } = await chainOf(5);
    await db.transaction((tx) => tx.run('DELETE FROM audit_log WHERE seq = 2'));
    await db.close();
    assert.deepEqual(cli(dir).result, { ok: false, entries: 4, brokenAt: 3, reason: 'removed' });
  });

  it('detects reordered entries, even renumbered to hide it', async () => {
    const { dir, db } = await chainOf(5);
    await db.transaction(async (tx) => {
      await tx.run('UPDATE audit_log SET seq = 100 WHERE seq = 2');
      await tx.run('UPDATE audit_log SET seq = 2 WHERE seq = 3');
      await tx.run('UPDATE audit_log SET seq = 3 WHERE seq = 100');
    });
    await db.close();
    const r = cli(dir);
    assert.deepEqual([r.code, r.result.ok, r.result.brokenAt, r.result.reason], [1, false, 2, 'reordered']);
  });
});
