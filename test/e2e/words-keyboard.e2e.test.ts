import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { translate } from '../../renderer/i18n/index.tsx';
import { noViolations } from '../support/axe.ts';
import { bridgeClient, type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, PORTRAIT, SCREENSHOTS, screenshot } from '../support/chromium.ts';
import { identifyAs, loginAsJeanPierre } from '../support/kiosk-flows.ts';
import { tempDir } from '../support/temp.ts';

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });
const field = (p: Page, name: string) => p.getByRole('textbox', { name, exact: true });
const keyboard = (p: Page) => p.getByRole('group', { name: fr['keyboard.label'] });
const keypad = (p: Page) => p.locator('fieldset.keypad');

/**
 * Types text on the on-screen keyboard by touch alone, as a person would: Majuscule before a
 * capital, and the Symboles layer for a sign that the letters layer does not show.
 */
async function tapText(p: Page, text: string): Promise<void> {
  const kb = keyboard(p);
  for (const ch of text) {
    if (ch !== ch.toLowerCase()) {
      await kb.getByRole('button', { name: fr['keyboard.shift'], exact: true }).tap();
      await kb.getByRole('button', { name: ch, exact: true }).tap();
      continue;
    }
    const onScreen = kb.getByRole('button', { name: ch, exact: true });
    if ((await onScreen.count()) > 0) {
      await onScreen.tap();
      continue;
    }
    await kb.getByRole('button', { name: fr['keyboard.symbols'], exact: true }).tap();
    await kb.getByRole('button', { name: ch, exact: true }).tap();
    await kb.getByRole('button', { name: fr['keyboard.letters'], exact: true }).tap();
  }
}

/** The element's box lies wholly inside the window, as the person sees it. */
async function inViewport(p: Page, selector: string): Promise<{ inside: boolean; box: unknown }> {
  return p.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return { inside: false, box: null };
    const r = el.getBoundingClientRect();
    return { inside: r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth, box: r.toJSON() };
  }, selector);
}

async function bothLanguagesClean(p: Page): Promise<void> {
  await noViolations(p);
  await button(p, fr['app.switchLanguageLabel']).click();
  await noViolations(p);
  await button(p, en['app.switchLanguageLabel']).click();
}

