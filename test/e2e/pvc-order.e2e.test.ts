import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { noViolations } from '../support/axe.ts';
import { type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, LANDSCAPE, launchChromium, screenshot } from '../support/chromium.ts';
import { consoleSection, firstAgentOpensConsole, givePhoto, loginAsJeanPierre, staffGesture } from '../support/kiosk-flows.ts';
import { receivedFiles, startPrintChain } from '../support/print-services.ts';
import { eventually, pageSizes, pc858Text } from '../support/pvc.ts';
import { startTcpCapture } from '../support/tcp-capture.ts';
import { tempDir } from '../support/temp.ts';

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });
const _field = (p: Page, name: string) => p.getByRole('textbox', { name, exact: true });

describe('a PVC card, from the artisan asking to the card in hand', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  let chain: Awaited<ReturnType<typeof startPrintChain>>;
  let receipts: Awaited<ReturnType<typeof startTcpCapture>>;
  before(async () => {
    chain = await startPrintChain(`KioskE2e${process.pid}`);
    receipts = await startTcpCapture();
    kiosk = await startBrowserMode(tempDir('kiosk-pvc-'), { KIOSK_PRINTER_CARD: chain.queue, KIOSK_PRINTER_RECEIPT: receipts.address });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
    await receipts?.close();
    await chain?.stop();
  });

  it('Jean-Pierre orders, takes his ticket; Nadia takes 5 € in cash; the card and the receipt come out', async () => {
    const p = await kioskPage(browser);
    await loginAsJeanPierre(p, kiosk);
    await givePhoto(p); // no card without a photo
    await button(p, fr['space.myCard']).click();
    await button(p, fr['card.pvcOrder']).click();

    await p.getByRole('heading', { level: 1, name: fr['order.heading'] }).waitFor();
    await p.getByText(fr['order.confirmLead'].replace('{amount}', '5,00\u00a0€')).waitFor();
    await noViolations(p);
    await screenshot(p, 'pvc-order-confirm');
    await button(p, fr['order.confirm']).click();
    const status = p.getByRole('status').filter({ hasText: 'Commande n°' });
    await status.waitFor();
    const number = /Commande n° (P\d{6}-\d{3})/.exec(await status.innerText())?.[1];
    assert.ok(number, 'the screen shows the order number');
    assert.equal(await p.evaluate(() => document.activeElement?.tagName), 'H1', 'the focus is on the new screen, not lost with the button pressed');
    await p.getByText(fr['order.ticketPrinted']).waitFor();
    await noViolations(p);
    await screenshot(p, 'pvc-order-ticket');
    const ticket = pc858Text(receipts.received());
    assert.match(ticket, /À régler à l'accueil/);
    assert.ok(ticket.includes(number) && ticket.includes('5,00 €'), 'the ticket has the number and the amount');
    await button(p, fr['order.done']).click();
    await p.getByRole('heading', { level: 1, name: fr['welcome.heading'] }).waitFor();
    assert.ok(!(await p.locator('body').innerText()).includes(number), 'nothing of the visit stays on screen');

    // The desk: first PIN, then the order waiting for payment.
    await firstAgentOpensConsole(p);
    const order = p.locator('li.order').filter({ hasText: number });
    await order.getByText(fr['orders.state.requested'].replace('{amount}', '5,00\u00a0€')).waitFor();
    assert.match(await order.innerText(), /Jean-Pierre MULLER/);
    await order.getByRole('button', { name: fr['orders.payCash'] }).click();
    await order.getByText(`Confirmer le paiement de 5,00\u00a0€ en espèces pour la commande ${number} ?`).waitFor();
    await noViolations(p);
    await screenshot(p, 'staff-pvc-confirm-payment');
    await order.getByRole('button', { name: fr['orders.confirm'] }).click();

    // The console follows the job by itself until the card is out.
    await order.getByText(fr['orders.state.printed']).waitFor({ timeout: 90_000 });
    assert.match(await order.innerText(), /Réglée en espèces à \d\d:\d\d, encaissée par Nadia/);
    assert.deepEqual(pageSizes(receivedFiles(chain.spoolDir)), ['242.65 x 153.01'], 'one CR80 card reached the card printer');
    await eventually(async () => pc858Text(receipts.received()).includes('Reçu de paiement'), 'the payment receipt');
    await noViolations(p);
    await screenshot(p, 'staff-pvc-printed');
    // Handing the card over is asked twice (test/e2e/pvc-hand-over.e2e.test.ts).
    await order.getByRole('button', { name: fr['orders.handOver'] }).click();
    await order.getByRole('button', { name: fr['orders.handOverYes'] }).click();
    await order.getByText(fr['orders.state.handed-over']).waitFor();

    // The same console in English, and in landscape.
    await button(p, fr['app.switchLanguageLabel']).click();
    await p.getByRole('heading', { level: 2, name: en['orders.title'] }).waitFor();
    await consoleSection(p, en['printers.title'], en['staff.sections']);
    await p.getByText(en['printers.state.ready']).first().waitFor();
    await consoleSection(p, en['console.nav.orders'], en['staff.sections']);
    await noViolations(p);
    await p.setViewportSize(LANDSCAPE);
    await screenshot(p, 'staff-console-orders-en-landscape');
    await p.close();
  });

  it('staff set a printer that does not exist: the console says so; a test ticket reaches the receipt printer', async () => {
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await button(p, fr['welcome.start']).waitFor();
    await staffGesture(p);
    await p.getByLabel(fr['staff.pin']).fill('482913');
    await button(p, fr['staff.enter']).click();
    await consoleSection(p, fr['printers.title']);
    const paper = p.locator('form.printer').filter({ has: p.getByRole('heading', { name: fr['printers.role.paper'] }) });
    await paper.getByText(fr['printers.state.not-configured']).waitFor();
    await paper.getByRole('textbox', { name: fr['printers.field.paper'] }).fill('Bureau/Etage');
    await paper.getByRole('button', { name: fr['printers.save'] }).click();
    await p.getByText(fr['error.PRINTER_INVALID']).waitFor();
    assert.equal(await paper.getByRole('textbox', { name: fr['printers.field.paper'] }).inputValue(), 'Bureau/Etage', 'what was typed stays');
    await paper.getByRole('textbox', { name: fr['printers.field.paper'] }).fill('BureauEtage2');
    await paper.getByRole('button', { name: fr['printers.save'] }).click();
    await paper.getByText(fr['printers.state.no-such-printer']).waitFor();
    await screenshot(p, 'staff-printers');

    const receipt = p.locator('form.printer').filter({ has: p.getByRole('heading', { name: fr['printers.role.receipt'] }) });
    const before = receipts.received().length;
    await receipt.getByRole('button', { name: fr['printers.test'] }).click();
    await receipt.getByText(fr['printers.testDone'].replace('{status}', fr['printers.job.completed'])).waitFor();
    assert.match(pc858Text(receipts.received().subarray(before)), /Ticket de test[\s\S]*é è à ç €/);
    await p.close();
  });
});
