import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_REGISTRY_FILE } from '../../main/demo-registry/embedded.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { openDatabase } from '../../main/store/database.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { noViolations } from '../support/axe.ts';
import { bridgeClient, type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { identifyAs } from '../support/kiosk-flows.ts';
import { tempDir } from '../support/temp.ts';

const PASSWORD = 'Pain-au-levain-2026';
const PHONE = { width: 390, height: 844 };
const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });
const field = (p: Page, name: string) => p.getByRole('textbox', { name, exact: true });

/**
 * The waiting screen's demo mailbox, from the kiosk to a phone: the QR code is read by zbarimg
 * from a picture of the screen, as a phone's camera would, and opened in a phone-sized page.
 * Two artisans one after the other at the same desk: each code opens only its own mail.
 */
describe('the demo mailbox from the waiting screen’s QR code, in Chromium', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  const dataDir = tempDir('kiosk-mailbox-');
  before(async () => {
    kiosk = await startBrowserMode(dataDir);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  /** A seeded artisan without an account, and their date of birth, from the demo registry's file. */
  async function anotherArtisan(): Promise<{ rmNumber: string; birth: [string, string, string] }> {
    const registry = await openDatabase(path.join(dataDir, DEMO_REGISTRY_FILE), memoryLogger());
    try {
      const row = await registry.get<{ rm: string; born: string }>(
        "SELECT rm_number AS rm, data->>'$[7]' AS born FROM artisans WHERE deleted = 0 AND data->>'$[16]' = 'none' AND data->>'$[15]' IS NULL AND rm_number NOT LIKE '123123127%' LIMIT 1",
      );
      assert.ok(row);
      const [y = '', m = '', d = ''] = row.born.split('-');
      return { rmNumber: row.rm, birth: [d, m, y] };
    } finally {
      await registry.close();
    }
  }

  /** Identified, "Activer", the form sent: the waiting screen. */
  async function activate(p: Page, rmNumber: string, birth: readonly [string, string, string], email: string): Promise<void> {
    await identifyAs(p, kiosk, rmNumber, birth);
    await button(p, fr['outcome.found.activate']).click();
    await field(p, fr['activate.email']).fill(email);
    await field(p, fr['activate.password']).fill(PASSWORD);
    await field(p, fr['activate.confirmation']).fill(PASSWORD);
    await button(p, fr['activate.submit']).click();
    await p.getByRole('heading', { level: 1, name: fr['checkMail.heading'] }).waitFor();
  }

  /** What the waiting screen's QR code says, read from a picture of it; it is the link beside it. */
  async function scan(p: Page, name: string): Promise<string> {
    const qr = p.getByRole('img', { name: fr['checkMail.demoQr'] });
    await qr.waitFor();
    const file = path.join(tempDir('mailbox-qr-'), `${name}.png`);
    await qr.screenshot({ path: file });
    const url = execFileSync('zbarimg', ['-q', '--raw', file], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    assert.equal(url, await p.getByRole('link', { name: fr['checkMail.demoLink'] }).getAttribute('href'));
    return url;
  }

  /** The page a phone shows for a scanned link: its text. */
  async function onPhone(url: string, shot?: string): Promise<string> {
    const context = await browser.newContext({ viewport: PHONE });
    const phone = await context.newPage();
    try {
      const res = await phone.goto(url);
      assert.ok(res);
      if (shot) {
        await noViolations(phone);
        await screenshot(phone, shot);
      }
      return await phone.locator('body').innerText();
    } finally {
      await context.close();
    }
  }

  it('Camille, then a second artisan: each waiting screen’s code opens only that artisan’s mail; a code altered by one character opens nothing', async () => {
    const p = await kioskPage(browser);
    await activate(p, '123123127RM078', ['14', '07', '1980'], 'camille.durand@example.com');
    const first = await scan(p, 'camille');
    assert.ok(!first.includes('camille') && !first.includes('%40'), 'no address in the link');
    await noViolations(p);
    await screenshot(p, 'check-mail-demo-mailbox');
    const hers = await onPhone(first, 'demo-mailbox-phone');
    assert.match(hers, /camille\.durand@example\.com/);

    // Camille leaves; the next artisan at the same desk.
    await button(p, fr['app.finishLabel']).click();
    await button(p, fr['welcome.start']).waitFor();
    const next = await anotherArtisan();
    await activate(p, next.rmNumber, next.birth, 'second.artisan@example.com');
    const second = await scan(p, 'second');
    assert.notEqual(second, first, 'a new code for the new artisan');
    const his = await onPhone(second);
    assert.match(his, /second\.artisan@example\.com/);
    assert.ok(!his.includes('camille'), `nothing of Camille in the second artisan’s mailbox:\n${his}`);
    assert.ok(!(await onPhone(first)).includes('second.artisan'), 'nor the other way round');

    // The second's confirmation, followed from his phone, activates his account: the kiosk says so.
    const context = await browser.newContext({ viewport: PHONE });
    const phone = await context.newPage();
    await phone.goto(second);
    await phone.getByRole('link', { name: 'Ouvrir le lien de confirmation' }).click();
    await phone.getByRole('heading', { name: 'Votre compte est activé' }).waitFor();
    await context.close();
    await p.getByRole('status').filter({ hasText: fr['checkMail.activated'] }).waitFor({ timeout: 10_000 });
    // Once activated, the screen shows no mailbox any more.
    assert.equal(await p.getByRole('img', { name: fr['checkMail.demoQr'] }).count(), 0);

    // One character changed: the refusal, in French and in English, nothing of anyone.
    const token = second.split('/').pop() ?? '';
    const altered = second.replace(token, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`);
    const refused = await onPhone(altered, 'demo-mailbox-refused');
    assert.match(refused, /Ce lien de boîte mail n’est pas valable/);
    assert.match(refused, /This mailbox link is not valid/);
    assert.ok(!refused.includes('@'));
    await p.close();
  });

  it('a pending activation found again in a later visit (a date of birth proven, no address typed): no mailbox on the waiting screen', async () => {
    // Camille's activation from the test above is pending; the kiosk's copy learns it (staff pull the registry's news now).
    const invoke = bridgeClient(kiosk);
    assert.equal((await invoke('staff:setup', { name: 'Nadia', pin: '482913', confirmation: '482913' })).ok, true);
    assert.equal((await invoke('staff:sync-now')).ok, true);
    await invoke('staff:logout');
    const p = await kioskPage(browser);
    await identifyAs(p, kiosk, '123123127RM078', ['14', '07', '1980']);
    await button(p, fr['outcome.found.checkMail']).click();
    await p.getByRole('heading', { level: 1, name: fr['checkMail.heading'] }).waitFor();
    await button(p, fr['checkMail.resend']).click();
    await p
      .getByRole('status')
      .filter({ hasText: fr['checkMail.resent'].split('{')[0] ?? '' })
      .waitFor();
    assert.equal(await p.getByRole('link', { name: fr['checkMail.demoLink'] }).count(), 0, 'no link to a mailbox she has not named');
    await p.close();
  });
});
