import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { noViolations } from '../support/axe.ts';
import { type Answer, changesPage, row, startBrokenRegistry } from '../support/broken-registry.ts';
import { startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { identifyAs } from '../support/kiosk-flows.ts';
import { tempDir } from '../support/temp.ts';

const CAMILLE = '123123127RM078';

/**
 * A registry slow to answer while the artisan waits at the screen: the wait is said in words
 * (a polite status, over the form), what was typed stays, and the words go when the answer
 * comes. The registry here holds the login until the test lets it answer.
 */
describe('a registry slow to answer, while someone waits', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(() => browser.close());

  it('says "one moment" after a second, keeps what was typed, and clears it with the answer', async () => {
    const withAccount = row(CAMILLE, 1);
    withAccount[16] = 'active';
    let answerLogin: (a: Answer) => void = () => undefined;
    const registry = await startBrokenRegistry((_req, url) => {
      if (url.pathname === '/v1/health') return { body: { status: 'ok', records: 1, version: '1' } };
      if (url.pathname === '/v1/artisans/changes') return { body: changesPage([withAccount], 'c1', false) };
      if (url.pathname === '/v1/accounts/login') return new Promise<Answer>((resolve) => (answerLogin = resolve));
      return { status: 404, body: { code: 'NOT_FOUND' } };
    });
    const kiosk = await startBrowserMode(tempDir(), {
      KIOSK_REGISTRY_URL: registry.url,
      KIOSK_ID: 'desk-1',
      KIOSK_REGISTRY_SECRET: 'a-secret-of-sixteen-chars',
    });
    try {
      const p = await kioskPage(browser);
      await identifyAs(p, kiosk, CAMILLE, ['14', '07', '1980']);
      // Identification answered at once (the kiosk's own copy): nothing was said of a wait.
      assert.equal(await p.getByText(fr['app.waiting']).count(), 0);
      await p.getByRole('button', { name: fr['outcome.found.login'], exact: true }).click();
      const email = p.getByRole('textbox', { name: fr['login.email'], exact: true });
      await email.fill('camille.durand@example.com');
      await p.getByRole('textbox', { name: fr['login.password'], exact: true }).fill('Un-mot-de-passe-1980');
      await p.getByRole('button', { name: fr['login.submit'], exact: true }).click();

      const waiting = p.getByRole('status').filter({ hasText: fr['app.waiting'] });
      await waiting.waitFor({ timeout: 10_000 });
      assert.equal(await email.inputValue(), 'camille.durand@example.com', 'what was typed stays');
      await noViolations(p);
      await screenshot(p, 'login-waiting');

      // In English too, while it still waits.
      await p.getByRole('button', { name: fr['app.switchLanguageLabel'], exact: true }).click();
      await p.getByRole('status').filter({ hasText: en['app.waiting'] }).waitFor();
      await p.getByRole('button', { name: en['app.switchLanguageLabel'], exact: true }).click();

      // The registry answers (a failure): the wait is no longer said, the refusal is.
      answerLogin({ status: 500, body: { code: 'INTERNAL' } });
      await p.getByRole('alert').filter({ hasText: fr['error.REGISTRY_ERROR'] }).waitFor({ timeout: 10_000 });
      await waiting.waitFor({ state: 'detached' });
      assert.equal(await email.inputValue(), 'camille.durand@example.com', 'still there to try again');
      await screenshot(p, 'login-answered-after-wait');
    } finally {
      answerLogin({ status: 500, body: { code: 'INTERNAL' } });
      await kiosk.stop();
      await registry.close();
    }
  });
});
