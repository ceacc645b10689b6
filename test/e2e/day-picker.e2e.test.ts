import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator } from 'playwright-core';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { noViolations } from '../support/axe.ts';
import { type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { LANDSCAPE, launchChromium, PORTRAIT, screenshot } from '../support/chromium.ts';
import { consoleSection, firstAgentOpensConsole } from '../support/kiosk-flows.ts';
import { tempDir } from '../support/temp.ts';

const two = (n: number) => String(n).padStart(2, '0');
const partsOf = (d: Date) => ({ day: two(d.getDate()), month: two(d.getMonth() + 1), year: String(d.getFullYear()) });

describe('the console’s day picker speaks the console’s language, whatever the browser’s', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;

  before(async () => {
    kiosk = await startBrowserMode(tempDir('kiosk-day-picker-'), {}, { waitForCopy: false });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('three labelled fields Jour / Mois / Année, then Day / Month / Year; a day typed is shown, a day to come is refused and stays typed; touch-sized, in keyboard order, axe-clean', async () => {
    // An English browser, as a chamber's PC may be: the console is French all the same.
    const p = await (await browser.newContext({ viewport: PORTRAIT, hasTouch: true, locale: 'en-US' })).newPage();
    assert.match(await p.evaluate(() => navigator.language), /^en/, 'the browser is English');
    await p.goto(kiosk.url);
    await firstAgentOpensConsole(p);
    await consoleSection(p, fr['staff.auditTitle']);
    const journal = p.locator('section.journal');
    const field = (label: string) => journal.getByLabel(label, { exact: true });
    const now = new Date();
    const today = partsOf(now);
    const yesterday = partsOf(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
    const values = async (labels: string[]) => Promise.all(labels.map((l) => field(l).inputValue()));
    const FR = [fr['day.day'], fr['day.month'], fr['day.year']];
    const EN = [en['day.day'], en['day.month'], en['day.year']];

    // Today, day first, in fields named in French: no "12/02/2026" to misread.
    assert.deepEqual(await values(FR), [today.day, today.month, today.year]);
    assert.equal(await journal.locator('input[type="date"]').count(), 0);
    for (const target of [...FR.map(field), journal.getByRole('button', { name: fr['day.previous'], exact: true })] as Locator[]) {
      const box = await target.boundingBox();
      assert.ok(box && box.height >= 44 && box.width >= 44, `44 px target: ${JSON.stringify(box)}`);
    }
    // The keyboard goes previous day, day, month, year, next day.
    await journal.getByRole('button', { name: fr['day.previous'], exact: true }).focus();
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await p.keyboard.press('Tab');
      order.push(await p.evaluate(() => document.activeElement?.id ?? ''));
    }
    assert.deepEqual(order.slice(0, 3), ['journal-day-day', 'journal-day-month', 'journal-day-year']);
    assert.equal(await p.evaluate(() => document.activeElement?.textContent), fr['day.next']);
    await noViolations(p);
    await screenshot(p, 'day-picker-fr');

    // Yesterday typed by hand: the journal of that day.
    await field(fr['day.day']).fill(yesterday.day);
    await field(fr['day.month']).fill(yesterday.month);
    await field(fr['day.year']).fill(yesterday.year);
    await journal.getByRole('heading', { name: fr['journal.dayOf'].replace('{day}', `${yesterday.day}/${yesterday.month}/${yesterday.year}`) }).waitFor();

    // A day to come: said above the fields, what was typed kept, the day shown unchanged.
    await field(fr['day.year']).fill(String(Number(today.year) + 1));
    await journal.getByText(fr['day.error.future']).waitFor();
    assert.deepEqual(await values(FR), [yesterday.day, yesterday.month, String(Number(today.year) + 1)]);
    assert.equal(await field(fr['day.year']).getAttribute('aria-invalid'), 'true');
    await journal.getByRole('heading', { name: fr['journal.dayOf'].replace('{day}', `${yesterday.day}/${yesterday.month}/${yesterday.year}`) }).waitFor();
    await noViolations(p);
    await screenshot(p, 'day-picker-future-fr');

    // In English: the same fields named Day / Month / Year, the refusal in English.
    await p.getByRole('button', { name: fr['app.switchLanguageLabel'], exact: true }).click();
    await journal.getByText(en['day.error.future']).waitFor();
    assert.deepEqual(await values(EN), [yesterday.day, yesterday.month, String(Number(today.year) + 1)]);
    // 31 February is no day.
    await field(en['day.year']).fill(today.year);
    await field(en['day.month']).fill('02');
    await field(en['day.day']).fill('31');
    await journal.getByText(en['day.error.invalid']).waitFor();
    await noViolations(p);
    await screenshot(p, 'day-picker-invalid-en');
    // "Today": the fields say today again, the refusal gone.
    await journal.getByRole('button', { name: en['day.today'], exact: true }).click();
    const longDay = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(now);
    await journal.getByRole('heading', { name: en['journal.dayOf'].replace('{day}', longDay) }).waitFor();
    assert.deepEqual(await values(EN), [today.day, today.month, today.year]);
    assert.equal(await journal.getByText(en['day.error.invalid']).count(), 0);
    await p.setViewportSize(LANDSCAPE);
    await noViolations(p);
    await screenshot(p, 'day-picker-en-landscape');
  });
});
