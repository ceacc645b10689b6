import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { memoryLogger } from '../../main/logging/logger.ts';
import { openStore } from '../../main/store/open-store.ts';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { translate } from '../../renderer/i18n/index.tsx';
import { noViolations } from '../support/axe.ts';
import { type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { consoleSection, staffGesture } from '../support/kiosk-flows.ts';
import { tempDir } from '../support/temp.ts';

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });

describe('the staff console', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  const dataDir = tempDir('kiosk-staff-');
  before(async () => {
    kiosk = await startBrowserMode(dataDir);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('first run sets the first PIN; the console shows sync in words and syncs on demand; a wrong PIN is counted', async () => {
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await button(p, fr['welcome.start']).waitFor();
    await staffGesture(p);
    await p.getByRole('heading', { level: 1, name: fr['staff.heading'] }).waitFor();
    assert.ok(await p.getByText(fr['staff.setupLead']).isVisible());
    await noViolations(p);
    await button(p, fr['app.switchLanguageLabel']).click();
    await p.getByRole('heading', { level: 1, name: en['staff.heading'] }).waitFor();
    await noViolations(p);
    await button(p, en['app.switchLanguageLabel']).click();
    await screenshot(p, 'staff-setup');
    await p.getByRole('textbox', { name: fr['staff.name'] }).fill('Nadia');
    await p.getByLabel(fr['staff.pin']).fill('482913');
    await p.getByLabel(fr['staff.pinConfirmation']).fill('482913');
    await button(p, fr['staff.create']).click();

    await p.getByRole('heading', { level: 1, name: fr['staff.consoleHeading'] }).waitFor();
    await consoleSection(p, fr['console.nav.sync']);
    await p.getByText(fr['staff.sync.ok']).waitFor();
    assert.match(await p.locator('main').innerText(), /Artisans dans la copie locale : 3000/);
    await button(p, fr['staff.syncNow']).click();
    await p.getByText(fr['staff.sync.ok']).waitFor();
    await consoleSection(p, fr['staff.auditTitle']);
    await p.getByText(/Nadia a mis la borne en service/).waitFor();
    await noViolations(p);
    await screenshot(p, 'staff-console');
    await button(p, fr['app.switchLanguageLabel']).click();
    await p.getByRole('heading', { level: 1, name: en['staff.consoleHeading'] }).waitFor();
    await noViolations(p);
    await screenshot(p, 'staff-console-en');
    await button(p, en['app.switchLanguageLabel']).click();

    await button(p, fr['staff.quit']).click();
    await p.getByRole('heading', { level: 1, name: fr['welcome.heading'] }).waitFor();
    // The console is closed: its data is refused without a PIN.
    const refused = await p.evaluate(async () => {
      const token = sessionStorage.getItem('kiosk-token');
      const r = await fetch('/api/staff%3Aoverview', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: '{}',
      });
      return ((await r.json()) as { error?: { code: string } }).error?.code;
    });
    assert.equal(refused, 'STAFF_REQUIRED');

    await p.keyboard.press('Control+Alt+s');
    await p.getByRole('heading', { level: 1, name: fr['staff.heading'] }).waitFor();
    await p.getByLabel(fr['staff.pin']).fill('000000');
    await button(p, fr['staff.enter']).click();
    await p.getByText(translate('fr', 'error.PIN_WRONG', { count: 4 })).waitFor();
    await screenshot(p, 'staff-pin-wrong');
    await p.getByLabel(fr['staff.pin']).fill('482913');
    await button(p, fr['staff.enter']).click();
    await p.getByText(fr['staff.welcome'].replace('{name}', 'Nadia')).waitFor();
    await p.close();
  });

  it('Nadia adds Karim, saves settings (a wrong delay is refused and what she typed stays), and sets the registry secret', async () => {
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await button(p, fr['welcome.start']).waitFor();
    await staffGesture(p);
    await p.getByLabel(fr['staff.pin']).fill('482913');
    await button(p, fr['staff.enter']).click();
    await consoleSection(p, fr['console.nav.agents']);
    await p.getByRole('heading', { level: 2, name: fr['members.title'] }).waitFor();

    await p.getByRole('textbox', { name: fr['members.name'] }).fill('Karim');
    await p.getByLabel(fr['members.pin']).fill('735190');
    await p.getByLabel(fr['members.pinConfirmation']).fill('735190');
    await button(p, fr['members.add']).click();
    await p.getByText(fr['members.added']).waitFor();
    await button(p, fr['members.remove'].replace('{name}', 'Karim')).waitFor();
    assert.ok(await p.getByText(fr['members.you'].replace('{name}', 'Nadia')).isVisible());

    await consoleSection(p, fr['settings.title']);
    const warn = p.getByRole('textbox', { name: fr['settings.idleWarnS'] });
    await warn.fill('5');
    await p.getByRole('textbox', { name: fr['settings.chamber'] }).fill('CMA Normandie');
    await button(p, fr['settings.save']).click();
    await p.getByText(fr['error.IDLE_INVALID']).waitFor();
    assert.equal(await warn.inputValue(), '5', 'what was typed stays');
    assert.equal(await p.getByRole('textbox', { name: fr['settings.chamber'] }).inputValue(), 'CMA Normandie');
    await noViolations(p);
    await screenshot(p, 'staff-settings-refused');
    await warn.fill('90');
    await p.getByRole('textbox', { name: fr['settings.idleEndS'] }).fill('120');
    await p.getByRole('radio', { name: fr['settings.english'] }).check();
    await button(p, fr['settings.save']).click();
    await p.getByText(fr['settings.saved']).waitFor();

    await consoleSection(p, fr['console.nav.secrets']);
    await p.getByLabel(fr['secrets.newValue']).fill('secret-du-registre-0123456789');
    await button(p, fr['secrets.save']).click();
    await p.getByText(fr['secrets.saved']).waitFor();
    assert.match(await p.locator('main').innerText(), /Secret de la borne auprès du registre : enregistré/);
    assert.ok(!(await p.content()).includes('secret-du-registre-0123456789'), 'the secret is not on the page any more');
    await screenshot(p, 'staff-settings');

    // The next visit starts in the language set, with the delays set.
    await button(p, fr['staff.quit']).click();
    await p.getByRole('heading', { level: 1, name: en['welcome.heading'] }).waitFor();
    await p.close();
  });

  it('"Arrêter la borne", confirmed, stops the kiosk and the log says who', async () => {
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await p.getByTestId('brand-mark').waitFor();
    await staffGesture(p);
    await p.getByLabel(en['staff.pin']).fill('735190');
    await button(p, en['staff.enter']).click();
    await consoleSection(p, en['settings.title'], en['staff.sections']);
    await button(p, en['staff.stop']).click();
    await p.getByText(en['staff.stopConfirm']).waitFor();
    await noViolations(p);
    await button(p, en['staff.stopYes']).click();
    assert.equal(await kiosk.exited, 0, 'the kiosk process ended cleanly');
    const db = await openStore(dataDir, memoryLogger());
    const last = await db.get<{ actor: string; action: string }>('SELECT actor, action FROM audit_log ORDER BY seq DESC LIMIT 1');
    assert.deepEqual(last, { actor: 'staff:2', action: 'kiosk-stopped' });
    await db.close();
    await p.close();
  });
});
