import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { memoryLogger } from '../../main/logging/logger.ts';
import { openStore } from '../../main/store/open-store.ts';
import { insertOrder } from '../../main/store/pvc-orders-repo.ts';
import { en } from '../../renderer/i18n/en.ts';
import { fr, type MessageKey } from '../../renderer/i18n/fr.ts';
import { noViolations } from '../support/axe.ts';
import { bridgeClient, type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, LANDSCAPE, launchChromium, PORTRAIT, screenshot } from '../support/chromium.ts';
import { consoleSection, staffGesture } from '../support/kiosk-flows.ts';
import { tempDir } from '../support/temp.ts';

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });

/** Each section: its button in the navigation, and the heading it shows. */
const SECTIONS: [nav: MessageKey, heading: MessageKey][] = [
  ['console.nav.orders', 'orders.title'],
  ['till.title', 'till.title'],
  ['printers.title', 'printers.title'],
  ['console.nav.sync', 'staff.syncTitle'],
  ['console.nav.agents', 'members.title'],
  ['settings.title', 'settings.title'],
  ['console.nav.secrets', 'secrets.title'],
  ['staff.auditTitle', 'staff.auditTitle'],
];

async function pinIn(p: Page, kiosk: RunningKiosk, pin: string): Promise<void> {
  await p.goto(kiosk.url);
  await p.getByTestId('brand-mark').waitFor();
  await staffGesture(p);
  await p.getByLabel(fr['staff.pin']).fill(pin);
  await button(p, fr['staff.enter']).click();
  await p.getByRole('heading', { level: 1, name: fr['staff.consoleHeading'] }).waitFor();
}

