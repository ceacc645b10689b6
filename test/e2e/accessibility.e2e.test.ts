import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, LANDSCAPE, launchChromium, PORTRAIT, screenshot } from '../support/chromium.ts';
import { givePhoto } from '../support/kiosk-flows.ts';
import { tempDir } from '../support/temp.ts';
import { smallTargets, TOUCH_TARGET_PX } from '../support/touch-targets.ts';

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });
const field = (p: Page, name: string) => p.getByRole('textbox', { name, exact: true });

/** Axe's WCAG 2.1 A and AA rules on the page as it is; the violations, summarised. */
async function violations(p: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
}

/** Checks the screen in both languages and both orientations, and keeps the pictures. */
async function checkScreen(p: Page, name: string): Promise<void> {
  for (const lang of ['fr', 'en'] as const) {
    for (const [orientation, size] of [
      ['portrait', PORTRAIT],
      ['landscape', LANDSCAPE],
    ] as const) {
      await p.setViewportSize(size);
      assert.deepEqual(await violations(p), [], `${name}, ${lang}, ${orientation}`);
      assert.deepEqual(await smallTargets(p), [], `${name}, ${lang}, ${orientation}: touch targets under ${TOUCH_TARGET_PX} px`);
      await screenshot(p, `a11y-${name}-${lang}-${orientation}`);
    }
    await button(p, lang === 'fr' ? fr['app.switchLanguageLabel'] : en['app.switchLanguageLabel']).click();
  }
  await p.setViewportSize(PORTRAIT);
}

