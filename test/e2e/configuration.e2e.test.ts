import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { StaffOverview } from '../../main/shared/console.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { bridgeClient, type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { consoleSection, identifyAs, staffGesture } from '../support/kiosk-flows.ts';
import { tempDir } from '../support/temp.ts';

// IT's environment, with a typo in the registry's address: `.invalid` never resolves (RFC 2606).
const ENV = { KIOSK_REGISTRY_URL: 'https://registre-cma.invalid/', KIOSK_ID: 'borne-078-2', KIOSK_REGISTRY_SECRET: 'a-secret-of-sixteen-chars' };

describe('a kiosk IT configured with a mistyped registry address, as the desk and an artisan see it', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  let p: Page;
  before(async () => {
    kiosk = await startBrowserMode(tempDir('kiosk-config-'), ENV, { waitForCopy: false });
    browser = await launchChromium();
    const call = bridgeClient(kiosk);
    assert.ok((await call('staff:setup', { name: 'Nadia', pin: '482913', confirmation: '482913' })).ok);
    // The first sync has run and failed (the host is unknown) before anyone comes.
    for (let i = 0; i < 100; i++) {
      const o = await call<StaffOverview>('staff:overview');
      if (o.ok && o.value.sync.state === 'offline') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok((await call('staff:logout', {})).ok);
    p = await kioskPage(browser);
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('the artisan is sent to the desk, not told the list is loading', async () => {
    await identifyAs(p, kiosk, '123 123 127 RM 078', ['14', '07', '1980']);
    await p.getByRole('heading', { name: fr['outcome.unreachable.heading'] }).waitFor();
    assert.equal(await p.getByText(fr['outcome.loading.heading']).count(), 0);
    await screenshot(p, 'config-artisan-unreachable');
  });

  it('the console: Synchronisation badged offline, the address to check; Réglages says the environment sets the registry, no restart; a short secret stays typed, its error at the field', async () => {
    await p.goto(kiosk.url);
    await p.getByTestId('brand-mark').waitFor();
    await staffGesture(p);
    await p.getByLabel(fr['staff.pin']).fill('482913');
    await p.getByRole('button', { name: fr['staff.enter'], exact: true }).click();
    await p.getByRole('heading', { level: 1, name: fr['staff.consoleHeading'] }).waitFor();
    const nav = p.getByRole('navigation', { name: fr['staff.sections'] });
    await nav.getByRole('button', { name: new RegExp(`^${fr['console.nav.sync']}.*${fr['console.badge.syncOffline']}`) }).waitFor();
    await consoleSection(p, fr['console.nav.sync']);
    await p.getByText(fr['staff.error.addressUnknown'], { exact: false }).waitFor();
    await p.getByText(fr['staff.sync.offlineEmpty']).waitFor();
    await screenshot(p, 'config-sync-address-unknown');

    await consoleSection(p, fr['settings.title']);
    const inEffect = fr['settings.inEffect.environment'].replace('{url}', ENV.KIOSK_REGISTRY_URL).replace('{kioskId}', ENV.KIOSK_ID);
    assert.equal((await p.locator('#registry-in-effect').textContent())?.trim(), inEffect);
    assert.equal(await p.getByLabel(fr['settings.registryUrl']).count(), 0, 'not offered where the environment decides');
    assert.equal(await p.getByText(fr['settings.restart']).count(), 0);
    assert.equal(await p.getByText('vide pour la démonstration').count(), 0);
    await screenshot(p, 'config-settings-environment');

    await consoleSection(p, fr['console.nav.secrets']);
    const field = p.getByLabel(fr['secrets.newValue']);
    await field.fill('abc');
    await p.getByRole('button', { name: fr['secrets.save'], exact: true }).click();
    await p.locator('#registry-secret-error').getByText(fr['error.SECRET_INVALID']).waitFor();
    assert.equal(await field.inputValue(), 'abc', 'what was typed is kept');
    await screenshot(p, 'config-secret-refused');
  });
});
