import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import sqlite3 from 'sqlite3';
import { fr } from '../../renderer/i18n/fr.ts';
import { type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { CHROMIUM, CHROMIUM_FLAGS, kioskPage, launchChromium } from '../support/chromium.ts';
import { consoleSection, identifyAs, loginAsJeanPierre, staffGesture } from '../support/kiosk-flows.ts';
import { tempDir } from '../support/temp.ts';

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });
const field = (p: Page, name: string) => p.getByRole('textbox', { name, exact: true });
const ENV = { KIOSK_IDLE_WARN_MS: '600000', KIOSK_IDLE_END_MS: '900000' };

// Jean-Pierre's contact details as he types them at the kiosk.
const MOBILE = '0611111111';
const LINE1 = '12 rue des Lilas';
const POSTAL = '67000';
const CITY = 'Strasbourg';
const EMAIL = 'jean-pierre.muller@example.com';

/** The values the profile's saved form entries (Chromium's `Default/Web Data`, table `autofill`) hold. */
function savedFormEntries(profile: string): Promise<{ name: string; value: string }[]> {
  const file = path.join(profile, 'Default', 'Web Data');
  if (!existsSync(file)) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) => {
      if (error) return reject(error);
      db.all('SELECT name, value FROM autofill', (e, rows: { name: string; value: string }[]) => {
        db.close();
        return e ? reject(e) : resolve(rows);
      });
    });
  });
}

/**
 * A kiosk is shared: what one artisan types (his e-mail, mobile, address, password) must not be
 * kept by the browser and offered to the next person. Every field the kiosk shows says so
 * (autocomplete off), and a Chromium with a real profile keeps none of it.
 */
describe('browser mode: the browser remembers nothing typed at the kiosk', () => {
  let kiosk: RunningKiosk;
  let browser: Browser;
  before(async () => {
    kiosk = await startBrowserMode(tempDir('kiosk-remember-'), ENV);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('a Chromium with a persistent profile: after login, "Mes informations" saved and "Terminer", its saved form entries hold nothing typed', async () => {
    const profile = tempDir('chromium-profile-');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1080, height: 1920 },
      hasTouch: true,
      locale: 'fr-FR',
    });
    try {
      const p = await context.newPage();
      await loginAsJeanPierre(p, kiosk);
      await field(p, fr['space.mobile']).fill(MOBILE);
      await field(p, fr['space.line1']).fill(LINE1);
      await field(p, fr['space.postalCode']).fill(POSTAL);
      await field(p, fr['space.city']).fill(CITY);
      await button(p, fr['space.save']).click();
      await p.getByText(fr['space.saved']).waitFor();
      await button(p, fr['app.finishLabel']).click();
      await button(p, fr['welcome.start']).waitFor();
    } finally {
      await context.close();
    }
    const saved = await savedFormEntries(profile);
    const typed = [MOBILE, LINE1, POSTAL, CITY, EMAIL, 'Menuiserie-Muller-1975', '401234562RE067', '1975'];
    const kept = saved.filter((row) => typed.includes(row.value)).map((row) => row.name);
    assert.deepEqual(kept, [], 'no value typed at the kiosk is among the browser’s saved form entries');
  });

  it('every text field of the artisan’s path and of the staff console, and every form, has autocomplete off', async () => {
    const p = await kioskPage(browser);
    // The fields and forms on the screen now, each with what its autocomplete says.
    const all = new Map<string, string>();
    const look = async () => {
      const now = await p.evaluate(() =>
        [...document.querySelectorAll('input, textarea, form')]
          .filter((el) => !(el instanceof HTMLInputElement && ['radio', 'checkbox', 'button', 'submit', 'hidden', 'file'].includes(el.type)))
          .map(
            (el) => [`${el.tagName.toLowerCase()}#${el.id || el.getAttribute('aria-labelledby') || '?'}`, el.getAttribute('autocomplete') ?? '(none)'] as const,
          ),
      );
      for (const [name, value] of now) if (all.get(name) !== value) all.set(name, all.has(name) ? `${all.get(name)} / ${value}` : value);
    };

    // Jean-Pierre: identification, login, "Mot de passe oublié ?", "Mes informations".
    await p.goto(kiosk.url);
    await button(p, fr['welcome.start']).click();
    await field(p, fr['identify.rmLabel']).waitFor();
    await look();
    await identifyAs(p, kiosk, '401234562RE067', ['02', '03', '1975']);
    await look();
    await button(p, fr['outcome.found.login']).click();
    await field(p, fr['login.email']).waitFor();
    await look();
    await button(p, fr['login.forgot']).click();
    await p.locator('#forgot-email').waitFor();
    await look();
    await loginAsJeanPierre(p, kiosk);
    await p.locator('#contact-mobile').waitFor();
    await look();
    await button(p, fr['app.finishLabel']).click();
    // Camille: activation, then "Ce n’est pas mon adresse".
    await identifyAs(p, kiosk, '123123127RM078', ['14', '07', '1980']);
    await button(p, fr['outcome.found.activate']).click();
    await field(p, fr['activate.email']).waitFor();
    await look();
    await field(p, fr['activate.email']).fill('camille.durand@example.com');
    await p.getByLabel(fr['activate.password'], { exact: true }).fill('Boulangerie-Durand-1980');
    await p.getByLabel(fr['activate.confirmation'], { exact: true }).fill('Boulangerie-Durand-1980');
    await button(p, fr['activate.submit']).click();
    await button(p, fr['checkMail.notMine']).click();
    await field(p, fr['changeEmail.email']).waitFor();
    await look();
    await button(p, fr['app.finishLabel']).click();
    // The staff console: the first agent, then each section with fields.
    await button(p, fr['welcome.start']).waitFor();
    await staffGesture(p);
    await field(p, fr['staff.name']).waitFor();
    await look();
    await field(p, fr['staff.name']).fill('Nadia');
    await p.getByLabel(fr['staff.pin']).fill('482913');
    await p.getByLabel(fr['staff.pinConfirmation']).fill('482913');
    await button(p, fr['staff.create']).click();
    await p.getByRole('heading', { name: fr['orders.title'], exact: true }).waitFor();
    for (const section of ['console.nav.agents', 'console.nav.secrets', 'settings.title', 'printers.title', 'till.title', 'staff.auditTitle'] as const) {
      await consoleSection(p, fr[section]);
      await look();
    }
    await button(p, fr['issue.button']).click();
    await field(p, fr['issue.search']).waitFor();
    await look();

    const expected = [
      'input#rm-number',
      'input#birth-year',
      'input#login-email',
      'input#login-password',
      'input#forgot-email',
      'input#contact-mobile',
      'input#contact-line1',
      'input#contact-email',
      'input#current-pin',
      'input#registry-secret',
      'input#issue-query',
    ];
    for (const id of expected) assert.ok(all.has(id), `${id} was seen (${[...all.keys()].join(', ')})`);
    assert.ok(all.size >= 25, `the walk met the kiosk's fields (${all.size})`);
    const remembered = [...all].filter(([, value]) => value !== 'off');
    assert.deepEqual(remembered, [], 'no field or form lets the browser remember what is typed');
  });
});
