import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { parseRmNumber } from '../../main/shared/rules/rm-number.ts';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { translate } from '../../renderer/i18n/index.tsx';
import { type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, LANDSCAPE, launchChromium, screenshot } from '../support/chromium.ts';
import { tempDir } from '../support/temp.ts';
import { RM_VECTORS } from '../support/vectors.ts';

const REASON_CODE: Record<string, keyof typeof fr> = {
  empty: 'error.RM_EMPTY',
  format: 'error.RM_FORMAT',
  'siren-length': 'error.RM_SIREN_LENGTH',
  'siren-checksum': 'error.RM_CHECKSUM',
  register: 'error.RM_REGISTER',
  'register-department': 'error.RM_REGISTER_DEPARTMENT',
  department: 'error.RM_DEPARTMENT',
};

/** The sentence a refused number gets: a department that does not exist is named ("2C n'est pas…"). */
function rmSentence(input: string, reason: string): string {
  const r = parseRmNumber(input);
  if (!r.ok && r.reason === 'department' && r.department !== '') return translate('fr', 'identify.rm.noSuchDepartment', { department: r.department });
  const key = REASON_CODE[reason];
  assert.ok(key, reason);
  return fr[key];
}

const rmField = (p: Page) => p.getByRole('textbox', { name: fr['identify.rmLabel'] });
const dateField = (p: Page, part: 'day' | 'month' | 'year') => p.getByRole('textbox', { name: fr[`identify.${part}`], exact: true });

async function openIdentify(p: Page, k: RunningKiosk): Promise<void> {
  await p.goto(k.url);
  await p.getByRole('button', { name: fr['welcome.start'] }).click();
  await p.getByRole('heading', { level: 1, name: fr['identify.heading'] }).waitFor();
}

