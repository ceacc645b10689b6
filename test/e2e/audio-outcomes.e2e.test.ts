import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type Locale, translate } from '../../renderer/i18n/index.tsx';
import { spacedRmNumber } from '../../renderer/screens/format.ts';
import { noViolations } from '../support/axe.ts';
import { ROOT, type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { type Ear, ear, identifyByEar, plugHeadphones, transcriptFile, withHeadsetSocket } from '../support/by-ear.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { consoleSection, staffGesture } from '../support/kiosk-flows.ts';
import { tempDir } from '../support/temp.ts';

/** The desk's contact details the kiosk gives (each chamber's IT edits them). */
const chamber = JSON.parse(readFileSync(path.join(ROOT, 'assets/chamber.json'), 'utf8')) as {
  supportPhone: string;
  supportEmail: string;
  deskHours: Record<Locale, string>;
};
type Key = Parameters<typeof translate>[1];
const fr = (key: Key, params?: Record<string, string | number>) => translate('fr', key, params);
const en = (key: Key, params?: Record<string, string | number>) => translate('en', key, params);
/** A sentence with a part the test cannot know (a time of day): what comes before and after it. */
const around = (lang: Locale, key: Key, params: Record<string, string | number>, unknown: string) => {
  const [head = '', tail = ''] = translate(lang, key, { ...params, [unknown]: '\u0000' }).split('\u0000');
  return { head, tail };
};

describe('audio mode: each way identification can end, heard in full', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  const transcript = transcriptFile();
  const pages: Page[] = [];

  before(async () => {
    kiosk = await startBrowserMode(tempDir(), { KIOSK_TEST_SPEECH_TRANSCRIPT: transcript });
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const p of pages.splice(0)) await p.context().close();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  /** A visit started with a keypad key on the welcome screen, headphones plugged in, in `lang`; on the identification screen. */
  const startVisit = async (lang: Locale): Promise<{ page: Page; by: Ear }> => {
    const page = await kioskPage(browser);
    pages.push(page);
    await withHeadsetSocket(page);
    await page.goto(kiosk.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const by = ear(page, transcript);
    const from = by.said().length;
    await page.keyboard.press('Numpad5');
    await plugHeadphones(page);
    await by.hears(fr('audio.started'), from);
    if (lang === 'en') {
      await by.focus(fr('app.switchLanguageLabel'), 'Numpad8');
      await by.press('Numpad5', en('welcome.heading'));
      await by.focus(en('welcome.start'));
    }
    await by.press('Numpad5', translate(lang, 'identify.heading'));
    return { page, by };
  };

  it('a number the registry does not have: the number read back, and what to do next', async () => {
    const { by } = await startVisit('fr');
    await identifyByEar(by, 'fr', '732829320RM075', ['01', '01', '1970']);
    const said = await by.press('Numpad5', fr('outcome.notFound.heading'));
    assert.ok(said.includes(fr('outcome.notFound.body', { rmNumber: spacedRmNumber('732829320RM075') })), said);
    // The two ways on are reached by the keys and said.
    await by.focus(fr('outcome.restart'));
    await by.focus(fr('app.finishLabel'));
  });

  for (const lang of ['fr', 'en'] as const) {
    it(`radiated (${lang}): no card and why, whom to contact, and the desk's telephone number, e-mail and hours`, async () => {
      const { by } = await startVisit(lang);
      await identifyByEar(by, lang, '552032534RM02A', ['30', '11', '1968']);
      const at = by.said().length;
      await by.press('Numpad5', translate(lang, 'outcome.radiated.heading'));
      // The whole screen, in as many sentences as the speech port needed.
      const said = by.said().slice(at).join(' ');
      const { head, tail } = around(lang, 'outcome.radiated.body', { rmNumber: spacedRmNumber('552032534RM02A') }, 'date');
      assert.ok(said.includes(head) && said.includes(tail), said);
      const contact = around(lang, 'outcome.radiated.contact', {}, 'chamber');
      for (const part of [
        contact.head,
        contact.tail,
        translate(lang, 'outcome.radiated.deskLabel'),
        translate(lang, 'support.phone'),
        chamber.supportPhone,
        chamber.supportEmail,
        chamber.deskHours[lang],
      ])
        assert.ok(said.includes(part), `"${part}" was not said: ${said}`);
      // The number to call comes right after its name, not run into it.
      assert.ok(said.includes(`${translate(lang, 'support.phone')}. ${chamber.supportPhone}.`), said);
      await by.focus(translate(lang, 'app.finishLabel'));
    });
  }

  it('five wrong dates: the tries left heard after each, then the lock said in full with until when', async () => {
    const { by } = await startVisit('fr');
    await identifyByEar(by, 'fr', '401234562RE067', ['01', '01', '1980']);
    for (const left of [4, 3, 2]) {
      await by.press('Numpad5', fr('identify.wrongDate.other', { count: left }));
      await by.focus(fr('identify.submit'));
    }
    await by.press('Numpad5', fr('identify.wrongDate.one'));
    await by.focus(fr('identify.submit'));
    const said = await by.press('Numpad5', fr('outcome.locked.heading'));
    const { head, tail } = around('fr', 'outcome.locked.body', { rmNumber: spacedRmNumber('401234562RE067') }, 'time');
    assert.ok(said.includes(head) && said.includes(tail), said);
    assert.match(said.slice(said.indexOf(head) + head.length), /^\d\d:\d\d/, 'until when, as a time');
    await by.focus(fr('app.finishLabel'));
  });

  it('a long screen (the questions) is said to its end, each question before its answer', async () => {
    const page = await kioskPage(browser);
    pages.push(page);
    await withHeadsetSocket(page);
    await page.goto(kiosk.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await plugHeadphones(page);
    const by = ear(page, transcript);
    await by.hears(fr('audio.started'));
    await by.focus(fr('help.faq'));
    const at = by.said().length;
    await by.press('Numpad5', fr('faq.heading'));
    await by.hears(fr('faq.a6'), at);
    const said = by.said().slice(at).join(' ');
    // Longer than the speech port takes at once (1,000 characters): said in pieces, none lost.
    assert.ok(said.length > 1000, `${said.length} characters`);
    for (const n of [1, 2, 3, 4, 5, 6] as const) {
      const question = said.indexOf(fr(`faq.q${n}`));
      assert.ok(question >= 0 && question < said.indexOf(fr(`faq.a${n}`)), `question ${n}: ${said}`);
    }
  });

  it('the welcome screen says in writing how to start it, and the banner and the dark screen are axe-clean, in both languages', async () => {
    const page = await kioskPage(browser);
    pages.push(page);
    await withHeadsetSocket(page);
    await page.goto(kiosk.url);
    await page.getByText(fr('audio.welcomeHint')).waitFor();
    await page.keyboard.press('Numpad5');
    // No headphones yet: the banner asks for them.
    await page.locator('.audio-banner', { hasText: fr('audio.plugHeadphones') }).waitFor();
    await noViolations(page);
    await plugHeadphones(page);
    await page.locator('.audio-banner', { hasText: fr('audio.bannerKeys') }).waitFor();
    await noViolations(page);
    const by = ear(page, transcript);
    await by.press('NumpadDivide', fr('audio.dark.on'));
    await noViolations(page);
    await screenshot(page, 'audio-mode-dark');
    await by.press('NumpadDivide', fr('audio.dark.off'));
    await by.focus(fr('app.switchLanguageLabel'), 'Numpad8');
    await by.press('Numpad5', en('welcome.heading'));
    assert.ok((await page.locator('main').textContent())?.includes(en('audio.welcomeHint')));
    await page.locator('.audio-banner', { hasText: en('audio.bannerKeys') }).waitFor();
    await noViolations(page);
    await by.press('NumpadDivide', en('audio.dark.on'));
    await noViolations(page);
    await screenshot(page, 'audio-mode-banner-en');
  });

  // Last: it changes the kiosk's settings for the tests after it.
  it('once staff allow speaking aloud in the console, audio mode speaks without headphones (off by default)', async () => {
    const page = await kioskPage(browser);
    pages.push(page);
    await withHeadsetSocket(page);
    await page.goto(kiosk.url);
    await page.getByRole('heading', { level: 1, name: fr('welcome.heading') }).waitFor();
    const by = ear(page, transcript);
    await staffGesture(page);
    await page.getByRole('textbox', { name: fr('staff.name') }).fill('Nadia');
    await page.getByLabel(fr('staff.pin')).fill('482913');
    await page.getByLabel(fr('staff.pinConfirmation')).fill('482913');
    await page.getByRole('button', { name: fr('staff.create') }).click();
    await consoleSection(page, fr('settings.title'));
    const aloud = page.getByRole('checkbox', { name: fr('settings.speechAloud') });
    assert.equal(await aloud.isChecked(), false, 'off unless staff say so');
    await aloud.check();
    await page.getByRole('button', { name: fr('settings.save') }).click();
    await page.getByText(fr('settings.saved')).waitFor();
    await page.getByRole('button', { name: fr('staff.quit') }).click();
    await page.getByRole('heading', { level: 1, name: fr('welcome.heading') }).waitFor();
    // A keypad key, no headphones: audio mode speaks through the kiosk's loudspeaker.
    const from = by.said().length;
    await page.keyboard.press('Numpad5');
    await by.hears(fr('audio.started'), from);
    assert.equal(await page.locator('.audio-banner', { hasText: fr('audio.plugHeadphones') }).count(), 0, 'no need to ask for headphones');
  });
});
