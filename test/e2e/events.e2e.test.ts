import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { fr } from '../../renderer/i18n/fr.ts';
import { bridgeClient, ROOT, type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium } from '../support/chromium.ts';
import { firstAgentOpensConsole, identifyAs, staffGesture } from '../support/kiosk-flows.ts';
import { eventually } from '../support/pvc.ts';
import { socketCardPrinter } from '../support/socket-printer.ts';
import { tempDir } from '../support/temp.ts';

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });
const field = (p: Page, name: string) => p.getByRole('textbox', { name, exact: true });
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
// What "idle" means here: a screen left alone this long asks the kiosk nothing.
const IDLE_MS = 10_000;

/** Every request a page makes to the kiosk, by path: what a screen that polls would give away. */
function countRequests(p: Page) {
  const paths: string[] = [];
  p.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) paths.push(decodeURIComponent(url.pathname));
  });
  return {
    of: (path: string) => paths.filter((x) => x === path).length,
    all: () => [...paths],
  };
}

describe('no screen polls: the console and the waiting screen hear the kiosk’s events', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  let printer: Awaited<ReturnType<typeof socketCardPrinter>>;
  before(async () => {
    printer = await socketCardPrinter(`KioskEvents${process.pid}`);
    // No scheduled sync during the test: its events would (rightly) make the console read again.
    kiosk = await startBrowserMode(tempDir('kiosk-events-'), { KIOSK_PRINTER_CARD: printer.queue, KIOSK_SYNC_INTERVAL_MS: '0' });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
    await printer?.stop();
  });

  it('the console asks nothing while the desk is quiet, and shows an order taken and paid elsewhere, printed, without a reload', async () => {
    const p = await kioskPage(browser);
    const requests = countRequests(p);
    await p.goto(kiosk.url);
    await firstAgentOpensConsole(p);
    await eventually(async () => requests.of('/api/events') === 1, 'the console listens to the kiosk');
    await p.evaluate(() => {
      (window as unknown as { sameLoad?: boolean }).sameLoad = true;
    });

    // Quiet desk: not one overview asked for, and one events stream, open all along.
    await pause(1000); // the stream's first read (anything missed before it opened) is done
    const before = requests.of('/api/staff:overview');
    await pause(IDLE_MS);
    assert.equal(requests.of('/api/staff:overview') - before, 0, `overviews asked while idle: ${requests.all().join(' ')}`);
    assert.equal(requests.of('/api/events'), 1, 'one events stream');

    // Elsewhere (the artisan at the kiosk's other screen, here through the contract): Jean-Pierre orders a PVC card.
    const call = bridgeClient(kiosk);
    assert.equal((await call('identity:identify', { rmNumber: '401234562RE067', birthDate: { day: '02', month: '03', year: '1975' } })).ok, true);
    assert.equal((await call('accounts:login', { email: 'jean-pierre.muller@example.com', password: 'Menuiserie-Muller-1975' })).ok, true);
    const jpeg = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg')).toString('base64');
    assert.equal((await call('photo:set', { jpeg })).ok, true);
    const ordered = await call<{ orderId: number; number: string }>('order:request', {});
    assert.ok(ordered.ok, JSON.stringify(ordered));
    const order = p.locator('li.order').filter({ hasText: ordered.value.number });
    await order.getByText(fr['orders.state.requested'].replace('{amount}', '5,00\u00a0€')).waitFor({ timeout: 10_000 });

    // Paid from another call (a colleague's tab): the console follows the card until it is out.
    const paid = await call('staff:order', { action: 'pay', orderId: ordered.value.orderId, method: 'cash' });
    assert.ok(paid.ok, JSON.stringify(paid));
    await order.getByText(fr['orders.state.printed']).waitFor({ timeout: 60_000 });
    assert.ok(printer.received().length > 0, 'the card reached the card printer');

    // The card printer paused at the spooler (nothing announces it): the console's printers say so by themselves.
    const printers = p.getByRole('navigation', { name: fr['staff.sections'] }).getByRole('button', { name: /^Imprimantes/ });
    const inError = fr['console.badge.printerError'].replace('{count}', '1');
    assert.equal(await printers.getByText(inError).count(), 0);
    execFileSync('cupsdisable', [printer.queue]);
    await printers.getByText(inError).waitFor({ timeout: 10_000 });
    execFileSync('cupsenable', [printer.queue]);
    await printers.getByText(inError).waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await p.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad), true, 'the page was not reloaded');
    assert.equal(requests.of('/api/events'), 1, 'still the one events stream');
    await call('session:end', {});
    await call('staff:logout', {});
    await p.close();
  });

  it('the page offline for a moment: the read an event asked for is lost, tried again, and the console catches up by itself', async () => {
    const p = await kioskPage(browser);
    const requests = countRequests(p);
    await p.goto(kiosk.url);
    await button(p, fr['welcome.start']).waitFor();
    await staffGesture(p);
    await p.getByLabel(fr['staff.pin']).fill('482913');
    await button(p, fr['staff.enter']).click();
    await p.getByRole('heading', { name: fr['orders.title'], exact: true }).waitFor();
    await eventually(async () => requests.of('/api/events') === 1, 'the console listens to the kiosk');
    await p.evaluate(() => {
      (window as unknown as { sameLoad?: boolean }).sameLoad = true;
    });
    // The page loses the kiosk for a moment; meanwhile a colleague hands the printed card over.
    const call = bridgeClient(kiosk);
    const overview = await call<{ orders: { id: number; number: string; state: string }[] }>('staff:overview', {});
    assert.ok(overview.ok);
    const printed = overview.value.orders.find((o) => o.state === 'printed');
    assert.ok(printed, 'the card printed by the test before');
    const order = p.locator('li.order').filter({ hasText: printed.number });
    await order.getByText(fr['orders.state.printed']).waitFor();
    // Chromium's offline mode keeps the open events stream but fails the page's calls: the
    // event is heard, and the overview it asks for is lost.
    await p.context().setOffline(true);
    await pause(1000);
    const asked = requests.of('/api/staff:overview');
    assert.ok((await call('staff:order', { action: 'hand-over', orderId: printed.id })).ok);
    await pause(500);
    assert.equal(await order.getByText(fr['orders.state.handed-over']).count(), 0, 'not heard while cut');
    await p.context().setOffline(false);
    // Back: the lost read is tried again by itself, without a touch or another event.
    await order.getByText(fr['orders.state.handed-over']).waitFor({ timeout: 20_000 });
    assert.ok(requests.of('/api/staff:overview') - asked >= 2, 'one read lost, then one tried again');
    assert.equal(await p.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad), true, 'the page was not reloaded');
    await call('staff:logout', {});
    await p.close();
  });

  it('the waiting screen asks nothing until the link is followed, then says "Votre compte est activé" at once', async () => {
    const p = await kioskPage(browser);
    const requests = countRequests(p);
    await identifyAs(p, kiosk, '123123127RM078', ['14', '07', '1980']);
    await button(p, fr['outcome.found.activate']).click();
    await field(p, fr['activate.email']).fill('camille.durand@example.com');
    await field(p, fr['activate.password']).fill('Pain-au-levain-2026');
    await field(p, fr['activate.confirmation']).fill('Pain-au-levain-2026');
    await button(p, fr['activate.submit']).click();
    await p.getByRole('heading', { level: 1, name: fr['checkMail.heading'] }).waitFor();
    await eventually(async () => requests.of('/api/events') === 1, 'the screen listens to the kiosk');

    await pause(1000); // the stream's first check (a link followed before it opened) is done
    const before = requests.of('/api/accounts:status');
    await pause(IDLE_MS);
    assert.equal(requests.of('/api/accounts:status') - before, 0, `status asked while waiting: ${requests.all().join(' ')}`);
    assert.equal(requests.of('/api/events'), 1, 'one events stream');

    // The link followed on a phone: the kiosk's main process hears it from the registry and says so.
    const mailbox = await p.getByRole('link', { name: fr['checkMail.demoLink'] }).getAttribute('href');
    assert.ok(mailbox);
    const phone = await browser.newPage();
    await phone.goto(mailbox);
    await phone.getByRole('link', { name: 'Ouvrir le lien de confirmation' }).first().click();
    await phone.getByRole('heading', { name: 'Votre compte est activé' }).waitFor();
    await phone.close();
    await p.getByRole('status').filter({ hasText: fr['checkMail.activated'] }).waitFor({ timeout: 10_000 });
    assert.equal(requests.of('/api/accounts:status') - before, 1, 'asked once, when told');
    await button(p, fr['checkMail.continue']).click();
    await p.getByRole('heading', { level: 1, name: fr['space.heading'] }).waitFor();
    await p.close();
  });
});
