import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUDGET_WRONG_DATES, MAX_WRONG_DATES } from '../../main/identity/identify.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { memoryStore } from '../../main/secrets/secret-store.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { tempDir } from '../support/temp.ts';

const CAMILLE = { rmNumber: '123123127RM078', birthDate: { day: '14', month: '07', year: '1980' } };
const wrong = (rmNumber: string) => ({ rmNumber, birthDate: { day: '1', month: '1', year: '1950' } });

describe('guessing dates of birth across many numbers', () => {
  it('pauses identification on this kiosk after the kiosk-wide budget, until staff resume it; the log names no one', async () => {
    const log = memoryLogger();
    const kiosk = await readyKiosk({ dataDir: tempDir(), log, syncIntervalMs: 0, secrets: memoryStore() });
    // What the console hears: the pause as it happens, and its end.
    const heard: boolean[] = [];
    kiosk.events.subscribe((e) => {
      if (e.kind === 'identification-paused') heard.push(e.paused);
    });
    // Numbers other than Camille's, each tried fewer times than its own lock needs.
    const numbers = (await kiosk.db.all<{ rm: string }>("SELECT rm_number AS rm FROM artisans WHERE rm_number <> '123123127RM078' LIMIT 10")).map((r) => r.rm);
    const perNumber = MAX_WRONG_DATES - 1;
    let tried = 0;
    for (const rm of numbers) {
      for (let i = 0; i < perNumber && tried < BUDGET_WRONG_DATES - 1; i++, tried++) {
        const r = await kiosk.identity.identify(wrong(rm));
        assert.equal(r.ok && r.value.kind, 'wrong-date');
      }
    }
    // Before the budget is spent, someone who gets it right is not held up.
    const before = await kiosk.identity.identify(CAMILLE);
    assert.equal(before.ok && before.value.kind, 'found');
    assert.deepEqual(heard, [], 'no pause yet');
    const last = await kiosk.identity.identify(wrong(numbers[numbers.length - 1] ?? ''));
    assert.equal(last.ok && last.value.kind, 'wrong-date');

    const paused = await kiosk.identity.identify(CAMILLE);
    assert.deepEqual(paused, { ok: true, value: { kind: 'paused' } }, 'even the right date waits for the desk');
    assert.ok(await kiosk.identity.pause(), 'the console sees the pause');
    assert.deepEqual(heard, [true], 'and is told of it at once');
    const audit = await kiosk.db.all<{ action: string; details: string }>('SELECT action, details FROM audit_log');
    const entry = audit.find((a) => a.action === 'identification-paused');
    assert.ok(entry);
    assert.ok(!numbers.some((rm) => entry.details.includes(rm.slice(0, 9))), 'the audit says how many, not which numbers');

    await kiosk.identity.resume(1);
    assert.equal(await kiosk.identity.pause(), null);
    assert.deepEqual(heard, [true, false], 'and of its end');
    const after = await kiosk.identity.identify(CAMILLE);
    assert.equal(after.ok && after.value.kind, 'found');
    assert.ok((await kiosk.db.all<{ action: string }>('SELECT action FROM audit_log')).some((a) => a.action === 'identification-resumed'));
    for (const rm of numbers) assert.ok(!log.lines.join('\n').includes(rm.slice(0, 9)), 'no RM number in the log');
    await kiosk.close();
  });
});
