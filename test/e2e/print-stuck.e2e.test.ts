import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { noViolations } from '../support/axe.ts';
import { type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { consoleSection, firstAgentOpensConsole, staffGesture } from '../support/kiosk-flows.ts';
import { type PrintChain, receivedFiles, startPrintChain } from '../support/print-services.ts';
import { tempDir } from '../support/temp.ts';
import { smallTargets } from '../support/touch-targets.ts';

const button = (p: Page | Locator, name: string) => p.getByRole('button', { name, exact: true });
const jobsList = (p: Page) => p.locator('section[aria-labelledby="jobs-title"]');
const pageJob = (p: Page) =>
  jobsList(p)
    .locator('li.print-job')
    .filter({ hasText: `— ${fr['printers.doc.test-page']} —` });

/**
 * The front desk and an office printer switched off for good: the console says since when the
 * test page waits and, past ten minutes, that the printer seems off and what to do; the agent
 * cancels it (asked twice), the answer takes the focus, the journal says who; the printer
 * switched on again prints only what is asked after.
 */
describe('the console and a print whose printer never comes back', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  let chain: PrintChain;
  before(async () => {
    chain = await startPrintChain(`KioskStuckE2e${process.pid}`);
    await chain.printer.off();
    kiosk = await startBrowserMode(tempDir('kiosk-stuck-'), { KIOSK_PRINTER_PAPER: chain.queue });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
    await chain?.stop();
  });

  it('a test page waits for an office printer that is off; twelve minutes on, the console says what to do; cancelled, it never comes out', async () => {
    // The desk now: the agent sends a test page to the office printer, which is switched off.
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await firstAgentOpensConsole(p);
    await consoleSection(p, fr['printers.title']);
    const paper = p.locator('form.printer').filter({ has: p.getByRole('heading', { name: fr['printers.role.paper'] }) });
    await button(paper, fr['printers.test']).click();
    await pageJob(p).getByText('envoyée, en attente de l’imprimante depuis moins d’une minute').waitFor({ timeout: 30_000 });
    assert.equal(await pageJob(p).locator('.print-job-stale').count(), 0, 'no advice yet: a printer may take a minute');
    await button(pageJob(p), `Annuler l’impression : ${fr['printers.doc.test-page']}`).waitFor();
    await p.close();

    // Twelve minutes later (the page's clock; the job's time is the kiosk's record): the agent comes back.
    const later = await kioskPage(browser);
    await later.clock.install({ time: new Date(Date.now() + 12 * 60_000) });
    await later.goto(kiosk.url);
    await button(later, fr['welcome.start']).waitFor();
    await staffGesture(later);
    await later.getByLabel(fr['staff.pin']).fill('482913');
    await button(later, fr['staff.enter']).click();
    await later.getByRole('heading', { name: fr['orders.title'], exact: true }).waitFor();
    // From the orders, where the console opens, the navigation says a print is stuck.
    await later
      .getByRole('navigation', { name: fr['staff.sections'] })
      .getByRole('button', { name: /^Imprimantes\s*,.*1 impression bloquée/ })
      .waitFor();
    await consoleSection(later, fr['printers.title']);
    const job = pageJob(later);
    await job.getByText('envoyée, en attente de l’imprimante depuis 12 minutes').waitFor();
    await job
      .getByText(
        'L’imprimante de bureau semble éteinte ou débranchée : rien n’est sorti depuis 12 minutes. Vérifiez qu’elle est allumée, branchée, et qu’elle a du papier.',
        {
          exact: false,
        },
      )
      .waitFor();
    await noViolations(later);
    assert.deepEqual(await smallTargets(later), [], 'every button a finger wide');
    await job.scrollIntoViewIfNeeded();
    await screenshot(later, 'staff-print-stuck-waiting');

    // Cancelled, asked twice: the question takes the focus.
    await button(job, `Annuler l’impression : ${fr['printers.doc.test-page']}`).click();
    const question = `Annuler l’impression « ${fr['printers.doc.test-page']} » ? Elle ne sortira plus, même si l’imprimante se rallume.`;
    await job.getByText(question).waitFor();
    assert.equal(await later.evaluate(() => document.activeElement?.textContent), question, 'the focus is on the question');
    await noViolations(later);
    assert.deepEqual(await smallTargets(later), []);
    await screenshot(later, 'staff-print-stuck-confirm');
    await button(job, fr['printJobs.confirmYes']).click();

    // The answer, focused, beside the list; the job says it will not come out.
    const said = `L’impression « ${fr['printers.doc.test-page']} » est annulée : elle ne sortira pas, même si l’imprimante se rallume.`;
    const answer = jobsList(later).getByRole('status').filter({ hasText: said });
    await answer.waitFor();
    assert.equal(await later.evaluate(() => document.activeElement?.getAttribute('role')), 'status', 'the focus goes to the answer');
    assert.equal(await later.evaluate(() => document.activeElement?.textContent), said);
    await job.getByText(fr['printers.job.cancelled']).waitFor();
    assert.equal(await button(job, `Annuler l’impression : ${fr['printers.doc.test-page']}`).count(), 0, 'nothing left to cancel');
    await noViolations(later);
    await screenshot(later, 'staff-print-stuck-cancelled');

    // The journal: who cancelled what.
    await consoleSection(later, fr['staff.auditTitle']);
    await later.getByText('Nadia a annulé la page de test (Imprimante de bureau (A4)), qui attendait l’imprimante').waitFor();

    // In English, the cancelled job in English words.
    await button(later, fr['app.switchLanguageLabel']).click();
    await consoleSection(later, en['printers.title'], en['staff.sections']);
    await jobsList(later).getByText(en['printers.job.cancelled']).first().waitFor();
    await noViolations(later);

    // The printer switched on again: a new test page comes out, and only it.
    await chain.printer.on();
    const before = receivedFiles(chain.spoolDir).length;
    const paperEn = later.locator('form.printer').filter({ has: later.getByRole('heading', { name: en['printers.role.paper'] }) });
    await button(paperEn, en['printers.test']).click();
    await jobsList(later).getByText(en['printers.job.completed']).first().waitFor({ timeout: 60_000 });
    assert.equal(receivedFiles(chain.spoolDir).length - before, 1, 'one page: the cancelled one did not come out');
    assert.equal(before, 0, 'nothing came out while the printer was off');
    await later.close();
  });
});
