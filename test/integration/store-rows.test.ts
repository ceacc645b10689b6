import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryLogger } from '../../main/logging/logger.ts';
import { createStaffService } from '../../main/staff/staff-service.ts';
import { getAttempts } from '../../main/store/attempts-repo.ts';
import { openStore } from '../../main/store/open-store.ts';
import { due, enqueue } from '../../main/store/outbox-repo.ts';
import { recentJobs, recordJob } from '../../main/store/print-jobs-repo.ts';
import { RowShapeError } from '../../main/store/rows.ts';
import { activeMembers, readPinLock } from '../../main/store/staff-repo.ts';
import { tempDir } from '../support/temp.ts';

/**
 * Rows are checked where they enter the program: a row that is not what its query promised
 * (a schema that drifted, a column written by hand) is an error that names the query and the
 * field, never a value read as `undefined` and taken for "nothing there".
 */
describe('rows read from the store', () => {
  it('staff rows come out as views (camelCase, no SQL names), members who left out of the list', async () => {
    const db = await openStore(tempDir(), memoryLogger());
    const staff = createStaffService({ db, clock: () => new Date('2026-12-01T09:00:00Z'), log: memoryLogger() });
    const first = await staff.setup({ name: 'Nadia', pin: '482913', confirmation: '482913' });
    assert.ok(first.ok && first.value.member);
    const karim = await staff.addMember({ name: 'Karim', pin: '735190', confirmation: '735190' }, first.value.member);
    assert.ok(karim.ok);
    assert.equal((await staff.login('000000')).ok, false);
    assert.deepEqual(
      (await activeMembers(db)).map((m) => Object.keys(m).sort()),
      [
        ['createdAt', 'id', 'name'],
        ['createdAt', 'id', 'name'],
      ],
    );
    assert.deepEqual(await readPinLock(db), { failures: 1, lockedUntil: null });
    await db.close();
  });

  it('a PIN lock whose date is not a number is an error naming the field, not an unlocked console', async () => {
    const db = await openStore(tempDir(), memoryLogger());
    const staff = createStaffService({ db, clock: () => new Date(), log: memoryLogger() });
    assert.ok((await staff.setup({ name: 'Nadia', pin: '482913', confirmation: '482913' })).ok);
    // The lock table as a drifted schema would leave it: not STRICT, a date written as text.
    await db.transaction(async (tx) => {
      await tx.exec('DROP TABLE staff_lock; CREATE TABLE staff_lock (id INTEGER PRIMARY KEY, failures INTEGER NOT NULL, locked_until)');
      await tx.run("INSERT INTO staff_lock (id, failures, locked_until) VALUES (1, 0, 'tomorrow')");
    });
    await assert.rejects(
      staff.login('482913'),
      (e: unknown) => e instanceof RowShapeError && /staff PIN lock/.test(e.message) && /lockedUntil/.test(e.message),
    );
    await db.close();
  });

  it('an identification lock whose date is not a number is an error, not an RM number unlocked', async () => {
    const db = await openStore(tempDir(), memoryLogger());
    await db.transaction(async (tx) => {
      await tx.exec(
        'DROP TABLE identification_attempts; CREATE TABLE identification_attempts (rm_number TEXT PRIMARY KEY, failures INTEGER, locked_until, last_failure_at INTEGER)',
      );
      await tx.run("INSERT INTO identification_attempts VALUES ('130005786RM075', 0, 'in 15 minutes', 0)");
    });
    await assert.rejects(
      getAttempts(db, '130005786RM075'),
      (e: unknown) =>
        e instanceof RowShapeError && /identification attempts/.test(e.message) && /lockedUntil/.test(e.message) && !e.message.includes('130005786'),
    );
    await db.close();
  });

  it('an outbox payload that is not a JSON object stops delivery with the field named and none of its text', async () => {
    const db = await openStore(tempDir(), memoryLogger());
    await db.transaction((tx) => enqueue(tx, 'photo', { rmNumber: '130005786RM075', jpeg: 'AAAA' }, new Date()));
    assert.equal((await due(db, Date.now(), 10))[0]?.operation.payload.rmNumber, '130005786RM075');
    await db.transaction((tx) => tx.run('UPDATE outbox SET payload = \'["130005786RM075"]\''));
    await assert.rejects(
      due(db, Date.now(), 10),
      (e: unknown) =>
        e instanceof RowShapeError && /outbox operations due, row 1/.test(e.message) && /payload/.test(e.message) && !e.message.includes('130005786'),
    );
    await db.close();
  });

  it('a print job with an error kind the console cannot say is refused where it is read', async () => {
    const db = await openStore(tempDir(), memoryLogger());
    const id = await db.transaction((tx) => recordJob(tx, { role: 'paper', printer: 'office', document: 'test page' }, new Date()));
    assert.equal((await recentJobs(db, 5))[0]?.status, 'recorded');
    await db.transaction((tx) => tx.run("UPDATE print_jobs SET status = 'failed', error_kind = 'on-fire' WHERE id = ?", [id]));
    await assert.rejects(recentJobs(db, 5), (e: unknown) => e instanceof RowShapeError && /recent print jobs/.test(e.message) && /errorKind/.test(e.message));
    await db.close();
  });
});
