import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Kiosk } from '../../main/kiosk.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { memoryStore } from '../../main/secrets/secret-store.ts';
import type { Result } from '../../main/shared/errors.ts';
import type { EmailTarget, IssuanceResult } from '../../main/shared/staff.ts';
import type { TillDay } from '../../main/shared/till.ts';
import { ROOT } from '../support/browser-mode.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { startSmtpCapture } from '../support/smtp.ts';
import { tempDir } from '../support/temp.ts';

/**
 * "Délivrer une carte" by e-mail tells the truth: the address it will use (masked) before
 * sending, a refusal in words when there is none, "sent" only once the registry took the mail.
 * The reference registry sends its mails over SMTP to a capture server.
 */
describe('e-mail issuance at the console: the address first, then "sent" only when the registry took it', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let registry: Awaited<ReturnType<typeof startTestRegistry>>;
  let kiosk: Kiosk;
  let invoke: <T>(channel: string, input: object) => Promise<Result<T>>;
  const jpeg = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg')).toString('base64');
  /** The issuance begins: document checked, photo taken (a card is not issued without one). */
  const start = async (rmNumber: string, document: string) => {
    assert.ok((await invoke('staff:issue-start', { rmNumber, document })).ok);
    assert.ok((await invoke('staff:issue-photo', { jpeg })).ok);
  };
  before(async () => {
    smtp = await startSmtpCapture();
    registry = await startTestRegistry(200, { smtp: { host: '127.0.0.1', port: smtp.port, from: 'carte@cma.example' } });
    kiosk = await readyKiosk({
      dataDir: tempDir(),
      log: memoryLogger(),
      syncIntervalMs: 0,
      secrets: memoryStore(),
      registry: { url: registry.server.url, kioskId: KIOSK_ID, secret: SECRET, timeoutMs: 2000 },
    });
    const call = kiosk.dispatcher('browser', ['http://kiosk.test']);
    invoke = <T>(channel: string, input: object) => call(channel, input, { origin: 'http://kiosk.test', transport: 'http' }) as Promise<Result<T>>;
  });
  let registryUp = true;
  after(async () => {
    await kiosk?.close();
    if (registryUp) await registry?.close();
    await smtp?.close();
  });

  it('the till and the e-mail target are for staff only, and a day is checked before it reaches the store', async () => {
    for (const channel of ['staff:till', 'staff:till-print', 'staff:issue-email-target']) {
      const r = await invoke(channel, {});
      assert.equal(!r.ok && r.error.code, 'STAFF_REQUIRED', channel);
    }
    assert.equal((await invoke('staff:setup', { name: 'Nadia', pin: '482913', confirmation: '482913' })).ok, true);
    const today = await invoke<TillDay>('staff:till', {});
    assert.ok(today.ok);
    assert.deepEqual([today.value.total.paid, today.value.byMethod.length, today.value.byAgent], [{ count: 0, cents: 0 }, 2, []]);
    for (const day of ['2026-02-30', '01/12/2026', "2026-12-01' OR 1=1"]) {
      const r = await invoke('staff:till', { day });
      assert.equal(!r.ok && r.error.code, 'INVALID_INPUT', day);
    }
    const future = await invoke('staff:till', { day: '2999-01-01' });
    assert.equal(!future.ok && future.error.code, 'TILL_DAY_INVALID');
  });

  it('no account: the target is refused in words before sending, and sending (no address shown) is refused too; nothing queued, no mail', async () => {
    await start('123123127RM078', 'passeport');
    const target = await invoke<EmailTarget>('staff:issue-email-target', {});
    assert.deepEqual(target.ok && target.value, { kind: 'refused', reason: 'no-account' });
    const sent = await invoke<IssuanceResult>('staff:issue', { kind: 'email' });
    assert.deepEqual(sent.ok && sent.value, { delivery: 'email', status: 'refused', reason: 'not-shown' });
    assert.equal((await kiosk.db.get<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE type = 'card-issuance'"))?.n, 0);
    assert.equal(smtp.mails.length, 0);
  });

  it('an account and the registry up: the masked address is shown, then "sent", and the mail with the card reaches the address', async () => {
    await start('401234562RE067', 'carte-identite');
    const target = await invoke<EmailTarget>('staff:issue-email-target', {});
    assert.deepEqual(target.ok && target.value, { kind: 'account', maskedEmail: 'j•••@example.com' });
    const mail = smtp.next();
    const sent = await invoke<IssuanceResult>('staff:issue', { kind: 'email' });
    assert.deepEqual(sent.ok && sent.value, { delivery: 'email', status: 'sent', maskedEmail: 'j•••@example.com' });
    const received = await mail;
    assert.deepEqual(received.to, ['jean-pierre.muller@example.com']);
    assert.match(received.raw, /carte-professionnelle-\d{4}\.pdf/);
  });

  it('an account and the registry down: no address can be shown, so nothing is sent or queued, said so in words', async () => {
    await registry.close();
    registryUp = false;
    await start('401234562RE067', 'carte-identite');
    const target = await invoke<EmailTarget>('staff:issue-email-target', {});
    assert.deepEqual(target.ok && target.value, { kind: 'refused', reason: 'unreachable' });
    const refused = await invoke<IssuanceResult>('staff:issue', { kind: 'email' });
    assert.deepEqual(refused.ok && refused.value, { delivery: 'email', status: 'refused', reason: 'not-shown' });
    const waiting = await kiosk.db.get<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE type = 'card-issuance'");
    assert.equal(waiting?.n, 0, 'no card waits for an address nobody saw');
    // Without the registry, an artisan the local copy knows without an account is refused the same way: nobody can say.
    await start('123123127RM078', 'passeport');
    const none = await invoke<EmailTarget>('staff:issue-email-target', {});
    assert.deepEqual(none.ok && none.value, { kind: 'refused', reason: 'unreachable' });
  });
});
