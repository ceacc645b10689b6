import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { noViolations } from '../support/axe.ts';
import { type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { consoleSection, givePhoto, loginAsJeanPierre, staffGesture } from '../support/kiosk-flows.ts';
import { eventually, pc858Text } from '../support/pvc.ts';
import { socketCardPrinter } from '../support/socket-printer.ts';
import { startTcpCapture, type TcpCapture } from '../support/tcp-capture.ts';
import { tempDir } from '../support/temp.ts';

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });

describe('a receipt printer out of paper, at the order screen and at the desk', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  let card: Awaited<ReturnType<typeof socketCardPrinter>>;
  let receipts: TcpCapture;
  before(async () => {
    card = await socketCardPrinter(`KioskReceiptE2e${process.pid}`);
    // The roll is out and the cover was left open by whoever tried to change it.
    receipts = await startTcpCapture({ condition: { paper: 'out', coverOpen: true } });
    kiosk = await startBrowserMode(tempDir('kiosk-receipt-'), { KIOSK_PRINTER_CARD: card.queue, KIOSK_PRINTER_RECEIPT: receipts.address });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
    await receipts?.close();
    await card?.stop();
  });

  it('the artisan is told there is no ticket and why; staff are told what to do, check again, and choose to take the money without a receipt', async () => {
    const p = await kioskPage(browser);
    await loginAsJeanPierre(p, kiosk);
    await givePhoto(p);
    await button(p, fr['space.myCard']).click();
    await button(p, fr['card.pvcOrder']).click();
    await button(p, fr['order.confirm']).click();
    const status = p.getByRole('status').filter({ hasText: 'Commande n°' });
    await status.waitFor();
    const number = /Commande n° (P\d{6}-\d{3})/.exec(await status.innerText())?.[1];
    assert.ok(number);
    await status.getByText(fr['order.ticketNotPrinted']).waitFor();
    await status.getByText(fr['order.ticketWhy.cover-open']).waitFor();
    assert.ok(!(await status.innerText()).includes(fr['order.ticketPrinted']), 'never "take your ticket"');
    assert.equal(receipts.received().length, 0, 'nothing sent to a printer with its cover open');
    await noViolations(p);
    await screenshot(p, 'pvc-order-ticket-cover-open');
    await button(p, fr['app.switchLanguageLabel']).click();
    const statusEn = p.getByRole('status').filter({ hasText: 'Order no.' });
    await statusEn.getByText(en['order.ticketNotPrinted']).waitFor();
    await statusEn.getByText(en['order.ticketWhy.cover-open']).waitFor();
    await noViolations(p);
    await screenshot(p, 'pvc-order-ticket-cover-open-en');
    await button(p, en['order.done']).click();

    // The desk: the order waits, and says what is wrong with the receipt printer instead of offering the payment.
    // The visit over, the kiosk is back in French for the next person.
    await p.getByRole('button', { name: fr['welcome.start'], exact: true }).waitFor();
    await staffGesture(p);
    await p.getByRole('textbox', { name: fr['staff.name'] }).fill('Nadia');
    await p.getByLabel(fr['staff.pin']).fill('482913');
    await p.getByLabel(fr['staff.pinConfirmation']).fill('482913');
    await button(p, fr['staff.create']).click();
    const order = p.locator('li.order').filter({ hasText: number });
    await order.getByText(fr['orders.receiptPrinter.cover-open']).waitFor();
    assert.equal(await order.getByRole('button', { name: fr['orders.payCash'] }).count(), 0, 'no payment offered');
    await noViolations(p);
    await screenshot(p, 'staff-order-receipt-cover-open');

    // The cover closed, the roll still out: "Vérifier de nouveau" says the next thing to do.
    receipts.set({ coverOpen: false });
    await order.getByRole('button', { name: fr['orders.checkAgain'] }).click();
    await order.getByText(fr['orders.receiptPrinter.paper-out']).waitFor();
    await consoleSection(p, fr['printers.title']);
    await p.getByText(fr['printers.state.paper-out']).waitFor();
    await noViolations(p);
    await screenshot(p, 'staff-printers-receipt-paper-out');
    await consoleSection(p, fr['console.nav.orders']);

    // No roll at hand: staff choose to go on without a receipt; the payment is asked twice, saying so.
    await order.getByRole('button', { name: fr['orders.withoutReceipt'] }).click();
    await order.getByText(fr['orders.withoutReceiptChosen']).waitFor();
    await order.getByRole('button', { name: fr['orders.payCash'] }).click();
    await order.getByText(`Confirmer le paiement de 5,00\u00a0€ en espèces pour la commande ${number}, sans reçu ?`).waitFor();
    await noViolations(p);
    await screenshot(p, 'staff-order-pay-without-receipt');
    await order.getByRole('button', { name: fr['orders.confirm'] }).click();
    await order.getByText(fr['orders.state.printed']).waitFor({ timeout: 60_000 });
    await eventually(async () => card.received().length > 0, 'the card reached the card printer');
    assert.ok(!pc858Text(receipts.received()).includes('Reçu de paiement'), 'no receipt claimed from a printer without paper');

    // The journal of print jobs says why the receipt did not come out, and what to do.
    await consoleSection(p, fr['printers.title']);
    await p.getByText(fr['print.error.receipt-paper-out'], { exact: false }).first().waitFor();
    await p.close();
  });
});
