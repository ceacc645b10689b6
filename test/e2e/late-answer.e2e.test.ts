import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { fr } from '../../renderer/i18n/fr.ts';
import { type Answer, changesPage, row, startBrokenRegistry } from '../support/broken-registry.ts';
import { startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { identifyAs } from '../support/kiosk-flows.ts';
import { tempDir } from '../support/temp.ts';

const CAMILLE = '123123127RM078';

describe('an answer that comes after the artisan left', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(() => browser.close());

  it("the registry's refusal of a login left waiting by someone who walked away is not shown to the next person", async () => {
    const withAccount = row(CAMILLE, 1);
    withAccount[16] = 'active';
    let refuseLogin: (a: Answer) => void = () => undefined;
    const registry = await startBrokenRegistry((_req, url) => {
      if (url.pathname === '/v1/health') return { body: { status: 'ok', records: 1, version: '1' } };
      if (url.pathname === '/v1/artisans/changes') return { body: changesPage([withAccount], 'c1', false) };
      // The login is held until the test lets the registry refuse it.
      if (url.pathname === '/v1/accounts/login') return new Promise<Answer>((resolve) => (refuseLogin = resolve));
      return { status: 404, body: { code: 'NOT_FOUND' } };
    });
    const kiosk = await startBrowserMode(tempDir(), {
      KIOSK_REGISTRY_URL: registry.url,
      KIOSK_ID: 'desk-1',
      KIOSK_REGISTRY_SECRET: 'a-secret-of-sixteen-chars',
      KIOSK_IDLE_WARN_MS: '1500',
      KIOSK_IDLE_END_MS: '3000',
    });
    try {
      const p = await kioskPage(browser);
      await identifyAs(p, kiosk, CAMILLE, ['14', '07', '1980']);
      await p.getByRole('button', { name: fr['outcome.found.login'], exact: true }).click();
      await p.getByRole('textbox', { name: fr['login.email'], exact: true }).fill('camille.durand@example.com');
      await p.getByRole('textbox', { name: fr['login.password'], exact: true }).fill('Un-mot-de-passe-1980');
      const answered = p.waitForResponse((r) => r.url().includes('accounts%3Alogin'));
      await p.getByRole('button', { name: fr['login.submit'], exact: true }).click();

      // The artisan walks away while the registry thinks: the visit ends, the welcome is back.
      await p.getByRole('heading', { level: 1, name: fr['welcome.heading'] }).waitFor({ timeout: 15_000 });
      refuseLogin({ status: 500, body: { code: 'INTERNAL' } });
      await answered;
      // The answer reached the screen's code; React has drawn whatever it led to.
      await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

      assert.equal(await p.getByRole('alert').count(), 0, 'no refusal on the welcome screen');
      assert.equal(await p.getByText(fr['error.REGISTRY_ERROR']).count(), 0);
      await screenshot(p, 'welcome-after-late-answer');
      // The next person starts clean: nothing of the previous visit on identification either.
      await p.getByRole('button', { name: fr['welcome.start'], exact: true }).click();
      assert.equal(await p.getByRole('textbox', { name: fr['identify.rmLabel'], exact: true }).inputValue(), '');
      assert.equal(await p.getByRole('alert').count(), 0, 'no refusal on identification');
    } finally {
      refuseLogin({ status: 500, body: { code: 'INTERNAL' } });
      await kiosk.stop();
      await registry.close();
    }
  });
});
