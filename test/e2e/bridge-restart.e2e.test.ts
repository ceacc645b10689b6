import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { firstAgentOpensConsole, identifyAs } from '../support/kiosk-flows.ts';
import { startLyingRegistry } from '../support/lying-registry.ts';
import { KIOSK_ID, SECRET, startTestRegistry } from '../support/registry.ts';
import { tempDir } from '../support/temp.ts';

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });
const field = (p: Page, name: string) => p.getByRole('textbox', { name, exact: true });
const ENV = { KIOSK_IDLE_WARN_MS: '600000', KIOSK_IDLE_END_MS: '900000' };

/**
 * Browser mode's kiosk stopped and started again (a new launch, so a new token) on the same
 * data directory and port, under a page left open: the page says what happens in words, and
 * carries on by itself, keeping what was typed where the kiosk had nothing of the visit yet,
 * and wiping the visit where the kiosk forgot it, never carrying it into the next one.
 */
describe('browser mode: the kiosk restarts under an open page', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  const dataDir = tempDir('kiosk-restart-');
  let port = 0;
  before(async () => {
    kiosk = await startBrowserMode(dataDir, ENV);
    port = Number(new URL(kiosk.url).port);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });
  const restart = async () => {
    const before = kiosk.token;
    await kiosk.stop();
    kiosk = await startBrowserMode(dataDir, ENV, { port });
    assert.notEqual(kiosk.token, before, 'each launch has its own token');
  };

  it('on the identification form: what was typed stays, and "Valider" goes through with the new launch', async () => {
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await button(p, fr['welcome.start']).click();
    await field(p, fr['identify.rmLabel']).fill('123123127RM078');
    await field(p, fr['identify.day']).fill('14');
    await field(p, fr['identify.month']).fill('07');
    await restart();
    assert.equal(await field(p, fr['identify.rmLabel']).inputValue(), '123123127RM078');
    await field(p, fr['identify.year']).fill('1980');
    await button(p, fr['identify.submit']).click();
    await p.getByRole('heading', { level: 1, name: 'Bonjour Camille DURAND' }).waitFor();
    assert.equal(await p.evaluate(() => sessionStorage.getItem('kiosk-token')), kiosk.token, 'the page holds the new launch’s token');
    assert.equal(await p.getByRole('alert').count(), 0, 'no refusal said');
    await p.close();
  });

  it('on the waiting screen: "the kiosk does not answer" while it is down; once back, the visit is wiped and the page says why; the next visit works', async () => {
    const p = await kioskPage(browser);
    await identifyAs(p, kiosk, '123123127RM078', ['14', '07', '1980']);
    await button(p, fr['outcome.found.activate']).click();
    await field(p, fr['activate.email']).fill('camille.durand@gmail.com');
    await field(p, fr['activate.password']).fill('Pain-au-levain-2026');
    await field(p, fr['activate.confirmation']).fill('Pain-au-levain-2026');
    await button(p, fr['activate.submit']).click();
    await p.getByRole('heading', { level: 1, name: fr['checkMail.heading'] }).waitFor();
    await p.getByText('camille.durand@gmail.com').first().waitFor();

    await kiosk.stop();
    await p.getByRole('status').filter({ hasText: fr['link.down'] }).waitFor({ timeout: 10_000 });
    await screenshot(p, 'bridge-restart-down');
    kiosk = await startBrowserMode(dataDir, ENV, { port });
    // The stream meets the new launch, is refused, swaps its token; the visit cannot go on
    // (the kiosk forgot it): the page loads again on its welcome and says why.
    await p.getByRole('status').filter({ hasText: fr['link.restartedEnded'] }).waitFor({ timeout: 15_000 });
    await button(p, fr['welcome.start']).waitFor();
    await screenshot(p, 'bridge-restart-ended');
    const shown = await p.locator('body').innerText();
    assert.ok(!/camille|durand/i.test(shown), `nothing of the visit on screen: ${shown}`);
    const kept = await p.evaluate(() => JSON.stringify({ ...sessionStorage }));
    assert.ok(!/camille|durand|123123127/i.test(kept), `nothing of the visit kept in the tab: ${kept}`);
    assert.equal(await p.evaluate(() => sessionStorage.getItem('kiosk-token')), kiosk.token);

    // The next person: the words go with the welcome, and identification works at once.
    await button(p, fr['welcome.start']).click();
    assert.equal(await p.getByText(fr['link.restartedEnded']).count(), 0);
    await field(p, fr['identify.rmLabel']).fill('401234562RE067');
    await field(p, fr['identify.day']).fill('02');
    await field(p, fr['identify.month']).fill('03');
    await field(p, fr['identify.year']).fill('1975');
    await button(p, fr['identify.submit']).click();
    await p.getByRole('heading', { level: 1, name: 'Bonjour Jean-Pierre MULLER' }).waitFor();
    await p.close();
  });

  it('a page from two launches back is told, in its language, to ask at the desk, and stops asking', async () => {
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await button(p, fr['app.switchLanguageLabel']).click();
    await button(p, en['welcome.start']).click();
    await restart();
    await restart();
    const asked: string[] = [];
    p.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await field(p, en['identify.rmLabel']).fill('401234562RE067');
    await field(p, en['identify.day']).fill('02');
    await field(p, en['identify.month']).fill('03');
    await field(p, en['identify.year']).fill('1975');
    await button(p, en['identify.submit']).click();
    await p.getByRole('alert').filter({ hasText: en['link.refused'] }).waitFor({ timeout: 10_000 });
    await screenshot(p, 'bridge-restart-refused-en');
    assert.deepEqual(asked, ['/api/identity%3Aidentify', '/api/renew'], 'one call, one question, no new token');
    assert.match(kiosk.stderr(), /"status":401/);
    await p.close();
  });
});

