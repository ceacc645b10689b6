import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { memoryLogger } from '../../main/logging/logger.ts';
import { LEGACY_BIRTH_DATE_KEY_FILE } from '../../main/secrets/birth-date-key.ts';
import { STORE_FILE } from '../../main/store/open-store.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { tempDir } from '../support/temp.ts';

const CAMILLE = { rmNumber: '123 123 127 RM 078', birthDate: { day: '14', month: '07', year: '1980' } };
const wrong = (rmNumber: string) => ({ rmNumber, birthDate: { day: '15', month: '07', year: '1980' } });

function clockAt(start: string) {
  let now = new Date(start).getTime();
  return { clock: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('identification against a real SQLite store', () => {
  it('finds each demo identity with its account status, and the radiated one', async () => {
    const log = memoryLogger();
    const kiosk = await readyKiosk({ dataDir: tempDir(), log, syncIntervalMs: 0 });
    const found = await kiosk.identity.identify(CAMILLE);
    assert.deepEqual(found, {
      ok: true,
      value: {
        kind: 'found',
        artisan: {
          rmNumber: '123123127RM078',
          firstName: 'Camille',
          lastName: 'DURAND',
          companyName: 'Boulangerie Durand',
          qualification: 'maitre-artisan',
          chamber: 'CMA Île-de-France',
          accountStatus: 'none',
        },
      },
    });
    const muller = await kiosk.identity.identify({ rmNumber: '401234562re67', birthDate: { day: '2', month: '3', year: '1975' } });
    assert.equal(muller.ok && muller.value.kind === 'found' && muller.value.artisan.accountStatus, 'active');
    const santoni = await kiosk.identity.identify({ rmNumber: '552032534RM2A', birthDate: { day: '30', month: '11', year: '1968' } });
    assert.deepEqual(santoni, { ok: true, value: { kind: 'radiated', rmNumber: '552032534RM02A', chamber: 'CMA Corse', radiatedOn: '2024-12-31' } });
    const unknown = await kiosk.identity.identify({ rmNumber: '732829320RM075', birthDate: { day: '1', month: '1', year: '1970' } });
    assert.deepEqual(unknown, { ok: true, value: { kind: 'not-found', rmNumber: '732829320RM075' } });
    // The logs say what happened, never who: no names, numbers or dates.
    const logs = log.lines.join('\n');
    for (const secret of ['DURAND', 'Camille', '123123127', '1980', 'SANTONI']) assert.ok(!logs.includes(secret), `log mentions ${secret}`);
    await kiosk.close();
  });

  it('stores dates of birth only as a keyed hash, and the key nowhere in the data directory', async () => {
    const dataDir = tempDir();
    const kiosk = await readyKiosk({ dataDir, log: memoryLogger() });
    await kiosk.close();
    const bytes = await readFile(path.join(dataDir, STORE_FILE));
    const wal = await readFile(path.join(dataDir, `${STORE_FILE}-wal`)).catch(() => Buffer.alloc(0));
    for (const form of ['1980-07-14', '14/07/1980', '19800714']) {
      assert.ok(!bytes.includes(form) && !wal.includes(form), `store holds ${form} in clear`);
    }
    assert.equal(await stat(path.join(dataDir, LEGACY_BIRTH_DATE_KEY_FILE)).catch(() => null), null);
  });

  it('refuses what was typed, naming each wrong field, before touching the store', async () => {
    const kiosk = await readyKiosk({ dataDir: tempDir(), log: memoryLogger(), syncIntervalMs: 0 });
    assert.deepEqual(await kiosk.identity.identify({ ...CAMILLE, rmNumber: '123123123RM078' }), { ok: false, refused: { rmNumber: 'siren-checksum' } });
    assert.deepEqual(await kiosk.identity.identify({ ...CAMILLE, birthDate: { day: '31', month: '02', year: '1980' } }), {
      ok: false,
      refused: { birthDate: 'date-invalid' },
    });
    assert.deepEqual(await kiosk.identity.identify({ rmNumber: '', birthDate: { day: '', month: '', year: '' } }), {
      ok: false,
      refused: { rmNumber: 'empty', birthDate: 'date-empty' },
    });
    await kiosk.close();
  });

  it('counts wrong dates down, locks after 5 for 15 minutes, and a restart does not reset it', async () => {
    const dataDir = tempDir();
    const time = clockAt('2026-11-27T10:00:00Z');
    let kiosk = await readyKiosk({ dataDir, log: memoryLogger(), clock: time.clock, syncIntervalMs: 0 });
    const left: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await kiosk.identity.identify(wrong(CAMILLE.rmNumber));
      assert.ok(r.ok && r.value.kind === 'wrong-date');
      left.push(r.value.triesLeft);
    }
    assert.deepEqual(left, [4, 3, 2, 1]);
    const fifth = await kiosk.identity.identify(wrong(CAMILLE.rmNumber));
    assert.deepEqual(fifth, { ok: true, value: { kind: 'locked', rmNumber: '123123127RM078', until: '2026-11-27T10:15:00.000Z' } });
    // The registry is told, through the outbox (delivered by the next sync).
    const told = await kiosk.db.all<{ type: string; payload: string }>('SELECT type, payload FROM outbox');
    assert.deepEqual(
      told.map((o) => [o.type, JSON.parse(o.payload)]),
      [['audit-event', { event: 'identification-locked', rmNumber: '123123127RM078', until: '2026-11-27T10:15:00.000Z' }]],
    );
    await kiosk.close();

    kiosk = await readyKiosk({ dataDir, log: memoryLogger(), clock: time.clock, syncIntervalMs: 0 });
    time.advance(14 * 60 * 1000);
    const evenRight = await kiosk.identity.identify(CAMILLE);
    assert.equal(evenRight.ok && evenRight.value.kind, 'locked', 'the right date does not open a locked number');
    // Other numbers are not affected by this one's lock.
    const muller = await kiosk.identity.identify({ rmNumber: '401234562RE067', birthDate: { day: '2', month: '3', year: '1975' } });
    assert.equal(muller.ok && muller.value.kind, 'found');

    time.advance(61 * 1000);
    const after = await kiosk.identity.identify(CAMILLE);
    assert.equal(after.ok && after.value.kind, 'found');
    // A right date clears the count: the next mistake starts again from 5.
    const next = await kiosk.identity.identify(wrong(CAMILLE.rmNumber));
    assert.equal(next.ok && next.value.kind === 'wrong-date' && next.value.triesLeft, 4);
    await kiosk.close();
  });

  it('does not let concurrent wrong dates slip past the limit', async () => {
    const kiosk = await readyKiosk({ dataDir: tempDir(), log: memoryLogger(), syncIntervalMs: 0 });
    const results = await Promise.all(Array.from({ length: 8 }, () => kiosk.identity.identify(wrong('401234562RE067'))));
    const kinds = results.map((r) => (r.ok ? r.value.kind : 'refused'));
    assert.equal(kinds.filter((k) => k === 'wrong-date').length, 4);
    assert.equal(kinds.filter((k) => k === 'locked').length, 4);
    await kiosk.close();
  });
});
