import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { memoryLogger } from '../../main/logging/logger.ts';
import { memoryStore } from '../../main/secrets/secret-store.ts';
import type { CardView } from '../../main/shared/card.ts';
import type { Result } from '../../main/shared/errors.ts';
import type { IssuanceResult, SearchHit } from '../../main/shared/staff.ts';
import { ROOT } from '../support/browser-mode.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { tempDir } from '../support/temp.ts';

describe('staff-assisted issuance ("Délivrer une carte")', () => {
  it('finds the artisan offline by RM number, SIREN or name, records the kind of document checked, refuses the e-mail while offline (no address can be shown), all in the audit log', async () => {
    const registry = await startTestRegistry(200);
    const log = memoryLogger();
    const kiosk = await readyKiosk({
      dataDir: tempDir(),
      log,
      syncIntervalMs: 0,
      secrets: memoryStore(),
      registry: { url: registry.server.url, kioskId: KIOSK_ID, secret: SECRET, timeoutMs: 2000 },
    });
    // The registry goes away: the search works on the local copy alone.
    await registry.close();
    const call = kiosk.dispatcher('browser', ['http://kiosk.test']);
    const invoke = <T>(channel: string, input: object) => call(channel, input, { origin: 'http://kiosk.test', transport: 'http' }) as Promise<Result<T>>;

    const before = await invoke('staff:search', { query: 'DURAND' });
    assert.equal(!before.ok && before.error.code, 'STAFF_REQUIRED', 'staff only');
    assert.equal((await invoke('staff:setup', { name: 'Nadia', pin: '482913', confirmation: '482913' })).ok, true);

    const byRm = await invoke<SearchHit[]>('staff:search', { query: '123 123 127 RM 078' });
    assert.deepEqual(byRm.ok && byRm.value.map((h) => [h.rmNumber, h.firstNames, h.lastName]), [['123123127RM078', 'Camille', 'DURAND']]);
    const bySiren = await invoke<SearchHit[]>('staff:search', { query: '123123127' });
    assert.deepEqual(bySiren.ok && bySiren.value.map((h) => h.rmNumber), ['123123127RM078']);
    const byName = await invoke<SearchHit[]>('staff:search', { query: 'camille durand' });
    assert.ok(byName.ok && byName.value.some((h) => h.rmNumber === '123123127RM078'), 'words of the name, any case');
    const short = await invoke('staff:search', { query: 'd' });
    assert.equal(!short.ok && short.error.code, 'SEARCH_TOO_SHORT');
    const wild = await invoke<SearchHit[]>('staff:search', { query: '%%' });
    assert.deepEqual(wild.ok && wild.value, [], 'LIKE wildcards are matched as themselves');

    const bad = await invoke('staff:issue-start', { rmNumber: '123123127RM078', document: 'numero-de-passeport-123' });
    assert.equal(!bad.ok && bad.error.code, 'INVALID_INPUT', 'only a kind of document, from the list');
    const started = await invoke<CardView>('staff:issue-start', { rmNumber: '123123127RM078', document: 'passeport' });
    assert.equal(started.ok && started.value.photo, null);
    const jpeg = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg')).toString('base64');
    const withPhoto = await invoke<CardView>('staff:issue-photo', { jpeg });
    assert.match((withPhoto.ok && withPhoto.value.photo) || '', /^data:image\/jpeg;base64,/);
    // No address shown (the registry is away, so none can be): no e-mail.
    const noAccount = await invoke<IssuanceResult>('staff:issue', { kind: 'email' });
    assert.deepEqual(noAccount.ok && noAccount.value, { delivery: 'email', status: 'refused', reason: 'not-shown' });
    const paper = await invoke('staff:issue', { kind: 'paper' });
    assert.equal(!paper.ok && paper.error.code, 'PRINTER_NOT_SET', 'no office printer set: said so');

    // Jean-Pierre has one, but while the registry is away its address cannot be shown: nothing goes, nothing waits.
    assert.ok((await invoke('staff:issue-start', { rmNumber: '401234562RE067', document: 'carte-identite' })).ok);
    // The registry is away, so no photo of his comes back from it: none leaves without one.
    const noPhoto = await invoke<IssuanceResult>('staff:issue', { kind: 'email' });
    assert.equal(!noPhoto.ok && noPhoto.error.code, 'PHOTO_REQUIRED');
    assert.ok((await invoke('staff:issue-photo', { jpeg })).ok);
    const target = await invoke('staff:issue-email-target', {});
    assert.deepEqual(target.ok && target.value, { kind: 'refused', reason: 'unreachable' });
    const email = await invoke<IssuanceResult>('staff:issue', { kind: 'email' });
    assert.deepEqual(email.ok && email.value, { delivery: 'email', status: 'refused', reason: 'not-shown' });
    const queued = await kiosk.db.get<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE type = 'card-issuance'");
    assert.equal(queued?.n, 0);

    const audit = await kiosk.db.all<{ actor: string; action: string; details: string }>('SELECT actor, action, details FROM audit_log ORDER BY seq');
    const checked = audit.find((a) => a.action === 'identity-checked');
    assert.deepEqual(checked && [checked.actor, JSON.parse(checked.details)], ['staff:1', { rmNumber: '123123127RM078', document: 'passeport' }]);
    const issued = audit
      .filter((a) => a.action === 'card-issued')
      .map((a) => {
        const { year: _year, ...d } = JSON.parse(a.details) as Record<string, unknown>;
        return [a.actor, d];
      });
    assert.deepEqual(issued, [], 'no card was issued');
    // Ended with the staff session: the photo is gone.
    assert.equal((await invoke('staff:logout', {})).ok, true);
    assert.equal((await invoke('staff:login', { pin: '482913' })).ok, true);
    const after = await invoke('staff:issue-photo', { jpeg });
    assert.equal(!after.ok && after.error.code, 'ISSUANCE_REQUIRED');
    await kiosk.close();
  });
});
