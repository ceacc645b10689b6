import assert from 'node:assert/strict';
import dc from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type Bridge, EVENTS_PATH, MAX_STREAMS, startBridge } from '../../main/browser/bridge.ts';
import { createKiosk, type Kiosk } from '../../main/kiosk.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { memoryStore } from '../../main/secrets/secret-store.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { bridgeClient, ROOT } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { firstAgentOpensConsole, identifyAs } from '../support/kiosk-flows.ts';
import { eventually } from '../support/pvc.ts';
import { tempDir } from '../support/temp.ts';

/*
 * Browser mode's events stream when it breaks. The kiosk core and its real bridge run in this
 * process, started as main/browser/cli.ts starts them, so that the test can cut the streams the
 * bridge holds from the server's side (Chromium's offline emulation leaves an open stream up):
 * Node's `http.server.request.start` diagnostics channel hands over each request the bridge
 * gets, and a cut destroys the open responses of GET /api/events. Nothing in the kiosk knows.
 *
 * The edges: (1) something happens while the stream is down (a link followed, an order taken):
 * its event is lost, so the screen must read again once the stream is back (`subscribed`);
 * (2) the stream drops and comes back with nothing changed: one stream again, one read, no
 * e-mail sent again, nothing announced; (3) the bridge refuses the page's stream when it comes
 * back (EventSource then gives up for good) and accepts it later: the page opens it again by
 * itself. A 401 followed by an acceptance cannot happen with the real bridge (its token is made
 * at each launch and the page keeps the one it was given), so the refusal here is the other one
 * the bridge makes and lifts, 503 "too many streams"; the page's side of both is the same code.
 */

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });
const field = (p: Page, name: string) => p.getByRole('textbox', { name, exact: true });
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CAMILLE = { rm: '123123127RM078', born: ['14', '07', '1980'] as const, email: 'camille.durand@example.com' };
// What another tab's stream says it is, so that the page's own requests can be told apart.
const OTHER_TAB = 'another-tab';

type Held = { request: http.IncomingMessage; response: http.ServerResponse };

/** The events streams the bridge on `port` was asked for, as its server holds them. */
function streamsOf(port: number) {
  const held: Held[] = [];
  const onStart = (message: unknown) => {
    const { request, response, server } = message as Held & { server: http.Server };
    if ((server.address() as AddressInfo | null)?.port !== port || !(request.url ?? '').startsWith(EVENTS_PATH)) return;
    held.push({ request, response });
  };
  dc.subscribe('http.server.request.start', onStart);
  const page = () => held.filter((h) => h.request.headers['user-agent'] !== OTHER_TAB);
  const accepted = (h: Held) => h.response.headersSent && h.response.statusCode === 200;
  const live = (h: Held) => accepted(h) && !h.response.destroyed;
  return {
    /** Streams the page opened and the bridge accepted, since the start. */
    acceptedForPage: () => page().filter(accepted).length,
    /** The page's requests for a stream that the bridge answered with this status. */
    refusedForPage: (status: number) => page().filter((h) => h.response.headersSent && h.response.statusCode === status).length,
    /** Streams open now, the page's and any other tab's. */
    live: () => held.filter(live).length,
    /** The connection drops under every open stream, from the server's side. */
    cut() {
      const open = held.filter(live);
      for (const h of open) h.response.destroy();
      return open.length;
    },
    stop: () => dc.unsubscribe('http.server.request.start', onStart),
  };
}

/** The kiosk core and its bridge, as `npm run start:browser` starts them, with the built renderer. */
async function startKiosk(prefix: string): Promise<{ kiosk: Kiosk; bridge: Bridge; url: string; close(): Promise<void> }> {
  // No scheduled sync: its events would make the screens read again, and hide a lost one.
  const kiosk = await createKiosk({ dataDir: tempDir(prefix), log: memoryLogger(), secrets: memoryStore(), syncIntervalMs: 0 });
  const bridge = await startBridge({
    port: 0,
    staticDir: path.join(ROOT, 'dist/renderer'),
    dispatcherFor: (origins) => kiosk.dispatcher('browser', origins),
    events: kiosk.events.subscribe,
    log: memoryLogger('bridge'),
  });
  await eventually(async () => (await kiosk.sync.replica()).complete, 'the copy of the registry is complete');
  return {
    kiosk,
    bridge,
    url: bridge.url,
    close: async () => {
      await bridge.close();
      await kiosk.close();
    },
  };
}

/** Another tab of the kiosk's address, listening to the events as the page does. */
function otherTab(bridge: Bridge): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      {
        host: '127.0.0.1',
        port: bridge.port,
        path: `${EVENTS_PATH}?token=${encodeURIComponent(bridge.token)}`,
        headers: { Accept: 'text/event-stream', Origin: bridge.origin, 'User-Agent': OTHER_TAB },
      },
      (res) => (res.statusCode === 200 ? resolve(req) : reject(new Error(`another tab refused: ${res.statusCode}`))),
    );
    req.on('error', () => undefined);
  });
}

