import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../renderer/i18n/en.ts';
import { fr, type MessageKey } from '../../renderer/i18n/fr.ts';
import { noViolations } from '../support/axe.ts';
import { startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { type Call, type Lie, startLyingRegistry } from '../support/lying-registry.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { tempDir } from '../support/temp.ts';

type Words = Record<MessageKey, string>;
const CAMILLE = '123123127RM078';
const TYPED = 'camille.durand@gmail.com';
const PASSWORD = 'Pain-au-levain-2026';

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });
const field = (p: Page, name: string) => p.getByRole('textbox', { name, exact: true });

/** Camille identified, her activation form filled and sent, in the page's language. */
async function activate(p: Page, words: Words): Promise<void> {
  await button(p, words['welcome.start']).click();
  await field(p, words['identify.rmLabel']).fill(CAMILLE);
  await field(p, words['identify.day']).fill('14');
  await field(p, words['identify.month']).fill('07');
  await field(p, words['identify.year']).fill('1980');
  await button(p, words['identify.submit']).click();
  await button(p, words['outcome.found.activate']).click();
  await field(p, words['activate.email']).fill(TYPED);
  await field(p, words['activate.mobile']).fill('06 12 34 56 78');
  await p.getByLabel(words['activate.password'], { exact: true }).fill(PASSWORD);
  await p.getByLabel(words['activate.confirmation'], { exact: true }).fill(PASSWORD);
  await button(p, words['activate.submit']).click();
}

/**
 * What the artisan sees when the chamber's registry lies about her account: the reference
 * registry behind a liar, the kiosk in browser mode pointed at it, Debian's Chromium.
 */
