import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { translate } from '../../renderer/i18n/index.tsx';
import { noViolations } from '../support/axe.ts';
import { ROOT, type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { focusIsOn } from '../support/confirm.ts';
import { consoleSection, firstAgentOpensConsole, givePhoto, loginAsJeanPierre } from '../support/kiosk-flows.ts';
import { socketCardPrinter } from '../support/socket-printer.ts';
import { tempDir } from '../support/temp.ts';

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });
const AMOUNT = '5,00\u00a0€';

describe('money at the desk is taken, and orders ended, only when asked twice', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  let cardPrinter: Awaited<ReturnType<typeof socketCardPrinter>>;
  before(async () => {
    const jpeg = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg'));
    const mjpeg = path.join(tempDir('camera-'), 'portrait.mjpeg');
    writeFileSync(mjpeg, Buffer.concat([jpeg, jpeg, jpeg]));
    cardPrinter = await socketCardPrinter(`KioskConfirm${process.pid}`);
    // No card printer set at first: set in the console once the refusals are seen.
    kiosk = await startBrowserMode(tempDir('kiosk-pvc-confirm-'));
    browser = await launchChromium({ camera: mjpeg });
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
    await cardPrinter?.stop();
  });

  /** Jean-Pierre orders his PVC card at the kiosk; the order's number. */
  async function jeanPierreOrders(p: Page, at: RunningKiosk = kiosk): Promise<string> {
    await loginAsJeanPierre(p, at);
    await givePhoto(p);
    await button(p, fr['space.myCard']).click();
    await button(p, fr['card.pvcOrder']).click();
    await button(p, fr['order.confirm']).click();
    const number = /Commande n° (P\d{6}-\d{3})/.exec(await p.getByRole('status').filter({ hasText: 'Commande n°' }).innerText())?.[1];
    assert.ok(number);
    await button(p, fr['order.done']).click();
    return number;
  }

  it('"Annuler la commande" asks first; "Non, garder la commande" keeps it; confirmed, it is cancelled once', async () => {
    const p = await kioskPage(browser);
    const number = await jeanPierreOrders(p);
    await firstAgentOpensConsole(p);
    const order = p.locator('li.order').filter({ hasText: number });
    await order.getByText(fr['orders.cardPrinter.not-configured']).waitFor();
    const requested = translate('fr', 'orders.state.requested', { amount: AMOUNT });
    const question = translate('fr', 'orders.cancelConfirm', { number });

    await order.getByRole('button', { name: fr['orders.cancel'], exact: true }).tap();
    await focusIsOn(p, 'LEGEND', question, 'the question replaces the button');
    assert.ok(await order.getByText(requested).isVisible(), 'one tap cancelled nothing');
    await noViolations(p);
    await screenshot(p, 'staff-confirm-order-cancel');
    await order.getByRole('button', { name: fr['orders.cancelNo'], exact: true }).tap();
    await focusIsOn(p, 'BUTTON', fr['orders.cancel'], '"Non, garder la commande" gives the focus back');
    assert.ok(await order.getByText(requested).isVisible(), 'the order is kept');

    await order.getByRole('button', { name: fr['orders.cancel'], exact: true }).tap();
    await button(p, fr['app.switchLanguageLabel']).click();
    await order.getByText(translate('en', 'orders.cancelConfirm', { number })).waitFor();
    await noViolations(p);
    await screenshot(p, 'staff-confirm-order-cancel-en');
    await button(p, en['app.switchLanguageLabel']).click();
    await order.getByRole('button', { name: fr['orders.cancelYes'], exact: true }).tap();
    await order.getByText(fr['orders.state.cancelled'], { exact: true }).waitFor();
    await consoleSection(p, fr['staff.auditTitle']);
    await p.getByText(`Nadia a annulé la commande ${number}`, { exact: false }).first().waitFor();
    assert.equal(await p.getByText(`a annulé la commande ${number}`, { exact: false }).count(), 1, 'cancelled once');
    await button(p, fr['staff.quit']).click();
    await p.close();
  });

  it('"Délivrer une carte" in PVC asks before taking the money; with no card printer it takes none, makes no order and says what to do', async () => {
    const p = await kioskPage(browser, undefined, { camera: true });
    await p.goto(kiosk.url);
    await button(p, fr['welcome.start']).waitFor();
    await p.keyboard.press('Control+Alt+s');
    await p.getByLabel(fr['staff.pin']).fill('482913');
    await button(p, fr['staff.enter']).click();
    // The list as it stands: the order cancelled above, and no other.
    await p.locator('li.order').filter({ hasText: fr['orders.state.cancelled'] }).waitFor();
    const ordersBefore = await p.locator('li.order').count();
    await button(p, fr['issue.button']).click();
    await p.getByRole('textbox', { name: fr['issue.search'] }).fill('401234562RE067');
    await button(p, fr['issue.searchButton']).click();
    await p.getByRole('radio', { name: /401 234 562 RE 067/ }).check();
    await p.getByRole('radio', { name: fr['issue.doc.carte-identite'] }).check();
    await button(p, fr['issue.start']).click();
    const card = p.getByRole('heading', { level: 1, name: fr['issue.cardHeading'] });
    const take = button(p, fr['photo.take']);
    await Promise.race([card.waitFor(), take.waitFor()]);
    if (!(await card.isVisible())) {
      await p.waitForFunction(() => ((document.querySelector('video') as HTMLVideoElement | null)?.videoWidth ?? 0) > 0);
      await take.click();
      await p.getByRole('img', { name: fr['photo.preview'] }).waitFor({ timeout: 8000 });
      await button(p, fr['photo.accept']).click();
      await card.waitFor();
    }

    // The two means no longer read as done, and a tap only asks, naming the means.
    assert.doesNotMatch(fr['issue.pvcCash'] + fr['issue.pvcCard'], /payée/);
    await button(p, fr['issue.pvcCash']).tap();
    await focusIsOn(p, 'LEGEND', fr['issue.pvcConfirm.cash'], 'the question replaces the buttons');
    assert.ok(await button(p, fr['issue.pvcYes.cash']).isVisible());
    assert.equal(await button(p, fr['issue.pvcCard']).count(), 0, 'no second means beside the question');
    await noViolations(p);
    await screenshot(p, 'staff-confirm-issue-pvc');
    await button(p, fr['confirm.cancel']).tap();
    await focusIsOn(p, 'BUTTON', fr['issue.pvcCash'], '"Annuler" gives the focus back');
    assert.equal(
      await p
        .getByRole('status')
        .filter({ hasText: /Commande|encaissé/ })
        .count(),
      0,
      'nothing happened',
    );

    await button(p, fr['issue.pvcCard']).tap();
    await focusIsOn(p, 'LEGEND', fr['issue.pvcConfirm.card'], 'the card question');
    await button(p, fr['issue.pvcYes.card']).tap();
    const refused = translate('fr', 'issue.result.pvc.refused', {
      printer: fr['orders.cardPrinter.not-configured'],
      order: fr['issue.result.pvc.noOrder'],
    });
    await p.getByRole('status').filter({ hasText: refused }).waitFor();
    await noViolations(p);
    await screenshot(p, 'staff-confirm-issue-refused');
    // Nothing was taken: the means are still offered, for once the printer is set.
    assert.ok(await button(p, fr['issue.pvcCash']).isVisible());
    await button(p, fr['app.switchLanguageLabel']).click();
    await p
      .getByRole('status')
      .filter({
        hasText: translate('en', 'issue.result.pvc.refused', { printer: en['orders.cardPrinter.not-configured'], order: en['issue.result.pvc.noOrder'] }),
      })
      .waitFor();
    await noViolations(p);
    await screenshot(p, 'staff-confirm-issue-refused-en');
    await button(p, en['app.switchLanguageLabel']).click();
    await button(p, fr['issue.finish']).click();
    await p.getByRole('heading', { name: fr['orders.title'], exact: true }).waitFor();
    assert.equal(await p.locator('li.order').count(), ordersBefore, 'no order was made');
    assert.equal(await p.getByText(translate('fr', 'orders.state.requested', { amount: AMOUNT })).count(), 0, 'none waits for a payment');
    await button(p, fr['staff.quit']).click();
    await p.close();
  });

  it('payment, then reprint: each question takes the focus and "Annuler" gives it back to its button', async () => {
    // A desk whose card printer is set from the start.
    const desk = await startBrowserMode(tempDir('kiosk-pvc-confirm-pay-'), { KIOSK_PRINTER_CARD: cardPrinter.queue });
    try {
      await payThenReprint(desk);
    } finally {
      await desk.stop();
    }
  });

  async function payThenReprint(desk: RunningKiosk): Promise<void> {
    const p = await kioskPage(browser);
    const number = await jeanPierreOrders(p, desk);
    await firstAgentOpensConsole(p);
    const order = p.locator('li.order').filter({ hasText: number });
    await order.waitFor();
    await screenshot(p, 'staff-confirm-order-before-pay');

    await order.getByRole('button', { name: fr['orders.payCash'], exact: true }).tap();
    const question = translate('fr', 'orders.confirmPay', { amount: AMOUNT, method: fr['orders.method.cash'], number });
    await focusIsOn(p, 'LEGEND', question, 'the payment question');
    await noViolations(p);
    await screenshot(p, 'staff-confirm-order-pay');
    await order.getByRole('button', { name: fr['confirm.cancel'], exact: true }).tap();
    await focusIsOn(p, 'BUTTON', fr['orders.payCash'], '"Annuler" gives the focus back');
    assert.ok(await order.getByText(translate('fr', 'orders.state.requested', { amount: AMOUNT })).isVisible(), 'nothing taken');

    await order.getByRole('button', { name: fr['orders.payCard'], exact: true }).tap();
    await order.getByRole('button', { name: fr['orders.confirm'], exact: true }).tap();
    await order.getByText(fr['orders.state.printed']).waitFor({ timeout: 60_000 });
    assert.match(await order.innerText(), /Réglée en carte bancaire/);

    await order.getByRole('button', { name: fr['orders.reprint'], exact: true }).tap();
    const reasonId = (await order.locator('input').first().getAttribute('id')) ?? '';
    assert.match(reasonId, /^reason-\d+$/);
    await focusIsOn(p, 'INPUT', reasonId, 'the reason is asked first');
    await order.getByRole('button', { name: fr['orders.back'], exact: true }).tap();
    await focusIsOn(p, 'BUTTON', fr['orders.reprint'], '"Annuler" gives the focus back');
    assert.equal(await order.getByText(/a réimprimé/).count(), 0);
    await p.close();
  }
});
