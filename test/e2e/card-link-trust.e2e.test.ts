import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { noViolations } from '../support/axe.ts';
import { type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, LANDSCAPE, launchChromium, screenshot } from '../support/chromium.ts';
import { givePhoto, loginAsJeanPierre } from '../support/kiosk-flows.ts';
import { type Call, type Lie, startLyingRegistry } from '../support/lying-registry.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { tempDir } from '../support/temp.ts';

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });

/**
 * "La télécharger sur mon téléphone" as the artisan sees it when the registry's link is not to
 * be believed, then when it is: the reference registry behind a liar, the kiosk in browser
 * mode pointed at the liar, Debian's Chromium, the QR code read back with zbarimg.
 */
describe('the phone link, as the artisan sees it, when the registry answers nonsense and then sense', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  let registry: Awaited<ReturnType<typeof startTestRegistry>>;
  let liar: Awaited<ReturnType<typeof startLyingRegistry>>;
  let lie: (call: Call) => Promise<Lie | undefined> | Lie | undefined = () => undefined;

  before(async () => {
    browser = await launchChromium();
    registry = await startTestRegistry(50);
    liar = await startLyingRegistry(registry.server.url, (call) => lie(call));
    kiosk = await startBrowserMode(tempDir('kiosk-link-'), { KIOSK_REGISTRY_URL: liar.url, KIOSK_ID, KIOSK_REGISTRY_SECRET: SECRET });
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
    await liar?.close();
    await registry?.close();
  });

  it('a link to another host shows no code and says why; the registry’s own link shows a code that reads back as it, expiring today at a time; offline, a sentence for this button', async () => {
    const p = await kioskPage(browser, LANDSCAPE);
    await loginAsJeanPierre(p, kiosk);
    await givePhoto(p);
    await button(p, fr['space.myCard']).click();
    await p.getByRole('heading', { level: 1, name: fr['card.heading'] }).waitFor();
    const qr = p.getByRole('img', { name: fr['card.phoneQr'] });

    lie = (call) => (call.path === '/v1/cards/links' ? { status: 201, body: { url: 'https://evil.example/x', expiresAt: '2099-01-01T00:00:00Z' } } : undefined);
    await button(p, fr['card.byPhone']).click();
    await p.getByRole('alert').filter({ hasText: fr['card.phoneUntrusted'] }).waitFor();
    assert.equal(await qr.count(), 0, 'no QR code for a link the kiosk does not believe');
    await noViolations(p);
    await screenshot(p, 'card-phone-untrusted');

    // The registry's own link, as the liar's address (the address the kiosk calls): shown.
    lie = async (call) => {
      if (call.path !== '/v1/cards/links') return undefined;
      const real = await call.pass();
      return { status: real.status, body: real.body.replace(registry.server.url, liar.url) };
    };
    await button(p, fr['card.byPhone']).click();
    await qr.waitFor();
    assert.equal(await p.getByRole('alert').count(), 0, 'the refusal is gone');
    const text = (await p.locator('.phone-link').textContent()) ?? '';
    assert.match(text, /expire à \d\d:\d\d\.$/, 'today: a time, no date');
    const qrFile = path.join(tempDir('qr-'), 'qr.png');
    await qr.screenshot({ path: qrFile });
    const url = execFileSync('zbarimg', ['-q', '--raw', qrFile], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    assert.ok(url.startsWith(`${liar.url}/cards/download?token=`), url);
    assert.equal((await (await fetch(url)).text()).slice(0, 5), '%PDF-', 'the phone gets the card PDF');

    // The registry goes away: the refusal speaks of the link, not of something typed.
    await liar.close();
    await button(p, fr['card.byPhone']).click();
    const offline = p.getByRole('alert').filter({ hasText: fr['card.phoneOffline'] });
    await offline.waitFor({ timeout: 30_000 });
    assert.ok(!((await offline.textContent()) ?? '').includes('saisi'));
    assert.equal(await qr.count(), 0, 'the earlier code does not stay beside the refusal');
    await screenshot(p, 'card-phone-offline');
    await button(p, fr['app.switchLanguageLabel']).click();
    await p.getByRole('alert').filter({ hasText: en['card.phoneOffline'] }).waitFor();
    await screenshot(p, 'card-phone-offline-en');
    await p.close();
  });
});