describe('a registry that lies about an account, as the artisan sees it', () => {
  let browser: Browser;
  let lie: (call: Call) => Lie | undefined = () => undefined;
  const closers: (() => Promise<void>)[] = [];

  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser.close();
    for (const close of closers.reverse()) await close();
  });
  /** A registry, its liar and a kiosk of their own for each test (an account made in one must not be in the next). */
  async function open(): Promise<Page> {
    lie = () => undefined;
    const registry = await startTestRegistry(50);
    const liar = await startLyingRegistry(registry.server.url, (call) => lie(call));
    const kiosk = await startBrowserMode(tempDir('kiosk-lies-'), { KIOSK_REGISTRY_URL: liar.url, KIOSK_ID, KIOSK_REGISTRY_SECRET: SECRET });
    closers.push(registry.close, liar.close, kiosk.stop);
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    return p;
  }

  it('in French: "confirmed" for another address while she waits: not "activé", the waiting ends with what to do, and she can log in with the address she typed', async () => {
    const p = await open();
    await activate(p, fr);
    await p.getByRole('heading', { level: 1, name: fr['checkMail.heading'] }).waitFor();
    // The link is never opened; the registry says the account is active, for someone else's address.
    lie = (call) => (call.path.endsWith('/status') ? { body: { status: 'active', email: 'someone.else@example.com' } } : undefined);
    await p.getByRole('alert').filter({ hasText: fr['error.REGISTRY_UNTRUSTED'] }).waitFor({ timeout: 15_000 });
    assert.ok(await p.getByRole('heading', { level: 1, name: fr['checkMail.untrustedHeading'] }).isVisible());
    const text = (await p.locator('main').textContent()) ?? '';
    assert.ok(!text.includes(fr['checkMail.activated']), 'never "Votre compte est activé"');
    assert.ok(!text.includes(fr['checkMail.waiting']), 'no longer "waiting" for a confirmation the kiosk would not take');
    assert.ok(!text.includes('someone.else'), 'the address the registry named is not shown');
    assert.equal(await button(p, fr['checkMail.continue']).count(), 0);
    await noViolations(p);
    await screenshot(p, 'check-mail-untrusted');

    await button(p, fr['checkMail.login']).click();
    await p.getByRole('heading', { level: 1, name: fr['login.heading'] }).waitFor();
    assert.equal(await field(p, fr['login.email']).inputValue(), TYPED, 'the address she typed is kept');
    await p.close();
  });

  it('in English: "confirmed", then "pending" again: never "activated", the waiting ends with what to do', async () => {
    const p = await open();
    await button(p, fr['app.switchLanguageLabel']).click();
    // The waiting screen asks once when its events start: the registry's truth ("pending") for that.
    const firstLook = p.waitForResponse((r) => r.url().includes('accounts%3Astatus'));
    await activate(p, en);
    await p.getByRole('heading', { level: 1, name: en['checkMail.heading'] }).waitFor();
    await firstLook;
    // Then the kiosk's watch hears "active", and the screen, asking next, "pending".
    let told = 0;
    lie = (call) => (call.path.endsWith('/status') ? { body: { status: told++ === 0 ? 'active' : 'pending', email: TYPED } } : undefined);
    await p.getByRole('alert').filter({ hasText: en['error.REGISTRY_UNTRUSTED'] }).waitFor({ timeout: 15_000 });
    assert.ok(told >= 2, 'the watch and then the screen asked');
    assert.ok(await p.getByRole('heading', { level: 1, name: en['checkMail.untrustedHeading'] }).isVisible());
    assert.ok(!((await p.locator('main').textContent()) ?? '').includes(en['checkMail.activated']));
    await noViolations(p);
    await screenshot(p, 'check-mail-untrusted-en');
    await p.close();
  });

  it('in English: the activation answered "active" at once: refused in words above the form, everything typed kept', async () => {
    const p = await open();
    await button(p, fr['app.switchLanguageLabel']).click();
    lie = (call) => (call.path.endsWith('/activate') ? { status: 201, body: { status: 'active', email: TYPED } } : undefined);
    await activate(p, en);
    await p.locator('.error-summary').filter({ hasText: en['error.REGISTRY_UNTRUSTED'] }).waitFor();
    assert.ok(await p.getByRole('heading', { level: 1, name: en['activate.heading'] }).isVisible());
    assert.equal(await field(p, en['activate.email']).inputValue(), TYPED);
    assert.equal(await field(p, en['activate.mobile']).inputValue(), '06 12 34 56 78');
    assert.ok(!((await p.locator('main').textContent()) ?? '').includes(en['checkMail.activated']));
    await noViolations(p);
    await screenshot(p, 'activate-untrusted-en');
    await p.close();
  });

  it('in French: "an account exists" where the copy said none, and the registry has it active: on to log in, the address typed kept, in words', async () => {
    const p = await open();
    // The account appears between her identification (the registry, asked live, had none) and
    // her activation (made meanwhile at another desk, or on the portal).
    let activating = false;
    lie = (call) => {
      if (call.path.endsWith('/activate')) {
        activating = true;
        return { status: 409, body: { error: { code: 'ACCOUNT_EXISTS', message: 'ACCOUNT_EXISTS' } } };
      }
      if (activating && call.path.endsWith('/status')) return { body: { status: 'active', email: 'c.durand@orange.fr' } };
      return undefined;
    };
    await activate(p, fr);
    await p.getByRole('heading', { level: 1, name: fr['login.heading'] }).waitFor();
    await p.getByText(fr['login.accountExists']).waitFor();
    assert.equal(await field(p, fr['login.email']).inputValue(), TYPED);
    assert.ok(!((await p.locator('main').textContent()) ?? '').includes('orange.fr'), 'the account’s address is not shown');
    await noViolations(p);
    await screenshot(p, 'login-account-exists');
    // "Retour" shows her answer with the account as the registry has it: "Se connecter", not "Activer".
    await button(p, fr['help.back']).click();
    await button(p, fr['outcome.found.login']).waitFor();
    await p.close();
  });

  it('in French: "an account exists" while the registry says there is none: not believed, said above the form, what was typed kept', async () => {
    const p = await open();
    lie = (call) => {
      if (call.path.endsWith('/activate')) return { status: 409, body: { error: { code: 'ACCOUNT_EXISTS', message: 'ACCOUNT_EXISTS' } } };
      if (call.path.endsWith('/status')) return { body: { status: 'none', email: null } };
      return undefined;
    };
    await activate(p, fr);
    await p.locator('.error-summary').filter({ hasText: fr['error.REGISTRY_UNTRUSTED'] }).waitFor();
    assert.equal(await field(p, fr['activate.email']).inputValue(), TYPED);
    assert.equal(await field(p, fr['activate.mobile']).inputValue(), '06 12 34 56 78');
    await screenshot(p, 'activate-exists-without-account');
    await p.close();
  });
});
