import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryLogger } from '../../main/logging/logger.ts';
import { memoryStore } from '../../main/secrets/secret-store.ts';
import type { Result } from '../../main/shared/errors.ts';
import type { StaffState } from '../../main/shared/staff.ts';
import { createStaffService } from '../../main/staff/staff-service.ts';
import { verifyAudit } from '../../main/store/audit-repo.ts';
import { openStore } from '../../main/store/open-store.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { tempDir } from '../support/temp.ts';

describe('staff PINs', () => {
  it('the first PIN only at first run; 5 wrong PINs lock for 15 minutes, across a restart', async () => {
    const dir = tempDir();
    let now = new Date('2026-11-27T09:00:00Z').getTime();
    const clock = () => new Date(now);
    let db = await openStore(dir, memoryLogger());
    let staff = createStaffService({ db, clock, log: memoryLogger() });
    assert.equal((await staff.setup({ name: 'Nadia', pin: '12ab', confirmation: '12ab' })).ok, false, 'a PIN is 6 to 8 digits');
    assert.equal((await staff.setup({ name: 'Nadia', pin: '482913', confirmation: '482913' })).ok, true);
    const second = await staff.setup({ name: 'Intrus', pin: '590417', confirmation: '590417' });
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
    const first = await staff.setup({ name: 'Nadia', pin: '482913', confirmation: '482913' });
    assert.ok(first.ok && first.value.member);
    const nadia = first.value.member;
    const shared = await staff.addMember({ name: 'Karim', pin: '482913', confirmation: '482913' }, nadia);
    assert.equal(!shared.ok && shared.error.code, 'PIN_TAKEN');
    const added = await staff.addMember({ name: '  Karim  ', pin: '735190', confirmation: '735190' }, nadia);
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

describe('PINs that are hard to guess, typed twice, changed by their agent (through the dispatcher)', () => {
  it('refuses trivial and mistyped PINs field by field, then Nadia changes her own PIN with her current one', async () => {
    const kiosk = await readyKiosk({ dataDir: tempDir(), log: memoryLogger(), syncIntervalMs: 0, secrets: memoryStore() });
    const call = kiosk.dispatcher('browser', ['http://kiosk.test']);
    const invoke = (channel: string, input: object) => call(channel, input, { origin: 'http://kiosk.test', transport: 'http' });
    const problems = (r: Result<unknown>) => (!r.ok ? r.error.problems?.map((p) => `${p.field}:${p.code}`) : 'accepted');

    assert.deepEqual(problems(await invoke('staff:setup', { name: ' ', pin: '123456', confirmation: '123456' })), [
      'staffName:STAFF_NAME_REQUIRED',
      'pin:PIN_SEQUENCE',
    ]);
    assert.deepEqual(problems(await invoke('staff:setup', { name: 'Nadia', pin: '111111', confirmation: '111111' })), ['pin:PIN_REPEATED']);
    assert.deepEqual(problems(await invoke('staff:setup', { name: 'Nadia', pin: '14071980', confirmation: '14071980' })), ['pin:PIN_DATE']);
    assert.deepEqual(problems(await invoke('staff:setup', { name: 'Nadia', pin: '482913', confirmation: '482931' })), ['pinConfirmation:PIN_MISMATCH']);
    const state = (await invoke('staff:state', {})) as Result<StaffState>;
    assert.equal(state.ok && state.value.configured, false, 'nothing refused was kept');
    assert.equal((await invoke('staff:setup', { name: 'Nadia', pin: '482913', confirmation: '482913' })).ok, true);

    assert.deepEqual(problems(await invoke('staff:member-add', { name: 'Karim', pin: '654321', confirmation: '654321' })), ['memberPin:PIN_SEQUENCE']);
    assert.deepEqual(problems(await invoke('staff:member-add', { name: 'Karim', pin: '735190', confirmation: '735191' })), [
      'memberPinConfirmation:PIN_MISMATCH',
    ]);
    assert.equal((await invoke('staff:member-add', { name: 'Karim', pin: '735190', confirmation: '735190' })).ok, true);

    const wrongCurrent = await invoke('staff:pin-change', { current: '000000', pin: '590417', confirmation: '590417' });
    assert.deepEqual(problems(wrongCurrent), ['currentPin:PIN_CURRENT_WRONG']);
    assert.deepEqual(problems(await invoke('staff:pin-change', { current: '482913', pin: '123123', confirmation: '123123' })), ['newPin:PIN_REPEATED']);
    assert.deepEqual(problems(await invoke('staff:pin-change', { current: '482913', pin: '590417', confirmation: '590471' })), [
      'newPinConfirmation:PIN_MISMATCH',
    ]);
    assert.deepEqual(problems(await invoke('staff:pin-change', { current: '482913', pin: '735190', confirmation: '735190' })), ['newPin:PIN_TAKEN']);
    assert.deepEqual(problems(await invoke('staff:pin-change', { current: '482913', pin: '482913', confirmation: '482913' })), ['newPin:PIN_UNCHANGED']);
    assert.equal((await invoke('staff:pin-change', { current: '482913', pin: '590417', confirmation: '590417' })).ok, true);

    await invoke('staff:logout', {});
    const old = await invoke('staff:login', { pin: '482913' });
    assert.equal(!old.ok && old.error.code, 'PIN_WRONG', 'the old PIN opens nothing');
    const now = (await invoke('staff:login', { pin: '590417' })) as Result<StaffState>;
    assert.equal(now.ok && now.value.member?.name, 'Nadia');
    await invoke('staff:logout', {});
    const outside = await invoke('staff:pin-change', { current: '590417', pin: '409183', confirmation: '409183' });
    assert.equal(!outside.ok && outside.error.code, 'STAFF_REQUIRED');
    await kiosk.close();
  });
});
