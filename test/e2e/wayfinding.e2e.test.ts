import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { en } from '../../renderer/i18n/en.ts';
import { fr, type MessageKey } from '../../renderer/i18n/fr.ts';
import { translate } from '../../renderer/i18n/index.tsx';
import { noViolations } from '../support/axe.ts';
import { screenshot } from '../support/chromium.ts';
import { freshKiosks } from '../support/fresh-kiosks.ts';
import { givePhoto } from '../support/kiosk-flows.ts';

type Words = Record<MessageKey, string>;
type Lang = 'fr' | 'en';
const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });
const field = (p: Page, name: string) => p.getByRole('textbox', { name, exact: true });
const heading = (p: Page, name: string) => p.getByRole('heading', { level: 1, name });

/** The step line as every screen of a step must show it, built from the words, not copied from a screen. */
function stepLine(lang: Lang, number: number, step: 'identify' | 'account' | 'details' | 'card'): string {
  return translate(lang, 'path.step', { number, total: 4, name: translate(lang, `path.step.${step}`) });
}

/** What the screen says about where the artisan is: the step line, exactly once, read with the heading. */
async function assertStep(p: Page, expected: string): Promise<void> {
  const lines = p.locator('main .step-line');
  assert.deepEqual(await lines.allInnerTexts(), [expected]);
  const described = await p.getByRole('heading', { level: 1 }).getAttribute('aria-describedby');
  assert.equal(described && (await p.locator(`#${described}`).textContent()), expected, 'the heading is described by the step');
}

/** "Terminer" (or "Finish", "Terminer ma visite") is offered once on the screen, never twice. */
async function assertOneFinish(p: Page, lang: Lang): Promise<void> {
  const words = lang === 'fr' ? /^Terminer/ : /^(Finish|End my visit)/;
  const shown = await p.getByRole('button').filter({ hasText: words }).filter({ visible: true }).allInnerTexts();
  assert.equal(shown.length, 1, `one "Terminer": ${JSON.stringify(shown)}`);
}

/** Letters one by one on the on-screen keyboard (shift for capitals), keys like "@" or ".com" whole. */
async function tapText(p: Page, words: Words, parts: readonly string[]): Promise<void> {
  for (const part of parts) {
    if (part.length === 1 && part !== part.toLowerCase()) await button(p, words['keyboard.shift']).tap();
    await button(p, part).tap();
  }
}

/** From the identify screen, the RM keypad then the date's, by touch, then "Valider". */
async function identifyByTouch(p: Page, words: Words, keys: readonly string[], date: string): Promise<void> {
  await field(p, words['identify.rmLabel']).tap();
  for (const k of keys) await button(p, k).tap();
  await button(p, words['keypad.nextLabel']).tap();
  for (const k of date) await button(p, k).tap();
  await button(p, words['identify.submit']).tap();
}

const CAMILLE_KEYS = ['1', '2', '3', '1', '2', '3', '1', '2', '7', 'RM', '0', '7', '8'];
const JEAN_PIERRE_KEYS = ['4', '0', '1', '2', '3', '4', '5', '6', '2', 'RE', '0', '6', '7'];
const NOBODY_KEYS = ['7', '3', '2', '8', '2', '9', '3', '2', '0', 'RM', '0', '7', '5'];

async function check(p: Page, name: string): Promise<void> {
  await noViolations(p);
  await screenshot(p, name);
}

