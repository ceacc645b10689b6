import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Kiosk } from '../../main/kiosk.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { memoryStore } from '../../main/secrets/secret-store.ts';
import type { Result } from '../../main/shared/errors.ts';
import type { HandedOverByEmail, PvcOrderState } from '../../main/shared/orders.ts';
import type { OrderEmailTarget } from '../../main/shared/staff.ts';
import { getOrder, insertPayment, setOrder } from '../../main/store/pvc-orders-repo.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { type Call, type Lie, startLyingRegistry } from '../support/lying-registry.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { startSmtpCapture } from '../support/smtp.ts';
import { tempDir } from '../support/temp.ts';

const MULLER = '401234562RE067';
const NO_ACCOUNT = '123123127RM078';
const HIS = 'jean-pierre.muller@example.com';
const NEW = 'jp.muller@example.org';
const STRANGER = 'someone.else@example.net';

/**
 * A paid PVC card that could not be printed, handed over by e-mail at the console: the same path
 * as "Délivrer une carte" by e-mail. The kiosk core over real HTTP, the reference registry
 * (sending its mails over SMTP to a capture) behind a proxy that can make it lie or fall.
 * Whatever stops the e-mail, nothing is sent or queued, and the order stays open with its payment.
 */
describe('a failed PVC order handed over by e-mail: to the address shown, asked again at sending, or nothing', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let registry: Awaited<ReturnType<typeof startTestRegistry>>;
  let liar: Awaited<ReturnType<typeof startLyingRegistry>>;
  let kiosk: Kiosk;
  let invoke: <T>(channel: string, input: object) => Promise<Result<T>>;
  const log = memoryLogger();
  let lie: (call: Call) => Promise<Lie | undefined> | Lie | undefined = () => undefined;

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
  beforeEach(() => {
    lie = () => undefined;
  });

  /** The artisan's PVC order, paid in cash, whose card the printer stopped (the order open, its card kept). */
  async function failedOrder(rmNumber = MULLER): Promise<number> {
    const asked = await kiosk.orders.request({ rmNumber, year: 2026, chamber: 'CMA Test' }, new TextEncoder().encode('%PDF-1.7 la carte'), {
      ticket: false,
    });
    assert.ok(asked.ok);
    const { orderId, state } = asked.value;
    if (state === 'requested')
      await kiosk.db.transaction(async (tx) => {
        await insertPayment(tx, orderId, { method: 'cash', amountCents: 500, staffId: 1 }, new Date());
        await setOrder(tx, orderId, { state: 'failed', errorKind: 'aborted' }, new Date());
      });
    assert.equal((await getOrder(kiosk.db, orderId))?.state, 'failed');
    return orderId;
  }
  const target = async (orderId: number) => {
    const r = await invoke<OrderEmailTarget>('staff:order-email-target', { orderId });
    assert.ok(r.ok, JSON.stringify(r));
    return r.value;
  };
  const shownTo = async (orderId: number, masked: string) => {
    const t = await target(orderId);
    assert.equal(t.kind === 'account' && t.maskedEmail, masked);
    return t.kind === 'account' ? t.showing : '';
  };
  const send = (orderId: number, showing?: string) =>
    invoke<{ mail?: HandedOverByEmail }>('staff:order', { action: 'hand-over-as', orderId, as: 'email', ...(showing ? { showing } : {}) });
  const refusal = (r: Result<unknown>) => (r.ok ? 'sent' : `${r.error.code}${r.error.params?.reason ? `:${r.error.params.reason}` : ''}`);
  const cardsWaiting = async () => (await kiosk.db.get<{ n: number }>("SELECT count(*) AS n FROM outbox WHERE type = 'card-issuance'"))?.n;
  const cardsAtRegistry = async (email: string) =>
    (await registry.store.db.get<{ n: number }>("SELECT count(*) AS n FROM operations WHERE type = 'card-issuance' AND payload ->> 'email' = ?", [email]))?.n;
  /** The order as the console lists it: still open with its payment and its card, or closed. */
  const orderIs = async (orderId: number, state: PvcOrderState) => {
    const o = await getOrder(kiosk.db, orderId);
    assert.equal(o?.state, state);
    if (state === 'failed') {
      assert.equal(o?.payment?.amountCents, 500, 'the payment stays');
      assert.equal(o?.refund, null);
      assert.ok(await kiosk.db.get('SELECT 1 FROM pvc_orders WHERE id = ? AND card_pdf IS NOT NULL', [orderId]), 'the card is kept for paper');
    }
  };
  async function nothingSent(orderId: number, mailsBefore: number): Promise<void> {
    assert.equal(await cardsWaiting(), 0, 'no card waits in the outbox');
    assert.equal(smtp.mails.length, mailsBefore, 'no mail sent');
    await orderIs(orderId, 'failed');
  }

  it('the registry down at sending, after the address was shown: nothing sent or queued, the order stays open with its payment', async () => {
    const orderId = await failedOrder();
    const mails = smtp.mails.length;
    const showing = await shownTo(orderId, 'j•••@example.com');
    lie = (call) => (call.path.endsWith('/status') ? { status: 503, body: { code: 'UNAVAILABLE', message: 'down' } } : undefined);
    assert.equal(refusal(await send(orderId, showing)), 'CARD_EMAIL_REFUSED:unreachable');
    await nothingSent(orderId, mails);
    // Down before anything is shown: no address to show, so no showing to send with.
    assert.deepEqual(await target(orderId), { kind: 'refused', reason: 'unreachable' });
    assert.equal(refusal(await send(orderId)), 'CARD_EMAIL_REFUSED:not-shown');
    await nothingSent(orderId, mails);
  });

  it('the registry answers another address than the one shown: nothing sent; asked again, the new one is shown for the artisan to judge', async () => {
    const orderId = await failedOrder();
    const mails = smtp.mails.length;
    const showing = await shownTo(orderId, 'j•••@example.com');
    lie = (call) => (call.path.endsWith('/status') ? { body: { status: 'active', email: STRANGER } } : undefined);
    assert.equal(refusal(await send(orderId, showing)), 'CARD_EMAIL_REFUSED:changed');
    await nothingSent(orderId, mails);
    // The showing answered "changed" is spent, even once the registry names the old address again.
    lie = () => undefined;
    assert.equal(refusal(await send(orderId, showing)), 'CARD_EMAIL_REFUSED:not-shown');
    lie = (call) => (call.path.endsWith('/status') ? { body: { status: 'active', email: STRANGER } } : undefined);
    await shownTo(orderId, 's•••@example.net');
    await nothingSent(orderId, mails);
  });

  it('an account with no address, and an artisan with no account: refused before anything is shown; sending is refused too', async () => {
    const orderId = await failedOrder();
    const mails = smtp.mails.length;
    lie = (call) => (call.path.endsWith('/status') ? { body: { status: 'active', email: null } } : undefined);
    assert.deepEqual(await target(orderId), { kind: 'refused', reason: 'no-address' });
    assert.equal(refusal(await send(orderId)), 'CARD_EMAIL_REFUSED:not-shown');
    await nothingSent(orderId, mails);
    lie = () => undefined;
    const none = await failedOrder(NO_ACCOUNT);
    assert.deepEqual(await target(none), { kind: 'refused', reason: 'no-account' });
    assert.equal(refusal(await send(none)), 'CARD_EMAIL_REFUSED:not-shown');
    await nothingSent(none, mails);
  });

  it('honest, and tapped twice: one mail, to the address shown (the operation names it), the order closed once', async () => {
    const orderId = await failedOrder();
    const showing = await shownTo(orderId, 'j•••@example.com');
    const mail = smtp.next();
    const [a, b] = await Promise.all([send(orderId, showing), send(orderId, showing)]);
    assert.deepEqual([refusal(a), refusal(b)].sort(), ['ORDER_STATE', 'sent'], 'a doubled confirmation sends once');
    const done = a.ok ? a : b;
    assert.deepEqual(done.ok && done.value.mail, { mail: 'sent', maskedEmail: 'j•••@example.com' });
    const received = await mail;
    assert.deepEqual(received.to, [HIS]);
    assert.match(received.raw, /carte-professionnelle-2026\.pdf/);
    assert.equal(await cardsAtRegistry(HIS), 1, 'one card for the address the artisan heard');
    await orderIs(orderId, 'handed-over');
    assert.equal((await getOrder(kiosk.db, orderId))?.handedOverAs, 'email');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(smtp.mails.filter((m) => m.to.includes(HIS)).length, 1, 'one mail only');
  });

  it('two consoles: each sends only to the address it showed; the order handed over at one, the other’s sending is refused', async () => {
    const orderId = await failedOrder();
    const mails = smtp.mails.length;
    const atDesk1 = await shownTo(orderId, 'j•••@example.com');
    // Meanwhile the account's address changes (confirmed on the portal), and the second console shows the new one.
    await registry.store.db.transaction((tx) => tx.run('UPDATE accounts SET email = ? WHERE rm_number = ?', [NEW, MULLER]));
    try {
      const atDesk2 = await shownTo(orderId, 'j•••@example.org');
      assert.equal(refusal(await send(orderId, atDesk1)), 'CARD_EMAIL_REFUSED:changed', 'not to an address desk 1 did not read');
      await nothingSent(orderId, mails);
      const mail = smtp.next();
      assert.ok((await send(orderId, atDesk2)).ok);
      assert.deepEqual((await mail).to, [NEW]);
      // Desk 1 asks again, or confirms late: the order is closed, nothing more goes.
      assert.equal(refusal(await send(orderId, atDesk1)), 'ORDER_STATE');
      const late = await invoke('staff:order-email-target', { orderId });
      assert.equal(!late.ok && late.error.code, 'ORDER_STATE');
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(smtp.mails.length, mails + 1, 'one mail in all');
      await orderIs(orderId, 'handed-over');
    } finally {
      await registry.store.db.transaction((tx) => tx.run('UPDATE accounts SET email = ? WHERE rm_number = ?', [HIS, MULLER]));
    }
  });

  it('what was logged says why, with no address or RM number', () => {
    const text = log.lines.join('\n');
    assert.match(text, /pvc-email-refused.*"reason":"changed"/);
    for (const secret of ['jean-pierre', 'jp.muller', 'someone.else', MULLER]) assert.ok(!text.toLowerCase().includes(secret.toLowerCase()), secret);
  });
});
