import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { fr } from '../../renderer/i18n/fr.ts';
import { bridgeClient, type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium } from '../support/chromium.ts';
import { loginAsJeanPierre } from '../support/kiosk-flows.ts';
import { tempDir } from '../support/temp.ts';

const ENV = { KIOSK_IDLE_WARN_MS: '600000', KIOSK_IDLE_END_MS: '900000' };

/**
 * The page loaded again mid-visit (F5, a reload) shows the welcome screen: the visit behind it
 * ends in the kiosk too, or the artisan would stay logged in, with no idle timeout to end it,
 * for whoever touches the screen next. (A kiosk restarted under a page kept open is
 * bridge-restart.e2e.test.ts.)
 */
describe('browser mode: reloading the page mid-visit ends the visit', () => {
  let kiosk: RunningKiosk;
  let browser: Browser;
  before(async () => {
    kiosk = await startBrowserMode(tempDir('kiosk-reload-'), ENV);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('Jean-Pierre logged in, the page reloads: the welcome screen, and his profile and card refused with the page’s token', async () => {
    const p = await kioskPage(browser);
    await loginAsJeanPierre(p, kiosk);
    const pageToken = await p.evaluate(() => sessionStorage.getItem('kiosk-token'));
    assert.equal(pageToken, kiosk.token);
    const call = bridgeClient(kiosk);
    assert.equal((await call('profile:get')).ok, true, 'logged in before the reload');

    await p.reload();
    await p.getByRole('button', { name: fr['welcome.start'], exact: true }).waitFor();
    // The page asks for the end as it starts: give it a moment to arrive, no more.
    let profile = await call('profile:get');
    for (let i = 0; i < 50 && profile.ok; i++) {
      await new Promise((r) => setTimeout(r, 100));
      profile = await call('profile:get');
    }
    assert.equal(profile.ok, false, 'his profile is refused after the reload');
    assert.equal((await call('card:view')).ok, false, 'his card is refused after the reload');
    const status = await call<{ loggedIn?: boolean }>('accounts:status');
    assert.ok(!status.ok || !status.value.loggedIn, 'no one is logged in');
    assert.ok(await p.getByRole('button', { name: fr['welcome.start'], exact: true }).isVisible(), 'the welcome screen shows');

    const logs = kiosk.stderr();
    for (const personal of ['MULLER', 'Muller', 'jean-pierre', '401234562', '1975-03-02', '02/03/1975'])
      assert.ok(!logs.includes(personal), `the log holds no "${personal}"`);
    await p.close();
  });
});
