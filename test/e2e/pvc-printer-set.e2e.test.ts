import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { fr } from '../../renderer/i18n/fr.ts';
import { noViolations } from '../support/axe.ts';
import { type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { consoleSection, firstAgentOpensConsole, orderPvcByCalls } from '../support/kiosk-flows.ts';
import { receivedFiles, startPrintChain } from '../support/print-services.ts';
import { eventually, pageSizes, pc858Text } from '../support/pvc.ts';
import { startTcpCapture, type TcpCapture } from '../support/tcp-capture.ts';
import { tempDir } from '../support/temp.ts';

const AMOUNT = '5,00\u00a0€';
const order = (p: Page, number: string) => p.locator('li.order').filter({ hasText: number });
const payButtons = (o: Locator) => [
  o.getByRole('button', { name: fr['orders.payCash'], exact: true }),
  o.getByRole('button', { name: fr['orders.payCard'], exact: true }),
];

/** Staff set a printer in the console's "Imprimantes", see it stand as expected, and go back to the orders. */
async function setPrinter(p: Page, role: 'card' | 'receipt', printer: string, state: string): Promise<void> {
  await consoleSection(p, fr['printers.title']);
  const form = p.locator('form.printer').filter({ has: p.getByRole('heading', { name: fr[`printers.role.${role}`], exact: true }) });
  await form.getByRole('textbox', { name: fr[`printers.field.${role}`], exact: true }).fill(printer);
  await form.getByRole('button', { name: fr['printers.save'], exact: true }).click();
  await form.getByText(state, { exact: true }).waitFor();
  await consoleSection(p, fr['console.nav.orders']);
}

async function pay(o: Locator, method: 'payCash' | 'payCard'): Promise<void> {
  await o.getByRole('button', { name: fr[`orders.${method}`], exact: true }).click();
  await o.getByRole('button', { name: fr['orders.confirm'], exact: true }).click();
}

/**
 * A fault seen at a desk: a second PVC order without its payment buttons, soon after the card
 * printer was set in the console. The console stays open (the orders come from the artisan's
 * screen), and each order must offer its payment as soon as the printers allow it: the readiness
 * the console shows is the printers' as set now, never as they stood before staff set them.
 */
describe('printers set from the console, then PVC orders one after the other', () => {
  let browser: Browser;
  let chain: Awaited<ReturnType<typeof startPrintChain>>;
  let receipts: TcpCapture;
  let coverOpen: TcpCapture;
  const kiosks: RunningKiosk[] = [];
  before(async () => {
    // A card takes a few seconds at the printer: the second order comes while the first prints.
    chain = await startPrintChain(`KioskPrinterSet${process.pid}`, { jobSeconds: 4 });
    receipts = await startTcpCapture();
    coverOpen = await startTcpCapture({ condition: { coverOpen: true } });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    for (const k of kiosks) await k.stop();
    await receipts?.close();
    await coverOpen?.close();
    await chain?.stop();
  });

  it('no card printer at first: set from the console, the waiting order and the next one each offer their payment, and both cards come out', async () => {
    const kiosk = await startBrowserMode(tempDir('kiosk-printer-set-'), { KIOSK_PRINTER_RECEIPT: receipts.address });
    kiosks.push(kiosk);
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await firstAgentOpensConsole(p);

    // Jean-Pierre orders before the desk has a card printer: no money can be taken, and the console says why.
    const first = await orderPvcByCalls(kiosk, 'jean-pierre');
    const o1 = order(p, first);
    await o1.getByText(fr['orders.cardPrinter.not-configured']).waitFor();
    for (const b of payButtons(o1)) assert.equal(await b.count(), 0, 'no payment without a card printer');

    await setPrinter(p, 'card', chain.queue, fr['printers.state.ready']);
    for (const b of payButtons(o1)) await b.waitFor({ timeout: 5000 });
    assert.equal(await o1.getByText(fr['orders.cardPrinter.not-configured']).count(), 0, 'the reason has gone with the printer set');
    await pay(o1, 'payCash');
    await o1.getByText(fr['orders.state.printing']).waitFor();

    // Camille orders while Jean-Pierre's card is at the printer: her order can be paid too.
    const second = await orderPvcByCalls(kiosk, 'camille');
    const o2 = order(p, second);
    await o2.getByText(fr['orders.state.requested'].replace('{amount}', AMOUNT)).waitFor();
    for (const b of payButtons(o2)) await b.waitFor({ timeout: 5000 });
    await noViolations(p);
    await screenshot(p, 'staff-orders-second-after-printer-set');
    await pay(o2, 'payCard');

    await o1.getByText(fr['orders.state.printed']).waitFor({ timeout: 60_000 });
    await o2.getByText(fr['orders.state.printed']).waitFor({ timeout: 60_000 });
    assert.deepEqual(pageSizes(receivedFiles(chain.spoolDir)), ['242.65 x 153.01', '242.65 x 153.01'], 'two CR80 cards reached the card printer');
    await eventually(async () => (pc858Text(receipts.received()).match(/Reçu de paiement/g) ?? []).length === 2, 'two payment receipts');
    await p.close();
  });

  it('a receipt printer with its cover open, replaced from the console: the waiting order offers its payment at once', async () => {
    const kiosk = await startBrowserMode(tempDir('kiosk-receipt-set-'), { KIOSK_PRINTER_CARD: chain.queue, KIOSK_PRINTER_RECEIPT: coverOpen.address });
    kiosks.push(kiosk);
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await firstAgentOpensConsole(p);
    const number = await orderPvcByCalls(kiosk, 'jean-pierre');
    const o = order(p, number);
    await o.getByText(fr['orders.receiptPrinter.cover-open']).waitFor();
    for (const b of payButtons(o)) assert.equal(await b.count(), 0, 'the payment waits for staff to choose');

    // The desk's other thermal printer is set instead: nothing else happens, and the console
    // must not go on saying the cover is open (nor hide the payment) until someone asks again.
    await setPrinter(p, 'receipt', receipts.address, fr['printers.state.ready']);
    for (const b of payButtons(o)) await b.waitFor({ timeout: 5000 });
    assert.equal(await o.getByText(fr['orders.receiptPrinter.cover-open']).count(), 0, 'no cover said open on a printer no longer used');
    await pay(o, 'payCash');
    await o.getByText(fr['orders.state.printed']).waitFor({ timeout: 60_000 });
    await eventually(async () => pc858Text(receipts.received()).includes('Reçu de paiement'), 'the payment receipt on the printer now set');
    await p.close();
  });
});
