import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Kiosk } from '../../main/kiosk.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { memoryStore } from '../../main/secrets/secret-store.ts';
import type { Result } from '../../main/shared/errors.ts';
import type { EmailTarget, IssuanceResult } from '../../main/shared/staff.ts';
import { ROOT } from '../support/browser-mode.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { type Call, type Lie, startLyingRegistry } from '../support/lying-registry.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { startSmtpCapture } from '../support/smtp.ts';
import { tempDir } from '../support/temp.ts';

const MULLER = '401234562RE067';
const HIS = 'jean-pierre.muller@example.com';
const STRANGER = 'someone.else@example.net';

/**
 * "Délivrer une carte" by e-mail when the registry lies about the account: the kiosk core over
 * real HTTP, the reference registry (sending its mails over SMTP to a capture) behind a liar.
 * Whatever the lie, no card (name, photo, RM number) leaves for an address the artisan was not
 * shown; staff get a refusal in words; nothing waits in the outbox; IT gets the reason.
 */
describe('e-mail issuance at the console when the registry lies about the account', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let registry: Awaited<ReturnType<typeof startTestRegistry>>;
  let liar: Awaited<ReturnType<typeof startLyingRegistry>>;
  let kiosk: Kiosk;
  let invoke: <T>(channel: string, input: object) => Promise<Result<T>>;
  const log = memoryLogger();
  let lie: (call: Call) => Promise<Lie | undefined> | Lie | undefined = () => undefined;
  const jpeg = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg')).toString('base64');

  before(async () => {
    smtp = await startSmtpCapture();
    registry = await startTestRegistry(50, { smtp: { host: '127.0.0.1', port: smtp.port, from: 'carte@cma.example' } });
    liar = await startLyingRegistry(registry.server.url, (call) => lie(call));
    kiosk = await readyKiosk({
      dataDir: tempDir(),
      log,
      syncIntervalMs: 0,
      secrets: memoryStore(),
      registry: { url: liar.url, kioskId: KIOSK_ID, secret: SECRET, timeoutMs: 2000 },
    });
    const call = kiosk.dispatcher('browser', ['http://kiosk.test']);
    invoke = <T>(channel: string, input: object) => call(channel, input, { origin: 'http://kiosk.test', transport: 'http' }) as Promise<Result<T>>;
    assert.equal((await invoke('staff:setup', { name: 'Nadia', pin: '482913', confirmation: '482913' })).ok, true);
  });
  after(async () => {
    await kiosk?.close();
    await liar?.close();
    await registry?.close();
    await smtp?.close();
  });
  beforeEach(async () => {
    lie = () => undefined;
    assert.ok((await invoke('staff:issue-start', { rmNumber: MULLER, document: 'carte-identite' })).ok);
    assert.ok((await invoke('staff:issue-photo', { jpeg })).ok);
  });

  const statusIs =
    (body: string | object, status = 200) =>
    (call: Call) =>
      call.path.endsWith('/status') ? { status, body } : undefined;
  const target = async () => {
    const r = await invoke<EmailTarget>('staff:issue-email-target', {});
    assert.ok(r.ok);
    return r.value;
  };
  const send = async () => {
    const r = await invoke<IssuanceResult>('staff:issue', { kind: 'email' });
    assert.ok(r.ok);
    return r.value;
  };
  const cardsWaiting = async () => (await kiosk.db.get<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE type = 'card-issuance'"))?.n;
  /** Nothing left the kiosk, and nothing waits to: no mail, no operation queued. */
  async function nothingSent(mailsBefore: number): Promise<void> {
    assert.equal(await cardsWaiting(), 0, 'no card waits in the outbox');
    assert.equal(smtp.mails.length, mailsBefore, 'no mail sent');
  }

  it('honest: the address is shown masked, and the card reaches it (the operation names it)', async () => {
    assert.deepEqual(await target(), { kind: 'account', maskedEmail: 'j•••@example.com' });
    const mail = smtp.next();
    assert.deepEqual(await send(), { delivery: 'email', status: 'sent', maskedEmail: 'j•••@example.com' });
    assert.deepEqual((await mail).to, [HIS]);
    const op = await registry.store.db.get<{ n: number }>("SELECT count(*) AS n FROM operations WHERE payload ->> 'email' = ?", [HIS]);
    assert.equal(op?.n, 1, 'the registry was told the address the artisan saw');
  });

  it('shown one address, then "active" for a stranger’s at sending: nothing sent; asked again, the new one is shown (masked) for the artisan to judge', async () => {
    const mails = smtp.mails.length;
    assert.deepEqual(await target(), { kind: 'account', maskedEmail: 'j•••@example.com' });
    lie = statusIs({ status: 'active', email: STRANGER });
    assert.deepEqual(await send(), { delivery: 'email', status: 'refused', reason: 'changed' });
    await nothingSent(mails);
    assert.deepEqual(await target(), { kind: 'account', maskedEmail: 's•••@example.net' });
  });

  it('confirmed, then "pending" at sending (confirmation is for good): not believed for the rest of the issuance', async () => {
    const mails = smtp.mails.length;
    assert.deepEqual(await target(), { kind: 'account', maskedEmail: 'j•••@example.com' });
    lie = statusIs({ status: 'pending', email: HIS });
    assert.deepEqual(await send(), { delivery: 'email', status: 'refused', reason: 'untrusted' });
    lie = () => undefined;
    assert.deepEqual(await target(), { kind: 'refused', reason: 'untrusted' }, 'the honest answer after the lie is not taken either');
    assert.deepEqual(await send(), { delivery: 'email', status: 'refused', reason: 'untrusted' });
    await nothingSent(mails);
    assert.match(log.lines.join('\n'), /account-answer-untrusted.*"reason":"went-back"/);
  });

  it('confirmed, then "none" at sending: the same', async () => {
    const mails = smtp.mails.length;
    assert.ok((await target()).kind === 'account');
    lie = statusIs({ status: 'none', email: null });
    assert.deepEqual(await send(), { delivery: 'email', status: 'refused', reason: 'untrusted' });
    await nothingSent(mails);
  });

  for (const [what, body] of [
    ['a field missing', { status: 'active' }],
    ['an unknown word', { status: 'enabled', email: HIS }],
    ['wrong types', { status: 'active', email: 42 }],
    ['"active" for something that is not an address', { status: 'active', email: 'not an address' }],
    ['an empty body', ''],
    ['a body that is not JSON', '<html>ok</html>'],
  ] as const) {
    it(`an answer off the API before anything is shown (${what}): no address, nothing sent`, async () => {
      const mails = smtp.mails.length;
      lie = statusIs(body);
      assert.deepEqual(await target(), { kind: 'refused', reason: 'untrusted' });
      assert.deepEqual(await send(), { delivery: 'email', status: 'refused', reason: 'untrusted' });
      await nothingSent(mails);
    });
  }

  it('an answer off the API at sending, after an honest one was shown: nothing sent', async () => {
    const mails = smtp.mails.length;
    assert.ok((await target()).kind === 'account');
    lie = statusIs('{"status":"active","email":');
    assert.deepEqual(await send(), { delivery: 'email', status: 'refused', reason: 'untrusted' });
    await nothingSent(mails);
  });

  it('the registry down when asked: nothing can be shown, so nothing goes; sending without an address shown is refused', async () => {
    const mails = smtp.mails.length;
    lie = statusIs({ code: 'UNAVAILABLE', message: 'down' }, 503);
    assert.deepEqual(await target(), { kind: 'refused', reason: 'unreachable' });
    assert.deepEqual(await send(), { delivery: 'email', status: 'refused', reason: 'not-shown' });
    await nothingSent(mails);
  });

  it('queued while the registry was away, and the account’s address changed before delivery: the registry sends nothing to the new one', async () => {
    const mails = smtp.mails.length;
    assert.deepEqual(await target(), { kind: 'account', maskedEmail: 'j•••@example.com' });
    lie = (call) => (call.path === '/v1/operations' ? { status: 503, body: { code: 'UNAVAILABLE', message: 'down' } } : undefined);
    assert.deepEqual(await send(), { delivery: 'email', status: 'queued', maskedEmail: 'j•••@example.com' });
    assert.equal(await cardsWaiting(), 1);
    // Meanwhile the account moved to another address (confirmed on the portal).
    await registry.store.db.transaction((tx) => tx.run('UPDATE accounts SET email = ? WHERE rm_number = ?', [STRANGER, MULLER]));
    lie = () => undefined;
    await kiosk.sync.push({ retries: 0, now: true });
    assert.equal(await cardsWaiting(), 0, 'delivered to the registry');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(smtp.mails.length, mails, 'no mail to the new address');
    await registry.store.db.transaction((tx) => tx.run('UPDATE accounts SET email = ? WHERE rm_number = ?', [HIS, MULLER]));
  });

  it('what was logged says why, with no address or RM number', () => {
    const text = log.lines.join('\n');
    for (const secret of ['jean-pierre', 'someone.else', MULLER]) assert.ok(!text.toLowerCase().includes(secret.toLowerCase()), secret);
  });
});
