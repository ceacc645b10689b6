import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_REGISTRY_FILE } from '../../main/demo-registry/embedded.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { openDatabase } from '../../main/store/database.ts';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { noViolations } from '../support/axe.ts';
import { type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { focusIsOn } from '../support/confirm.ts';
import { consoleSection, firstAgentOpensConsole, givePhoto, loginAsJeanPierre } from '../support/kiosk-flows.ts';
import { startPrintChain } from '../support/print-services.ts';
import { eventually, pc858Text } from '../support/pvc.ts';
import { startTcpCapture } from '../support/tcp-capture.ts';
import { tempDir } from '../support/temp.ts';

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });
/** An order's id, as its heading carries it (`order-<id>`). */
const orderIdOf = async (order: Locator) => ((await order.locator('h3').getAttribute('id')) ?? '').replace('order-', '');

/**
 * The kiosk's way to CUPS, which the test can cut: the kiosk is told CUPS_SERVER is this port,
 * and while it is "stopped" nothing listens there, as when the print service is down.
 */
async function cupsSwitch(): Promise<{ address: string; stop(): Promise<void>; start(): Promise<void> }> {
  let server: net.Server | null = null;
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (probe.address() as net.AddressInfo).port;
      probe.close(() => resolve(p));
    });
  });
  const start = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const cups = net.connect(631, '127.0.0.1');
        client.pipe(cups).pipe(client);
        const end = () => {
          client.destroy();
          cups.destroy();
        };
        client.on('error', end);
        cups.on('error', end);
      });
      server.listen(port, '127.0.0.1', () => resolve());
    });
  const stop = () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await start();
  return { address: `127.0.0.1:${port}`, start, stop };
}

