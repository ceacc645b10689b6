import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { type Locale, translate } from '../../../renderer/i18n/index.tsx';
import { audioPage, caller } from '../../support/audio-page.ts';

type Key = Parameters<typeof translate>[1];

/** A screen as the kiosk draws one: a heading, what it says, a form with hints, a list of facts, a way back. */
const screen = (lang: Locale) => {
  const w = (key: Key, params?: Record<string, string | number>) => translate(lang, key, params);
  return `<main>
  <h1 tabindex="-1">${w('identify.heading')}</h1>
  <div class="panel" role="status"><h2>${w('checkMail.activated')}</h2><p>${w('checkMail.activatedLogin')}</p></div>
  <p hidden>Ce qui est caché ne se dit pas</p>
  <dl><dt>${w('support.phone')}</dt><dd>01 23 45 67 89</dd><dt>${w('support.email')}</dt><dd>carte-pro@cma-demo.example</dd></dl>
  <form>
    <label for="rm-number">${w('identify.rmLabel')}</label>
    <p id="rm-hint">${w('identify.rmHint')}</p>
    <input id="rm-number" type="text" aria-describedby="rm-hint">
    <label for="email">${w('login.email')}</label><input id="email" type="email">
    <label for="password">${w('login.password')}</label><input id="password" type="password" maxlength="3">
    <fieldset id="date" aria-describedby="date-error"><legend>${w('identify.birthDateLegend')}</legend>
      <p id="date-error">${w('identify.wrongDate.one')}</p>
      <label for="birth-day">${w('identify.day')}</label><input id="birth-day" inputmode="numeric" aria-invalid="true" value="15">
    </fieldset>
    <label><input type="checkbox" id="consent"> ${w('settings.speechAloud')}</label>
    <label><input type="radio" name="lang" id="fr" checked> Français</label>
    <label><input type="radio" name="lang" id="en"> English</label>
    <button type="button" id="submit" aria-disabled="true">${w('identify.submit')}</button>
  </form>
  <button type="button" id="back" onclick="this.dataset.clicked = 'yes'">${w('help.back')}</button>
</main>`;
};