/** The waiting screen of Camille's activation, with its stream open; returns the demo mailbox's address. */
async function waitForTheLink(p: Page, url: string, streams: ReturnType<typeof streamsOf>): Promise<string> {
  await identifyAs(p, { url }, CAMILLE.rm, CAMILLE.born);
  await button(p, fr['outcome.found.activate']).click();
  await field(p, fr['activate.email']).fill(CAMILLE.email);
  await field(p, fr['activate.password']).fill('Pain-au-levain-2026');
  await field(p, fr['activate.confirmation']).fill('Pain-au-levain-2026');
  await button(p, fr['activate.submit']).click();
  await p.getByRole('heading', { level: 1, name: fr['checkMail.heading'] }).waitFor();
  await eventually(async () => streams.acceptedForPage() === 1 && streams.live() === 1, 'the waiting screen listens to the kiosk');
  await p.evaluate(() => {
    (window as unknown as { sameLoad?: boolean }).sameLoad = true;
  });
  const mailbox = await p.getByRole('link', { name: fr['checkMail.demoLink'] }).getAttribute('href');
  assert.ok(mailbox);
  return mailbox;
}

/** The demo mailbox opened on a "phone": the confirmation links sent to an address, newest first. */
async function linksTo(browser: Browser, mailbox: string, to: string): Promise<string[]> {
  const phone = await browser.newPage();
  await phone.goto(mailbox);
  const links = await phone
    .getByRole('listitem')
    .filter({ hasText: `À : ${to} ` })
    .getByRole('link')
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  await phone.close();
  return links;
}

/**
 * A phone at hand, its browser already open (so that the link is followed within the seconds a
 * stream stays down); `follow` opens the link there and the registry's page says the account is active.
 */
async function phoneAtHand(browser: Browser): Promise<{ follow(link: string): Promise<void> }> {
  const phone = await browser.newPage();
  return {
    async follow(link) {
      await phone.goto(link);
      await phone.getByRole('heading', { level: 1, name: 'Votre compte est activé' }).waitFor();
      await phone.close();
    },
  };
}

/** "Votre compte est activé" on the kiosk's screen, said once, and no longer "waiting". */
async function seenActivatedOnce(p: Page): Promise<void> {
  await p.getByRole('status').filter({ hasText: fr['checkMail.activated'] }).waitFor({ timeout: 20_000 });
  await pause(2500); // the kiosk's own watch of the registry has spoken too by now
  assert.equal(await p.getByText(fr['checkMail.activated'], { exact: true }).count(), 1, 'said once');
  assert.equal(await p.getByText(fr['checkMail.waiting']).count(), 0, 'no longer waiting');
  assert.ok(await p.getByText(fr['checkMail.activatedSpace']).isVisible());
  assert.equal(await p.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad), true, 'the page was not reloaded');
}

/** Every call a page makes to the kiosk, by path. */
function countCalls(p: Page) {
  const paths: string[] = [];
  p.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) paths.push(decodeURIComponent(url.pathname));
  });
  return (path: string) => paths.filter((x) => x === path).length;
}

