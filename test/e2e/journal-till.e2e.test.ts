import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { memoryLogger } from '../../main/logging/logger.ts';
import { appendAudit } from '../../main/store/audit-repo.ts';
import { openStore } from '../../main/store/open-store.ts';
import { insertOrder, insertPayment, nextOrderNumber, setOrder } from '../../main/store/pvc-orders-repo.ts';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { noViolations } from '../support/axe.ts';
import { bridgeClient, type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, LANDSCAPE, launchChromium, screenshot } from '../support/chromium.ts';
import { consoleSection, staffGesture } from '../support/kiosk-flows.ts';
import { receivedFiles, startPrintChain } from '../support/print-services.ts';
import { eventually, pc858Text } from '../support/pvc.ts';
import { startTcpCapture } from '../support/tcp-capture.ts';
import { tempDir } from '../support/temp.ts';

const button = (p: Page | Locator, name: string) => p.getByRole('button', { name, exact: true });
const two = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
const frenchDay = (iso: string) => iso.split('-').reverse().join('/');

/** The sentences of the journal's list as shown, without their time ("14:02 — …"). */
async function sentences(journal: Locator): Promise<string[]> {
  const items = await journal.locator('ul.audit-journal li').allInnerTexts();
  return items.map((t) => t.replace(/^\d{2}:\d{2} — /, '').trim());
}

