import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { translate } from '../../renderer/i18n/index.tsx';
import { noViolations } from '../support/axe.ts';
import { ROOT, type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { DIGIT_GROUPS, type Ear, ear, plugHeadphones, RM_GROUPS, TEXT_GROUPS, transcriptFile, withHeadsetSocket } from '../support/by-ear.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { tempDir } from '../support/temp.ts';

const fr = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('fr', key, params);

/** Day, month and year, each field reached with 2 and typed with the picker. */
async function typeBirthDate(by: Ear, date: readonly [string, string, string]): Promise<void> {
  const parts = ['identify.day', 'identify.month', 'identify.year'] as const;
  for (const [i, part] of parts.entries()) {
    await by.focus(fr(part));
    await by.type(date[i] ?? '', DIGIT_GROUPS);
  }
}

describe('audio mode: a visit heard through headphones and driven by the numeric keypad alone', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  const transcript = transcriptFile();

  before(async () => {
    kiosk = await startBrowserMode(tempDir(), { KIOSK_TEST_SPEECH_TRANSCRIPT: transcript, KIOSK_IDLE_WARN_MS: '20000', KIOSK_IDLE_END_MS: '30000' });
    // The fake camera films the demo portrait (a JPEG repeated makes an MJPEG stream).
    const jpeg = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg'));
    const mjpeg = path.join(tempDir('camera-'), 'portrait.mjpeg');
    writeFileSync(mjpeg, Buffer.concat([jpeg, jpeg, jpeg]));
    browser = await launchChromium({ camera: mjpeg });
  });
  const pages: Page[] = [];
  const open = async () => {
    const page = await kioskPage(browser, undefined, { camera: true });
    pages.push(page);
    await withHeadsetSocket(page);
    await page.goto(kiosk.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  };
  // A page left open by a failed test would go on with its own visit (idle warnings included).
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.context().close();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('headphones plugged in: identification by ear, a wrong date heard and put right, the artisan found', async () => {
    const page = await open();
    const by = ear(page, transcript);

    // Plugging the headphones in is all it takes; the welcome screen is said, then "Commencer".
    await plugHeadphones(page);
    const startedAt = await by.hears(fr('audio.started'));
    const started = by.said()[startedAt] ?? '';
    assert.ok(started.includes(fr('welcome.heading')), started);
    await by.hears(`${fr('welcome.start')}. ${fr('audio.role.button')}`);

    // 5 on "Commencer": the identification screen says its title.
    await by.press('Numpad5', fr('identify.heading'));
    const rm = await by.focus(fr('identify.rmLabel'));
    assert.ok(rm.includes(fr('audio.value.empty')) && rm.includes(fr('identify.rmHint')), rm);
    await by.type('123123127RM078', RM_GROUPS);
    // The field's content is read back digit by digit.
    assert.match(await by.press('Numpad0'), /1 2 3 1 2 3 1 2 7 RM 0 7 8/);

    await typeBirthDate(by, ['15', '07', '1980']);
    await by.focus(fr('identify.submit'));
    const from = by.said().length;
    await page.keyboard.press('Numpad5');
    // The refusal is heard, with how many tries are left.
    await by.hears(fr('identify.wrongDate.other', { count: 4 }).slice(0, 40), from);

    // Back to the day: erase it, type the right one, and confirm again.
    const day = await by.focus(fr('identify.day'), 'Numpad8');
    assert.ok(day.includes(fr('audio.state.invalid')), day);
    assert.match(await by.press('NumpadSubtract'), /5 effacé/);
    assert.match(await by.press('NumpadSubtract'), /1 effacé/);
    assert.match(await by.press('NumpadSubtract'), new RegExp(fr('audio.nothingToErase')));
    await by.type('14', DIGIT_GROUPS);
    await by.focus(fr('identify.submit'));
    const heading = await by.press('Numpad5', fr('outcome.found.heading', { firstName: 'Camille', lastName: 'DURAND' }));
    // The outcome screen is read whole: what comes next included.
    assert.ok(heading.includes(fr('outcome.found.none')), heading);
    await by.focus(fr('outcome.found.activate'));

    // Nothing of the visit was left to the eye only: axe is clean with the banner on.
    await noViolations(page);
    await screenshot(page, 'audio-mode-found');
  });

  it('then by ear again: the account activated, the photo taken, and the card sent by e-mail', async () => {
    const page = await open();
    const by = ear(page, transcript);
    const from = by.said().length;
    await page.keyboard.press('Numpad5');
    await plugHeadphones(page);
    await by.hears(fr('audio.started'), from);
    await by.press('Numpad5', fr('identify.heading'));
    await by.focus(fr('identify.rmLabel'));
    await by.type('123123127RM078', RM_GROUPS);
    await typeBirthDate(by, ['14', '07', '1980']);
    await by.focus(fr('identify.submit'));
    await by.press('Numpad5', fr('outcome.found.heading', { firstName: 'Camille', lastName: 'DURAND' }));
    await by.focus(fr('outcome.found.activate'));
    await by.press('Numpad5', fr('activate.heading'));

    await by.focus(fr('activate.email'));
    await by.type('cd@ab.fr', TEXT_GROUPS);
    assert.match(await by.press('Numpad0'), /cd arobase ab point fr/);
    await by.focus(fr('activate.password'));
    await by.type('Aaaaaaaaaa1.', TEXT_GROUPS);
    // A password is never said, only how long it is.
    const password = await by.press('Numpad0');
    assert.match(password, /12 caractères/);
    assert.doesNotMatch(password, /Aaaa|a a a/);
    await by.focus(fr('activate.confirmation'));
    await by.type('Aaaaaaaaaa1.', TEXT_GROUPS);
    await by.focus(fr('activate.submit'));
    await by.press('Numpad5', fr('checkMail.heading'));

    // The artisan opens the e-mail on their phone (the demo mailbox stands in for it).
    const mailboxUrl = await page.getByRole('link', { name: fr('checkMail.demoLink') }).getAttribute('href');
    assert.ok(mailboxUrl);
    const phone = await browser.newPage();
    await phone.goto(mailboxUrl);
    await phone.getByRole('link', { name: 'Ouvrir le lien de confirmation' }).first().click();
    await phone.getByRole('heading', { name: 'Votre compte est activé' }).waitFor();
    await phone.close();
    await by.hears(fr('checkMail.activated'), from, 20_000);

    await by.focus(fr('checkMail.continue'));
    await by.press('Numpad5', fr('space.heading'));
    await by.focus(fr('space.myCard'));
    // No card without a photo: the kiosk says why and opens the camera.
    const photo = await by.press('Numpad5', fr('photo.heading'));
    assert.ok(photo.includes(fr('photo.needed')), photo);
    await by.focus(fr('photo.take'));
    // The countdown, then what to do with the photo taken, are said as they come.
    await by.press('Numpad5', fr('photo.check'));
    await by.focus(fr('photo.accept'));
    await by.press('Numpad5', fr('card.heading'));
    await by.focus(fr('card.byEmail'));
    await by.press('Numpad5', fr('card.emailSent'));
    await screenshot(page, 'audio-mode-card-sent');
  });

  it('the dark screen hides everything, speed and volume change from the keypad, and * says the keys', async () => {
    const page = await open();
    const by = ear(page, transcript);
    // A keypad key on the welcome screen starts audio mode too; with no headphones (and the
    // console's default), nothing is said aloud: the screen asks for headphones.
    const from = by.said().length;
    await page.keyboard.press('Numpad5');
    await page.locator('.audio-banner', { hasText: fr('audio.plugHeadphones') }).waitFor();
    await page.keyboard.press('Numpad0');
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    assert.deepEqual(by.said().slice(from), [], 'something was said without headphones');
    // Plugged in: it speaks from there.
    await plugHeadphones(page);
    await by.hears(fr('audio.started'), from);
    assert.equal(await by.press('NumpadDivide', fr('audio.dark.on')), fr('audio.dark.on'));
    const dark = page.getByTestId('audio-dark');
    const box = await dark.boundingBox();
    assert.deepEqual([box?.width, box?.height], [1080, 1920]);
    // Nothing legible: every pixel of the page is black.
    const png = await page.screenshot();
    const { width, height, black } = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d');
      ctx?.drawImage(img, 0, 0);
      const data = ctx?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 0) + (data[i + 1] ?? 0) + (data[i + 2] ?? 0) === 0) n++;
      return { width: c.width, height: c.height, black: n };
    }, png.toString('base64'));
    assert.equal(black, width * height, 'some of the screen still shows');
    assert.equal(await by.press('NumpadAdd', fr('audio.rate.fast')), fr('audio.rate.fast'));
    assert.equal(await by.press('Numpad1', fr('audio.volume', { percent: 60 })), fr('audio.volume', { percent: 60 }));
    assert.equal(await by.press('NumpadMultiply', fr('audio.help')), fr('audio.help'));
    assert.equal(await by.press('NumpadDivide', fr('audio.dark.off')), fr('audio.dark.off'));
    // English, from the keypad: the language switch is at the top, 8 goes up to it.
    await by.focus(fr('app.switchLanguageLabel'), 'Numpad8');
    const english = await by.press('Numpad5', translate('en', 'welcome.heading'));
    assert.ok(english.includes(translate('en', 'welcome.lead')), english);
    assert.equal(by.lastLanguage(), 'en', 'said with the English voice');
  });

  it('a finger held 3 seconds on the welcome screen starts it; a short touch does not', async () => {
    const page = await open();
    const main = await page.locator('main').boundingBox();
    assert.ok(main);
    const hold = async (ms: number) => {
      await page.mouse.move(main.x + main.width / 2, main.y + main.height - 40);
      await page.mouse.down();
      await page.waitForTimeout(ms);
      await page.mouse.up();
    };
    await hold(500);
    assert.equal(await page.locator('.audio-banner').count(), 0, 'a short touch started audio mode');
    await hold(3300);
    // No headphones yet: the screen asks for them (a companion can read it), and the keys work.
    await page.locator('.audio-banner', { hasText: fr('audio.plugHeadphones') }).waitFor();
    const by = ear(page, transcript);
    const from = by.said().length;
    await plugHeadphones(page);
    await by.hears(fr('audio.started'), from);
  });

  it('the idle warning is spoken, and one key gives more time', async () => {
    const page = await open();
    const by = ear(page, transcript);
    const from = by.said().length;
    await page.keyboard.press('Numpad5');
    await plugHeadphones(page);
    await by.hears(fr('audio.started'), from);
    await by.press('Numpad5', fr('identify.heading'));
    // Audio mode doubles the delays: the warning after 40 s (20 s set), the end after 60 s.
    const warned = await by.hears(fr('idle.heading'), from, 50_000);
    assert.ok((by.said()[warned] ?? '').includes(fr('audio.idleKey')), by.said()[warned]);
    await page.keyboard.press('Numpad0');
    await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: fr('identify.heading') }).waitFor();
  });
});
