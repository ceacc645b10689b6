import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { memoryLogger } from '../../main/logging/logger.ts';
import type { PvcOrderState } from '../../main/shared/orders.ts';
import { createStaffService } from '../../main/staff/staff-service.ts';
import { openStore } from '../../main/store/open-store.ts';
import { insertOrder, insertPayment, nextOrderNumber, setOrder } from '../../main/store/pvc-orders-repo.ts';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { translate } from '../../renderer/i18n/index.tsx';
import { noViolations } from '../support/axe.ts';
import { type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { focusIsOn } from '../support/confirm.ts';
import { consoleSection } from '../support/kiosk-flows.ts';
import { type Call, type Lie, startLyingRegistry } from '../support/lying-registry.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { startSmtpCapture } from '../support/smtp.ts';
import { tempDir } from '../support/temp.ts';

const MULLER = '401234562RE067';
const OTHER = '123123127RM078';
const HIS = 'jean-pierre.muller@example.com';
const STRANGER = 'someone.else@example.net';
const button = (p: Page | Locator, name: string) => p.getByRole('button', { name, exact: true });

/**
 * Handing a PVC card over at the console, by touch in Chromium: a printed card, or a card that
 * could not print given on an A4 sheet or by e-mail. Each is asked twice; by e-mail the question
 * is the account's address (masked) as the registry gives it now, read to the artisan, and the
 * kiosk asks the registry again at sending (the reference registry, its mails caught over SMTP,
 * behind a proxy that can make it fall or lie). Nothing goes by one tap, a double tap, a late
 * console, or a registry that cannot be believed; what stops it is said in words.
 */
describe('hand-overs at the console are asked twice, and a card by e-mail goes only to the address read to the artisan', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let registry: Awaited<ReturnType<typeof startTestRegistry>>;
  let liar: Awaited<ReturnType<typeof startLyingRegistry>>;
  let lie: (call: Call) => Lie | undefined = () => undefined;
  const numbers: Record<'failed' | 'printed', string> = { failed: '', printed: '' };

  before(async () => {
    smtp = await startSmtpCapture();
    registry = await startTestRegistry(50, { smtp: { host: '127.0.0.1', port: smtp.port, from: 'carte@cma.example' } });
    liar = await startLyingRegistry(registry.server.url, (call) => lie(call));
    // The desk as the morning finds it: Nadia, a card printed for one artisan, and Jean-Pierre's paid card that the printer spoiled.
    const dataDir = tempDir('kiosk-hand-over-');
    const db = await openStore(dataDir, memoryLogger());
    const staff = createStaffService({ db, clock: () => new Date(), log: memoryLogger() });
    assert.ok((await staff.setup({ name: 'Nadia', pin: '482913', confirmation: '482913' })).ok);
    for (const [rmNumber, state] of [
      [MULLER, 'failed'],
      [OTHER, 'printed'],
    ] as const)
      await db.transaction(async (tx) => {
        const number = await nextOrderNumber(tx, new Date());
        const id = await insertOrder(
          tx,
          { number, rmNumber, year: 2026, chamber: 'CMA Test', amountCents: 500, cardPdf: new TextEncoder().encode('%PDF-1.7 la carte') },
          new Date(),
        );
        await insertPayment(tx, id, { method: 'cash', amountCents: 500, staffId: 1 }, new Date());
        await setOrder(tx, id, state === 'failed' ? { state, errorKind: 'aborted' } : { state }, new Date());
        numbers[state] = number;
      });
    await db.close();
    kiosk = await startBrowserMode(dataDir, { KIOSK_REGISTRY_URL: liar.url, KIOSK_ID, KIOSK_REGISTRY_SECRET: SECRET });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
    await liar?.close();
    await registry?.close();
    await smtp?.close();
  });

  /** A console opened with Nadia's PIN, on its orders. */
  async function console(): Promise<Page> {
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await button(p, fr['welcome.start']).waitFor();
    await p.keyboard.press('Control+Alt+s');
    await p.getByLabel(fr['staff.pin']).fill('482913');
    await button(p, fr['staff.enter']).click();
    await p.getByRole('heading', { name: fr['orders.title'], exact: true }).waitFor();
    return p;
  }
  const orderOf = (p: Page, which: 'failed' | 'printed') => p.locator('li.order').filter({ hasText: numbers[which] });
  const stateIs = (order: Locator, state: PvcOrderState | 'handed-over-email') =>
    order.getByText(translate('fr', `orders.state.${state}`), { exact: true }).waitFor();
  const statusIs = (answer: Lie) => (call: Call) => (call.path.endsWith('/status') ? answer : undefined);
  const journalCount = async (p: Page, text: string) => {
    await consoleSection(p, fr['staff.auditTitle']);
    await p.getByText(text, { exact: false }).first().waitFor();
    const n = await p.getByText(text, { exact: false }).count();
    await consoleSection(p, fr['console.nav.orders']);
    return n;
  };

  it('"Remettre la carte": one tap, or two quick ones, only ask; "Annuler" gives the focus back; confirmed twice at once, handed over once', async () => {
    const p = await console();
    const order = orderOf(p, 'printed');
    await stateIs(order, 'printed');
    const question = translate('fr', 'orders.handOverConfirm', { number: numbers.printed });
    await button(order, fr['orders.handOver']).dblclick();
    await focusIsOn(p, 'LEGEND', question, 'the question replaces the button');
    await stateIs(order, 'printed');
    await noViolations(p);
    await screenshot(p, 'staff-hand-over-confirm');
    await button(order, fr['confirm.cancel']).tap();
    await focusIsOn(p, 'BUTTON', fr['orders.handOver'], '"Annuler" gives the focus back');
    await stateIs(order, 'printed');

    await button(order, fr['orders.handOver']).tap();
    await button(order, fr['orders.handOverYes']).dblclick();
    await stateIs(order, 'handed-over');
    assert.equal(await journalCount(p, `a remis la carte, commande ${numbers.printed}`), 1, 'handed over once');
    await p.close();
  });

  it('by e-mail: the registry down, then the address changed at sending: nothing goes, said in words, the order stays open and paper stays offered', async () => {
    const p = await console();
    const order = orderOf(p, 'failed');
    await stateIs(order, 'failed');
    const mails = smtp.mails.length;

    // "Remettre sur feuille A4" asks too; "Annuler" keeps the order as it was.
    await button(order, fr['orders.handOverPaper']).tap();
    await focusIsOn(p, 'LEGEND', translate('fr', 'orders.paperConfirm', { number: numbers.failed }), 'the paper question');
    await button(order, fr['confirm.cancel']).tap();
    await focusIsOn(p, 'BUTTON', fr['orders.handOverPaper'], '"Annuler" gives the focus back');

    lie = statusIs({ status: 503, body: { code: 'UNAVAILABLE', message: 'down' } });
    await button(order, fr['orders.handOverEmail']).tap();
    await order.getByRole('status').filter({ hasText: fr['orders.emailRefused.unreachable'] }).waitFor();
    assert.ok(await button(order, fr['orders.handOverPaper']).isVisible(), 'paper stays offered');
    await stateIs(order, 'failed');
    await noViolations(p);
    await screenshot(p, 'staff-hand-over-email-unreachable');

    lie = () => undefined;
    await button(order, fr['orders.handOverEmail']).tap();
    const question = translate('fr', 'orders.emailConfirm', { number: numbers.failed, email: 'j•••@example.com' });
    await focusIsOn(p, 'LEGEND', question, 'the masked address is the question');
    assert.equal(await order.getByText(HIS).count(), 0, 'the whole address is never on screen');
    await noViolations(p);
    await screenshot(p, 'staff-hand-over-email-confirm');
    await button(order, fr['confirm.cancel']).tap();
    await focusIsOn(p, 'BUTTON', fr['orders.handOverEmail'], '"Annuler" gives the focus back');

    await button(order, fr['orders.handOverEmail']).tap();
    await focusIsOn(p, 'LEGEND', question, 'asked again');
    lie = statusIs({ body: { status: 'active', email: STRANGER } });
    await button(order, fr['orders.emailYes']).tap();
    await order.getByRole('status').filter({ hasText: fr['orders.emailRefused.changed'] }).waitFor();
    await stateIs(order, 'failed');
    await noViolations(p);
    await screenshot(p, 'staff-hand-over-email-changed');
    await button(p, fr['app.switchLanguageLabel']).click();
    await order.getByRole('status').filter({ hasText: en['orders.emailRefused.changed'] }).waitFor();
    await screenshot(p, 'staff-hand-over-email-changed-en');
    await button(p, en['app.switchLanguageLabel']).click();
    lie = () => undefined;
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(smtp.mails.length, mails, 'no mail');
    await p.close();
  });

  it('two consoles: the order handed over at one while the other asks; a double tap sends one mail; the late console is told, nothing more goes', async () => {
    const one = await console();
    const two = await console();
    const question = translate('fr', 'orders.emailConfirm', { number: numbers.failed, email: 'j•••@example.com' });
    const mails = smtp.mails.length;
    for (const p of [one, two]) {
      await button(orderOf(p, 'failed'), fr['orders.handOverEmail']).tap();
      await focusIsOn(p, 'LEGEND', question, 'each console shows the address');
    }
    const mail = smtp.next();
    await button(orderOf(two, 'failed'), fr['orders.emailYes']).dblclick();
    await orderOf(two, 'failed')
      .getByRole('status')
      .filter({ hasText: translate('fr', 'issue.result.email.sent', { email: 'j•••@example.com' }) })
      .waitFor();
    await stateIs(orderOf(two, 'failed'), 'handed-over-email');
    assert.deepEqual((await mail).to, [HIS]);
    await screenshot(two, 'staff-hand-over-email-sent');

    // The first console, its question still open (or gone with the refresh), cannot send it again.
    const late = orderOf(one, 'failed');
    if (
      await button(late, fr['orders.emailYes'])
        .isVisible()
        .catch(() => false)
    ) {
      await button(late, fr['orders.emailYes']).tap();
      await late.getByRole('status').filter({ hasText: fr['error.ORDER_STATE'] }).waitFor();
    }
    await stateIs(late, 'handed-over-email');
    assert.equal(await button(late, fr['orders.handOverEmail']).count(), 0, 'nothing left to send');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(smtp.mails.length, mails + 1, 'one mail in all');
    assert.equal(await journalCount(one, `a remis la carte, commande ${numbers.failed}`), 1, 'handed over once');
    await one.close();
    await two.close();
  });
});
