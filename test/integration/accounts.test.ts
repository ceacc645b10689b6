import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Kiosk } from '../../main/kiosk.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { verifyAudit } from '../../main/store/audit-repo.ts';
import { pendingCount } from '../../main/store/outbox-repo.ts';
import { ROOT } from '../support/browser-mode.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { type CapturedMail, linkIn, startSmtpCapture } from '../support/smtp.ts';
import { tempDir } from '../support/temp.ts';

const CAMILLE = { rmNumber: '123123127RM078', birthDate: { day: '14', month: '07', year: '1980' } };
const MULLER = { rmNumber: '401234562RE067', birthDate: { day: '02', month: '03', year: '1975' } };
const PASSWORD = 'Pain-au-levain-2026';

describe('accounts against the reference registry, e-mail over real SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let registry: Awaited<ReturnType<typeof startTestRegistry>>;
  let kiosk: Kiosk;
  const log = memoryLogger();

  before(async () => {
    smtp = await startSmtpCapture();
    registry = await startTestRegistry(200, { smtp: { host: '127.0.0.1', port: smtp.port, from: 'carte@cma.example' } });
    kiosk = await readyKiosk({ dataDir: tempDir(), log, syncIntervalMs: 0, registry: { url: registry.server.url, kioskId: KIOSK_ID, secret: SECRET } });
  });
  after(async () => {
    await kiosk.close();
    await registry.close();
    await smtp.close();
  });

  it('activation sends the mail over SMTP; following its link activates, and the visit goes on by itself', async () => {
    assert.equal((await kiosk.identity.identify(CAMILLE)).ok, true);
    kiosk.session.identified('123123127RM078');
    const mailArrives: Promise<CapturedMail> = smtp.next();
    const r = await kiosk.accounts.activate({ email: ' Camille.Durand@Gmail.com ', mobile: '0612345678', password: PASSWORD, confirmation: PASSWORD });
    assert.deepEqual(r, { ok: true, value: { status: 'pending', email: 'camille.durand@gmail.com' } });
    const mail = await mailArrives;
    assert.deepEqual(mail.to, ['camille.durand@gmail.com']);
    assert.match(mail.raw, /Subject: =\?UTF-8\?Q\?Activez_votre_compte/);
    const pending = await kiosk.accounts.status();
    assert.deepEqual(pending.ok && [pending.value.status, pending.value.loggedIn], ['pending', false]);

    const page = await fetch(linkIn(mail.raw));
    assert.match(await page.text(), /Votre compte est activé/);
    const active = await kiosk.accounts.status();
    assert.deepEqual(active.ok && [active.value.status, active.value.loggedIn], ['active', true]);
    const me = await kiosk.accounts.myInformation();
    assert.ok(me.ok);
    assert.deepEqual([me.value.registry.companyName, me.value.contact.mobile], ['Boulangerie Durand', '+33612345678']);
    // The kiosk never keeps or logs a password.
    assert.ok(!log.lines.join('\n').includes(PASSWORD));
    const stored = await kiosk.db.all<{ payload: string }>('SELECT payload FROM outbox');
    assert.ok(stored.every((o) => !o.payload.includes(PASSWORD)));
  });

  it('refuses each bad input with its field, all at once', async () => {
    kiosk.session.identified('123123127RM078');
    const r = await kiosk.accounts.activate({ email: 'camille@', mobile: '12', password: 'court', confirmation: 'court' });
    assert.equal(r.ok, false);
    assert.deepEqual(!r.ok && r.error.problems, [
      { field: 'email', code: 'EMAIL_INVALID' },
      { field: 'mobile', code: 'MOBILE_INVALID' },
      { field: 'password', code: 'PASSWORD_WEAK' },
    ]);
    const mismatch = await kiosk.accounts.activate({ email: 'c@gmail.com', mobile: '', password: PASSWORD, confirmation: 'Pain-au-levain-2025' });
    assert.deepEqual(!mismatch.ok && mismatch.error.problems, [{ field: 'confirmation', code: 'PASSWORD_MISMATCH' }]);
  });

  it('refuses an e-mail already used by another artisan', async () => {
    const other = (
      await registry.store.db.get<{ rm: string }>(
        "SELECT rm_number AS rm FROM artisans WHERE deleted = 0 AND data->>'$[16]' = 'none' AND data->>'$[15]' IS NULL AND rm_number NOT LIKE '123123127%' LIMIT 1",
      )
    )?.rm;
    assert.ok(other);
    kiosk.session.identified(other);
    const r = await kiosk.accounts.activate({ email: 'camille.durand@gmail.com', mobile: '', password: PASSWORD, confirmation: PASSWORD });
    assert.deepEqual(!r.ok && [r.error.code, r.error.field], ['EMAIL_TAKEN', 'email']);
  });

  it('locks login after 5 wrong passwords, in words, and a reset link sets a new one', async () => {
    assert.equal((await kiosk.identity.identify(MULLER)).ok, true);
    kiosk.session.identified('401234562RE067');
    const left: (string | number | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await kiosk.accounts.login({ email: 'jean-pierre.muller@example.com', password: 'Mauvais-mot-2026' });
      left.push(!r.ok ? r.error.params?.count : 'ok');
    }
    assert.deepEqual(left, [4, 3, 2, 1]);
    const locked = await kiosk.accounts.login({ email: 'jean-pierre.muller@example.com', password: 'Mauvais-mot-2026' });
    assert.equal(!locked.ok && locked.error.code, 'LOGIN_LOCKED');
    assert.ok(!locked.ok && String(locked.error.params?.until) > new Date().toISOString());
    const evenRight = await kiosk.accounts.login({ email: 'jean-pierre.muller@example.com', password: 'Menuiserie-Muller-1975' });
    assert.equal(!evenRight.ok && evenRight.error.code, 'LOGIN_LOCKED');

    const mailArrives = smtp.next();
    assert.deepEqual(await kiosk.accounts.forgotPassword({ email: 'jean-pierre.muller@example.com' }), { ok: true, value: { sent: true } });
    const link = linkIn((await mailArrives).raw);
    const done = await fetch(link, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'password=Nouveau-Mot-De-Passe-2026',
    });
    assert.match(await done.text(), /Votre mot de passe est changé/);
    const again = await kiosk.accounts.login({ email: 'jean-pierre.muller@example.com', password: 'Nouveau-Mot-De-Passe-2026' });
    assert.deepEqual(again, { ok: true, value: { email: 'jean-pierre.muller@example.com' } });
    // An unknown address gets the same answer, and no mail.
    const sent = smtp.mails.length;
    assert.deepEqual(await kiosk.accounts.forgotPassword({ email: 'personne@example.com' }), { ok: true, value: { sent: true } });
    assert.equal(smtp.mails.length, sent);
  });

  it('contact changes survive a registry outage through the outbox, then arrive', async () => {
    kiosk.session.identified('401234562RE067');
    kiosk.session.update({ loggedIn: true, email: 'jean-pierre.muller@example.com' });
    registry.server.faults.errorRate = 1;
    const r = await kiosk.accounts.updateContact({
      email: 'jean-pierre.muller@example.com',
      mobile: '+262 692 12 34 56',
      deliveryAddress: { line1: '4 rue des Tonneliers', line2: '', postalCode: '67000', city: 'Strasbourg' },
    });
    assert.deepEqual(r, { ok: true, value: { delivered: false, emailPending: false } });
    assert.equal((await pendingCount(kiosk.db)).pending, 1);
    registry.server.faults.errorRate = 0;
    await kiosk.sync.syncNow();
    assert.equal((await pendingCount(kiosk.db)).pending, 0);
    const profile = await registry.server.accounts.profile('401234562RE067');
    assert.deepEqual([profile?.mobile, profile?.deliveryAddress?.city], ['+262692123456', 'Strasbourg']);
  });

  it('sends the card by e-mail as a PDF attachment, and a phone link serves it once', async () => {
    kiosk.session.identified('401234562RE067');
    kiosk.session.update({ loggedIn: true });
    // No card leaves without a photo (test/integration/photo-keeps.test.ts): his first.
    assert.ok((await kiosk.cards.setPhoto(readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg')).toString('base64'))).ok);
    const mailArrives = smtp.next();
    assert.deepEqual(await kiosk.cards.sendByEmail(), { ok: true, value: { delivered: true } });
    const mail = await mailArrives;
    assert.deepEqual(mail.to, ['jean-pierre.muller@example.com']);
    assert.match(mail.raw, /Content-Type: application\/pdf; name=carte-professionnelle-20\d\d\.pdf/);
    const link = await kiosk.cards.phoneLink();
    assert.ok(link.ok);
    const first = await fetch(link.value.url);
    assert.equal(first.headers.get('content-type'), 'application/pdf');
    assert.equal(
      Buffer.from(await first.arrayBuffer())
        .subarray(0, 5)
        .toString(),
      '%PDF-',
    );
    assert.equal((await fetch(link.value.url)).status, 410, 'the link serves once');
    // Both issuances are in the audit log, by RM number, and the chain is whole.
    const audit = await kiosk.db.all<{ action: string; details: string }>('SELECT action, details FROM audit_log ORDER BY seq');
    assert.deepEqual(
      audit.map((a) => [a.action, JSON.parse(a.details).delivery, JSON.parse(a.details).rmNumber]),
      [
        ['card-issued', 'email', '401234562RE067'],
        ['card-issued', 'phone', '401234562RE067'],
      ],
    );
    assert.deepEqual(await verifyAudit(kiosk.db), { ok: true, entries: 2 });
  });

  it('says the registry cannot be reached, in words, when it is down', async () => {
    const down = await readyKiosk({
      dataDir: tempDir(),
      log: memoryLogger(),
      syncIntervalMs: 0,
      registry: { url: 'http://127.0.0.1:9', kioskId: KIOSK_ID, secret: SECRET, timeoutMs: 2000 },
    });
    down.session.identified('123123127RM078');
    const r = await down.accounts.activate({ email: 'camille@gmail.com', mobile: '', password: PASSWORD, confirmation: PASSWORD });
    assert.equal(!r.ok && r.error.code, 'REGISTRY_UNREACHABLE');
    await down.close();
  });

  it('ends the visit: the main process forgets who was there', async () => {
    kiosk.session.identified('123123127RM078', '1980-07-14');
    kiosk.session.update({ loggedIn: true });
    kiosk.session.end();
    // The date of birth proven in the visit (kept for "Ce n'est pas mon adresse") goes too.
    assert.deepEqual(kiosk.session.get(), {
      rmNumber: null,
      birthDate: null,
      loggedIn: false,
      email: null,
      // The address typed in the visit (the only one its demo mailbox may open) goes too.
      typedEmail: null,
      activatedHere: false,
      account: { linkTo: null, status: null, distrust: null },
      photo: null,
    });
    const r = await kiosk.accounts.myInformation();
    assert.equal(!r.ok && r.error.code, 'SESSION_REQUIRED');
  });
});