describe('audio mode in a real DOM: screens, controls, the keypad and the character picker', () => {
  let browser: Browser;
  let call: ReturnType<typeof caller>;
  before(async () => {
    const opened = await audioPage();
    browser = opened.browser;
    call = caller(opened.page);
  });
  after(async () => {
    await browser?.close();
  });

  for (const lang of ['fr', 'en'] as const) {
    const w = (key: Key, params?: Record<string, string | number>) => translate(lang, key, params);

    it(`a screen (${lang}): its heading, then what it says line by line, its facts; not the form's labels, not what is hidden`, async () => {
      await call('show', screen(lang), lang);
      const said = await call('screen');
      assert.ok(said.startsWith(`${w('identify.heading')}. ${w('checkMail.activated')}. ${w('checkMail.activatedLogin')}`), said);
      assert.ok(said.includes(`${w('support.phone')}. 01 23 45 67 89. ${w('support.email')}. carte-pro@cma-demo.example.`), said);
      assert.ok(!said.includes(w('identify.rmLabel')) && !said.includes(w('identify.rmHint')), said);
      assert.ok(!said.includes('caché'), said);
    });

    it(`the one thing to do (${lang}): the form from its first empty field, then its main button; or the main button alone`, async () => {
      const form = `<main><h1 tabindex="-1">${w('identify.heading')}</h1><form>
        <label for="rm">${w('identify.rmLabel')}</label><input id="rm" type="text" value="123">
        <label for="day">${w('identify.day')}</label><input id="day" inputmode="numeric">
        <button type="submit" class="button button-primary">${w('identify.submit')}</button></form>
        <button type="button" class="button button-secondary">${w('help.back')}</button></main>`;
      await call('show', form, lang);
      const said = await call('screen');
      assert.ok(said.endsWith(w('audio.next.form', { field: w('identify.day'), action: w('identify.submit') })), said);
      const outcome = `<main><h1 tabindex="-1">${w('identify.heading')}</h1><p>${w('checkMail.activatedLogin')}</p>
        <button type="button" class="button button-primary">${w('checkMail.continue')}</button></main>`;
      await call('show', outcome, lang);
      assert.ok((await call('screen')).endsWith(w('audio.next.action', { action: w('checkMail.continue') })));
      // No main action (or only one that cannot be used yet): nothing is made up.
      await call('show', screen(lang), lang);
      assert.ok(!(await call('screen')).includes(w('audio.next.action', { action: '' }).slice(0, 8)));
    });

    it(`a field (${lang}): its label, what it is, its value digit by digit, its hint`, async () => {
      await call('show', screen(lang), lang);
      assert.equal(
        await call('control', '#rm-number'),
        `${w('identify.rmLabel')}. ${w('audio.role.field')}. ${w('audio.value.empty')}. ${w('identify.rmHint')}.`,
      );
      await call('focus', '#rm-number');
      for (const key of ['Numpad6', 'Numpad6', 'Numpad5', 'Numpad9', 'Numpad6', 'Numpad5']) await call('press', key);
      assert.equal(await call('value', '#rm-number'), '1RM');
      assert.ok((await call('control', '#rm-number')).includes(w('audio.value.text', { value: '1 RM' })));
      // A refused field says so, with the error of its group (the date's three fields).
      const day = await call('control', '#birth-day');
      assert.equal(
        day,
        `${w('identify.day')}. ${w('audio.role.field')}. ${w('audio.value.text', { value: '1 5' })}. ${w('audio.state.invalid')}. ${w('identify.wrongDate.one')}`,
      );
    });

    it(`check boxes, choices and buttons (${lang}): their name, what they are, their state`, async () => {
      await call('show', screen(lang), lang);
      assert.equal(await call('control', '#consent'), `${w('settings.speechAloud')}. ${w('audio.role.checkbox')}. ${w('audio.state.unchecked')}.`);
      assert.equal(await call('control', '#fr'), `Français. ${w('audio.role.radio')}. ${w('audio.state.checked')}.`);
      assert.equal(await call('control', '#submit'), `${w('identify.submit')}. ${w('audio.role.button')}. ${w('audio.state.unavailable')}.`);
      // 5 on a check box ticks it and says its new state; 6 on a choice chooses the next one.
      await call('focus', '#consent');
      assert.equal(await call('press', 'Numpad5'), `${w('settings.speechAloud')}. ${w('audio.role.checkbox')}. ${w('audio.state.checked')}.`);
      await call('focus', '#fr');
      assert.equal(await call('press', 'Numpad6'), `English. ${w('audio.role.radio')}. ${w('audio.state.checked')}.`);
      assert.equal(await call('active'), 'en');
    });

    it(`a password (${lang}): each character said while it is chosen, but once typed only how many there are, never which`, async () => {
      await call('show', screen(lang), lang);
      await call('focus', '#password');
      // Capitals are the second group: 9, then 6 says the first of them.
      assert.equal(await call('press', 'Numpad9'), w('audio.group.upper'));
      assert.equal(await call('press', 'Numpad6'), w('audio.char.upper', { char: 'a' }));
      assert.equal(await call('press', 'Numpad5'), w('audio.typedSecret', { count: 1 }));
      await call('press', 'Numpad6');
      assert.equal(await call('press', 'Numpad5'), w('audio.typedSecret', { count: 2 }));
      await call('press', 'Numpad5');
      // Full (maxlength 3): said, and nothing more typed.
      assert.equal(await call('press', 'Numpad5'), w('audio.full'));
      assert.equal(await call('value', '#password'), 'ABB');
      const read = (await call('press', 'Numpad0')) ?? '';
      assert.ok(read.includes(w('audio.value.secret', { count: 3 })), read);
      assert.doesNotMatch(read, /ABB|\bB\b|\bb\b/);
      assert.equal(await call('press', 'NumpadSubtract'), w('audio.erasedSecret', { count: 2 }));
    });

    it(`an e-mail (${lang}): symbols by name as they are chosen, typed and erased`, async () => {
      await call('show', screen(lang), lang);
      await call('focus', '#email');
      await call('press', 'Numpad6');
      await call('press', 'Numpad5');
      for (const key of ['Numpad9', 'Numpad9']) await call('press', key);
      assert.equal(await call('press', 'Numpad9'), w('audio.group.symbols'));
      const [dot, at] = w('audio.char.symbols').split('|');
      assert.equal(await call('press', 'Numpad6'), dot);
      assert.equal(await call('press', 'Numpad6'), at);
      assert.equal(await call('press', 'Numpad5'), w('audio.typed', { char: at ?? '' }));
      assert.equal(await call('value', '#email'), 'a@');
      assert.ok((await call('control', '#email')).includes(w('audio.value.text', { value: `a ${at}` })));
      assert.equal(await call('press', 'NumpadSubtract'), w('audio.erased', { char: at ?? '' }));
      assert.equal(await call('press', 'NumpadSubtract'), w('audio.erased', { char: 'a' }));
      assert.equal(await call('press', 'NumpadSubtract'), w('audio.nothingToErase'));
    });

    it(`the keys (${lang}): 2 and 8 move and say the control reached, 0 repeats where one is, * helps, "." goes back`, async () => {
      await call('show', screen(lang), lang);
      // From the heading, 2 reaches the first control of the screen.
      assert.ok((await call('press', 'Numpad2'))?.startsWith(w('identify.rmLabel')));
      assert.ok((await call('press', 'Numpad2'))?.startsWith(w('login.email')));
      assert.ok((await call('press', 'Numpad8'))?.startsWith(w('identify.rmLabel')));
      // Leaving the first control upwards goes round to the last one.
      assert.equal(await call('press', 'Numpad8'), `${w('help.back')}. ${w('audio.role.button')}.`);
      const where = await call('press', 'Numpad0');
      assert.ok(where?.startsWith(w('identify.heading')) && where.endsWith(`${w('help.back')}. ${w('audio.role.button')}.`), where ?? '');
      assert.equal(await call('press', 'NumpadMultiply'), w('audio.help'));
      // Audio mode's own keys are left to it.
      for (const own of ['NumpadDivide', 'NumpadAdd', 'Numpad1', 'Numpad3']) assert.equal(await call('press', own), null);
      // Away from a field, 7 and 9 say how to type, and 4 and 6 move as 8 and 2 do.
      assert.equal(await call('press', 'Numpad9'), w('audio.fieldHelp'));
      assert.ok((await call('press', 'Numpad6'))?.startsWith(w('identify.rmLabel')));
    });

    it(`the banner (${lang}): unavailable where the kiosk cannot speak, headphones asked for, or the keys once it can be heard`, async () => {
      assert.equal(await call('banner', lang, { available: false, aloud: true }), `${w('audio.banner')} ${w('audio.unavailable')}`);
      assert.equal(await call('banner', lang, { available: true, aloud: false }), `${w('audio.banner')} ${w('audio.plugHeadphones')}`);
      assert.equal(await call('banner', lang, { available: true, aloud: true }), `${w('audio.banner')} ${w('audio.bannerKeys')}`);
    });

    it(`"." goes back where the screen has a way back, and says so where it has none (${lang})`, async () => {
      await call('show', screen(lang), lang);
      assert.equal(await call('press', 'NumpadDecimal'), '');
      assert.ok(await call('clicked', '#back'));
      await call('show', `<main><h1 tabindex="-1">${w('outcome.locked.heading')}</h1><p>…</p><button type="button">${w('app.finish')}</button></main>`, lang);
      assert.equal(await call('press', 'NumpadDecimal'), w('audio.noBack'));
    });
  }
});
