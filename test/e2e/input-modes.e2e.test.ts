import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { fr } from '../../renderer/i18n/fr.ts';
import { screenshot } from '../support/chromium.ts';
import { freshKiosks } from '../support/fresh-kiosks.ts';

const tapKey = (p: Page, name: string) => p.getByRole('button', { name, exact: true }).tap();
const field = (p: Page, name: string) => p.getByRole('textbox', { name, exact: true });

/** Taps a word on the on-screen keyboard, letter by letter (shift for capitals). */
async function tapWord(p: Page, word: string): Promise<void> {
  for (const ch of word) {
    if (ch !== ch.toLowerCase()) {
      await tapKey(p, fr['keyboard.shift']);
      await tapKey(p, ch);
    } else await tapKey(p, ch);
  }
}

describe('identification and activation with one way of input only', () => {
  const suite = freshKiosks();

  it('by touch alone: the keypads and the on-screen keyboard', async () => {
    const { p } = await suite.open('kiosk-touch-');
    await tapKey(p, fr['welcome.start']);
    await field(p, fr['identify.rmLabel']).tap();
    for (const k of ['1', '2', '3', '1', '2', '3', '1', '2', '7', 'RM', '0', '7', '8']) await tapKey(p, k);
    await tapKey(p, fr['keypad.nextLabel']);
    for (const k of ['1', '4', '0', '7', '1', '9', '8', '0']) await tapKey(p, k);
    await tapKey(p, fr['identify.submit']);
    await tapKey(p, fr['outcome.found.activate']);

    await field(p, fr['activate.email']).tap();
    await tapWord(p, 'camille');
    await tapKey(p, '@gmail.com');
    assert.equal(await field(p, fr['activate.email']).inputValue(), 'camille@gmail.com');
    await field(p, fr['activate.password']).tap();
    await tapWord(p, 'Pain-levain-');
    for (const d of '2026') await tapKey(p, d);
    await field(p, fr['activate.confirmation']).tap();
    await tapWord(p, 'Pain-levain-');
    for (const d of '2026') await tapKey(p, d);
    await screenshot(p, 'touch-activate');
    await tapKey(p, fr['activate.submit']);
    await p.getByRole('heading', { level: 1, name: fr['checkMail.heading'] }).waitFor();
    assert.match(await p.locator('main').innerText(), /camille@gmail\.com/);
  });

  it('by keyboard alone: Tab, typing and Enter', async () => {
    const { p } = await suite.open('kiosk-keys-');
    const focused = () => p.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || '');
    // From the top of the page: the first Tabs cross the top bar, then reach "Commencer".
    for (let i = 0; i < 10 && (await focused()) !== fr['welcome.start']; i++) await p.keyboard.press('Tab');
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { level: 1, name: fr['identify.heading'] }).waitFor();
    await p.keyboard.press('Tab');
    await p.keyboard.type('123 123 127 RM 078');
    for (const part of ['14', '07', '1980']) {
      await p.keyboard.press('Tab');
      await p.keyboard.type(part);
    }
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { level: 1, name: 'Bonjour Camille DURAND' }).waitFor();
    await p.keyboard.press('Tab');
    assert.equal(await focused(), fr['outcome.found.activate']);
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { level: 1, name: fr['activate.heading'] }).waitFor();
    await p.keyboard.press('Tab');
    assert.equal(await focused(), 'activate-email');
    await p.keyboard.type('camille@gmail.com');
    await p.keyboard.press('Tab');
    await p.keyboard.type('06 12 34 56 78');
    await p.keyboard.press('Tab');
    assert.equal(await focused(), 'activate-password');
    await p.keyboard.type('Pain-au-levain-2026');
    await p.keyboard.press('Tab'); // "Afficher le mot de passe"
    await p.keyboard.press('Tab');
    assert.equal(await focused(), 'activate-confirmation');
    await p.keyboard.type('Pain-au-levain-2026');
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { level: 1, name: fr['checkMail.heading'] }).waitFor();
  });
});
