import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kiosk } from '../../main/kiosk.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { type CapturedMail, linkIn, startSmtpCapture } from '../support/smtp.ts';
import { tempDir } from '../support/temp.ts';

/**
 * "Ce n'est pas mon adresse": a pending activation's link sent to another address, through the
 * contract (input validated as the renderer's calls are), the real reference registry and a
 * real SMTP capture. The edges, each below:
 * 1. the new address is the one the link went to already: refused in words, no mail;
 * 2. a malformed address (and an input off the contract): refused, the registry not asked;
 * 3. the old link, opened after the change: refused with a sentence, nothing activated;
 * 4. the new link: activates, and the visit that waited goes on logged in;
 * 5. the registry down: REGISTRY_UNREACHABLE (the screen keeps what was typed: renderer tests);
 * 6. the artisan leaves and comes back: the pending activation is found again, and the change
 *    is still possible (and for the next one, only the RM number + date of birth of that visit);
 * 7. an account already active: refused in words (ACCOUNT_EXISTS), nothing sent.
 */

const CAMILLE = { rmNumber: '123123127RM078', birthDate: { day: '14', month: '07', year: '1980' } };
const MULLER = { rmNumber: '401234562RE067', birthDate: { day: '02', month: '03', year: '1975' } };
const PASSWORD = 'Pain-au-levain-2026';
const ORIGIN = 'http://kiosk.test';

type Answer = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; field?: string } };

