import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { translate } from '../../renderer/i18n/index.tsx';
import { noViolations } from '../support/axe.ts';
import { changesPage, row, startBrokenRegistry } from '../support/broken-registry.ts';
import { bridgeClient, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { consoleSection, identifyAs, staffGesture } from '../support/kiosk-flows.ts';
import { tempDir } from '../support/temp.ts';

const CAMILLE = ['123123127RM078', ['14', '07', '1980']] as const;

describe('the desk while the list of artisans loads, and after too many wrong dates', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(() => browser.close());

  it('a kiosk whose registry is stuck serves at once and says the list is loading, with its progress, in both languages', async () => {
    const registry = await startBrokenRegistry((_req, url) =>
      url.pathname === '/v1/health' ? { body: { status: 'ok', records: 4, version: '1' } } : { body: changesPage([row('732829320RM075', 1)], 'stuck', true) },
    );
    const kiosk = await startBrowserMode(
      tempDir(),
      { KIOSK_REGISTRY_URL: registry.url, KIOSK_ID: 'desk-1', KIOSK_REGISTRY_SECRET: 'a-secret-of-sixteen-chars' },
      { waitForCopy: false },
    );
    try {
      const p = await kioskPage(browser);
      await identifyAs(p, kiosk, ...CAMILLE);
      await p.getByRole('heading', { level: 1, name: fr['outcome.loading.heading'] }).waitFor();
      assert.ok(await p.getByText(translate('fr', 'outcome.loading.body', { percent: 25 })).isVisible(), 'the progress in words');
      await noViolations(p);
      await screenshot(p, 'outcome-loading-fr');
      // "Réessayer" asks again with what was typed: still loading, nothing lost.
      await p.getByRole('button', { name: fr['outcome.loading.retry'] }).click();
      await p.getByRole('heading', { level: 1, name: fr['outcome.loading.heading'] }).waitFor();
      await p.getByRole('button', { name: fr['app.switchLanguageLabel'] }).click();
      await p.getByRole('heading', { level: 1, name: en['outcome.loading.heading'] }).waitFor();
      await noViolations(p);
      await screenshot(p, 'outcome-loading-en');
    } finally {
      await kiosk.stop();
      await registry.close();
    }
  });

  it('20 wrong dates on the kiosk pause identification; the console shows it and staff resume it', async () => {
    const kiosk = await startBrowserMode(tempDir());
    try {
      const call = bridgeClient(kiosk);
      // Staff find real numbers to try (the console's search), as a guesser would have them.
      assert.equal((await call('staff:setup', { name: 'Nadia Benali', pin: '482913', confirmation: '482913' })).ok, true);
      const hits = await call<{ rmNumber: string }[]>('staff:search', { query: 'martin' });
      assert.ok(hits.ok && hits.value.length >= 5);
      await call('staff:logout');
      const numbers = hits.ok ? hits.value.slice(0, 5).map((h) => h.rmNumber) : [];
      for (const rm of numbers)
        for (let i = 0; i < 4; i++) await call('identity:identify', { rmNumber: rm, birthDate: { day: '1', month: '1', year: '1950' } });

      const p = await kioskPage(browser);
      await identifyAs(p, kiosk, ...CAMILLE);
      await p.getByRole('heading', { level: 1, name: fr['outcome.paused.heading'] }).waitFor();
      await noViolations(p);
      await screenshot(p, 'outcome-paused-fr');

      await p.getByRole('button', { name: fr['app.finishLabel'], exact: true }).click();
      await staffGesture(p);
      await p.getByLabel(fr['staff.pin']).fill('482913');
      await p.getByLabel(fr['staff.pin']).press('Enter');
      // Said on the navigation too: "Réglages, identification suspendue".
      await consoleSection(p, fr['settings.title']);
      assert.match(
        (await p
          .getByRole('navigation', { name: fr['staff.sections'] })
          .getByRole('button', { name: /^Réglages/ })
          .textContent()) ?? '',
        /identification suspendue/,
      );
      await p.getByRole('heading', { level: 2, name: fr['staff.pause.title'] }).waitFor();
      await noViolations(p);
      await screenshot(p, 'staff-identification-paused');
      await p.getByRole('button', { name: fr['staff.pause.resume'] }).click();
      await p.getByRole('heading', { level: 2, name: fr['staff.pause.title'] }).waitFor({ state: 'detached' });
      const again = await call<{ kind: string }>('identity:identify', { rmNumber: CAMILLE[0], birthDate: { day: '14', month: '07', year: '1980' } });
      assert.equal(again.ok && again.value.kind, 'found');
    } finally {
      await kiosk.stop();
    }
  });
});
