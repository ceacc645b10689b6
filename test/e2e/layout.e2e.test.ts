import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../renderer/i18n/en.ts';
import { fr, type MessageKey } from '../../renderer/i18n/fr.ts';
import { ROOT, type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, LANDSCAPE, launchChromium, PORTRAIT, SCREENSHOTS, screenshot } from '../support/chromium.ts';
import { coveredAsShown, hiddenWhileTyped } from '../support/fields-in-sight.ts';
import { identifyAs } from '../support/kiosk-flows.ts';
import { tempDir } from '../support/temp.ts';
import { offScreen } from '../support/touch-targets.ts';

const WORDS = { fr, en } as const;
const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });

/**
 * The screen's one primary action, in each way a person may see it: French and English,
 * normal and large text ("Texte plus grand"), portrait 1080x1920 and landscape 1920x1080. Each
 * time it must be whole on the screen, uncovered, without scrolling: a person at a kiosk does
 * not know to scroll, and one who needs large text must not be the one left without a way on.
 * No field shown may be covered (by a sticky button). Then each field of the screen is typed
 * into with the on-screen keyboard open, reached with the keyboard closed and by "Tab": the
 * field, its label and its error must stay in sight above the keyboard.
 * What is wrong is added to `wrong`, so that one run names every screen that fails; the
 * large-text pictures are kept. The page ends as it began: French, normal text, portrait.
 */
async function primaryOnScreen(p: Page, screen: string, action: MessageKey, wrong: string[]): Promise<void> {
  for (const lang of ['fr', 'en'] as const) {
    const words = WORDS[lang];
    for (const large of [false, true]) {
      if (large) await button(p, words['app.largeText']).click();
      for (const [orientation, size] of [
        ['portrait', PORTRAIT],
        ['landscape', LANDSCAPE],
      ] as const) {
        await p.setViewportSize(size);
        const where = `${screen}, ${lang}, ${large ? 'large text' : 'normal text'}, ${orientation}`;
        const problem = await offScreen(p, words[action]);
        if (problem) wrong.push(`${where}: "${words[action]}" ${problem}`);
        for (const covered of await coveredAsShown(p)) wrong.push(`${where}: ${covered}`);
        if (large) await screenshot(p, `layout-${screen}-${lang}-${orientation}-large`);
        const shots = large && lang === 'fr' ? path.join(SCREENSHOTS, `layout-${screen}-${lang}-${orientation}-large-keyboard`) : null;
        for (const hidden of await hiddenWhileTyped(p, shots)) wrong.push(`${where}: ${hidden}`);
      }
      if (large) await button(p, words['app.largeText']).click();
    }
    await button(p, words['app.switchLanguageLabel']).click();
  }
  await p.setViewportSize(PORTRAIT);
}

