import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { fr } from '../../renderer/i18n/fr.ts';
import { translate } from '../../renderer/i18n/index.tsx';
import { noViolations } from '../support/axe.ts';
import { ROOT, type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { countTones, coveredByIdle, tonesPlayed } from '../support/idle-cover.ts';
import { identifyAs } from '../support/kiosk-flows.ts';
import { tempDir } from '../support/temp.ts';

const PASSWORD = 'Pain-au-levain-2026';

const field = (p: Page, name: string) => p.getByRole('textbox', { name, exact: true });
const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });

/** What a person (or a snooper) could read on the page: its text and every field's value. */
async function everythingVisible(p: Page): Promise<string> {
  return p.evaluate(() => `${document.body.innerText}\n${[...document.querySelectorAll('input')].map((i) => i.value).join('\n')}`);
}

describe('accounts in Chromium against browser mode', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  const dataDir = tempDir('kiosk-accounts-');
  before(async () => {
    // Info level, whatever the suite's: the log check below must see the visit's events.
    kiosk = await startBrowserMode(dataDir, { KIOSK_LOG_LEVEL: 'info' });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('Camille activates her account, confirms by the demo mailbox, edits her mobile, logs out and in again', async () => {
    const p = await kioskPage(browser);
    await identifyAs(p, kiosk, '123123127RM078', ['14', '07', '1980']);
    await button(p, fr['outcome.found.activate']).click();
    await p.getByRole('heading', { level: 1, name: fr['activate.heading'] }).waitFor();

    // Every bad input gets its sentence, and what was typed stays.
    await field(p, fr['activate.email']).fill('camille.durand@gmial');
    await field(p, fr['activate.mobile']).fill('01 23 45 67 89');
    await field(p, fr['activate.password']).fill('pain');
    await button(p, fr['activate.submit']).click();
    await p.locator('#activate-email-error').filter({ hasText: fr['error.EMAIL_INVALID'] }).waitFor();
    assert.equal(await p.locator('#activate-mobile-error').textContent(), fr['error.MOBILE_INVALID']);
    assert.equal(await p.locator('#activate-password-error').textContent(), fr['error.PASSWORD_WEAK']);
    assert.equal(await field(p, fr['activate.mobile']).inputValue(), '01 23 45 67 89');
    await screenshot(p, 'activate-errors');

    await field(p, fr['activate.email']).fill('camille.durand@gmial.com');
    await button(p, fr['activate.useSuggestion'].replace('{suggestion}', 'camille.durand@gmail.com')).click();
    assert.equal(await field(p, fr['activate.email']).inputValue(), 'camille.durand@gmail.com');
    await field(p, fr['activate.mobile']).fill('06 12 34 56 78');
    await field(p, fr['activate.password']).fill(PASSWORD);
    assert.match((await p.locator('.rule-met').first().textContent()) ?? '', /12 caractères/);
    await field(p, fr['activate.confirmation']).fill(`${PASSWORD}x`);
    await button(p, fr['activate.submit']).click();
    await p.locator('#activate-confirmation-error').filter({ hasText: fr['error.PASSWORD_MISMATCH'] }).waitFor();
    // The refused confirmation is cleared in one key of the on-screen keyboard; the password stays.
    const confirmation = p.locator('#activate-confirmation');
    await confirmation.click();
    await button(p, fr['keyboard.clear']).click();
    assert.equal(await confirmation.inputValue(), '');
    assert.equal(await p.locator('#activate-password').inputValue(), PASSWORD, 'the password stays');
    await field(p, fr['activate.confirmation']).fill(PASSWORD);
    await screenshot(p, 'activate-filled');
    await button(p, fr['activate.submit']).click();

    await p.getByRole('heading', { level: 1, name: fr['checkMail.heading'] }).waitFor();
    assert.match(await everythingVisible(p), /camille\.durand@gmail\.com/);
    await screenshot(p, 'check-mail');

    // The person opens the mail (demo mailbox) and follows the link; the kiosk goes on by itself.
    const mailboxUrl = await p.getByRole('link', { name: fr['checkMail.demoLink'] }).getAttribute('href');
    assert.ok(mailboxUrl);
    const phone = await browser.newPage();
    await phone.goto(mailboxUrl);
    await phone.getByRole('link', { name: 'Ouvrir le lien de confirmation' }).first().click();
    await phone.getByRole('heading', { name: 'Votre compte est activé' }).waitFor();
    await phone.close();

    // The kiosk sees it by itself and says so, then goes on at a touch.
    await p.getByRole('status').filter({ hasText: fr['checkMail.activated'] }).waitFor({ timeout: 10_000 });
    await button(p, fr['checkMail.continue']).click();
    await p.getByRole('heading', { level: 1, name: fr['space.heading'] }).waitFor({ timeout: 10_000 });
    assert.equal(await field(p, fr['space.mobile']).inputValue(), '06 12 34 56 78');
    assert.match(await everythingVisible(p), /Boulangerie Durand/);
    await screenshot(p, 'space');

    await field(p, fr['space.mobile']).fill('07 81 23 45 67');
    await button(p, fr['space.save']).click();
    await p.getByText(fr['space.saved']).waitFor();

    await button(p, fr['space.logout']).click();
    await p.getByRole('heading', { level: 1, name: fr['login.heading'] }).waitFor();
    await field(p, fr['login.email']).fill('camille.durand@gmail.com');
    await field(p, fr['login.password']).fill('wrong-password-1');
    await button(p, fr['login.submit']).click();
    await p.locator('.error-summary').waitFor();
    assert.equal(await p.locator('.error-summary a').textContent(), translate('fr', 'error.LOGIN_FAILED', { count: 4 }));
    await screenshot(p, 'login-failed');
    // The password refused stays, unseen: it can be shown to find the slip, or cleared at once
    // from the on-screen keyboard rather than erased letter by letter.
    const password = p.locator('#login-password');
    await button(p, fr['activate.showPassword']).click();
    assert.equal(await password.getAttribute('type'), 'text');
    assert.equal(await password.inputValue(), 'wrong-password-1');
    await password.click();
    await button(p, fr['keyboard.clear']).click();
    assert.equal(await password.inputValue(), '');
    assert.equal(await p.locator('#login-email').inputValue(), 'camille.durand@gmail.com', 'the address stays');
    await button(p, fr['activate.hidePassword']).click();
    assert.equal(await password.getAttribute('type'), 'password');
    await field(p, fr['login.password']).fill(PASSWORD);
    await button(p, fr['login.submit']).click();
    await p.getByRole('heading', { level: 1, name: fr['space.heading'] }).waitFor();
    assert.equal(await field(p, fr['space.mobile']).inputValue(), '07 81 23 45 67', 'the change reached the registry');

    // "Terminer" leaves nothing of Camille behind.
    await button(p, fr['app.finishLabel']).click();
    await p.getByRole('heading', { level: 1, name: fr['welcome.heading'] }).waitFor();
    const left = await everythingVisible(p);
    for (const trace of ['Camille', 'DURAND', 'camille.durand', '123123127', '1980', '07 81 23 45 67'])
      assert.ok(!left.includes(trace), `"${trace}" still on screen`);
    // The main process forgot the visit too: its session no longer lets anyone read her data.
    const after = await p.evaluate(async () => {
      const token = sessionStorage.getItem('kiosk-token');
      const r = await fetch('/api/profile%3Aget', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: '{}',
      });
      return (await r.json()) as { ok: boolean; error?: { code: string } };
    });
    assert.deepEqual([after.ok, after.error?.code], [false, 'SESSION_REQUIRED']);
    await p.close();

    // The logs of the whole visit, on disk for IT: outcomes and ids, never who.
    const logs = readFileSync(path.join(dataDir, 'logs', 'kiosk.log'), 'utf8');
    assert.match(logs, /"event":"identify"/);
    assert.match(logs, /"event":"login"/);
    for (const trace of [
      'Camille',
      'DURAND',
      'camille.durand',
      'gmail',
      '123123127',
      '1980',
      '14/07',
      '0612345678',
      '+33',
      PASSWORD,
      'MULLER',
      '401234562',
      '1975',
    ]) {
      assert.ok(!logs.includes(trace), `the logs mention "${trace}"`);
    }
  });

  it('with the registry cut off, activation says so and keeps everything typed', async () => {
    // A chamber-like setup: the reference registry in its own process, the kiosk pointed at it.
    const secret = 'e2e-kiosk-secret-0123456789';
    const registry = spawn(
      process.execPath,
      ['--import', 'tsx', 'main/cli/index.ts', 'registry-serve', '--db', `${tempDir('registry-')}/r.sqlite`, '--seed', '50', '--kiosk-id', 'e2e'],
      {
        cwd: ROOT,
        env: { ...process.env, KIOSK_REGISTRY_SECRET: secret },
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    const url = await new Promise<string>((resolve) => {
      let out = '';
      registry.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /Registry ready: (\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
    });
    const kioskOfChamber = await startBrowserMode(tempDir('kiosk-chamber-'), { KIOSK_REGISTRY_URL: url, KIOSK_ID: 'e2e', KIOSK_REGISTRY_SECRET: secret });
    after(() => kioskOfChamber.stop());
    const p = await kioskPage(browser);
    await identifyAs(p, kioskOfChamber, '123123127RM078', ['14', '07', '1980']);
    await button(p, fr['outcome.found.activate']).click();
    await new Promise<void>((resolve) => {
      registry.once('exit', () => resolve());
      registry.kill('SIGKILL');
    });
    await field(p, fr['activate.email']).fill('camille.durand@gmail.com');
    await field(p, fr['activate.mobile']).fill('06 12 34 56 78');
    await field(p, fr['activate.password']).fill(PASSWORD);
    await field(p, fr['activate.confirmation']).fill(PASSWORD);
    await button(p, fr['activate.submit']).click();
    await p.locator('.error-summary').filter({ hasText: fr['error.REGISTRY_UNREACHABLE'] }).waitFor();
    assert.deepEqual(
      [
        await field(p, fr['activate.email']).inputValue(),
        await field(p, fr['activate.mobile']).inputValue(),
        await field(p, fr['activate.password']).inputValue(),
      ],
      ['camille.durand@gmail.com', '06 12 34 56 78', PASSWORD],
    );
    await screenshot(p, 'activate-registry-down');
    await p.close();
  });

  /** "Commencer" on the welcome left by a visit that ended: identification, clean and quiet. */
  async function nextPersonStarts(p: Page): Promise<void> {
    await p.getByRole('button', { name: fr['welcome.start'], exact: true }).click();
    const rm = p.getByRole('textbox', { name: fr['identify.rmLabel'], exact: true });
    await rm.waitFor({ timeout: 2000 });
    assert.equal(await rm.inputValue(), '');
    assert.equal(await p.getByRole('alertdialog', { name: fr['idle.heading'] }).count(), 0, 'no idle warning for the newcomer');
    await p.getByRole('heading', { level: 1, name: fr['identify.heading'] }).waitFor();
  }

  it('wipes the visit after the idle delay, with a warning first', async () => {
    // Its own kiosk, with idle delays of seconds instead of 60 and 75.
    const quick = await startBrowserMode(tempDir('kiosk-idle-'), { KIOSK_IDLE_WARN_MS: '3000', KIOSK_IDLE_END_MS: '6000' });
    after(() => quick.stop());
    const p = await kioskPage(browser);
    // Count the tones the page plays (the warning is heard as well as seen).
    await countTones(p);
    await identifyAs(p, quick, '401234562RE067', ['02', '03', '1975']);
    const heading = p.getByRole('heading', { level: 1, name: 'Bonjour Jean-Pierre MULLER' });
    await heading.waitFor();
    await p.getByRole('alertdialog', { name: fr['idle.heading'] }).waitFor({ timeout: 6000 });
    // The visit is hidden behind the warning, not dimmed: what is at the name's place is the cover.
    const onTop = await coveredByIdle(p, heading);
    assert.ok(onTop, 'the name is covered');
    assert.ok(await p.getByRole('button', { name: fr['idle.endNow'] }).isVisible());
    assert.ok((await tonesPlayed(p)) >= 1, 'a tone was played');
    await noViolations(p);
    await screenshot(p, 'idle-warning');
    await p.getByRole('heading', { level: 1, name: fr['welcome.heading'] }).waitFor({ timeout: 6000 });
    const left = await everythingVisible(p);
    for (const trace of ['MULLER', 'Jean-Pierre', '401234562']) assert.ok(!left.includes(trace), `"${trace}" still on screen`);
    // The next person, on the same screen (no reload), starts a visit of their own: the time the
    // last one stayed idle is not counted against them (no warning, no visit ended at once).
    await nextPersonStarts(p);
    // "Terminer maintenant" does not wait for the countdown.
    await identifyAs(p, quick, '401234562RE067', ['02', '03', '1975']);
    await p.getByRole('alertdialog', { name: fr['idle.heading'] }).waitFor({ timeout: 6000 });
    await p.getByRole('button', { name: fr['idle.endNow'] }).click();
    await p.getByRole('heading', { level: 1, name: fr['welcome.heading'] }).waitFor({ timeout: 1500 });
    await nextPersonStarts(p);
    await p.close();
  });
});
