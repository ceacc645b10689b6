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
