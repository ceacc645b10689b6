import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../renderer/i18n/en.ts';
import { fr, type MessageKey } from '../../renderer/i18n/fr.ts';
import { translate } from '../../renderer/i18n/index.tsx';
import { noViolations } from '../support/axe.ts';
import { bridgeClient, ROOT } from '../support/browser-mode.ts';
import { screenshot } from '../support/chromium.ts';
import { freshKiosks } from '../support/fresh-kiosks.ts';
import { tempDir } from '../support/temp.ts';

type Words = Record<MessageKey, string>;

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });
const field = (p: Page, name: string) => p.getByRole('textbox', { name, exact: true });

/** Taps a text on the on-screen keyboard: letters one by one (shift for capitals), keys like "@" or ".com" whole. */
async function tapText(p: Page, words: Words, parts: readonly string[]): Promise<void> {
  for (const part of parts) {
    if (part.length > 1) {
      await button(p, part).tap();
      continue;
    }
    if (part !== part.toLowerCase()) await button(p, words['keyboard.shift']).tap();
    await button(p, part).tap();
  }
}
const letters = (s: string) => [...s];

/** From the welcome screen to the answer, by touch: the RM keypad, then the date's. */
async function identifyByTouch(p: Page, words: Words): Promise<void> {
  await button(p, words['welcome.start']).tap();
  await field(p, words['identify.rmLabel']).tap();
  for (const k of ['1', '2', '3', '1', '2', '3', '1', '2', '7', 'RM', '0', '7', '8']) await button(p, k).tap();
  await button(p, words['keypad.nextLabel']).tap();
  for (const k of '14071980') await button(p, k).tap();
  await button(p, words['identify.submit']).tap();
}

/** Activates Camille's account by touch with a mistyped address (gmial.com), up to the waiting screen. */
async function activateWithTypo(p: Page, words: Words): Promise<void> {
  await button(p, words['outcome.found.activate']).tap();
  await field(p, words['activate.email']).tap();
  await tapText(p, words, [...letters('camille'), '@', ...letters('gmial'), '.com']);
  for (const name of ['activate.password', 'activate.confirmation'] as const) {
    await field(p, words[name]).tap();
    await tapText(p, words, [...letters('Pain-levain-'), ...'2026']);
  }
  await button(p, words['activate.submit']).tap();
  await p.getByRole('heading', { level: 1, name: words['checkMail.heading'] }).waitFor();
}

/** The waiting screen's link to the demo mailbox of the address the confirmation went to. */
async function mailboxLink(p: Page): Promise<string> {
  const mailbox = await p
    .getByRole('link', { name: fr['checkMail.demoLink'] })
    .or(p.getByRole('link', { name: en['checkMail.demoLink'] }))
    .getAttribute('href');
  assert.ok(mailbox);
  return mailbox;
}

/** The confirmation link a demo mailbox holds for an address (newest first), opened on a "phone": its page's heading. */
async function followLink(browser: Browser, mailbox: string, to: string): Promise<string> {
  const phone = await browser.newPage();
  await phone.goto(mailbox);
  await phone
    .getByRole('listitem')
    .filter({ hasText: `À : ${to} ` })
    .first()
    .getByRole('link')
    .click();
  const heading = (await phone.getByRole('heading', { level: 1 }).textContent()) ?? '';
  await phone.close();
  return heading;
}

/** "Votre compte est activé" is seen: in a live region, with the focus, inside the screen. */
async function assertSeen(p: Page, text: string): Promise<void> {
  const region = p.getByRole('status').filter({ hasText: text });
  await region.waitFor({ timeout: 10_000 });
  assert.equal(await region.getAttribute('aria-live'), 'polite');
  assert.ok(await p.evaluate((t) => document.activeElement?.textContent?.includes(t) ?? false, text), 'the confirmation has the focus');
  const box = await region.boundingBox();
  const view = p.viewportSize();
  assert.ok(box && view && box.y >= 0 && box.y + box.height <= view.height, `inside the viewport: ${JSON.stringify(box)}`);
}