async function typeIdentity(p: Page, rm: string, [d, m, y]: [string, string, string]): Promise<void> {
  await rmField(p).fill(rm);
  await dateField(p, 'day').fill(d);
  await dateField(p, 'month').fill(m);
  await dateField(p, 'year').fill(y);
  // Wait for the kiosk's answer, so that a message left from the previous try is not
  // mistaken for the new one.
  await Promise.all([p.waitForResponse((r) => r.url().endsWith('/api/identity%3Aidentify')), p.getByRole('button', { name: fr['identify.submit'] }).click()]);
  // Let React commit the answer and move the focus.
  await p.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** The text of the error shown above a field, as a person reads it. */
async function errorAbove(p: Page, id: 'rm-error' | 'date-error'): Promise<string> {
  const el = p.locator(`#${id}`);
  await el.waitFor();
  return (await el.textContent()) ?? '';
}

describe('identification in Chromium against browser mode', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  const dataDir = tempDir('kiosk-e2e-');

  before(async () => {
    kiosk = await startBrowserMode(dataDir);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('welcomes in French, switches to English and back, and removes the token from the address bar', async () => {
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await p.getByRole('heading', { level: 1, name: fr['welcome.heading'] }).waitFor();
    assert.equal(await p.evaluate(() => document.documentElement.lang), 'fr');
    assert.ok(!p.url().includes('token'), 'token stays out of the address bar');
    await screenshot(p, 'welcome-fr');
    await p.getByRole('button', { name: fr['app.switchLanguageLabel'] }).click();
    await p.getByRole('heading', { level: 1, name: en['welcome.heading'] }).waitFor();
    assert.equal(await p.evaluate(() => document.documentElement.lang), 'en');
    await screenshot(p, 'welcome-en');
    await p.close();
  });

  it('takes Camille DURAND (no account yet) to her screen', async () => {
    const p = await kioskPage(browser);
    await openIdentify(p, kiosk);
    await screenshot(p, 'identify-empty');
    await typeIdentity(p, '123 123 127 RM 078', ['14', '07', '1980']);
    await p.getByRole('heading', { level: 1, name: 'Bonjour Camille DURAND' }).waitFor();
    assert.ok(await p.getByText(fr['outcome.found.none']).isVisible());
    assert.ok(await p.getByText(fr['qualification.maitre-artisan']).isVisible());
    assert.ok(await p.getByRole('button', { name: fr['outcome.found.activate'] }).isVisible(), 'the next step is offered');
    await screenshot(p, 'outcome-found-no-account');
    // "Terminer" wipes the visit: back to the welcome screen, nothing typed is left.
    await p.getByRole('button', { name: fr['app.finishLabel'], exact: true }).click();
    await p.getByRole('heading', { level: 1, name: fr['welcome.heading'] }).waitFor();
    await p.getByRole('button', { name: fr['welcome.start'] }).click();
    assert.equal(await rmField(p).inputValue(), '');
    await p.close();
  });

  it('takes Jean-Pierre MULLER (active account) to his screen', async () => {
    const p = await kioskPage(browser);
    await openIdentify(p, kiosk);
    await typeIdentity(p, '401234562-re-67', ['2', '3', '1975']);
    await p.getByRole('heading', { level: 1, name: 'Bonjour Jean-Pierre MULLER' }).waitFor();
    assert.ok(await p.getByText(fr['outcome.found.active']).isVisible());
    await screenshot(p, 'outcome-found-active');
    await p.close();
  });

  it('tells Marie-Ange SANTONI that a radiated business gets no card, and whom to contact', async () => {
    const p = await kioskPage(browser);
    await openIdentify(p, kiosk);
    await typeIdentity(p, '552032534RM2A', ['30', '11', '1968']);
    await p.getByRole('heading', { level: 1, name: fr['outcome.radiated.heading'] }).waitFor();
    assert.match((await p.locator('main').textContent()) ?? '', /depuis le 31\/12\/2024.*CMA Corse/s);
    // Whom to contact, with a number and hours to write down (assets/chamber.json).
    const desk = (await p.getByRole('definition').allTextContents()).join(' | ');
    assert.match(desk, /01 23 45 67 89/);
    assert.match(desk, /Du lundi au vendredi/);
    await screenshot(p, 'outcome-radiated');
    await p.close();
  });

  it('says when a valid number is not in the register, and lets the person correct it', async () => {
    const p = await kioskPage(browser);
    await openIdentify(p, kiosk);
    await typeIdentity(p, '732829320RM075', ['01', '01', '1970']);
    await p.getByRole('heading', { level: 1, name: fr['outcome.notFound.heading'] }).waitFor();
    assert.match((await p.locator('main').textContent()) ?? '', /732 829 320 RM 075/);
    await screenshot(p, 'outcome-not-found');
    await p.getByRole('button', { name: fr['outcome.restart'] }).click();
    assert.equal(await rmField(p).inputValue(), '732829320RM075', 'the number is still there to correct');
    assert.equal(await dateField(p, 'year').inputValue(), '1970');
    await p.close();
  });

  it('explains every refusal of the RM vectors in a sentence and keeps the number', async () => {
    const p = await kioskPage(browser);
    await openIdentify(p, kiosk);
    for (const v of RM_VECTORS.invalid) {
      await typeIdentity(p, v.input, ['14', '07', '1980']);
      const sentence = rmSentence(v.input, v.reason);
      await p.locator('#rm-error').filter({ hasText: sentence }).waitFor();
      assert.equal(await errorAbove(p, 'rm-error'), sentence);
      assert.equal(await rmField(p).inputValue(), v.input.slice(0, 32), `the number "${v.input}" stays in its field`);
      // The summary at the top links to the field and has the focus, as GOV.UK does.
      assert.equal(await p.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
      if (v.reason === 'siren-checksum') await screenshot(p, 'identify-error-checksum');
    }
    await p.getByRole('link', { name: fr['error.RM_FORMAT'] }).click();
    assert.equal(await p.evaluate(() => document.activeElement?.id), 'rm-number');
    await p.close();
  });

  it('explains impossible dates (31/02, the future, 1800, letters) and keeps everything typed', async () => {
    const p = await kioskPage(browser);
    await openIdentify(p, kiosk);
    const cases: [[string, string, string], keyof typeof fr][] = [
      [['31', '02', '1980'], 'error.DATE_INVALID'],
      [['01', '01', '2099'], 'error.DATE_FUTURE'],
      [['14', '07', '1800'], 'error.DATE_TOO_OLD'],
      [['ab', 'cd', 'efgh'], 'error.DATE_FORMAT'],
      [['14', '', '1980'], 'error.DATE_INCOMPLETE'],
    ];
    for (const [date, key] of cases) {
      await typeIdentity(p, '123123127RM078', date);
      await p.locator('#date-error').filter({ hasText: fr[key] }).waitFor();
      assert.equal(await rmField(p).inputValue(), '123123127RM078');
      assert.deepEqual([await dateField(p, 'day').inputValue(), await dateField(p, 'month').inputValue(), await dateField(p, 'year').inputValue()], date);
    }
    await screenshot(p, 'identify-error-date');
    await p.close();
  });

  it('shows every problem at once: an empty form gets both sentences, linked from the summary', async () => {
    const p = await kioskPage(browser);
    await openIdentify(p, kiosk);
    await typeIdentity(p, '', ['', '', '']);
    assert.equal(await errorAbove(p, 'rm-error'), fr['error.RM_EMPTY']);
    assert.equal(await errorAbove(p, 'date-error'), fr['error.DATE_EMPTY']);
    assert.equal(await p.locator('.error-summary li').count(), 2);
    await p.getByRole('link', { name: fr['error.DATE_EMPTY'] }).click();
    assert.equal(await p.evaluate(() => document.activeElement?.id), 'birth-day');
    await screenshot(p, 'identify-error-both');
    await p.close();
  });

  it('keeps what was typed when the language changes', async () => {
    const p = await kioskPage(browser);
    await openIdentify(p, kiosk);
    await rmField(p).fill('123 123 127');
    await dateField(p, 'day').fill('14');
    await p.getByRole('button', { name: fr['app.switchLanguageLabel'] }).click();
    const rmEn = p.getByRole('textbox', { name: en['identify.rmLabel'] });
    await rmEn.waitFor();
    assert.equal(await rmEn.inputValue(), '123 123 127');
    assert.equal(await p.getByRole('textbox', { name: en['identify.day'], exact: true }).inputValue(), '14');
    await screenshot(p, 'identify-en');
    await p.close();
  });

  it('works by touch alone: the keypad types the number and the date', async () => {
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await p.getByRole('button', { name: fr['welcome.start'] }).tap();
    await rmField(p).tap();
    const key = (name: string) => p.getByRole('button', { name, exact: true }).tap();
    for (const k of ['1', '2', '3', '1', '2', '3', '1', '2', '7', 'RM', '0', '7', '8']) await key(k);
    assert.equal(await rmField(p).inputValue(), '123123127RM078');
    await p.getByRole('button', { name: fr['keypad.nextLabel'] }).tap();
    // Day and month move on by themselves once they have two digits.
    for (const k of ['1', '4', '0', '7', '1', '9', '8', '1']) await key(k);
    await p.getByRole('button', { name: fr['keypad.eraseLabel'] }).tap();
    await key('0');
    assert.deepEqual(
      [await dateField(p, 'day').inputValue(), await dateField(p, 'month').inputValue(), await dateField(p, 'year').inputValue()],
      ['14', '07', '1980'],
    );
    await p.getByRole('button', { name: fr['identify.submit'] }).tap();
    await p.getByRole('heading', { level: 1, name: 'Bonjour Camille DURAND' }).waitFor();
    await p.close();
  });

  it('after a refused date or number, shows where the keypad types, and types the missing digit where it is missing', async () => {
    const p = await kioskPage(browser);
    await openIdentify(p, kiosk);
    const key = (name: string) => p.getByRole('button', { name, exact: true }).tap();
    const dates = async () => [await dateField(p, 'day').inputValue(), await dateField(p, 'month').inputValue(), await dateField(p, 'year').inputValue()];
    // Which of the four fields is drawn as the one being typed into (the focus's ring).
    const marked = () =>
      p.evaluate(`['rm-number', 'birth-day', 'birth-month', 'birth-year'].filter((id) => {
        const style = getComputedStyle(document.getElementById(id));
        return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 3;
      })`);
    // A year left short ("198"): no try is spent on it, and the next digit completes it.
    await typeIdentity(p, '123123127RM078', ['1', '07', '198']);
    await p.locator('#date-error').filter({ hasText: fr['error.DATE_FORMAT'] }).waitFor();
    assert.deepEqual(await marked(), ['birth-year'], 'the year is shown as where the keypad types');
    await key('0');
    assert.deepEqual(await dates(), ['1', '07', '1980']);
    // A date that cannot be (31 February): the keypad starts again at the day, and says so.
    await typeIdentity(p, '123123127RM078', ['31', '02', '1980']);
    await p.locator('#date-error').filter({ hasText: fr['error.DATE_INVALID'] }).waitFor();
    assert.deepEqual(await marked(), ['birth-day'], 'the day is shown as where the keypad types');
    await p.getByRole('button', { name: fr['keypad.eraseLabel'] }).tap();
    assert.deepEqual(await dates(), ['3', '02', '1980']);
    await screenshot(p, 'identify-keypad-target-after-refusal');
    // A number refused (its last SIREN digit mistyped): the keypad goes back to the number, drawn
    // so, and its erase key takes the number's last character, not the date's.
    await typeIdentity(p, '123123128RM078', ['14', '07', '1980']);
    await p.locator('#rm-error').filter({ hasText: fr['error.RM_CHECKSUM'] }).waitFor();
    assert.deepEqual(await marked(), ['rm-number'], 'the number is shown as where the keypad types');
    await p.getByRole('button', { name: fr['keypad.eraseLabel'] }).tap();
    assert.equal((await rmField(p).inputValue()).replace(/\s/g, ''), '123123128RM07');
    assert.deepEqual(await dates(), ['14', '07', '1980'], 'the date is kept');
    await p.close();
  });

  it('works with a keyboard alone: Tab, typing and Enter', async () => {
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await p.getByRole('button', { name: fr['welcome.start'] }).focus();
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { level: 1, name: fr['identify.heading'] }).waitFor();
    await p.keyboard.press('Tab');
    assert.equal(await p.evaluate(() => document.activeElement?.id), 'rm-number');
    await p.keyboard.type('401234562RE067');
    for (const part of ['02', '03', '1975']) {
      await p.keyboard.press('Tab');
      await p.keyboard.type(part);
    }
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { level: 1, name: 'Bonjour Jean-Pierre MULLER' }).waitFor();
    await p.close();
  });

  it('lays out in landscape too', async () => {
    const p = await kioskPage(browser, LANDSCAPE);
    await openIdentify(p, kiosk);
    await screenshot(p, 'identify-landscape');
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, 'no horizontal scrolling');
    await p.close();
  });

  it('counts down wrong dates, locks after 5, and stays locked after browser mode restarts', async () => {
    const p = await kioskPage(browser);
    await openIdentify(p, kiosk);
    for (const left of [4, 3, 2]) {
      await typeIdentity(p, '401234562RE067', ['01', '01', '1980']);
      assert.equal(await errorAbove(p, 'date-error'), fr['identify.wrongDate.other'].replace('{count}', String(left)));
    }
    await typeIdentity(p, '401234562RE067', ['01', '01', '1980']);
    assert.equal(await errorAbove(p, 'date-error'), fr['identify.wrongDate.one']);
    await screenshot(p, 'identify-wrong-date');
    await typeIdentity(p, '401234562RE067', ['01', '01', '1980']);
    await p.getByRole('heading', { level: 1, name: fr['outcome.locked.heading'] }).waitFor();
    await screenshot(p, 'outcome-locked');
    await p.close();

    await kiosk.stop();
    kiosk = await startBrowserMode(dataDir);
    const q = await kioskPage(browser);
    await openIdentify(q, kiosk);
    await typeIdentity(q, '401234562RE067', ['02', '03', '1975']);
    await q.getByRole('heading', { level: 1, name: fr['outcome.locked.heading'] }).waitFor();
    assert.match((await q.locator('main').textContent()) ?? '', /401 234 562 RE 067/);
    await q.close();
  });
});