describe('wayfinding on the artisan’s path, by touch, in Chromium', () => {
  const suite = freshKiosks();

  it('in French: the same step count on every screen, "Retour" that keeps what was typed, one "Terminer", actions that are not tabs', async () => {
    const { p } = await suite.open('kiosk-wayfinding-fr-');
    assert.equal(await p.locator('.step-line').count(), 0, 'no step on the welcome screen');
    await button(p, fr['welcome.start']).tap();
    await assertStep(p, stepLine('fr', 1, 'identify'));
    await identifyByTouch(p, fr, CAMILLE_KEYS, '14071980');

    // The answer: step 1 still; "Retour" brings back the number and date as typed.
    await heading(p, 'Bonjour Camille DURAND').waitFor();
    await assertStep(p, stepLine('fr', 1, 'identify'));
    assert.equal(await p.locator('main .step-next').textContent(), translate('fr', 'path.next', { name: fr['path.step.account'] }));
    await assertOneFinish(p, 'fr');
    await check(p, 'wayfinding-found-fr');
    await button(p, fr['help.back']).tap();
    await heading(p, fr['identify.heading']).waitFor();
    assert.equal(await field(p, fr['identify.rmLabel']).inputValue(), '123123127RM078');
    assert.deepEqual(await Promise.all(['identify.day', 'identify.month', 'identify.year'].map((k) => field(p, fr[k as MessageKey]).inputValue())), [
      '14',
      '07',
      '1980',
    ]);
    await button(p, fr['identify.submit']).tap();
    await heading(p, 'Bonjour Camille DURAND').waitFor();

    // Activation: step 2; "Retour" to the answer and on again, the e-mail as typed.
    await button(p, fr['outcome.found.activate']).tap();
    await heading(p, fr['activate.heading']).waitFor();
    await assertStep(p, stepLine('fr', 2, 'account'));
    await field(p, fr['activate.email']).tap();
    await tapText(p, fr, [...'camille', '@', ...'gmail', '.com']);
    await check(p, 'wayfinding-activate-fr');
    await button(p, fr['help.back']).tap();
    await heading(p, 'Bonjour Camille DURAND').waitFor();
    await button(p, fr['outcome.found.activate']).tap();
    assert.equal(await field(p, fr['activate.email']).inputValue(), 'camille@gmail.com');
    for (const name of ['activate.password', 'activate.confirmation'] as const) {
      await field(p, fr[name]).tap();
      await tapText(p, fr, [...'Pain-levain-', ...'2026']);
    }
    await button(p, fr['activate.submit']).tap();
    await heading(p, fr['checkMail.heading']).waitFor();
    await assertStep(p, stepLine('fr', 2, 'account'));
    assert.equal(await button(p, fr['help.back']).count(), 0, 'the link is sent: no going back to send it twice');

    // The link followed on a "phone": on to "Mes informations", step 3.
    const mailbox = await p.getByRole('link', { name: fr['checkMail.demoLink'] }).getAttribute('href');
    const phone = await suite.browser().newPage();
    await phone.goto(mailbox ?? '');
    await phone.getByRole('link', { name: 'Ouvrir le lien de confirmation' }).first().click();
    await phone.close();
    await p.getByRole('status').filter({ hasText: fr['checkMail.activated'] }).waitFor({ timeout: 10_000 });
    await button(p, fr['checkMail.continue']).tap();
    await heading(p, fr['space.heading']).waitFor({ timeout: 10_000 });
    await assertStep(p, stepLine('fr', 3, 'details'));

    // "Voir ma carte" and the photo are actions under their heading, one above the other: no
    // row of buttons that reads as tabs, and no tab roles for what is not a tab.
    assert.equal(await p.getByRole('tab').count(), 0);
    assert.equal(await p.getByRole('tablist').count(), 0);
    const section = p.getByRole('region', { name: fr['space.cardTitle'] });
    const card = await section.getByRole('button', { name: fr['space.myCard'], exact: true }).boundingBox();
    const photo = await section.getByRole('button', { name: fr['space.myPhoto'], exact: true }).boundingBox();
    assert.ok(card && photo && photo.y >= card.y + card.height && Math.abs(card.width - photo.width) < 1, 'stacked, full width');
    await check(p, 'wayfinding-space-fr');

    // No photo yet: "Ma carte" leads to the photo, still step 3; "Retour" to the space.
    await button(p, fr['space.myCard']).tap();
    await heading(p, fr['photo.heading']).waitFor();
    await assertStep(p, stepLine('fr', 3, 'details'));
    await check(p, 'wayfinding-photo-fr');
    await givePhoto(p);
    await button(p, fr['help.back']).tap();
    await heading(p, fr['space.heading']).waitFor();
    await button(p, fr['space.myCard']).tap();

    // "Ma carte", step 4: the virtual card under a heading that is a heading, not a button.
    await heading(p, fr['card.heading']).waitFor();
    await assertStep(p, stepLine('fr', 4, 'card'));
    const download = p.getByRole('heading', { level: 2, name: fr['card.download'] });
    assert.ok(await download.isVisible());
    const look = await download.evaluate((h) => {
      const s = getComputedStyle(h);
      return { background: s.backgroundColor, border: s.borderTopWidth, cursor: s.cursor };
    });
    assert.deepEqual(look, { background: 'rgba(0, 0, 0, 0)', border: '0px', cursor: 'auto' });
    await check(p, 'wayfinding-card-fr');

    // The PVC order: step 4; once the number is given, its own "Terminer" and none in the top bar.
    await button(p, fr['card.pvcOrder']).tap();
    await heading(p, fr['order.heading']).waitFor();
    await assertStep(p, stepLine('fr', 4, 'card'));
    await button(p, fr['order.confirm']).tap();
    await p.getByRole('status').filter({ hasText: 'Commande n°' }).waitFor();
    await assertOneFinish(p, 'fr');
    await check(p, 'wayfinding-pvc-order-fr');
    await button(p, fr['order.done']).tap();

    // Jean-Pierre, whose account is active: the login screen, step 2, and "Retour" keeps the address.
    await button(p, fr['welcome.start']).tap();
    await identifyByTouch(p, fr, JEAN_PIERRE_KEYS, '02031975');
    await heading(p, 'Bonjour Jean-Pierre MULLER').waitFor();
    await button(p, fr['outcome.found.login']).tap();
    await heading(p, fr['login.heading']).waitFor();
    await assertStep(p, stepLine('fr', 2, 'account'));
    await field(p, fr['login.email']).tap();
    await tapText(p, fr, [...'jean', '@', ...'example', '.com']);
    await check(p, 'wayfinding-login-fr');
    await button(p, fr['help.back']).tap();
    await heading(p, 'Bonjour Jean-Pierre MULLER').waitFor();
    await button(p, fr['outcome.found.login']).tap();
    assert.equal(await field(p, fr['login.email']).inputValue(), 'jean@example.com');

    // A refusal ends the visit there: one "Terminer", the screen's own.
    await button(p, fr['app.finishLabel']).tap();
    await button(p, fr['welcome.start']).tap();
    await identifyByTouch(p, fr, NOBODY_KEYS, '01011970');
    await heading(p, fr['outcome.notFound.heading']).waitFor();
    await assertStep(p, stepLine('fr', 1, 'identify'));
    assert.equal(await p.locator('main .step-next').count(), 0, 'the visit ends here: no next step is promised');
    await assertOneFinish(p, 'fr');
    await check(p, 'wayfinding-not-found-fr');
    await button(p, fr['app.finishLabel']).tap();
    await heading(p, fr['welcome.heading']).waitFor();
    await p.close();
  });

  it('in English: the same steps in English words, "Back" keeping the number, the date and the e-mail, one "Finish"', async () => {
    const { p } = await suite.open('kiosk-wayfinding-en-');
    await button(p, fr['app.switchLanguageLabel']).tap();
    await button(p, en['welcome.start']).tap();
    await assertStep(p, stepLine('en', 1, 'identify'));
    assert.equal(stepLine('en', 1, 'identify'), 'Step 1 of 4 — Identification');
    await identifyByTouch(p, en, CAMILLE_KEYS, '14071980');
    await heading(p, translate('en', 'outcome.found.heading', { firstName: 'Camille', lastName: 'DURAND' })).waitFor();
    await assertStep(p, stepLine('en', 1, 'identify'));
    await assertOneFinish(p, 'en');
    await button(p, en['help.back']).tap();
    assert.equal(await field(p, en['identify.rmLabel']).inputValue(), '123123127RM078');
    await button(p, en['identify.submit']).tap();
    await button(p, en['outcome.found.activate']).tap();
    await heading(p, en['activate.heading']).waitFor();
    await assertStep(p, stepLine('en', 2, 'account'));
    await field(p, en['activate.email']).tap();
    await tapText(p, en, [...'camille', '@', ...'gmail', '.com']);
    // Switching language on the way keeps everything, the step says it in French.
    await button(p, en['app.switchLanguageLabel']).tap();
    await assertStep(p, stepLine('fr', 2, 'account'));
    await button(p, fr['app.switchLanguageLabel']).tap();
    await check(p, 'wayfinding-activate-en');
    await button(p, en['help.back']).tap();
    await heading(p, translate('en', 'outcome.found.heading', { firstName: 'Camille', lastName: 'DURAND' })).waitFor();
    await check(p, 'wayfinding-found-en');
    await button(p, en['outcome.found.activate']).tap();
    assert.equal(await field(p, en['activate.email']).inputValue(), 'camille@gmail.com');

    await button(p, en['app.finishLabel']).tap();
    await button(p, fr['app.switchLanguageLabel']).tap();
    await button(p, en['welcome.start']).tap();
    await identifyByTouch(p, en, NOBODY_KEYS, '01011970');
    await heading(p, en['outcome.notFound.heading']).waitFor();
    await assertOneFinish(p, 'en');
    await check(p, 'wayfinding-not-found-en');
    await p.close();
  });
});
