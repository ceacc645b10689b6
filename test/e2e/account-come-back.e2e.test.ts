import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { noViolations } from '../support/axe.ts';
import { ROOT, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { staffGesture } from '../support/kiosk-flows.ts';
import { type Call, type Lie, startLyingRegistry } from '../support/lying-registry.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { tempDir } from '../support/temp.ts';

const PASSWORD = 'Pain-au-levain-2026';
const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });
const field = (p: Page, name: string) => p.getByRole('textbox', { name, exact: true });
const accountsDown = (call: Call): Lie | undefined =>
  call.path.startsWith('/v1/accounts') ? { status: 503, body: { code: 'UNAVAILABLE', message: 'down' } } : undefined;

async function identifyCamille(p: Page): Promise<void> {
  await button(p, fr['welcome.start']).click();
  await field(p, fr['identify.rmLabel']).fill('123123127RM078');
  await field(p, fr['identify.day']).fill('14');
  await field(p, fr['identify.month']).fill('07');
  await field(p, fr['identify.year']).fill('1980');
  await button(p, fr['identify.submit']).click();
}

/**
 * Two account faults of the desk, as people see them, in Debian's Chromium against browser
 * mode, the kiosk pointed at the reference registry behind a proxy that can stop answering
 * or lie: an artisan back a moment after activating, and staff e-mailing a card.
 */
