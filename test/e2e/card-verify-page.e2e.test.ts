import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildCard } from '../../main/cards/card-model.ts';
import { renderCardPdf } from '../../main/cards/card-pdf.ts';
import { localIsoDate } from '../../main/identity/birth-date.ts';
import type { Kiosk } from '../../main/kiosk.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { findByRmNumber } from '../../main/store/artisans-repo.ts';
import { launchChromium, SCREENSHOTS, screenshot } from '../support/chromium.ts';
import { readyKiosk } from '../support/kiosk.ts';
import { SECRET, startTestRegistry } from '../support/registry.ts';
import { secretStoreOf, secretsOf } from '../support/secrets.ts';
import { tempDir } from '../support/temp.ts';

const RM = '401234562RE067';
const PHONE = { width: 390, height: 844 };

/**
 * A phone scans a card's QR code: the card is drawn to PDF by a kiosk of the chamber, its
 * back rendered to a picture (pdftoppm) and read by zbarimg, and what the code holds is
 * opened in a phone-sized Chromium: the chamber's page checks the card itself, with the
 * network cut once it has loaded.
 */
describe('the chamber’s verification page, opened from a card’s QR code on a phone', () => {
  let registry: Awaited<ReturnType<typeof startTestRegistry>>;
  let kioskA: Kiosk;
  let kioskB: Kiosk;
  let browser: Browser;
  const dir = tempDir('verify-page-');

  before(async () => {
    registry = await startTestRegistry(50);
    await registry.store.addKiosk('kiosk-b', SECRET);
    const start = (dataDir: string, kioskId: string) =>
      readyKiosk({
        dataDir,
        log: memoryLogger(kioskId),
        syncIntervalMs: 0,
        secrets: secretStoreOf(dataDir),
        registry: { url: registry.server.url, kioskId, secret: SECRET },
      });
    kioskA = await start(tempDir('kiosk-a-'), 'test-kiosk');
    const dirB = tempDir('kiosk-b-');
    kioskB = await start(dirB, 'kiosk-b');
    // Kiosk B draws the card; the registry has both kiosks' keys after their first sync.
    const artisan = await findByRmNumber(kioskB.db, RM);
    assert.ok(artisan);
    const built = buildCard(artisan, null, localIsoDate(new Date()), { ...(await secretsOf(dirB)).cardKeys, verifyUrl: `${registry.server.url}/v` });
    assert.ok(built.ok);
    writeFileSync(path.join(dir, 'card.pdf'), await renderCardPdf(built.card, 'card'));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kioskA?.close();
    await kioskB?.close();
    await registry?.close();
  });

  /** What the QR on the card's back holds, read as a phone's camera app would. */
  function scanCard(): string {
    execFileSync('pdftoppm', ['-png', '-r', '300', '-f', '2', '-l', '2', '-singlefile', path.join(dir, 'card.pdf'), path.join(dir, 'back')]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync(path.join(dir, 'back.png'), path.join(SCREENSHOTS, 'card-back-with-verify-url.png'));
    return execFileSync('zbarimg', ['-q', '--raw', path.join(dir, 'back.png')], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  }

  it('a genuine card shows "Carte valide" with what the card prints, and a changed token "Carte non valide", offline after load', async () => {
    const url = scanCard();
    assert.match(url, new RegExp(`^${registry.server.url.replace(/[.]/g, '\\.')}/v#CMA1\\.[\\w-]+\\.[\\w-]+$`));
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'fr-FR' });
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(r.url()));
    await page.goto(url);
    await page.getByRole('heading', { name: 'Carte valide', exact: true }).waitFor({ timeout: 10_000 });
    const shown = (await page.getByRole('status').textContent()) ?? '';
    assert.match(shown, /Jean-Pierre MULLER/);
    assert.match(shown, /401 234 562 RE 067/);
    await screenshot(page, 'verify-page-valid');
    // The token never left the phone: the one request is the page, without its fragment.
    assert.deepEqual(asked, [`${registry.server.url}/v`]);

    // The network goes; the next card is checked all the same.
    await context.setOffline(true);
    const token = url.slice(url.indexOf('#') + 1);
    const [head, payload = '', sig = ''] = token.split('.');
    const changed = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('MULLER', 'MULLEX')).toString('base64url');
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `${head}.${changed}.${sig}`);
    await page.getByRole('heading', { name: 'Carte non valide', exact: true }).waitFor({ timeout: 10_000 });
    assert.match((await page.getByRole('status').textContent()) ?? '', /modifiée ou contrefaite/);
    await screenshot(page, 'verify-page-not-valid');

    // Back to the genuine card, by navigating to its URL again (same page, new fragment): still offline.
    await page.goto(url);
    await page.getByRole('heading', { name: 'Carte valide', exact: true }).waitFor({ timeout: 10_000 });
    // In English, at a touch.
    await page.getByRole('button', { name: 'English' }).tap();
    await page.getByRole('heading', { name: 'Valid card', exact: true }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await context.close();
  });

  it('the page loads nothing else, and a script slipped into a token is shown as text, never run', async () => {
    const res = await fetch(`${registry.server.url}/v`);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'sha256-[^']+'(;|$)/);
    const html = await res.text();
    assert.doesNotMatch(html, /\b(src|href)=/, 'no external resource');
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, locale: 'fr-FR' });
    const page = await context.newPage();
    const evil = Buffer.from(JSON.stringify({ k: 'x', r: '<img src=x onerror=alert(1)>', n: '<script>alert(1)</script>', y: 2026, e: '2099-01-01' })).toString(
      'base64url',
    );
    let dialog = false;
    page.on('dialog', (d) => {
      dialog = true;
      void d.dismiss();
    });
    await page.goto(`${registry.server.url}/v#CMA1.${evil}.AAAA`);
    await page.getByRole('heading', { name: 'Carte non valide', exact: true }).waitFor({ timeout: 10_000 });
    assert.match((await page.getByRole('status').textContent()) ?? '', /clé que la chambre ne connaît pas/);
    assert.equal(dialog, false);
    await context.close();
  });

  it('a card of kiosk B verifies at kiosk A too, once A has synced the chamber’s keys', async () => {
    await kioskA.sync.syncNow();
    const result = kioskA.cards.verify(scanCard());
    assert.equal(result.ok && result.holder, 'Jean-Pierre MULLER');
  });
});