describe('"Ce n’est pas mon adresse" and "Votre compte est activé", by touch, in Chromium', () => {
  const suite = freshKiosks();

  it('in French: a typo at activation put right from the waiting screen; the old link refused, the new one activates, and the kiosk says so', async () => {
    const { p } = await suite.open('kiosk-email-fr-');
    await identifyByTouch(p, fr);
    await activateWithTypo(p, fr);
    assert.match((await p.locator('main').textContent()) ?? '', /camille@gmial\.com/);
    // The mistyped address's own mailbox (whoever holds it would read the first link there).
    const typoMailbox = await mailboxLink(p);

    await button(p, fr['checkMail.notMine']).tap();
    await p.getByRole('heading', { level: 1, name: fr['changeEmail.heading'] }).waitFor();
    // Typed in this visit: the address the link went to is shown whole, to be checked.
    assert.match((await p.locator('main').textContent()) ?? '', /camille@gmial\.com/);
    await noViolations(p);
    await screenshot(p, 'change-email');

    // Malformed: said above the field, and what was typed stays.
    await field(p, fr['changeEmail.email']).tap();
    await tapText(p, fr, [...letters('camille'), '@', ...letters('gmial')]);
    await button(p, fr['changeEmail.submit']).tap();
    await p.locator('#change-email-email-error').filter({ hasText: fr['error.EMAIL_INVALID'] }).waitFor();
    assert.equal(await field(p, fr['changeEmail.email']).inputValue(), 'camille@gmial');
    await noViolations(p);
    await screenshot(p, 'change-email-invalid');

    // The same address again: said in words, kept.
    await field(p, fr['changeEmail.email']).tap();
    await tapText(p, fr, ['.com']);
    await button(p, fr['changeEmail.submit']).tap();
    await p.locator('.error-summary').filter({ hasText: fr['error.EMAIL_UNCHANGED'] }).waitFor();
    assert.equal(await p.locator('#change-email-email-error').textContent(), fr['error.EMAIL_UNCHANGED']);
    assert.equal(await field(p, fr['changeEmail.email']).inputValue(), 'camille@gmial.com');
    await noViolations(p);
    await screenshot(p, 'change-email-unchanged');

    // The hint puts it right in one tap; the new link goes out.
    await button(p, translate('fr', 'activate.useSuggestion', { suggestion: 'camille@gmail.com' })).tap();
    await button(p, fr['changeEmail.submit']).tap();
    await p.getByRole('heading', { level: 1, name: fr['checkMail.heading'] }).waitFor();
    await p
      .getByRole('status')
      .filter({ hasText: translate('fr', 'checkMail.changed', { email: 'camille@gmail.com' }) })
      .waitFor();
    await noViolations(p);
    await screenshot(p, 'check-mail-changed');

    // On the phone: the first link no longer works; the new one activates.
    const rightMailbox = await mailboxLink(p);
    assert.notEqual(rightMailbox, typoMailbox, 'the new address has its own mailbox');
    assert.equal(await followLink(suite.browser(), typoMailbox, 'camille@gmial.com'), 'Ce lien n’est plus valable');
    assert.equal(await followLink(suite.browser(), rightMailbox, 'camille@gmail.com'), 'Votre compte est activé');

    await assertSeen(p, fr['checkMail.activated']);
    assert.ok(await p.getByText(fr['checkMail.activatedSpace']).isVisible());
    await noViolations(p);
    await screenshot(p, 'check-mail-activated');
    await button(p, fr['checkMail.continue']).tap();
    await p.getByRole('heading', { level: 1, name: fr['space.heading'] }).waitFor();
    await p.close();
  });

  it('with the registry cut off, the change says so in words and keeps the address typed', async () => {
    // A chamber-like setup: the reference registry in its own process, the kiosk pointed at it.
    const secret = 'e2e-kiosk-secret-0123456789';
    const registry = spawn(
      process.execPath,
      ['--import', 'tsx', 'main/cli/index.ts', 'registry-serve', '--db', `${tempDir('registry-')}/r.sqlite`, '--seed', '50', '--kiosk-id', 'e2e'],
      { cwd: ROOT, env: { ...process.env, KIOSK_REGISTRY_SECRET: secret }, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    after(() => registry.kill('SIGKILL'));
    const url = await new Promise<string>((resolve) => {
      let out = '';
      registry.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /Registry ready: (\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
    });
    const { p } = await suite.open('kiosk-email-down-', { KIOSK_REGISTRY_URL: url, KIOSK_ID: 'e2e', KIOSK_REGISTRY_SECRET: secret });
    await identifyByTouch(p, fr);
    await activateWithTypo(p, fr);
    await new Promise<void>((resolve) => {
      registry.once('exit', () => resolve());
      registry.kill('SIGKILL');
    });
    await button(p, fr['checkMail.notMine']).tap();
    await field(p, fr['changeEmail.email']).tap();
    await tapText(p, fr, [...letters('camille'), '@gmail.com']);
    await button(p, fr['changeEmail.submit']).tap();
    await p.locator('.error-summary').filter({ hasText: fr['error.REGISTRY_UNREACHABLE'] }).waitFor();
    assert.equal(await field(p, fr['changeEmail.email']).inputValue(), 'camille@gmail.com');
    assert.ok(await p.getByRole('heading', { level: 1, name: fr['changeEmail.heading'] }).isVisible());
    await noViolations(p);
    await screenshot(p, 'change-email-registry-down');
    await p.close();
  });

  it('in English: the artisan leaves and comes back; the pending activation found again, its address masked, changed from there', async () => {
    const { kiosk, p } = await suite.open('kiosk-email-en-');
    await button(p, fr['app.switchLanguageLabel']).tap();
    await identifyByTouch(p, en);
    await activateWithTypo(p, en);
    // "Terminer": staff logged out, and the kiosk's info read again (it sets the next visit's language).
    await Promise.all([
      p.waitForResponse((r) => r.url().endsWith('/api/staff%3Alogout')),
      p.waitForResponse((r) => r.url().endsWith('/api/app%3Ainfo')),
      button(p, en['app.finishLabel']).tap(),
    ]);

    // The kiosk's copy learns that the activation is pending (staff pull the registry's news now).
    const invoke = bridgeClient(kiosk);
    assert.equal((await invoke('staff:setup', { name: 'Nadia', pin: '482913', confirmation: '482913' })).ok, true);
    assert.equal((await invoke('staff:sync-now')).ok, true);
    await invoke('staff:logout');

    await button(p, fr['app.switchLanguageLabel']).tap();
    await button(p, en['welcome.start']).waitFor();
    await identifyByTouch(p, en);
    await button(p, en['outcome.found.checkMail']).waitFor();
    await noViolations(p);
    await screenshot(p, 'outcome-pending-en');
    await button(p, en['checkMail.notMine']).tap();
    await p.getByRole('heading', { level: 1, name: en['changeEmail.heading'] }).waitFor();
    // Not typed in this visit: masked.
    const text = (await p.locator('main').textContent()) ?? '';
    assert.match(text, /c•••@gmial\.com/);
    assert.ok(!text.includes('camille@gmial'), 'the whole address is not shown');
    await noViolations(p);
    await screenshot(p, 'change-email-en');

    await field(p, en['changeEmail.email']).tap();
    await tapText(p, en, [...letters('camille'), '@gmail.com']);
    await button(p, en['changeEmail.submit']).tap();
    await p
      .getByRole('status')
      .filter({ hasText: translate('en', 'checkMail.changed', { email: 'camille@gmail.com' }) })
      .waitFor();
    assert.equal(await followLink(suite.browser(), await mailboxLink(p), 'camille@gmail.com'), 'Votre compte est activé');

    // This visit did not choose the password: it says so, then asks to log in.
    await assertSeen(p, en['checkMail.activated']);
    assert.ok(await p.getByText(en['checkMail.activatedLogin']).isVisible());
    await noViolations(p);
    await screenshot(p, 'check-mail-activated-en');
    await button(p, en['checkMail.continue']).tap();
    await p.getByRole('heading', { level: 1, name: en['login.heading'] }).waitFor();
    await p.close();
  });
});