/**
 * The kiosk killed (as in a power cut) while the page waits for its answer, and started again:
 * no events were open on that screen, so only the page's own link check can notice it is back.
 * The registry is the reference one behind a proxy that makes activation slow.
 */
describe('browser mode: the kiosk is killed during a call and comes back', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  const dataDir = tempDir('kiosk-killed-');
  let port = 0;
  const closers: (() => Promise<void>)[] = [];
  let env: NodeJS.ProcessEnv = {};
  before(async () => {
    const registry = await startTestRegistry(50);
    // Activation takes 5 s at the registry: the kiosk is killed while it waits.
    const slow = await startLyingRegistry(registry.server.url, async (call) => {
      if (call.path.endsWith('/activate')) await new Promise((r) => setTimeout(r, 5000));
      return undefined;
    });
    closers.push(registry.close, slow.close);
    env = { ...ENV, KIOSK_REGISTRY_URL: slow.url, KIOSK_ID, KIOSK_REGISTRY_SECRET: SECRET };
    kiosk = await startBrowserMode(dataDir, env);
    port = Number(new URL(kiosk.url).port);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
    for (const close of closers.reverse()) await close();
  });
  const killAndRestart = async () => {
    await kiosk.kill();
    kiosk = await startBrowserMode(dataDir, env, { port });
  };

  it('"Activer" pressed, the kiosk killed 1 s later: once back, the page says by itself that the visit was wiped, with no tap', async () => {
    const p = await kioskPage(browser);
    await identifyAs(p, kiosk, '123123127RM078', ['14', '07', '1980']);
    await button(p, fr['outcome.found.activate']).click();
    await field(p, fr['activate.email']).fill('camille.durand@gmail.com');
    await p.getByLabel(fr['activate.password'], { exact: true }).fill('Pain-au-levain-2026');
    await p.getByLabel(fr['activate.confirmation'], { exact: true }).fill('Pain-au-levain-2026');
    await button(p, fr['activate.submit']).click();
    await p.waitForTimeout(1000);
    await killAndRestart();
    // Nobody touches the screen: within seconds of the kiosk being back, the page knows.
    await p.getByRole('status').filter({ hasText: fr['link.restartedEnded'] }).waitFor({ timeout: 15_000 });
    await button(p, fr['welcome.start']).waitFor();
    await screenshot(p, 'bridge-killed-activate-ended');
    const shown = await p.locator('body').innerText();
    assert.ok(!shown.includes(fr['link.down']), `no "the kiosk does not answer" once it is back: ${shown}`);
    assert.ok(!/camille|durand/i.test(shown), `nothing of the visit on screen: ${shown}`);
    assert.equal(await p.evaluate(() => sessionStorage.getItem('kiosk-token')), kiosk.token);
    await p.close();
  });

  it('with the staff console open: the page comes back on the PIN screen, with words for the staff, not the artisan’s', async () => {
    const p = await kioskPage(browser);
    await p.goto(kiosk.url);
    await firstAgentOpensConsole(p);
    await killAndRestart();
    await p.getByRole('status').filter({ hasText: fr['link.restartedStaff'] }).waitFor({ timeout: 15_000 });
    await p.getByLabel(fr['staff.pin']).waitFor();
    assert.equal(await p.getByText(fr['link.restartedEnded']).count(), 0, 'not the artisan’s sentence');
    await screenshot(p, 'bridge-killed-staff-fr');
    await p.getByLabel(fr['staff.pin']).fill('482913');
    await button(p, fr['staff.enter']).click();
    await p.getByRole('heading', { name: fr['orders.title'], exact: true }).waitFor();
    assert.equal(await p.getByText(fr['link.restartedStaff']).count(), 0, 'the words go once signed in');
    await p.close();
  });
});