describe('the artisan’s path: each screen’s primary action on screen without scrolling, and each field in sight above the on-screen keyboard, in both languages, both orientations, normal and large text', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  before(async () => {
    // The fake camera films the demo portrait, so that the photo screen shows its buttons.
    const jpeg = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg'));
    const mjpeg = path.join(tempDir('layout-camera-'), 'portrait.mjpeg');
    writeFileSync(mjpeg, Buffer.concat([jpeg, jpeg, jpeg]));
    browser = await launchChromium({ camera: mjpeg });
    kiosk = await startBrowserMode(tempDir('kiosk-layout-'), { KIOSK_IDLE_WARN_MS: '600000', KIOSK_IDLE_END_MS: '900000' });
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('welcome, identify, activate, check-mail, my details, photo, card, PVC order; and login', async () => {
    const wrong: string[] = [];
    const p = await kioskPage(browser, PORTRAIT, { camera: true });
    await p.goto(kiosk.url);
    await button(p, fr['welcome.start']).waitFor();
    await primaryOnScreen(p, 'welcome', 'welcome.start', wrong);
    await button(p, fr['welcome.start']).click();
    await p.getByRole('heading', { level: 1, name: fr['identify.heading'] }).waitFor();
    await primaryOnScreen(p, 'identify', 'identify.submit', wrong);
    // Refused: the error summary comes above the form, and "Valider" must still be there.
    await button(p, fr['identify.submit']).click();
    await p.locator('.error-summary').waitFor();
    await primaryOnScreen(p, 'identify-errors', 'identify.submit', wrong);

    await identifyAs(p, kiosk, '123123127RM078', ['14', '07', '1980']);
    await button(p, fr['outcome.found.activate']).waitFor();
    await primaryOnScreen(p, 'outcome-found', 'outcome.found.activate', wrong);
    await button(p, fr['outcome.found.activate']).click();
    await p.getByRole('heading', { level: 1, name: fr['activate.heading'] }).waitFor();
    await primaryOnScreen(p, 'activate', 'activate.submit', wrong);
    // Refused: a summary of four errors above the form, a message at each field.
    await button(p, fr['activate.submit']).click();
    await p.locator('.error-summary').waitFor();
    await primaryOnScreen(p, 'activate-errors', 'activate.submit', wrong);
    await p.getByRole('textbox', { name: fr['activate.email'], exact: true }).fill('camille.durand@gmail.com');
    await p.getByRole('textbox', { name: fr['activate.password'], exact: true }).fill('Pain-au-levain-2026');
    await p.getByRole('textbox', { name: fr['activate.confirmation'], exact: true }).fill('Pain-au-levain-2026');
    await p.getByRole('heading', { level: 1 }).click();
    await button(p, fr['activate.submit']).click();
    await p.getByRole('heading', { level: 1, name: fr['checkMail.heading'] }).waitFor();
    await primaryOnScreen(p, 'check-mail', 'checkMail.resend', wrong);
    const mailbox = await p.getByRole('link', { name: fr['checkMail.demoLink'] }).getAttribute('href');
    const phone = await browser.newPage();
    await phone.goto(mailbox ?? '');
    await phone.getByRole('link', { name: 'Ouvrir le lien de confirmation' }).first().click();
    await phone.close();
    await button(p, fr['checkMail.continue']).waitFor({ timeout: 10_000 });
    await primaryOnScreen(p, 'check-mail-activated', 'checkMail.continue', wrong);
    await button(p, fr['checkMail.continue']).click();
    await p.getByRole('heading', { level: 1, name: fr['space.heading'] }).waitFor({ timeout: 10_000 });
    await primaryOnScreen(p, 'space', 'space.myCard', wrong);
    await button(p, fr['space.myCard']).click();
    await p.getByRole('heading', { level: 1, name: fr['photo.heading'] }).waitFor();
    await p.waitForFunction(() => ((document.querySelector('video') as HTMLVideoElement | null)?.videoWidth ?? 0) > 0);
    await primaryOnScreen(p, 'photo', 'photo.take', wrong);
    await button(p, fr['photo.take']).click();
    await p.getByRole('img', { name: fr['photo.preview'] }).waitFor({ timeout: 8000 });
    await primaryOnScreen(p, 'photo-taken', 'photo.accept', wrong);
    await button(p, fr['photo.accept']).click();
    await p.getByRole('heading', { level: 1, name: fr['card.heading'] }).waitFor();
    await primaryOnScreen(p, 'card', 'card.byEmail', wrong);
    await button(p, fr['card.pvcOrder']).click();
    await p.getByRole('heading', { level: 1, name: fr['order.heading'] }).waitFor();
    await primaryOnScreen(p, 'order', 'order.confirm', wrong);
    await button(p, fr['order.confirm']).click();
    await p.getByText(fr['order.ticketNotPrinted']).waitFor();
    await primaryOnScreen(p, 'order-number', 'order.done', wrong);

    await identifyAs(p, kiosk, '401234562RE067', ['02', '03', '1975']);
    await button(p, fr['outcome.found.login']).click();
    await p.getByRole('heading', { level: 1, name: fr['login.heading'] }).waitFor();
    await primaryOnScreen(p, 'login', 'login.submit', wrong);
    await button(p, fr['login.submit']).click();
    await p.locator('.error-summary').waitFor();
    await primaryOnScreen(p, 'login-errors', 'login.submit', wrong);
    await p.close();
    assert.deepEqual(wrong, []);
  });
});