describe('the staff console, one section at a time', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  const dataDir = tempDir('kiosk-sections-');
  before(async () => {
    kiosk = await startBrowserMode(dataDir);
    browser = await launchChromium();
    // A desk's usual day: three agents, two cards ordered and not paid yet, a few lines in the journal.
    const call = bridgeClient(kiosk);
    assert.ok((await call('staff:setup', { name: 'Nadia', pin: '482913', confirmation: '482913' })).ok);
    for (const [name, pin] of [
      ['Karim', '735190'],
      ['Sophie Martin', '590417'],
    ])
      assert.ok((await call('staff:member-add', { name, pin, confirmation: pin })).ok);
    for (const printer of ['Bureau', 'Accueil', 'Bureau'])
      assert.ok((await call('staff:printer-set', { role: 'paper', printer })).ok, 'the office printer is set (and logged)');
    assert.ok((await call('staff:logout', {})).ok);
    const db = await openStore(dataDir, memoryLogger());
    await db.transaction(async (tx) => {
      for (const [number, rmNumber] of [
        ['P261201-001', '401234562RE067'],
        ['P261201-002', '123123127RM078'],
      ] as const)
        await insertOrder(tx, { number, rmNumber, year: 2026, chamber: 'CMA', amountCents: 500, cardPdf: new TextEncoder().encode('%PDF-1.7') }, new Date());
    });
    await db.close();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('shows one section at a time, with the staff bar, badges in words, and the choice kept through refreshes and actions', async () => {
    const p = await kioskPage(browser);
    await pinIn(p, kiosk, '482913');
    const nav = p.getByRole('navigation', { name: fr['staff.sections'] });
    // The staff's bar: who is signed in and how to leave; nothing of the artisans'.
    const bar = p.getByRole('banner');
    await bar.getByText(fr['staff.welcome'].replace('{name}', 'Nadia')).waitFor();
    assert.ok(await bar.getByRole('button', { name: fr['staff.quit'], exact: true }).isVisible());
    assert.equal(await p.getByRole('button', { name: fr['help.faq'] }).count(), 0, 'no "Questions fréquentes"');
    assert.equal(await p.getByRole('button', { name: fr['app.finishLabel'] }).count(), 0, 'no "Terminer"');

    // "Commandes" first, the others not on the page; the badges say why in words.
    const current = nav.locator('[aria-current="page"]');
    assert.match(await current.innerText(), /^Commandes/);
    await p.getByRole('heading', { level: 2, name: fr['orders.title'] }).waitFor();
    assert.equal(await p.getByRole('heading', { name: fr['members.title'] }).count(), 0, 'one section at a time');
    const ordersButton = nav.getByRole('button', { name: /^Commandes/ });
    await ordersButton.getByText('2 à encaisser').waitFor();
    assert.match((await ordersButton.getAttribute('aria-current')) ?? '', /page/);
    const printersButton = nav.getByRole('button', { name: /^Imprimantes/ });
    // Its badge comes with the printers' own answer, which may come after the orders' (CI, under load).
    await printersButton.getByText(/imprimante à cartes non réglée/).waitFor();
    assert.match(await printersButton.innerText(), /imprimante à cartes non réglée/);
    const names = await nav.getByRole('button').evaluateAll((buttons) => buttons.map((b) => (b.textContent ?? '').trim()));
    assert.ok(names.includes('Commandes, 2 à encaisser'), names.join(' | '));

    // The section chosen stays through the 2 s refresh and through an action.
    await consoleSection(p, fr['console.nav.agents']);
    await p.getByRole('heading', { level: 2, name: fr['members.title'] }).waitFor();
    await p.waitForTimeout(2500);
    assert.match(await current.innerText(), /^Agents/);
    await consoleSection(p, fr['printers.title']);
    const paper = p.locator('form.printer').filter({ has: p.getByRole('heading', { name: fr['printers.role.paper'] }) });
    await paper.getByRole('button', { name: fr['printers.save'] }).click();
    await p.getByText(fr['printers.saved']).waitFor();
    assert.match(await current.innerText(), /^Imprimantes/);
    // Its confirmation is not carried to the next section.
    await consoleSection(p, fr['settings.title']);
    assert.equal(await p.getByText(fr['printers.saved']).count(), 0);
    await p.close();
  });

  it('says the printers are being checked while they answer, and the settings are loading, each under its own heading', async () => {
    const p = await kioskPage(browser);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await p.route(/\/api\/staff%3A(printers|settings)$/, async (route) => {
      await held;
      await route.continue();
    });
    await pinIn(p, kiosk, '482913');
    await consoleSection(p, fr['printers.title']);
    await p.getByRole('status').filter({ hasText: fr['printers.checking'] }).waitFor();
    await consoleSection(p, fr['settings.title']);
    await p.getByRole('heading', { level: 2, name: fr['settings.title'] }).waitFor();
    await p.getByRole('status').filter({ hasText: fr['app.loading'] }).waitFor();
    release();
    await p.getByLabel(fr['settings.registryUrl']).waitFor();
    assert.equal(await p.getByText(fr['app.loading']).count(), 0);
    await p.close();
  });

  it('keeps the section through a trip to "Vérifier une carte"', async () => {
    const p = await kioskPage(browser);
    await pinIn(p, kiosk, '482913');
    const nav = p.getByRole('navigation', { name: fr['staff.sections'] });
    const bar = p.getByRole('banner');
    const current = nav.locator('[aria-current="page"]');
    await consoleSection(p, fr['settings.title']);
    // "Vérifier une carte" opens its screen under the staff's bar, and "Retour" comes back to the same section.
    await nav.getByRole('button', { name: fr['help.verify'], exact: true }).click();
    await p.getByRole('heading', { level: 1, name: fr['verify.heading'] }).waitFor();
    assert.ok(await bar.getByRole('button', { name: fr['staff.quit'], exact: true }).isVisible());
    assert.equal(await p.getByRole('button', { name: fr['app.finishLabel'] }).count(), 0, 'no "Terminer"');
    await button(p, fr['help.back']).click();
    await p.getByRole('heading', { level: 2, name: fr['settings.title'] }).waitFor();
    assert.match(await current.innerText(), /^Réglages/);
    await p.close();
  });

  for (const [orientation, viewport] of [
    ['portrait', PORTRAIT],
    ['landscape', LANDSCAPE],
  ] as const) {
    it(`each section fits the ${orientation} screen without scrolling and is axe-clean, in French and in English`, async () => {
      const p = await kioskPage(browser, viewport);
      await pinIn(p, kiosk, '482913');
      const tooTall: string[] = [];
      const focusElsewhere: string[] = [];
      for (const [locale, words] of [
        ['fr', fr],
        ['en', en],
      ] as const) {
        for (const [nav, heading] of SECTIONS) {
          await consoleSection(p, words[nav], words['staff.sections']);
          await p.getByRole('heading', { level: 2, name: words[heading] }).first().waitFor();
          // Panels that load their content (the till, the journal) have it before the measure.
          await p.waitForLoadState('networkidle');
          // The focus lands on the section's own heading (it once fell on a later panel's heading,
          // "Mode audio", the settings not loaded yet). "Commandes", shown first, is not a change.
          const focused = await p.evaluate(() => document.activeElement?.textContent ?? '');
          if (!(locale === 'fr' && nav === 'console.nav.orders') && focused !== words[heading]) focusElsewhere.push(`${nav} (${locale}): "${focused}"`);
          const { scroll, height } = await p.evaluate(() => ({ scroll: document.scrollingElement?.scrollHeight ?? 0, height: innerHeight }));
          await screenshot(p, `staff-section-${nav.replaceAll('.', '-')}-${locale}-${orientation}`);
          if (scroll > height) tooTall.push(`${nav} (${locale}): ${scroll} px for a screen of ${height}`);
          await noViolations(p);
        }
        if (locale === 'fr') await button(p, fr['app.switchLanguageLabel']).click();
      }
      assert.deepEqual(tooTall, [], 'every section fits without scrolling');
      assert.deepEqual(focusElsewhere, [], 'the focus on each section’s heading');
      await p.close();
    });
  }
});

describe('the staff console locks itself when left idle', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  before(async () => {
    // Its own kiosk, the lock after 3 s instead of 5 minutes.
    kiosk = await startBrowserMode(tempDir('kiosk-lock-'), { KIOSK_STAFF_LOCK_MS: '3000' });
    browser = await launchChromium();
    assert.ok((await bridgeClient(kiosk)('staff:setup', { name: 'Nadia', pin: '482913', confirmation: '482913' })).ok);
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('stays open while touched, then asks for the PIN again with nothing of the console left', async () => {
    const p = await kioskPage(browser);
    await pinIn(p, kiosk, '482913');
    await consoleSection(p, fr['console.nav.agents']);
    // Touched every second for 5 s: longer than the lock, and still open.
    for (let i = 0; i < 5; i++) {
      await p.mouse.click(5, 600);
      await p.waitForTimeout(1000);
    }
    assert.ok(await p.getByRole('heading', { level: 2, name: fr['members.title'] }).isVisible());
    // Left alone: first a warning over a cover, whose button keeps the console open.
    const warning = p.getByRole('alertdialog', { name: fr['staff.lockSoon.heading'] });
    await warning.waitFor({ timeout: 10_000 });
    assert.match(await warning.innerText(), /se verrouille dans \d+ s/);
    await button(p, fr['staff.lockSoon.stay']).click();
    await warning.waitFor({ state: 'hidden' });
    assert.ok(await p.getByRole('heading', { level: 2, name: fr['members.title'] }).isVisible(), 'still open after the warning');
    // The warning comes back (the console was kept open, not locked), then the lock: the PIN screen, and no name, no section, no console data on it.
    await warning.waitFor({ timeout: 10_000 });
    await screenshot(p, 'staff-lock-warning');
    await p.getByRole('heading', { level: 1, name: fr['staff.heading'] }).waitFor({ timeout: 10_000 });
    await p.getByRole('status').filter({ hasText: fr['staff.lockedIdle'] }).waitFor();
    assert.equal(await p.getByRole('button', { name: fr['help.faq'] }).count(), 0, 'no "Questions fréquentes" at the PIN');
    const text = await p.locator('body').innerText();
    assert.ok(!text.includes('Nadia') && !text.includes(fr['members.title']) && !text.includes(fr['staff.consoleHeading']), text);
    const refused = await p.evaluate(async () => {
      const r = await fetch('/api/staff%3Aoverview', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('kiosk-token')}` },
        body: '{}',
      });
      return ((await r.json()) as { error?: { code: string } }).error?.code;
    });
    assert.equal(refused, 'STAFF_REQUIRED', 'the staff session ended in the core too');
    await screenshot(p, 'staff-locked');
    // The PIN opens it again, on "Commandes".
    await p.getByLabel(fr['staff.pin']).fill('482913');
    await button(p, fr['staff.enter']).click();
    await p.getByRole('heading', { level: 2, name: fr['orders.title'] }).waitFor();
    await p.close();
  });
});
