import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { noViolations } from '../support/axe.ts';
import { type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, SCREENSHOTS, screenshot } from '../support/chromium.ts';
import { consoleSection, staffGesture } from '../support/kiosk-flows.ts';
import { tempDir } from '../support/temp.ts';

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });
/** The refusal written above a field, as the agent reads it (the summary repeats it at the top). */
const fieldError = (p: Page, id: string) => p.locator(`#${id}-error`);

describe('staff PINs at the desk', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  before(async () => {
    kiosk = await startBrowserMode(tempDir('kiosk-staff-pin-'));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('first run refuses 123456 in words, then two codes that differ, then takes a right one typed twice; the agent changes her own code', async () => {
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await button(p, fr['welcome.start']).waitFor();
    await staffGesture(p);
    await p.getByRole('heading', { level: 1, name: fr['staff.heading'] }).waitFor();
    await p.getByRole('textbox', { name: fr['staff.name'] }).fill('Sophie Martin');
    await p.getByLabel(fr['staff.pin']).fill('123456');
    // Said while typing, before any submit, above the field.
    assert.equal(await fieldError(p, 'staff-pin').textContent(), fr['error.PIN_SEQUENCE']);
    await p.getByLabel(fr['staff.pinConfirmation']).fill('123456');
    await button(p, fr['staff.create']).click();
    await p.locator('.error-summary').getByText(fr['error.PIN_SEQUENCE']).waitFor();
    assert.equal(await p.getByLabel(fr['staff.pin']).inputValue(), '123456', 'what was typed stays');
    await noViolations(p);
    await screenshot(p, 'staff-setup-pin-refused');
    await button(p, fr['app.switchLanguageLabel']).click();
    await fieldError(p, 'staff-pin').getByText(en['error.PIN_SEQUENCE']).waitFor();
    await noViolations(p);
    await screenshot(p, 'staff-setup-pin-refused-en');
    await button(p, en['app.switchLanguageLabel']).click();

    await p.getByLabel(fr['staff.pin']).fill('482913');
    assert.equal(await fieldError(p, 'staff-pin').count(), 0, 'a right PIN has no red sentence left');
    await p.getByLabel(fr['staff.pinConfirmation']).fill('482931');
    assert.equal(await fieldError(p, 'staff-pin-confirmation').textContent(), fr['error.PIN_MISMATCH']);
    await button(p, fr['staff.create']).click();
    await p.locator('.error-summary').getByText(fr['error.PIN_MISMATCH']).waitFor();
    await noViolations(p);
    await screenshot(p, 'staff-setup-pin-mismatch');

    await p.getByLabel(fr['staff.pinConfirmation']).fill('482913');
    await button(p, fr['staff.create']).click();
    await p.getByRole('heading', { level: 1, name: fr['staff.consoleHeading'] }).waitFor();

    // Her own code, changed from the console ("Agents"): the current one first.
    await consoleSection(p, fr['console.nav.agents']);
    const change = p.locator('form').filter({ has: p.getByRole('heading', { name: fr['members.changeTitle'] }) });
    await change.getByLabel(fr['members.currentPin']).fill('000000');
    await change.getByLabel(fr['members.newPin']).fill('590417');
    await change.getByLabel(fr['members.newPinConfirmation']).fill('590417');
    await button(p, fr['members.change']).click();
    await fieldError(p, 'current-pin').getByText(fr['error.PIN_CURRENT_WRONG']).waitFor();
    await change.getByLabel(fr['members.newPin']).fill('654321');
    assert.equal(await fieldError(p, 'new-pin').textContent(), fr['error.PIN_SEQUENCE']);
    await noViolations(p);
    await change.screenshot({ path: `${SCREENSHOTS}/staff-pin-change-refused.png` });
    await change.getByLabel(fr['members.currentPin']).fill('482913');
    await change.getByLabel(fr['members.newPin']).fill('590417');
    await button(p, fr['members.change']).click();
    await p.getByText(fr['members.pinChanged']).waitFor();
    assert.equal(await change.getByLabel(fr['members.currentPin']).inputValue(), '', 'no PIN left on screen');
    await button(p, fr['app.switchLanguageLabel']).click();
    await p.getByRole('heading', { level: 1, name: en['staff.consoleHeading'] }).waitFor();
    await noViolations(p);
    await button(p, en['app.switchLanguageLabel']).click();

    await button(p, fr['staff.quit']).click();
    await staffGesture(p);
    await p.getByLabel(fr['staff.pin']).fill('482913');
    await button(p, fr['staff.enter']).click();
    await p
      .locator('.error-summary')
      .getByText(/Code incorrect/)
      .waitFor();
    await p.getByLabel(fr['staff.pin']).fill('590417');
    await button(p, fr['staff.enter']).click();
    await p.getByText(fr['staff.welcome'].replace('{name}', 'Sophie Martin')).waitFor();
    await p.close();
  });
});
