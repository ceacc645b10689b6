import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { renderTestPage } from '../../main/printing/test-pages.ts';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { noViolations } from '../support/axe.ts';
import { type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { consoleSection, firstAgentOpensConsole } from '../support/kiosk-flows.ts';
import { type PrintChain, startPrintChain } from '../support/print-services.ts';
import { startTcpCapture, type TcpCapture } from '../support/tcp-capture.ts';
import { tempDir } from '../support/temp.ts';

/**
 * The console's "Imprimantes" while nobody prints: the receipt printer (the TCP stand-in that
 * answers ESC/POS status) runs out of paper, has its cover opened, goes silent; the office
 * printer (CUPS + ippeveprinter) is switched off with jobs waiting. The panel and the nav badge
 * follow by themselves (the kiosk's events, no reload, no click), in words staff can act on.
 */
/** How long a state change may take to reach the panel (see the paper-out step). */
const WATCH_SEES = 65_000;

describe('the printers panel tells the truth while nobody prints', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  let receipts: TcpCapture;
  let office: PrintChain;
  before(async () => {
    office = await startPrintChain(`KioskWatchE2e${process.pid}`);
    receipts = await startTcpCapture();
    kiosk = await startBrowserMode(tempDir('kiosk-printers-watch-'), {
      KIOSK_PRINTER_PAPER: office.queue,
      KIOSK_PRINTER_RECEIPT: receipts.address,
      KIOSK_SYNC_INTERVAL_MS: '0',
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
    await receipts?.close().catch(() => undefined);
    await office?.stop();
  });

  const printer = (p: Page, role: 'receipt' | 'paper'): Locator =>
    p
      .getByRole('form', { name: fr[`printers.role.${role}`] })
      .getByRole('status')
      .first();
  const navItem = (p: Page) => p.getByRole('navigation', { name: fr['staff.sections'] }).getByRole('button', { name: /^Imprimantes/ });
  const inError = (n: number) => fr['console.badge.printerError'].replace('{count}', String(n));

  it('paper out, cover open, silent, and an office printer switched off with two jobs: each said, with the badge', async () => {
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await firstAgentOpensConsole(p);
    await consoleSection(p, fr['printers.title']);
    await printer(p, 'receipt').getByText(fr['printers.state.ready'], { exact: true }).waitFor({ timeout: 15_000 });
    assert.equal(
      await navItem(p)
        .getByText(/en erreur/)
        .count(),
      0,
    );
    await screenshot(p, 'printers-watch-ready');

    // No ticket printing: the roll runs out. The kiosk's watch sees it, the panel says it by itself.
    // The watch asks every 5 s, and after a question left unanswered in time (a machine loaded by
    // the whole suite) waits 10 s, then 20 s: each change is given a minute to be seen.
    receipts.set({ paper: 'out' });
    await printer(p, 'receipt').getByText(fr['printers.state.paper-out']).waitFor({ timeout: WATCH_SEES });
    await navItem(p).getByText(inError(1)).waitFor();
    await noViolations(p);
    await screenshot(p, 'printers-watch-paper-out');

    receipts.set({ coverOpen: true });
    await printer(p, 'receipt').getByText(fr['printers.state.cover-open']).waitFor({ timeout: WATCH_SEES });
    await screenshot(p, 'printers-watch-cover-open');

    receipts.set({ coverOpen: false, paper: 'ok' });
    await printer(p, 'receipt').getByText(fr['printers.state.ready'], { exact: true }).waitFor({ timeout: WATCH_SEES });
    await navItem(p).getByText(inError(1)).waitFor({ state: 'detached' });

    // Switched off: nothing takes the connection any more.
    await receipts.close();
    await printer(p, 'receipt').getByText(fr['printers.state.offline'], { exact: true }).waitFor({ timeout: WATCH_SEES });
    await navItem(p).getByText(inError(1)).waitFor();
    await screenshot(p, 'printers-watch-receipt-offline');

    // The office printer switched off, two sheets sent to it: CUPS calls its queue "processing".
    await office.printer.off();
    const file = path.join(tempDir('watch-page-'), 'page.pdf');
    writeFileSync(file, await renderTestPage('paper', office.queue, new Date()));
    for (let i = 0; i < 2; i++) execFileSync('lp', ['-d', office.queue, file], { stdio: 'ignore' });
    const away = fr['printers.state.unreachableWaiting'].replace(
      '{count, plural, one {# impression attend} other {# impressions attendent}}',
      '2 impressions attendent',
    );
    await printer(p, 'paper').getByText(away).waitFor({ timeout: 30_000 });
    assert.notEqual(await printer(p, 'paper').innerText(), fr['printers.state.printing']);
    await navItem(p).getByText(inError(2)).waitFor();
    await noViolations(p);
    await screenshot(p, 'printers-watch-office-unreachable');

    await p.getByRole('button', { name: fr['app.switchLanguageLabel'], exact: true }).click();
    const awayEn = en['printers.state.unreachableWaiting'].replace('{count, plural, one {# job waits} other {# jobs wait}}', '2 jobs wait');
    await p.getByRole('form', { name: en['printers.role.paper'] }).getByText(awayEn).waitFor();
    await p.getByRole('form', { name: en['printers.role.receipt'] }).getByText(en['printers.state.offline'], { exact: true }).waitFor();
    await office.printer.on();
    await p.close();
  });
});
