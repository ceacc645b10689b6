import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryLogger } from '../../main/logging/logger.ts';
import { createStaffService } from '../../main/staff/staff-service.ts';
import { verifyAudit } from '../../main/store/audit-repo.ts';
import { openStore } from '../../main/store/open-store.ts';
import { tempDir } from '../support/temp.ts';

describe('staff PINs', () => {
  it('the first PIN only at first run; 5 wrong PINs lock for 15 minutes, across a restart', async () => {
    const dir = tempDir();
    let now = new Date('2026-11-27T09:00:00Z').getTime();
    const clock = () => new Date(now);
    let db = await openStore(dir, memoryLogger());
    let staff = createStaffService({ db, clock, log: memoryLogger() });
    assert.equal((await staff.setup('Nadia', '12ab')).ok, false, 'a PIN is 6 to 8 digits');
    assert.equal((await staff.setup('Nadia', '482913')).ok, true);
    const second = await staff.setup('Intrus', '111111');
    assert.equal(!second.ok && second.error.code, 'FORBIDDEN', 'no second "first run"');
    staff.logout();
    const left: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await staff.login('000000');
      left.push(!r.ok && r.error.params?.count);
    }
    assert.deepEqual(left, [4, 3, 2, 1]);
    const fifth = await staff.login('000000');
    assert.equal(!fifth.ok && fifth.error.code, 'PIN_LOCKED');
    await db.close();

    db = await openStore(dir, memoryLogger());
    staff = createStaffService({ db, clock, log: memoryLogger() });
    const stillLocked = await staff.login('482913');
    assert.equal(!stillLocked.ok && stillLocked.error.code, 'PIN_LOCKED', 'even the right PIN waits');
    now += 15 * 60_000 + 1000;
    const back = await staff.login('482913');
    assert.ok(back.ok && back.value.member?.name === 'Nadia');
    assert.deepEqual(await verifyAudit(db), { ok: true, entries: 2 });
    const hashes = await db.all<{ pin_hash: string }>('SELECT pin_hash FROM staff_members');
    assert.ok(
      hashes.every((h) => !h.pin_hash.includes('482913')),
      'the PIN is kept only as a hash',
    );
    await db.close();
  });
});

describe('several named staff members', () => {
  it('each logs in with their own PIN; a PIN cannot be shared; a member who left is locked out and still named', async () => {
    const db = await openStore(tempDir(), memoryLogger());
    const staff = createStaffService({ db, clock: () => new Date(), log: memoryLogger() });
    const first = await staff.setup('Nadia', '482913');
    assert.ok(first.ok && first.value.member);
    const nadia = first.value.member;
    const shared = await staff.addMember('Karim', '482913', nadia);
    assert.equal(!shared.ok && shared.error.code, 'PIN_TAKEN');
    const added = await staff.addMember('  Karim  ', '735190', nadia);
    assert.deepEqual(added.ok && added.value.map((m) => m.name), ['Karim', 'Nadia']);
    staff.logout();
    const karim = await staff.login('735190');
    assert.equal(karim.ok && karim.value.member?.name, 'Karim');
    const self = await staff.removeMember(karim.ok && karim.value.member ? karim.value.member.id : 0, { id: 2 });
    assert.equal(!self.ok && self.error.code, 'STAFF_SELF');
    assert.ok((await staff.removeMember(2, nadia)).ok);
    staff.logout();
    const gone = await staff.login('735190');
    assert.equal(!gone.ok && gone.error.code, 'PIN_WRONG', 'a removed member’s PIN opens nothing');
    assert.deepEqual(
      (await staff.members()).map((m) => m.name),
      ['Nadia'],
    );
    assert.equal((await db.get<{ name: string }>('SELECT name FROM staff_members WHERE id = 2'))?.name, 'Karim', 'still there for the records');
    const actions = (await db.all<{ actor: string; action: string }>('SELECT actor, action FROM audit_log ORDER BY seq')).map((r) => `${r.actor} ${r.action}`);
    assert.deepEqual(actions, ['staff:1 staff-created', 'staff:1 staff-added', 'staff:2 staff-login', 'staff:1 staff-removed']);
    assert.deepEqual(await verifyAudit(db), { ok: true, entries: 4 });
    await db.close();
  });
});