describe('a PVC card that cannot be printed: no payment without a ready printer, then a refund with a reason', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  let chain: Awaited<ReturnType<typeof startPrintChain>>;
  let receipts: Awaited<ReturnType<typeof startTcpCapture>>;
  let cups: Awaited<ReturnType<typeof cupsSwitch>>;
  const dataDir = tempDir('kiosk-refund-');
  before(async () => {
    // A card stays 10 s at the printer: long enough to be seen printing, then jammed (cancelled there).
    chain = await startPrintChain(`KioskRefund${process.pid}`, { jobSeconds: 10 });
    receipts = await startTcpCapture();
    cups = await cupsSwitch();
    // No card printer set at first: the desk has only its receipt printer.
    kiosk = await startBrowserMode(dataDir, { KIOSK_PRINTER_RECEIPT: receipts.address, CUPS_SERVER: cups.address });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
    await cups?.stop();
    await receipts?.close();
    await chain?.stop();
  });

  it('Nadia cannot take the money while no card printer is set or CUPS is stopped; paid, the card fails; she refunds it, the receipt prints', async () => {
    const p = await kioskPage(browser);
    await loginAsJeanPierre(p, kiosk);
    await givePhoto(p); // no card without a photo
    await button(p, fr['space.myCard']).click();
    await button(p, fr['card.pvcOrder']).click();
    await button(p, fr['order.confirm']).click();
    const number = /Commande n° (P\d{6}-\d{3})/.exec(await p.getByRole('status').filter({ hasText: 'Commande n°' }).innerText())?.[1];
    assert.ok(number);
    await button(p, fr['order.done']).click();

    await firstAgentOpensConsole(p);
    const order = p.locator('li.order').filter({ hasText: number });

    // 1. No card printer: the reason in words, no payment buttons.
    await order.getByText(fr['orders.cardPrinter.not-configured']).waitFor();
    assert.equal(await order.getByRole('button', { name: fr['orders.payCash'] }).count(), 0, 'no payment offered');
    await noViolations(p);
    await screenshot(p, 'staff-pvc-no-printer');

    // 2. The card printer set, but the print service stopped: still no payment, and the reason is the new one.
    await cups.stop();
    await consoleSection(p, fr['printers.title']);
    const card = p.locator('form.printer').filter({ has: p.getByRole('heading', { name: fr['printers.role.card'] }) });
    await card.getByRole('textbox', { name: fr['printers.field.card'] }).fill(chain.queue);
    await card.getByRole('button', { name: fr['printers.save'] }).click();
    await card.getByText(fr['printers.state.spooler-down']).waitFor();
    await card.getByRole('button', { name: fr['printers.test'] }).click();
    await card.getByText(fr['printers.testFailed'].replace('{words}', fr['print.error.spooler-down'])).waitFor();
    await noViolations(p);
    await screenshot(p, 'staff-pvc-cups-stopped-printers');
    await consoleSection(p, fr['console.nav.orders']);
    await order.getByText(fr['orders.cardPrinter.spooler-down']).waitFor();
    assert.equal(await order.getByText(fr['orders.cardPrinter.not-configured']).count(), 0, 'no stale "no printer"');
    assert.equal(await order.getByRole('button', { name: fr['orders.payCash'] }).count(), 0);
    await noViolations(p);
    await screenshot(p, 'staff-pvc-cups-stopped');

    // 3. CUPS back: payment offered and taken; the job is stopped at the printer (a jam), the order fails.
    await cups.start();
    await order.getByRole('button', { name: fr['orders.payCash'] }).click();
    await order.getByRole('button', { name: fr['orders.confirm'] }).click();
    await order.getByText(fr['orders.state.printing']).waitFor();
    execFileSync('cancel', ['-a', chain.queue]);
    await order.getByText(fr['orders.state.failed']).waitFor({ timeout: 30_000 });
    await order.getByText(fr['orders.failedWhy'].replace('{words}', fr['print.error.aborted'])).waitFor();

    // 4. Refund: means and reason, then the question, confirmed.
    // Opened by mistake: "Annuler" gives the focus back to the button the form replaced.
    await order.getByRole('button', { name: fr['orders.refund'] }).click();
    await focusIsOn(p, 'INPUT', `refund-reason-${await orderIdOf(order)}`, 'the reason is asked first');
    await order.getByRole('button', { name: fr['orders.back'], exact: true }).click();
    await focusIsOn(p, 'BUTTON', fr['orders.refund'], '"Annuler" gives the focus back');
    await order.getByRole('button', { name: fr['orders.refund'] }).click();
    await order.getByRole('button', { name: fr['orders.refundNext'] }).click();
    await order.getByText(fr['orders.refundReasonRequired']).first().waitFor();
    await order.getByRole('radio', { name: fr['orders.method.cash'] }).check();
    await order.getByRole('textbox', { name: fr['orders.refundReason'] }).fill('Bourrage de l’imprimante à cartes');
    await noViolations(p);
    await screenshot(p, 'staff-pvc-refund-reason');
    await order.getByRole('button', { name: fr['orders.refundNext'] }).click();
    await order.getByText(`Confirmer le remboursement de 5,00\u00a0€ en espèces pour la commande ${number} ? La commande sera annulée.`).waitFor();
    await focusIsOn(p, 'LEGEND', `Confirmer le remboursement de 5,00\u00a0€ en espèces pour la commande ${number} ? La commande sera annulée.`, 'the question');
    await noViolations(p);
    await screenshot(p, 'staff-pvc-refund-confirm');
    // "Annuler" on the question: back to the form, what was typed kept, the focus on "Continuer".
    await order.getByRole('button', { name: fr['confirm.cancel'], exact: true }).click();
    await focusIsOn(p, 'BUTTON', fr['orders.refundNext'], '"Annuler" gives the focus back');
    assert.equal(await order.getByRole('textbox', { name: fr['orders.refundReason'] }).inputValue(), 'Bourrage de l’imprimante à cartes');
    await order.getByRole('button', { name: fr['orders.refundNext'] }).click();
    const before = receipts.received().length;
    await order.getByRole('button', { name: fr['orders.confirm'] }).click();
    await order.getByText(fr['orders.state.refunded']).waitFor();
    assert.match(await order.innerText(), /Remboursée en espèces à \d\d:\d\d par Nadia\. Raison : Bourrage de l’imprimante à cartes/);
    await eventually(async () => pc858Text(receipts.received().subarray(before)).includes('Reçu de remboursement'), 'the refund receipt');
    assert.match(pc858Text(receipts.received().subarray(before)), /5,00 €[\s\S]*Remboursé en espèces[\s\S]*Raison : Bourrage de l'imprimante à cartes/);
    await noViolations(p);
    await screenshot(p, 'staff-pvc-refunded');

    // The same console in English.
    await button(p, fr['app.switchLanguageLabel']).click();
    await order.getByText(en['orders.state.refunded']).waitFor();
    await noViolations(p);

    // The registry gets the refund, with its reason, through the outbox.
    const registryEvents = async () => {
      const registry = await openDatabase(path.join(dataDir, DEMO_REGISTRY_FILE), memoryLogger());
      try {
        return await registry.all<{ event: string; reason: string | null }>(
          "SELECT json_extract(payload, '$.event') AS event, json_extract(payload, '$.reason') AS reason FROM operations WHERE type = 'pvc-order-event' ORDER BY at, rowid",
        );
      } finally {
        await registry.close();
      }
    };
    await consoleSection(p, en['console.nav.sync'], en['staff.sections']);
    const events = await eventually(async () => {
      await button(p, en['staff.syncNow']).click();
      const e = await registryEvents();
      return e.some((x) => x.event === 'refunded') && e;
    }, 'the registry has the refund');
    assert.deepEqual(
      events.map((e) => e.event),
      ['requested', 'paid', 'refunded'],
    );
    assert.equal(events[2]?.reason, 'Bourrage de l’imprimante à cartes');
    await p.close();
  });
});
