import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_REGISTRY_FILE } from '../../main/demo-registry/embedded.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { openDatabase } from '../../main/store/database.ts';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { noViolations } from '../support/axe.ts';
import { ROOT, type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, LANDSCAPE, launchChromium, screenshot } from '../support/chromium.ts';
import { consoleSection, firstAgentOpensConsole } from '../support/kiosk-flows.ts';
import { eventually, pc858Text } from '../support/pvc.ts';
import { socketCardPrinter } from '../support/socket-printer.ts';
import { startTcpCapture } from '../support/tcp-capture.ts';
import { tempDir } from '../support/temp.ts';

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });

describe('at the console: e-mail issuance tells the truth, and "Caisse du jour" adds up the orders taken', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  let cardPrinter: Awaited<ReturnType<typeof socketCardPrinter>>;
  let receipts: Awaited<ReturnType<typeof startTcpCapture>>;
  const dataDir = tempDir('kiosk-till-');
  before(async () => {
    const jpeg = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg'));
    const mjpeg = path.join(tempDir('camera-'), 'portrait.mjpeg');
    writeFileSync(mjpeg, Buffer.concat([jpeg, jpeg, jpeg]));
    cardPrinter = await socketCardPrinter(`KioskTill${process.pid}`);
    receipts = await startTcpCapture();
    kiosk = await startBrowserMode(dataDir, { KIOSK_PRINTER_CARD: cardPrinter.queue, KIOSK_PRINTER_RECEIPT: receipts.address });
    browser = await launchChromium({ camera: mjpeg });
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
    await receipts?.close();
    await cardPrinter?.stop();
  });

  /** "Délivrer une carte" up to the card: search, document, photo. */
  async function issueTo(p: Page, query: string, rm: RegExp): Promise<void> {
    await button(p, fr['issue.button']).click();
    await p.getByRole('textbox', { name: fr['issue.search'] }).fill(query);
    await button(p, fr['issue.searchButton']).click();
    await p.getByRole('radio', { name: rm }).check();
    await p.getByRole('radio', { name: fr['issue.doc.carte-identite'] }).check();
    await button(p, fr['issue.start']).click();
    const card = p.getByRole('heading', { level: 1, name: fr['issue.cardHeading'] });
    // A photo the registry already keeps goes straight to the card; otherwise the camera.
    const take = button(p, fr['photo.take']);
    await Promise.race([card.waitFor(), take.waitFor()]);
    if (!(await card.isVisible())) {
      await p.waitForFunction(() => ((document.querySelector('video') as HTMLVideoElement | null)?.videoWidth ?? 0) > 0);
      await take.click();
      await p.getByRole('img', { name: fr['photo.preview'] }).waitFor({ timeout: 8000 });
      await button(p, fr['photo.accept']).click();
      await card.waitFor();
    }
  }

  const demoMails = async () => {
    const registry = await openDatabase(path.join(dataDir, DEMO_REGISTRY_FILE), memoryLogger());
    try {
      return await registry.all<{ recipient: string; attachment: string | null }>('SELECT recipient, attachment_name AS attachment FROM mailbox ORDER BY id');
    } finally {
      await registry.close();
    }
  };

  it('Nadia is refused the e-mail for Camille (no account), sells her a PVC card in cash; e-mails Jean-Pierre’s card to his masked address and sells him one by card; the till says 10,00 €', async () => {
    const p = await kioskPage(browser, undefined, { camera: true });
    await p.goto(kiosk.url);
    await firstAgentOpensConsole(p);

    // A day with nothing taken yet: zeros, not an empty panel. (The section chosen stays through each issuance.)
    await consoleSection(p, fr['till.title']);
    const till = p.locator('section.till');
    await till.getByRole('heading', { name: fr['till.title'] }).waitFor();
    await till.getByText(fr['till.noAgent']).waitFor();
    const totalRow = till.locator('tfoot tr');
    assert.match(await totalRow.innerText(), /Total\s+0,00\s€\s+0 commande\s+0,00\s€\s+0 commande\s+0,00\s€/);

    // 1. Camille DURAND has no account: said before anything is sent, with paper and PVC offered.
    await issueTo(p, '123 123 127 RM 078', /123 123 127 RM 078/);
    await button(p, fr['issue.email']).click();
    await p.getByText(fr['issue.emailRefused.no-account']).waitFor();
    assert.equal(await button(p, fr['issue.emailSend']).count(), 0, 'nothing to send');
    await noViolations(p);
    await screenshot(p, 'staff-issue-email-refused');
    await button(p, fr['issue.pvcCash']).click();
    await button(p, fr['issue.pvcYes.cash']).click();
    await p
      .getByRole('status')
      .filter({ hasText: /Commande P\d{6}-\d{3} payée/ })
      .waitFor();
    assert.equal(await p.getByText(fr['issue.emailRefused.no-account']).count(), 0, 'the refusal gave way to the payment’s answer');
    await button(p, fr['issue.finish']).click();

    // 2. Jean-Pierre MULLER has one: his address, masked, then "sent" once the registry took it.
    await issueTo(p, '401234562RE067', /401 234 562 RE 067/);
    await button(p, fr['issue.email']).click();
    await p.getByText(fr['issue.emailTo'].replace('{email}', 'j•••@example.com')).waitFor();
    assert.equal((await p.locator('main').innerText()).includes('jean-pierre.muller@example.com'), false, 'the address never shows whole');
    await noViolations(p);
    await screenshot(p, 'staff-issue-email-target');
    await button(p, fr['app.switchLanguageLabel']).click();
    await p.getByText(en['issue.emailTo'].replace('{email}', 'j•••@example.com')).waitFor();
    await noViolations(p);
    await screenshot(p, 'staff-issue-email-target-en');
    await button(p, en['app.switchLanguageLabel']).click();
    await button(p, fr['issue.emailSend']).click();
    await p.getByText(fr['issue.result.email.sent'].replace('{email}', 'j•••@example.com')).waitFor();
    const mails = await eventually(async () => {
      const m = await demoMails();
      return m.some((x) => x.recipient === 'jean-pierre.muller@example.com' && x.attachment) && m;
    }, 'the card in the demo mailbox');
    assert.match(mails.find((m) => m.attachment)?.attachment ?? '', /^carte-professionnelle-\d{4}\.pdf$/);
    await screenshot(p, 'staff-issue-email-sent');
    await button(p, fr['issue.pvcCard']).click();
    await button(p, fr['issue.pvcYes.card']).click();
    await p
      .getByRole('status')
      .filter({ hasText: /Commande P\d{6}-\d{3} payée/ })
      .waitFor();
    assert.equal(await p.getByText(/Carte envoyée/).count(), 0, 'one answer at a time');
    await button(p, fr['issue.finish']).click();

    // 3. The till: two orders taken today, one in cash and one by card, both by Nadia.
    await till.getByRole('heading', { name: fr['till.title'] }).waitFor();
    await eventually(async () => /10,00\s€/.test(await totalRow.innerText()), 'the till has both orders');
    assert.match(await totalRow.innerText(), /Total\s+10,00\s€\s+2 commandes\s+0,00\s€\s+0 commande\s+10,00\s€/);
    const row = (name: string) => till.getByRole('row', { name: new RegExp(`^${name}`) });
    assert.match(await row('Espèces').innerText(), /Espèces\s+5,00\s€\s+1 commande\s+0,00\s€\s+0 commande\s+5,00\s€/);
    assert.match(await row('Carte bancaire').innerText(), /Carte bancaire\s+5,00\s€\s+1 commande\s+0,00\s€\s+0 commande\s+5,00\s€/);
    assert.match(await row('Nadia').innerText(), /Nadia\s+10,00\s€\s+2 commandes/);
    await till.scrollIntoViewIfNeeded();
    await noViolations(p);
    await till.screenshot({ path: path.join(ROOT, 'test-output', 'screenshots', 'staff-till.png') });

    await eventually(async () => cardPrinter.received().toString('latin1').split('%PDF-').length - 1 >= 2, 'both cards reached the card printer');

    // 4. Its ticket on the thermal printer: the same figures.
    const before = receipts.received().length;
    await till.getByRole('button', { name: fr['till.print'] }).click();
    await till.getByText(fr['till.printed']).waitFor();
    const ticket = pc858Text(receipts.received().subarray(before));
    assert.match(ticket, /Caisse du jour/);
    assert.match(ticket, /Encaissé \(2 commandes\)\s+10,00 €/);
    assert.match(ticket, /Imprimé par Nadia/);

    // The same panel in English.
    await button(p, fr['app.switchLanguageLabel']).click();
    await till.getByRole('heading', { name: en['till.title'] }).waitFor();
    assert.match(await totalRow.innerText(), /Total\s+€10\.00\s+2 orders/);
    await noViolations(p);
    await till.screenshot({ path: path.join(ROOT, 'test-output', 'screenshots', 'staff-till-en.png') });
    // And on a screen turned landscape.
    await p.setViewportSize(LANDSCAPE);
    await noViolations(p);
    await till.screenshot({ path: path.join(ROOT, 'test-output', 'screenshots', 'staff-till-landscape.png') });
    await p.close();
  });
});