describe('the events stream of browser mode cut, or refused, and back: the screen catches up without a reload', () => {
  let browser: Browser;
  const running: { close(): Promise<void> }[] = [];
  const trackers: { stop(): void }[] = [];
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    for (const t of trackers) t.stop();
    for (const k of running) await k.close();
  });
  const start = async (prefix: string) => {
    const k = await startKiosk(prefix);
    running.push(k);
    const streams = streamsOf(k.bridge.port);
    trackers.push(streams);
    return { ...k, streams };
  };

  it('the link is followed while the stream is cut: once it is back, the waiting screen says "Votre compte est activé"', async () => {
    const { url, streams } = await start('kiosk-reconnect-link-');
    const p = await kioskPage(browser);
    const mailbox = await waitForTheLink(p, url, streams);
    const [link] = await linksTo(browser, mailbox, CAMILLE.email);
    assert.ok(link, 'the confirmation e-mail is in the demo mailbox');
    const phone = await phoneAtHand(browser);

    assert.equal(streams.cut(), 1, 'the page’s stream is cut');
    // On the phone, in the two seconds the page waits before it reconnects.
    await phone.follow(link);
    assert.equal(streams.acceptedForPage(), 1, 'the link was followed while the stream was down');
    assert.equal(await p.getByText(fr['checkMail.activated']).count(), 0);

    await eventually(async () => streams.acceptedForPage() === 2, 'the page reconnects by itself');
    await seenActivatedOnce(p);
    await screenshot(p, 'events-reconnect-activated');
    await button(p, fr['checkMail.continue']).click();
    await p.getByRole('heading', { level: 1, name: fr['space.heading'] }).waitFor();
    await p.close();
  });

  it('an order taken while the console’s stream is cut appears once the stream is back, with no other event to show it', async () => {
    const { url, bridge, streams } = await start('kiosk-reconnect-console-');
    const p = await kioskPage(browser);
    await p.goto(url);
    await firstAgentOpensConsole(p);
    await eventually(async () => streams.acceptedForPage() === 1 && streams.live() === 1, 'the console listens to the kiosk');
    await p.evaluate(() => {
      (window as unknown as { sameLoad?: boolean }).sameLoad = true;
    });

    // At the kiosk's other screen (here through the contract), Jean-Pierre is about to order a PVC card.
    const call = bridgeClient(bridge);
    assert.equal((await call('identity:identify', { rmNumber: '401234562RE067', birthDate: { day: '02', month: '03', year: '1975' } })).ok, true);
    assert.equal((await call('accounts:login', { email: 'jean-pierre.muller@example.com', password: 'Menuiserie-Muller-1975' })).ok, true);
    const jpeg = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg')).toString('base64');
    assert.equal((await call('photo:set', { jpeg })).ok, true);

    assert.equal(streams.cut(), 1, 'the console’s stream is cut');
    const ordered = await call<{ orderId: number; number: string }>('order:request', {});
    assert.ok(ordered.ok, JSON.stringify(ordered));
    assert.equal(streams.acceptedForPage(), 1, 'ordered while the stream was down');
    const order = p.locator('li.order').filter({ hasText: ordered.value.number });
    assert.equal(await order.count(), 0, 'not heard while cut');

    await eventually(async () => streams.acceptedForPage() === 2, 'the console reconnects by itself');
    await order.getByText(fr['orders.state.requested'].replace('{amount}', '5,00\u00a0€')).waitFor({ timeout: 10_000 });
    assert.equal(await order.count(), 1);
    assert.equal(await p.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad), true, 'the page was not reloaded');
    await screenshot(p, 'events-reconnect-console');
    await call('session:end', {});
    await call('staff:logout', {});
    await p.close();
  });

  it('the stream cut and back with nothing changed: the screen still waits, one stream, no second e-mail, and the link still heard', async () => {
    const { url, streams } = await start('kiosk-reconnect-quiet-');
    const p = await kioskPage(browser);
    const calls = countCalls(p);
    const mailbox = await waitForTheLink(p, url, streams);
    await pause(1000); // the stream's first check (a link followed before it opened) is done
    const statusBefore = calls('/api/accounts:status');

    assert.equal(streams.cut(), 1);
    await eventually(async () => streams.acceptedForPage() === 2, 'the page reconnects by itself');
    // Longer than the page's own reopening of a refused stream (5 s): a second stream or a second read shows by then.
    await pause(6000);
    assert.equal(streams.live(), 1, 'one stream open, not two');
    assert.equal(calls('/api/accounts:status') - statusBefore, 1, 'read once again, for what the cut may have hidden');
    assert.equal(calls('/api/accounts:resend'), 0, 'no e-mail sent again');
    assert.equal((await linksTo(browser, mailbox, CAMILLE.email)).length, 1, 'one e-mail in the mailbox');
    assert.ok(await p.getByRole('heading', { level: 1, name: fr['checkMail.heading'] }).isVisible());
    assert.ok(await p.getByText(fr['checkMail.waiting']).isVisible(), 'still waiting');
    assert.equal(await p.getByText(fr['checkMail.activated']).count(), 0);
    assert.equal(await p.getByRole('alert').count(), 0, 'no error said');
    assert.equal(await p.locator('.panel-success').count(), 0, 'nothing announced');
    await screenshot(p, 'events-reconnect-quiet');

    // The stream back is a working one: the link followed now is heard, once.
    const [link] = await linksTo(browser, mailbox, CAMILLE.email);
    assert.ok(link);
    await (await phoneAtHand(browser)).follow(link);
    await seenActivatedOnce(p);
    assert.equal((await linksTo(browser, mailbox, CAMILLE.email)).length, 1, 'still one e-mail');
    await p.close();
  });

  it('the bridge refuses the stream when it comes back, then accepts it: the page tries again by itself and hears the link followed', async () => {
    const { url, bridge, streams } = await start('kiosk-reconnect-refused-');
    const p = await kioskPage(browser);
    const mailbox = await waitForTheLink(p, url, streams);
    const [link] = await linksTo(browser, mailbox, CAMILLE.email);
    assert.ok(link);
    const phone = await phoneAtHand(browser);

    // The stream drops, and before the page is back, other tabs of the kiosk's address take
    // every stream the bridge allows: the page's reconnection is refused (503), for good as
    // far as its EventSource goes.
    assert.equal(streams.cut(), 1);
    const tabs = await Promise.all(Array.from({ length: MAX_STREAMS }, () => otherTab(bridge)));
    await eventually(async () => streams.refusedForPage(503) >= 1, 'the page’s stream is refused');
    for (const tab of tabs) tab.destroy();
    await eventually(async () => streams.live() === 0, 'the other tabs are gone');
    await phone.follow(link);
    assert.equal(streams.acceptedForPage(), 1, 'the link was followed while the page had no stream');

    await eventually(async () => streams.acceptedForPage() === 2, 'the page opens its stream again', 20_000);
    await seenActivatedOnce(p);
    assert.equal(streams.acceptedForPage(), 2, 'opened again once');
    await screenshot(p, 'events-reconnect-refused');
    await p.close();
  });
});