describe('"Ce n’est pas mon adresse": a pending activation’s link sent to a new address', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let registry: Awaited<ReturnType<typeof startTestRegistry>>;
  let kiosk: Kiosk;
  const log = memoryLogger();
  let invoke: (channel: string, input: unknown) => Promise<Answer>;
  let firstLink = '';

  /** The mails sent while `run` runs, once each has arrived; exactly `count` of them. */
  async function mailsDuring(count: number, run: () => Promise<unknown>): Promise<CapturedMail[]> {
    const before = smtp.mails.length;
    const arriving = Array.from({ length: count }, () => smtp.next());
    await run();
    const mails = await Promise.all(arriving);
    // The registry answers once its mail is handed over to SMTP: one not expected is there already.
    assert.equal(smtp.mails.length, before + count, 'exactly the mails expected were sent');
    return mails;
  }

  before(async () => {
    smtp = await startSmtpCapture();
    registry = await startTestRegistry(200, { smtp: { host: '127.0.0.1', port: smtp.port, from: 'carte@cma.example' } });
    kiosk = await readyKiosk({ dataDir: tempDir(), log, syncIntervalMs: 0, registry: { url: registry.server.url, kioskId: KIOSK_ID, secret: SECRET } });
    const dispatch = kiosk.dispatcher('browser', [ORIGIN]);
    invoke = async (channel, input) => (await dispatch(channel, input, { origin: ORIGIN, transport: 'http' })) as Answer;
  });
  after(async () => {
    await kiosk.close();
    await registry.close();
    await smtp.close();
  });

  it('needs an artisan identified in this visit, and an input that follows the contract', async () => {
    assert.deepEqual(await invoke('accounts:change-email', { email: 'camille.durand@gmail.com' }).then((r) => !r.ok && r.error.code), 'SESSION_REQUIRED');
    for (const bad of [undefined, {}, { email: 42 }, { email: 'a@b.fr', rmNumber: MULLER.rmNumber }, { email: `${'a'.repeat(250)}@b.fr` }]) {
      const r = await invoke('accounts:change-email', bad);
      assert.equal(!r.ok && r.error.code, 'INVALID_INPUT', JSON.stringify(bad)?.slice(0, 60));
    }
  });

  it('Camille typed gmial.com: the new address gets a new link, refusals first (same address, malformed)', async () => {
    assert.equal((await invoke('identity:identify', CAMILLE)).ok, true);
    const [typo] = await mailsDuring(1, async () => {
      const r = await invoke('accounts:activate', { email: 'camille.durand@gmial.com', mobile: '', password: PASSWORD, confirmation: PASSWORD });
      assert.equal(r.ok, true);
    });
    assert.deepEqual(typo?.to, ['camille.durand@gmial.com']);
    firstLink = linkIn(typo?.raw ?? '');

    // 1. The address the link went to already: said, and nothing sent.
    await mailsDuring(0, async () => {
      const same = await invoke('accounts:change-email', { email: ' Camille.Durand@GMIAL.com ' });
      assert.deepEqual(!same.ok && [same.error.code, same.error.field], ['EMAIL_UNCHANGED', 'email']);
    });
    // 2. Malformed: refused on its field by the kiosk itself.
    await mailsDuring(0, async () => {
      for (const email of ['camille.durand', 'camille@', '', 'camille.durand@gmail', 'camille@@gmail.com']) {
        const bad = await invoke('accounts:change-email', { email });
        assert.deepEqual(!bad.ok && [bad.error.code, bad.error.field], ['EMAIL_INVALID', 'email'], email);
      }
    });
    // Another artisan's address: refused too.
    await mailsDuring(0, async () => {
      const taken = await invoke('accounts:change-email', { email: 'jean-pierre.muller@example.com' });
      assert.equal(!taken.ok && taken.error.code, 'EMAIL_TAKEN');
    });

    const [fresh] = await mailsDuring(1, async () => {
      const r = await invoke('accounts:change-email', { email: 'Camille.Durand@gmail.com' });
      assert.deepEqual(r, { ok: true, value: { email: 'camille.durand@gmail.com' } });
    });
    assert.deepEqual(fresh?.to, ['camille.durand@gmail.com']);
    assert.match(fresh?.raw ?? '', /Subject: =\?UTF-8\?Q\?Activez_votre_compte/);
    const status = await invoke('accounts:status', {});
    assert.deepEqual(status.ok && [status.value.status, status.value.email, status.value.loggedIn], ['pending', 'camille.durand@gmail.com', false]);
  });

  it('the old link, opened after the change, is refused with a sentence and activates nothing', async () => {
    const page = await fetch(firstLink);
    assert.equal(page.status, 400);
    const text = await page.text();
    assert.match(text, /Ce lien n’est plus valable/);
    assert.match(text, /un e-mail plus récent l’a remplacé/);
    const status = await invoke('accounts:status', {});
    assert.equal(status.ok && status.value.status, 'pending');
  });

  it('the artisan leaves and comes back: the pending activation is found again, and the address can be changed again', async () => {
    assert.equal((await invoke('session:end', {})).ok, true);
    await kiosk.sync.syncNow();
    const found = await invoke('identity:identify', CAMILLE);
    assert.ok(found.ok);
    const outcome = found.value as { kind: string; artisan: { accountStatus: string } };
    assert.deepEqual([outcome.kind, outcome.artisan.accountStatus], ['found', 'pending']);
    const status = await invoke('accounts:status', {});
    assert.equal(status.ok && status.value.email, 'camille.durand@gmail.com');

    const [again] = await mailsDuring(1, async () => {
      const r = await invoke('accounts:change-email', { email: 'c.durand@orange.fr' });
      assert.deepEqual(r, { ok: true, value: { email: 'c.durand@orange.fr' } });
    });
    assert.deepEqual(again?.to, ['c.durand@orange.fr']);
    firstLink = linkIn(again?.raw ?? '');
  });

  it('the new link activates the account, and the visit that waited goes on logged in', async () => {
    const page = await fetch(firstLink);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Votre compte est activé/);
    // This visit did not choose the password (it found the activation pending): it logs in.
    const status = await invoke('accounts:status', {});
    assert.deepEqual(status.ok && [status.value.status, status.value.loggedIn], ['active', false]);
    const login = await invoke('accounts:login', { email: 'c.durand@orange.fr', password: PASSWORD });
    assert.equal(login.ok, true);
  });

  it('an account already active: refused in words, nothing sent', async () => {
    // Camille, just activated (the kiosk's copy may still say pending: the registry decides).
    await mailsDuring(0, async () => {
      const r = await invoke('accounts:change-email', { email: 'camille.durand@laposte.net' });
      assert.equal(!r.ok && r.error.code, 'ACCOUNT_EXISTS');
    });
    // Jean-Pierre, active long ago.
    assert.equal((await invoke('identity:identify', MULLER)).ok, true);
    await mailsDuring(0, async () => {
      const r = await invoke('accounts:change-email', { email: 'jp.muller@gmail.com' });
      assert.equal(!r.ok && r.error.code, 'ACCOUNT_EXISTS');
    });
  });

  it('the logs say what happened, never an address', () => {
    const lines = log.lines.join('\n');
    assert.match(lines, /activation-email-changed/);
    for (const trace of ['gmial', 'camille.durand', 'c.durand', 'orange.fr', '1980-07-14']) assert.ok(!lines.includes(trace), `the logs mention "${trace}"`);
  });
});

describe('"Ce n’est pas mon adresse" with the registry down', () => {
  it('says the registry cannot be reached, in words', async () => {
    const registry = await startTestRegistry(50);
    const kiosk = await readyKiosk({
      dataDir: tempDir(),
      log: memoryLogger(),
      syncIntervalMs: 0,
      registry: { url: registry.server.url, kioskId: KIOSK_ID, secret: SECRET },
    });
    try {
      const dispatch = kiosk.dispatcher('browser', [ORIGIN]);
      const invoke = async (channel: string, input: unknown) => (await dispatch(channel, input, { origin: ORIGIN, transport: 'http' })) as Answer;
      assert.equal((await invoke('identity:identify', CAMILLE)).ok, true);
      assert.equal((await invoke('accounts:activate', { email: 'camille.durand@gmial.com', mobile: '', password: PASSWORD, confirmation: PASSWORD })).ok, true);
      await registry.close();
      const r = await invoke('accounts:change-email', { email: 'camille.durand@gmail.com' });
      assert.equal(!r.ok && r.error.code, 'REGISTRY_UNREACHABLE');
    } finally {
      await kiosk.close();
    }
  });
});