describe('the kiosk remembers an activation, and e-mails a card only to an address the artisan saw', () => {
  let browser: Browser;
  let lie: (call: Call) => Lie | undefined = () => undefined;
  const closers: (() => Promise<void>)[] = [];
  let url = '';

  before(async () => {
    const jpeg = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg'));
    const mjpeg = path.join(tempDir('camera-'), 'portrait.mjpeg');
    writeFileSync(mjpeg, Buffer.concat([jpeg, jpeg, jpeg]));
    browser = await launchChromium({ camera: mjpeg });
    const registry = await startTestRegistry(50);
    const proxy = await startLyingRegistry(registry.server.url, (call) => lie(call));
    const kiosk = await startBrowserMode(tempDir('kiosk-back-'), { KIOSK_REGISTRY_URL: proxy.url, KIOSK_ID, KIOSK_REGISTRY_SECRET: SECRET });
    closers.push(registry.close, proxy.close, kiosk.stop);
    url = kiosk.url;
  });
  after(async () => {
    await browser?.close();
    for (const close of closers.reverse()) await close();
  });

  it('Camille activates, touches "Terminer", comes back at once with the registry down: "J’ai reçu l’e-mail", not "Activer mon compte"; registry back, her masked address and its choices', async () => {
    const p = await kioskPage(browser);
    await p.goto(url);
    await identifyCamille(p);
    await button(p, fr['outcome.found.activate']).click();
    await field(p, fr['activate.email']).fill('camille.durand@gmail.com');
    await p.getByLabel(fr['activate.password'], { exact: true }).fill(PASSWORD);
    await p.getByLabel(fr['activate.confirmation'], { exact: true }).fill(PASSWORD);
    await button(p, fr['activate.submit']).click();
    await p.getByRole('heading', { level: 1, name: fr['checkMail.heading'] }).waitFor();
    // She leaves; the registry stops answering; she is back within the minute.
    await button(p, fr['app.finishLabel']).click();
    lie = accountsDown;
    await identifyCamille(p);
    await p.getByText(fr['outcome.found.pending']).waitFor();
    assert.equal(await button(p, fr['outcome.found.activate']).count(), 0, 'no second activation offered');
    assert.ok(await button(p, fr['outcome.found.checkMail']).isVisible());
    assert.ok(await button(p, fr['checkMail.notMine']).isVisible());
    await noViolations(p);
    await screenshot(p, 'come-back-pending-registry-down');
    // The registry answers again: the waiting screen, her address masked (typed in the visit before), resend and change.
    lie = () => undefined;
    await button(p, fr['outcome.found.checkMail']).click();
    await p.getByRole('heading', { level: 1, name: fr['checkMail.heading'] }).waitFor();
    const text = (await p.locator('main').textContent()) ?? '';
    assert.ok(text.includes('c•••@gmail.com'), 'the address masked');
    assert.ok(!text.includes('camille.durand'), 'not in full: she did not type it in this visit');
    assert.ok(await button(p, fr['checkMail.resend']).isVisible());
    assert.ok(await button(p, fr['checkMail.notMine']).isVisible());
    await noViolations(p);
    await screenshot(p, 'come-back-check-mail');
    await p.close();
  });

  it('Nadia e-mails Jean-Pierre’s card: the address shown masked; the registry names another at sending, then says "pending": nothing sent, said in words (fr, en)', async () => {
    const p = await kioskPage(browser, undefined, { camera: true });
    await p.goto(url);
    await button(p, fr['welcome.start']).waitFor();
    await staffGesture(p);
    await p.getByRole('textbox', { name: fr['staff.name'] }).fill('Nadia');
    await p.getByLabel(fr['staff.pin']).fill('482913');
    await p.getByLabel(fr['staff.pinConfirmation']).fill('482913');
    await button(p, fr['staff.create']).click();
    await button(p, fr['issue.button']).click();
    await p.getByRole('textbox', { name: fr['issue.search'] }).fill('401234562RE067');
    await button(p, fr['issue.searchButton']).click();
    await p.getByRole('radio', { name: /401\s?234\s?562/ }).check();
    await p.getByRole('radio', { name: fr['issue.doc.carte-identite'] }).check();
    await button(p, fr['issue.start']).click();
    await p.waitForFunction(() => ((document.querySelector('video') as HTMLVideoElement | null)?.videoWidth ?? 0) > 0);
    await button(p, fr['photo.take']).click();
    await p.getByRole('img', { name: fr['photo.preview'] }).waitFor({ timeout: 8000 });
    await button(p, fr['photo.accept']).click();
    await p.getByRole('heading', { level: 1, name: fr['issue.cardHeading'] }).waitFor();

    // 1. The address first, masked, with the question to ask the artisan.
    await button(p, fr['issue.email']).click();
    await p.getByText(fr['issue.emailTo'].replace('{email}', 'j•••@example.com')).waitFor();
    await p.getByText(fr['issue.emailConfirm']).waitFor();
    await noViolations(p);
    await screenshot(p, 'staff-issue-email-confirm');
    // 2. At sending, the registry names a stranger's address: nothing goes; shown again, it is the stranger's (masked).
    lie = (call) => (call.path.endsWith('/status') ? { body: { status: 'active', email: 'someone.else@example.net' } } : undefined);
    await button(p, fr['issue.emailSend']).click();
    await p.getByText(fr['issue.emailRefused.changed']).waitFor();
    await screenshot(p, 'staff-issue-email-changed');
    await button(p, fr['issue.email']).click();
    await p.getByText(fr['issue.emailTo'].replace('{email}', 's•••@example.net')).waitFor();
    // 3. Then "pending" for an account it said active: not believed for the rest of this issuance.
    lie = (call) => (call.path.endsWith('/status') ? { body: { status: 'pending', email: 'someone.else@example.net' } } : undefined);
    await button(p, fr['issue.emailSend']).click();
    await p.getByText(fr['issue.emailRefused.untrusted']).waitFor();
    assert.equal(await button(p, fr['issue.emailSend']).count(), 0, 'no send button left');
    await noViolations(p);
    await screenshot(p, 'staff-issue-email-untrusted');
    // 4. In English, the same refusal in words.
    await button(p, fr['app.switchLanguageLabel']).click();
    await p.getByText(en['issue.emailRefused.untrusted']).waitFor();
    await noViolations(p);
    await screenshot(p, 'staff-issue-email-untrusted-en');
    await button(p, en['app.switchLanguageLabel']).click();
    await p.getByText(fr['issue.emailRefused.untrusted']).waitFor();
    assert.equal(await p.getByText(/Carte envoyée/).count(), 0, 'never "sent"');
    await button(p, fr['issue.finish']).click();
    await p.close();
  });
});