describe('every screen in both languages: WCAG 2.1 AA (axe), portrait and landscape', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  before(async () => {
    kiosk = await startBrowserMode(tempDir('kiosk-a11y-'), { KIOSK_IDLE_WARN_MS: '600000', KIOSK_IDLE_END_MS: '900000' });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('welcome, help screens, identification and its outcomes', async () => {
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await button(p, fr['welcome.start']).waitFor();
    // The welcome screen shows the card the artisan will get, and says in words what is on it.
    const card = p.getByRole('img', { name: fr['welcome.cardAlt'] });
    assert.equal(await card.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth)), 675, 'the card picture is loaded');
    for (const size of [PORTRAIT, LANDSCAPE]) {
      await p.setViewportSize(size);
      const box = await button(p, fr['welcome.start']).boundingBox();
      assert.ok(box && box.y + box.height <= size.height, 'with the picture, "Commencer" is still on screen without scrolling');
    }
    await p.setViewportSize(PORTRAIT);
    await checkScreen(p, 'welcome');
    // In landscape every way out of the welcome is on the screen, none below it.
    await p.setViewportSize(LANDSCAPE);
    for (const b of await p.locator('main button').all()) {
      const box = await b.boundingBox();
      assert.ok(box && box.y + box.height <= LANDSCAPE.height, `"${await b.innerText()}" is on the landscape screen: ${JSON.stringify(box)}`);
    }
    await p.setViewportSize(PORTRAIT);
    for (const [label, name] of [
      [fr['help.faq'], 'faq'],
      [fr['help.partners'], 'partners'],
      [fr['help.support'], 'support'],
      [fr['help.verify'], 'verify-no-camera'],
    ] as const) {
      await button(p, label).click();
      await checkScreen(p, name);
      await button(p, fr['help.back']).click();
    }
    await button(p, fr['welcome.start']).click();
    await checkScreen(p, 'identify');
    await button(p, fr['identify.submit']).click();
    await p.locator('.error-summary').waitFor();
    await checkScreen(p, 'identify-errors');
    await button(p, fr['identify.helpToggle']).click();
    await checkScreen(p, 'identify-help');
    for (const [rm, date, name] of [
      ['732829320RM075', ['1', '1', '1970'], 'outcome-not-found'],
      ['552032534RM2A', ['30', '11', '1968'], 'outcome-radiated'],
      ['401234562RE067', ['2', '3', '1975'], 'outcome-found'],
    ] as const) {
      await p.goto(kiosk.url);
      await button(p, fr['welcome.start']).click();
      await field(p, fr['identify.rmLabel']).fill(rm);
      await field(p, fr['identify.day']).fill(date[0]);
      await field(p, fr['identify.month']).fill(date[1]);
      await field(p, fr['identify.year']).fill(date[2]);
      await button(p, fr['identify.submit']).click();
      await p.locator('main h1').waitFor();
      await p.waitForFunction(() => !document.querySelector('.identify-screen'));
      await checkScreen(p, name);
    }
    // Five wrong dates: the lock screen.
    await p.goto(kiosk.url);
    await button(p, fr['welcome.start']).click();
    await field(p, fr['identify.rmLabel']).fill('552032534RM02A');
    await field(p, fr['identify.day']).fill('1');
    await field(p, fr['identify.month']).fill('1');
    await field(p, fr['identify.year']).fill('1960');
    for (let i = 0; i < 5; i++) {
      await Promise.all([p.waitForResponse((r) => r.url().endsWith('/api/identity%3Aidentify')), button(p, fr['identify.submit']).click()]);
    }
    await p.getByRole('heading', { level: 1, name: fr['outcome.locked.heading'] }).waitFor();
    await checkScreen(p, 'outcome-locked');
    await p.goto(kiosk.url);
    await button(p, fr['welcome.start']).click();
    await field(p, fr['identify.rmLabel']).fill('401234562RE067');
    await field(p, fr['identify.day']).fill('2');
    await field(p, fr['identify.month']).fill('3');
    await field(p, fr['identify.year']).fill('1975');
    await button(p, fr['identify.submit']).click();
    await p.getByRole('heading', { level: 1, name: 'Bonjour Jean-Pierre MULLER' }).waitFor();
    // From the found screen: log in, and the forgotten-password screen.
    await button(p, fr['outcome.found.login']).click();
    await checkScreen(p, 'login');
    await button(p, fr['login.forgot']).click();
    await checkScreen(p, 'forgot');
    await p.close();
  });

  it('activation, waiting for the e-mail, my details, the on-screen keyboard and the idle warning', async () => {
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await button(p, fr['welcome.start']).click();
    await field(p, fr['identify.rmLabel']).fill('123123127RM078');
    await field(p, fr['identify.day']).fill('14');
    await field(p, fr['identify.month']).fill('07');
    await field(p, fr['identify.year']).fill('1980');
    await button(p, fr['identify.submit']).click();
    await button(p, fr['outcome.found.activate']).click();
    await field(p, fr['activate.email']).fill('x');
    await button(p, fr['activate.submit']).click();
    await p.locator('.error-summary').waitFor();
    await checkScreen(p, 'activate-errors');
    await field(p, fr['activate.email']).focus();
    await p.getByRole('group', { name: fr['keyboard.label'] }).waitFor();
    await checkScreen(p, 'activate-keyboard');
    await button(p, fr['app.largeText']).click();
    await checkScreen(p, 'activate-large-text');
    await button(p, fr['app.largeText']).click();
    await field(p, fr['activate.email']).fill('camille.durand@gmail.com');
    await field(p, fr['activate.password']).fill('Pain-au-levain-2026');
    await field(p, fr['activate.confirmation']).fill('Pain-au-levain-2026');
    await button(p, fr['activate.submit']).click();
    await p.getByRole('heading', { level: 1, name: fr['checkMail.heading'] }).waitFor();
    await checkScreen(p, 'check-mail');
    const mailbox = await p.getByRole('link', { name: fr['checkMail.demoLink'] }).getAttribute('href');
    const phone = await browser.newPage();
    await phone.goto(mailbox ?? '');
    await phone.getByRole('link', { name: 'Ouvrir le lien de confirmation' }).first().click();
    await phone.close();
    await p.getByRole('status').filter({ hasText: fr['checkMail.activated'] }).waitFor({ timeout: 10_000 });
    await checkScreen(p, 'check-mail-activated');
    await button(p, fr['checkMail.continue']).click();
    await p.getByRole('heading', { level: 1, name: fr['space.heading'] }).waitFor({ timeout: 10_000 });
    await checkScreen(p, 'space');
    // No photo yet: "Ma carte" leads to "Ma photo" first, saying why (no camera on this page).
    await button(p, fr['space.myCard']).click();
    await p.getByRole('heading', { level: 1, name: fr['photo.heading'] }).waitFor();
    await p.getByText(fr['photo.needed']).waitFor();
    await p.getByText(fr['photo.noCamera']).waitFor();
    await checkScreen(p, 'photo-no-camera');
    await givePhoto(p);
    await button(p, fr['help.back']).click();
    await button(p, fr['space.myCard']).click();
    await p.getByRole('heading', { level: 1, name: fr['card.heading'] }).waitFor();
    await checkScreen(p, 'card');
    await button(p, fr['card.pvcOrder']).click();
    await p.getByRole('heading', { level: 1, name: fr['order.heading'] }).waitFor();
    await checkScreen(p, 'pvc-order-confirm');
    await button(p, fr['order.confirm']).click();
    // No receipt printer in this test: the screen says to note the number.
    await p.getByText(fr['order.ticketNotPrinted']).waitFor();
    await checkScreen(p, 'pvc-order-number');
    await button(p, fr['help.back']).click();
    await p.getByRole('heading', { level: 1, name: fr['card.heading'] }).waitFor();
    await p.close();
  });

  it('the idle warning', async () => {
    const quick = await startBrowserMode(tempDir('kiosk-a11y-idle-'), { KIOSK_IDLE_WARN_MS: '1500', KIOSK_IDLE_END_MS: '600000' });
    after(() => quick.stop());
    const p = await kioskPage(browser);
    await p.goto(quick.url);
    await button(p, fr['welcome.start']).click();
    await p.getByRole('alertdialog').waitFor({ timeout: 5000 });
    assert.deepEqual(await violations(p), []);
    await screenshot(p, 'a11y-idle-fr-portrait');
    await p.close();
  });
});