describe('words, keyboard and e-mail typing (issue #14), in Chromium at 1080×1920', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  before(async () => {
    kiosk = await startBrowserMode(tempDir('kiosk-words-'), { KIOSK_IDLE_WARN_MS: '600000', KIOSK_IDLE_END_MS: '900000' });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('types every sign of a password by touch alone: "Jean.Pierre@75", then one with _ # %', async () => {
    const p = await kioskPage(browser, PORTRAIT);
    await identifyAs(p, kiosk, '401234562RE067', ['02', '03', '1975']);
    await button(p, fr['outcome.found.login']).tap();
    const password = field(p, fr['login.password']);
    await password.tap();
    // . @ _ are on the letters of a password, with the letters.
    for (const sign of ['.', '@', '_']) assert.equal(await keyboard(p).getByRole('button', { name: sign, exact: true }).count(), 1, sign);
    await tapText(p, 'Jean.Pierre@75');
    assert.equal(await password.inputValue(), 'Jean.Pierre@75');
    await screenshot(p, 'touch-password-letters');
    for (let i = 0; i < 'Jean.Pierre@75'.length; i++) await keyboard(p).getByRole('button', { name: fr['keypad.eraseLabel'] }).tap();
    assert.equal(await password.inputValue(), '');
    await tapText(p, 'Fer_forgé#100%!');
    assert.equal(await password.inputValue(), 'Fer_forgé#100%!');
    // Every printable ASCII sign can be reached on the symbols layer.
    await keyboard(p).getByRole('button', { name: fr['keyboard.symbols'], exact: true }).tap();
    const signs = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
    for (const sign of signs) assert.equal(await keyboard(p).getByRole('button', { name: sign, exact: true }).count(), 1, sign);
    await screenshot(p, 'touch-password-symbols');
    await bothLanguagesClean(p);
    await p.close();
  });

  it('logs Jean-Pierre in by touch alone, his address with "-", "." and "@" typed on the keyboard', async () => {
    const p = await kioskPage(browser, PORTRAIT);
    await identifyAs(p, kiosk, '401234562RE067', ['02', '03', '1975']);
    await button(p, fr['outcome.found.login']).tap();
    await field(p, fr['login.email']).tap();
    await tapText(p, 'jean-pierre.muller@example');
    await keyboard(p).getByRole('button', { name: '.com', exact: true }).tap();
    assert.equal(await field(p, fr['login.email']).inputValue(), 'jean-pierre.muller@example.com');
    await field(p, fr['login.password']).tap();
    await tapText(p, 'Menuiserie-Muller-1975');
    await button(p, fr['login.submit']).tap();
    await p.getByRole('heading', { level: 1, name: fr['space.heading'] }).waitFor();
    await p.close();
  });

  it('shows "Vos changements sont enregistrés" inside the screen and focused after "Enregistrer"', async () => {
    const p = await kioskPage(browser, PORTRAIT);
    await loginAsJeanPierre(p, kiosk);
    await field(p, fr['space.mobile']).fill('06 98 76 54 32');
    await button(p, fr['space.save']).click();
    const notice = p.getByRole('status').filter({ hasText: fr['space.saved'] });
    await notice.waitFor();
    // Let the scroll that follows the focus settle.
    await p.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const { inside, box } = await inViewport(p, '.panel-success[role="status"]');
    assert.ok(inside, `the confirmation is inside the 1080×1920 window: ${JSON.stringify(box)}`);
    assert.equal(await p.evaluate(() => document.activeElement?.getAttribute('role')), 'status', 'the confirmation has the focus');
    assert.match((await p.evaluate(() => document.activeElement?.textContent)) ?? '', /Vos changements sont enregistrés/);
    // What the person sees in the window (the full-page picture cannot show it).
    await p.screenshot({ path: path.join(SCREENSHOTS, 'space-saved-window.png') });
    await screenshot(p, 'space-saved');
    await bothLanguagesClean(p);
    await p.close();
  });

  it('brings an error summary into view and focus after a refused save at the bottom of the form', async () => {
    const p = await kioskPage(browser, PORTRAIT);
    await loginAsJeanPierre(p, kiosk);
    await field(p, fr['space.email']).fill('jean-pierre@');
    await button(p, fr['space.save']).click();
    await p.locator('.error-summary').waitFor();
    await p.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    assert.ok((await inViewport(p, '.error-summary')).inside);
    assert.equal(await p.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
    // Put right, the error goes at once: no red sentence beside a right address.
    await field(p, fr['space.email']).fill('jean-pierre.muller@example.com');
    assert.equal(await p.locator('#contact-email-error').count(), 0);
    assert.equal(await p.locator('.error-summary').count(), 0);
    await p.close();
  });

  it('names a department that does not exist, keeps the RM keys after the error, and drops the error once put right', async () => {
    const p = await kioskPage(browser, PORTRAIT);
    await p.goto(kiosk.url);
    await button(p, fr['welcome.start']).tap();
    await field(p, fr['identify.rmLabel']).fill('123 123 127 RM 2C');
    await field(p, fr['identify.day']).tap();
    for (const k of ['1', '4', '0', '7', '1', '9', '8', '0']) await keypad(p).getByRole('button', { name: k, exact: true }).tap();
    await button(p, fr['keypad.nextLabel']).tap();
    await button(p, fr['identify.submit']).tap();
    const sentence = translate('fr', 'identify.rm.noSuchDepartment', { department: '2C' });
    await p.locator('#rm-error').filter({ hasText: sentence }).waitFor();
    assert.match(sentence, /^2C n’est pas un numéro de département/);
    assert.equal(await p.locator('.error-summary a').first().textContent(), sentence);
    // The keypad now types into the number, with its keys, without tapping the field first.
    for (const k of ['RM', 'RE', 'A', 'B']) assert.equal(await keypad(p).getByRole('button', { name: k, exact: true }).count(), 1, k);
    assert.equal(await keypad(p).getAttribute('aria-label'), translate('fr', 'identify.keypad', { field: fr['identify.rmLabel'] }));
    await screenshot(p, 'identify-no-such-department');
    await bothLanguagesClean(p);
    await keypad(p).getByRole('button', { name: fr['keypad.eraseLabel'] }).tap();
    await keypad(p).getByRole('button', { name: 'A', exact: true }).tap();
    assert.equal(await field(p, fr['identify.rmLabel']).inputValue(), '123 123 127 RM 2A');
    assert.equal(await p.locator('#rm-error').count(), 0, 'a number put right has no error left beside it');
    assert.equal(await p.locator('.error-summary').count(), 0);
    await p.close();
  });

  it('hints at gmial.fr while typing, drops a password error once a rule is met, and masks an address not typed in this visit', async () => {
    const p = await kioskPage(browser, PORTRAIT);
    await identifyAs(p, kiosk, '123123127RM078', ['14', '07', '1980']);
    await button(p, fr['outcome.found.activate']).click();
    await field(p, fr['activate.email']).fill('camille.durand@gmial.fr');
    const hint = p.getByRole('status').filter({ hasText: translate('fr', 'activate.emailTypo', { suggestion: 'camille.durand@gmail.com' }) });
    await hint.waitFor();
    await field(p, fr['activate.password']).fill('pain');
    await button(p, fr['activate.submit']).click();
    await p.locator('#activate-password-error').waitFor();
    await screenshot(p, 'activate-typo-and-error');
    await bothLanguagesClean(p);
    // Never forced: the address stays as typed until the person taps the suggestion.
    assert.equal(await field(p, fr['activate.email']).inputValue(), 'camille.durand@gmial.fr');
    await button(p, translate('fr', 'activate.useSuggestion', { suggestion: 'camille.durand@gmail.com' })).click();
    assert.equal(await field(p, fr['activate.email']).inputValue(), 'camille.durand@gmail.com');
    assert.equal(await hint.count(), 0);
    await field(p, fr['activate.password']).fill('Pain-au-levain-2026');
    assert.equal(await p.locator('#activate-password-error').count(), 0, 'no red "no rule met" beside a green ✔');
    await field(p, fr['activate.confirmation']).fill('Pain-au-levain-2026');
    await button(p, fr['activate.submit']).click();
    await p.getByRole('heading', { level: 1, name: fr['checkMail.heading'] }).waitFor();
    // Typed a moment ago by this person: shown whole, to check it.
    assert.match((await p.locator('main').textContent()) ?? '', /camille\.durand@gmail\.com/);

    // Someone else identifies as Camille later: the link's address is masked. (Staff pull the
    // registry's news at once, rather than waiting for the next sync, to see her account pending.)
    // "Terminer" logs staff out too: wait for that before staff log in beside the page.
    await Promise.all([p.waitForResponse((r) => r.url().endsWith('/api/staff%3Alogout')), button(p, fr['app.finishLabel']).click()]);
    const invoke = bridgeClient(kiosk);
    assert.equal((await invoke('staff:setup', { name: 'Nadia', pin: '482913', confirmation: '482913' })).ok, true);
    assert.equal((await invoke('staff:sync-now')).ok, true);
    await invoke('staff:logout');
    await identifyAs(p, kiosk, '123123127RM078', ['14', '07', '1980']);
    await button(p, fr['outcome.found.checkMail']).click();
    await p.getByRole('heading', { level: 1, name: fr['checkMail.heading'] }).waitFor();
    const text = await p.evaluate(() => `${document.body.textContent}\n${[...document.querySelectorAll('input')].map((i) => i.value).join('\n')}`);
    assert.match(text, /c•••@gmail\.com/);
    assert.ok(!text.includes('camille.durand'), 'the whole address is nowhere on the screen');
    await screenshot(p, 'check-mail-masked');
    await bothLanguagesClean(p);
    await p.close();
  });
});
