import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findViolations } from '../../scripts/check-boundaries.ts';
import { findSqlViolations } from '../../scripts/sql-boundary.ts';

// Lines as the kiosk had them before its queries moved into main/store (issue 13).
const OLD_STAFF_SERVICE = `
  async function lockedUntil(): Promise<number | null> {
    const row = await db.get<{ locked_until: number | null }>('SELECT locked_until FROM staff_lock WHERE id = 1');
    return row?.locked_until ?? null;
  }`;
const OLD_PVC_RETRY = `if (reuse) await tx.run("UPDATE print_jobs SET status = 'recorded', error = NULL, error_kind = NULL WHERE id = ?", [jobId]);`;
const OLD_OUTBOX_REPO = "import type { Operation, OperationType } from '../registry/wire.ts';\nimport type { ReadDb, TxDb } from './database.ts';";

describe('SQL stays in the store, and the store imports no service', () => {
  it('fails on a service running its own query: the handle call and the SQL string, with the line', () => {
    const problems = findSqlViolations([{ path: 'main/staff/staff-service.ts', text: OLD_STAFF_SERVICE }]);
    assert.deepEqual(
      problems.map((p) => p.split(': ')[0]),
      ['main/staff/staff-service.ts:3', 'main/staff/staff-service.ts:3'],
    );
    assert.match(problems.join('\n'), /db\.get\(\) runs SQL outside main\/store/);
    assert.match(problems.join('\n'), /SQL in a string/);
  });

  it('fails on SQL in a template string, or passed to a handle from a variable', () => {
    // `DELETE FROM ${table} …` in the source under test (split so that this file holds no placeholder).
    const template = ['const q = `DELETE FROM $', '{table} WHERE id = ?`;'].join('');
    assert.equal(findSqlViolations([{ path: 'main/kiosk.ts', text: template }]).length, 1);
    assert.equal(findSqlViolations([{ path: 'main/kiosk.ts', text: 'await tx.exec(statements);' }]).length, 1);
    assert.equal(findSqlViolations([{ path: 'main/orders/pvc-order-service.ts', text: OLD_PVC_RETRY }]).length, 2);
  });

  it('lets the store and the reference registry server write SQL, and leaves words, maps and secrets alone', () => {
    assert.deepEqual(findSqlViolations([{ path: 'main/store/staff-repo.ts', text: OLD_STAFF_SERVICE }]), []);
    assert.deepEqual(findSqlViolations([{ path: 'main/demo-registry/registry-store.ts', text: OLD_STAFF_SERVICE }]), []);
    const ordinary = [
      "const hit = entries.get(key); const secret = await opened.store.get('registry-secret');",
      'const m = /^tcp:\\/\\/([^/:]+):(\\d+)$/.exec(printer); await db.transaction((tx) => appendAudit(tx, entry, now));',
      "// SELECT the card FROM the list: a comment is not a query\nconst label = 'Select a printer from the list, then update the settings';",
    ].join('\n');
    assert.deepEqual(findSqlViolations([{ path: 'main/printing/printers-service.ts', text: ordinary }]), []);
  });

  it('fails on a store module importing a service or the wire format, and on sqlite3 outside the store', () => {
    const problems = findSqlViolations([
      { path: 'main/store/outbox-repo.ts', text: OLD_OUTBOX_REPO },
      { path: 'main/store/print-jobs-repo.ts', text: "import type { PrintErrorKind } from '../printing/print-errors.ts';" },
      { path: 'main/store/staff-repo.ts', text: "import type { StaffState } from '../staff/staff-service.ts';" },
      { path: 'main/orders/till-service.ts', text: "import sqlite3 from 'sqlite3';" },
    ]);
    assert.equal(problems.length, 4, problems.join('\n'));
    const allowed =
      "import type { Logger } from '../logging/logger.ts';\nimport { z } from 'zod';\nimport { checkRow } from './rows.ts';\nimport sqlite3 from 'sqlite3';";
    assert.deepEqual(findSqlViolations([{ path: 'main/store/database.ts', text: allowed }]), []);
  });

  it('is part of the boundaries lint that npm run lint runs', () => {
    assert.equal(findViolations([{ path: 'main/staff/staff-service.ts', text: OLD_STAFF_SERVICE }]).length, 2);
  });
});