describe('the console’s journal filtered by day, agent and kind, printed; "Caisse du jour" of another day', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  let chain: Awaited<ReturnType<typeof startPrintChain>>;
  let receipts: Awaited<ReturnType<typeof startTcpCapture>>;
  const dataDir = tempDir('kiosk-journal-');
  const now = new Date();
  const today = isoDay(now);
  const yesterdayNoon = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 12, 30);
  const yesterday = isoDay(yesterdayNoon);
  let order = '';

  before(async () => {
    chain = await startPrintChain(`KioskJournalE2e${process.pid}`);
    receipts = await startTcpCapture();
    kiosk = await startBrowserMode(dataDir, { KIOSK_PRINTER_RECEIPT: receipts.address });
    browser = await launchChromium();
    // The desk this morning: Nadia set the kiosk up, added Sophie and set the office printer.
    const call = bridgeClient(kiosk);
    assert.ok((await call('staff:setup', { name: 'Nadia', pin: '482913', confirmation: '482913' })).ok);
    assert.ok((await call('staff:member-add', { name: 'Sophie Martin', pin: '590417', confirmation: '590417' })).ok);
    assert.ok((await call('staff:printer-set', { role: 'paper', printer: chain.queue })).ok);
    assert.ok((await call('staff:logout', {})).ok);
    // Yesterday at 12:30, Nadia took 5 € in cash for Camille's card, handed over (as the services write it).
    const db = await openStore(dataDir, memoryLogger());
    await db.transaction(async (tx) => {
      order = await nextOrderNumber(tx, yesterdayNoon);
      const rmNumber = '123123127RM078';
      const id = await insertOrder(
        tx,
        { number: order, rmNumber, year: now.getFullYear(), chamber: 'CMA', amountCents: 500, cardPdf: new Uint8Array([37]) },
        yesterdayNoon,
      );
      await insertPayment(tx, id, { method: 'cash', amountCents: 500, staffId: 1 }, yesterdayNoon);
      await setOrder(tx, id, { state: 'handed-over', erasePdf: true }, yesterdayNoon);
      await appendAudit(tx, { actor: 'staff:1', action: 'pvc-paid', details: { order, amountCents: 500, method: 'cash' } }, yesterdayNoon);
    });
    await db.close();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
    await receipts?.close();
    await chain?.stop();
  });

  it('Sophie filters the journal by agent and by kind and sees only those lines, prints the day, looks at yesterday; the till shows and prints yesterday; French and English, axe-clean', async () => {
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await p.getByTestId('brand-mark').waitFor();
    await staffGesture(p);
    await p.getByLabel(fr['staff.pin']).fill('590417');
    await button(p, fr['staff.enter']).click();
    await p.getByRole('heading', { level: 1, name: fr['staff.consoleHeading'] }).waitFor();

    // Today's journal, every line, with the agents of the day to choose from.
    await consoleSection(p, fr['staff.auditTitle']);
    const journal = p.locator('section.journal');
    await journal.getByRole('heading', { name: fr['journal.dayOf'].replace('{day}', frenchDay(today)) }).waitFor();
    const list = journal.locator('ul.audit-journal');
    await eventually(async () => (await sentences(journal)).includes('Sophie Martin a ouvert la console'), 'Sophie’s login in the journal');
    const agent = journal.getByLabel(fr['journal.agent']);
    const kind = journal.getByLabel(fr['journal.kind']);
    assert.deepEqual(await agent.locator('option').allInnerTexts(), ['Tous les agents', 'Nadia', 'Sophie Martin']);
    const shownDay = async (where: Locator) =>
      [fr['day.year'], fr['day.month'], fr['day.day']].map((label) => where.getByLabel(label, { exact: true }).inputValue());
    assert.equal((await Promise.all(await shownDay(journal))).join('-'), today);
    assert.equal(await button(journal, fr['day.next']).getAttribute('aria-disabled'), 'true');
    await noViolations(p);
    await screenshot(p, 'journal-today-fr');

    // Nadia's "Agents et codes" lines only: no line of Sophie's, no printer.
    await agent.selectOption({ label: 'Nadia' });
    await kind.selectOption({ label: fr['journal.kind.agents'] });
    // An empty list (the filtered lines still on their way) is not "only Nadia's": the rehearsal
    // under load read it so, then missed her lines.
    await eventually(async () => {
      const lines = await sentences(journal);
      return lines.length > 0 && lines.every((s) => s.startsWith('Nadia ') && !/imprimante/.test(s)) && lines;
    }, 'Nadia’s lines');
    const nadiaAgents = await sentences(journal);
    assert.ok(nadiaAgents.includes('Nadia a mis la borne en service (premier agent)'), nadiaAgents.join('\n'));
    assert.ok(nadiaAgents.includes('Nadia a ajouté l’agent Sophie Martin'), nadiaAgents.join('\n'));
    assert.ok(
      nadiaAgents.every((s) => !/imprimante|Sophie Martin a/.test(s)),
      nadiaAgents.join('\n'),
    );
    // Every agent, printing only: Nadia's office printer, nothing else.
    await agent.selectOption({ label: fr['journal.allAgents'] });
    await kind.selectOption({ label: fr['journal.kind.printing'] });
    const printerLine = `Nadia a réglé l’imprimante « ${chain.queue} » (Imprimante de bureau (A4))`;
    await eventually(async () => (await sentences(journal)).join('|') === printerLine, 'only the printer line');
    await journal.getByText('(1 ligne)').waitFor();
    await noViolations(p);
    await screenshot(p, 'journal-filtered-fr');

    // Printed on the office printer: the job's state said in words, the sheet holds the line.
    await button(journal, fr['journal.print']).click();
    await journal.getByText('Le journal est imprimé sur l’imprimante de bureau (1 ligne).').waitFor({ timeout: 15_000 });
    const [sheet] = await eventually(async () => receivedFiles(chain.spoolDir).length > 0 && receivedFiles(chain.spoolDir), 'the sheet at the printer');
    assert.ok(sheet);
    const text = execFileSync('pdftotext', [sheet, '-']).toString().replace(/\s+/g, ' ');
    assert.match(text, /Journal de la borne/);
    assert.match(text, new RegExp(`Journée du ${frenchDay(today).replace(/\//g, '\\/')}`));
    assert.match(text, /Agent : Tous les agents — Type : Impressions/);
    assert.match(text, /Imprimé le .* par Sophie Martin/);
    assert.ok(text.includes(printerLine), text);
    // The print is in the journal too, as a printing line of Sophie's.
    await eventually(async () => (await sentences(journal)).some((s) => s.startsWith('Sophie Martin a imprimé le journal du')), 'the print logged');

    // Yesterday: Nadia's payment, the RM number masked; no printing line that day.
    await button(journal, fr['day.previous']).click();
    await journal.getByRole('heading', { name: fr['journal.dayOf'].replace('{day}', frenchDay(yesterday)) }).waitFor();
    await journal.getByText(fr['journal.emptyFiltered']).waitFor();
    await kind.selectOption({ label: fr['journal.allKinds'] });
    const paid = `Nadia a encaissé 5,00\u00a0€ (espèces), commande ${order}, Camille DURAND (…127 RM 078)`;
    await eventually(async () => (await sentences(journal)).join('|') === paid, 'yesterday’s payment alone');
    assert.equal(await list.locator('time').first().innerText(), '12:30');
    assert.doesNotMatch(await journal.innerText(), /123123127/, 'the RM number is never whole');
    await noViolations(p);
    await screenshot(p, 'journal-yesterday-fr');

    // "Caisse du jour": today nothing yet; yesterday Nadia's 5 €, shown and printed.
    await consoleSection(p, fr['till.title']);
    const till = p.locator('section.till');
    await till.getByText(fr['till.day'].replace('{day}', frenchDay(today))).waitFor();
    await till.getByText(fr['till.noAgent']).waitFor();
    await button(till, fr['day.previous']).click();
    await till.getByText(fr['till.day'].replace('{day}', frenchDay(yesterday))).waitFor();
    // Yesterday's figures are not under "Caisse du jour".
    await till.getByRole('heading', { level: 2, name: fr['till.titleOf'].replace('{day}', frenchDay(yesterday)) }).waitFor();
    const nadiaRow = till.getByRole('row', { name: /^Nadia/ });
    assert.match(await nadiaRow.innerText(), /Nadia\s+5,00\s€\s+1 commande\s+0,00\s€\s+0 commande\s+5,00\s€/);
    assert.equal((await Promise.all(await shownDay(till))).join('-'), yesterday);
    await noViolations(p);
    await screenshot(p, 'till-yesterday-fr');
    const before = receipts.received().length;
    await button(till, fr['till.print']).click();
    await till.getByText(fr['till.printed']).waitFor();
    const ticket = pc858Text(receipts.received().subarray(before));
    assert.match(ticket, new RegExp(`Journée du ${frenchDay(yesterday).replace(/\//g, '\\/')}`));
    assert.match(ticket, /Encaissé \(1 commande\)\s+5,00 €/);
    // Back to today at one touch.
    await button(till, fr['day.today']).click();
    await till.getByText(fr['till.day'].replace('{day}', frenchDay(today))).waitFor();
    await till.getByRole('heading', { level: 2, name: fr['till.title'] }).waitFor();

    // In English: the same panels, the same lines in English words.
    await button(p, fr['app.switchLanguageLabel']).click();
    await button(till, en['day.previous']).click();
    await till
      .getByRole('row', { name: /^Nadia/ })
      .getByText('€5.00')
      .first()
      .waitFor();
    await noViolations(p);
    await screenshot(p, 'till-yesterday-en');
    await consoleSection(p, en['staff.auditTitle'], en['staff.sections']);
    const log = p.locator('section.journal');
    await log.getByLabel(en['journal.kind']).selectOption({ label: en['journal.kind.money'] });
    await log.getByLabel(en['journal.agent']).selectOption({ label: 'Sophie Martin' });
    // Sophie's money today: the till ticket she printed for yesterday, nothing else.
    await eventually(async () => {
      const lines = await sentences(log);
      return lines.length === 1 && lines[0]?.startsWith('Sophie Martin printed the till ticket of ');
    }, 'Sophie’s till ticket alone');
    await log.getByLabel(en['journal.agent']).selectOption({ label: en['journal.allAgents'] });
    await button(log, en['day.previous']).click();
    await eventually(
      async () => (await sentences(log)).join('|') === `Nadia took €5.00 (cash), order ${order}, Camille DURAND (…127 RM 078)`,
      'yesterday in English',
    );
    await noViolations(p);
    await screenshot(p, 'journal-yesterday-en');
    await p.setViewportSize(LANDSCAPE);
    await noViolations(p);
    await screenshot(p, 'journal-yesterday-en-landscape');
    await p.close();
  });
});
