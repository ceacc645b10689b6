import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { noViolations } from '../support/axe.ts';
import { ROOT, type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { consoleSection, staffGesture } from '../support/kiosk-flows.ts';
import { receivedFiles, startPrintChain } from '../support/print-services.ts';
import { eventually, pageSizes } from '../support/pvc.ts';
import { tempDir } from '../support/temp.ts';

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });

describe('"Délivrer une carte" at the console, with the kiosk camera and the desk printers', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  let chain: Awaited<ReturnType<typeof startPrintChain>>;
  before(async () => {
    const jpeg = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg'));
    const mjpeg = path.join(tempDir('camera-'), 'portrait.mjpeg');
    writeFileSync(mjpeg, Buffer.concat([jpeg, jpeg, jpeg]));
    chain = await startPrintChain(`KioskIssue${process.pid}`);
    // One virtual printer plays both roles here: what it receives tells the card from the sheet.
    kiosk = await startBrowserMode(tempDir('kiosk-issue-'), { KIOSK_PRINTER_CARD: chain.queue, KIOSK_PRINTER_PAPER: chain.queue });
    browser = await launchChromium({ camera: mjpeg });
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
    await chain?.stop();
  });

  it('Nadia finds Jean-Pierre by name, checks his passport, takes his photo, and gives him his card on paper, by e-mail and in PVC', async () => {
    const p = await kioskPage(browser, undefined, { camera: true });
    await p.goto(kiosk.url);
    await button(p, fr['welcome.start']).waitFor();
    await staffGesture(p);
    await p.getByRole('textbox', { name: fr['staff.name'] }).fill('Nadia');
    await p.getByLabel(fr['staff.pin']).fill('482913');
    await p.getByLabel(fr['staff.pinConfirmation']).fill('482913');
    await button(p, fr['staff.create']).click();
    await button(p, fr['issue.button']).click();

    await p.getByRole('heading', { level: 1, name: fr['issue.heading'] }).waitFor();
    await p.getByRole('textbox', { name: fr['issue.search'] }).fill('x');
    await button(p, fr['issue.searchButton']).click();
    await p.getByText(fr['error.SEARCH_TOO_SHORT']).waitFor();
    assert.equal(await p.getByRole('textbox', { name: fr['issue.search'] }).inputValue(), 'x', 'what was typed stays');
    await p.getByRole('textbox', { name: fr['issue.search'] }).fill('muller');
    await button(p, fr['issue.searchButton']).click();
    // The demo has many a Muller: the screen asks to narrow the search.
    await p.getByText(fr['issue.tooMany']).waitFor();
    await p.getByRole('textbox', { name: fr['issue.search'] }).fill('jean-pierre muller');
    await button(p, fr['issue.searchButton']).click();
    // Two Jean-Pierre MULLER: the RM number on his document tells which.
    await p.getByRole('radio', { name: /401 234 562 RE 067/ }).check();
    await p.getByRole('radio', { name: fr['issue.doc.passeport'] }).check();
    await noViolations(p);
    await screenshot(p, 'staff-issue-search');
    // The same screen in English, the choices kept.
    await button(p, fr['app.switchLanguageLabel']).click();
    await p.getByRole('heading', { level: 1, name: en['issue.heading'] }).waitFor();
    assert.ok(await p.getByRole('radio', { name: en['issue.doc.passeport'] }).isChecked());
    await noViolations(p);
    await button(p, en['app.switchLanguageLabel']).click();
    await button(p, fr['issue.start']).click();

    // Staff take the artisan's photo: the screen says whose, not the artisans' "Ma photo".
    await p.getByRole('heading', { level: 1, name: fr['issue.photoHeading'] }).waitFor();
    await p.waitForFunction(() => ((document.querySelector('video') as HTMLVideoElement | null)?.videoWidth ?? 0) > 0);
    await button(p, fr['photo.take']).click();
    await p.getByRole('img', { name: fr['photo.preview'] }).waitFor({ timeout: 8000 });
    await button(p, fr['photo.accept']).click();

    await p.getByRole('heading', { level: 1, name: fr['issue.cardHeading'] }).waitFor();
    await p.getByRole('img', { name: 'Photo de Jean-Pierre MULLER' }).waitFor();
    await noViolations(p);
    await screenshot(p, 'staff-issue-card');
    await button(p, fr['app.switchLanguageLabel']).click();
    await p.getByRole('heading', { level: 1, name: en['issue.cardHeading'] }).waitFor();
    await noViolations(p);
    await screenshot(p, 'staff-issue-card-en');
    await button(p, en['app.switchLanguageLabel']).click();

    await button(p, fr['issue.paper']).click();
    await p
      .getByRole('status')
      .filter({ hasText: /feuille/ })
      .waitFor();
    // By e-mail: the address the registry has, masked, before anything is sent; then "sent".
    await button(p, fr['issue.email']).click();
    await p.getByText(fr['issue.emailTo'].replace('{email}', 'j•••@example.com')).waitFor();
    await button(p, fr['issue.emailSend']).click();
    await p.getByText(fr['issue.result.email.sent'].replace('{email}', 'j•••@example.com')).waitFor();
    assert.equal(await p.getByText(/feuille/).count(), 0, 'the sheet’s answer gave way to the e-mail’s');
    await button(p, fr['issue.pvcCash']).click();
    await button(p, fr['issue.pvcYes.cash']).click();
    const paid = p.getByRole('status').filter({ hasText: /Commande P\d{6}-\d{3} payée/ });
    await paid.waitFor();
    const number = /Commande (P\d{6}-\d{3})/.exec(await paid.innerText())?.[1] ?? '';
    await screenshot(p, 'staff-issue-done');

    await button(p, fr['issue.finish']).click();
    const order = p.locator('li.order').filter({ hasText: number });
    await order.getByText(fr['orders.state.printed']).waitFor({ timeout: 90_000 });
    assert.match(await order.innerText(), /Réglée en espèces .* encaissée par Nadia/);
    await eventually(async () => pageSizes(receivedFiles(chain.spoolDir)).length === 2, 'the sheet and the card reached the printer', 60_000);
    const sizes = pageSizes(receivedFiles(chain.spoolDir)).sort();
    assert.deepEqual([sizes[0], sizes[1]?.slice(0, 5)], ['242.65 x 153.01', '595.2'], 'one CR80 card and one A4 sheet');
    await consoleSection(p, fr['staff.auditTitle']);
    await p
      .getByText(/Nadia a délivré la carte/)
      .first()
      .waitFor();
    const main = await p.locator('main').innerText();
    // The journal in words: who delivered which card to whom, and who checked which document.
    assert.match(main, /Nadia a délivré la carte \d{4} \(.+?\) à Jean-Pierre MULLER/);
    assert.match(main, /Nadia a vérifié la pièce d’identité \(passeport\) de Jean-Pierre MULLER/i);
    assert.doesNotMatch(main, /passeport n|numéro de pièce/i);
    await p.close();
  });
});
