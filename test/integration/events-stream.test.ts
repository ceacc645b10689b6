import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Bridge, EVENTS_PATH, MAX_STREAMS, startBridge } from '../../main/browser/bridge.ts';
import { createKiosk, type Kiosk } from '../../main/kiosk.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { memoryStore } from '../../main/secrets/secret-store.ts';
import { tempDir } from '../support/temp.ts';

type Stream = { status: number; headers: http.IncomingHttpHeaders; body: () => string; waitFor(text: string): Promise<string>; close(): void };

/** GET on the bridge as a browser's EventSource would, with the headers a test chooses (an attacker's too). */
function openStream(port: number, pathWithQuery: string, headers: Record<string, string>): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'GET', path: pathWithQuery, headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
      let body = '';
      const waiting: { text: string; done: (b: string) => void }[] = [];
      res.on('data', (d: Buffer) => {
        body += d.toString();
        for (const w of [...waiting]) if (body.includes(w.text)) w.done(body);
      });
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        body: () => body,
        waitFor: (text) =>
          new Promise((done, fail) => {
            if (body.includes(text)) return done(body);
            const timer = setTimeout(() => fail(new Error(`no "${text}" in the stream; got:\n${body}`)), 20_000);
            waiting.push({
              text,
              done: (b) => {
                clearTimeout(timer);
                done(b);
              },
            });
          }),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const eventually = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail(what);
};

describe('the events stream of browser mode (Server-Sent Events), over real HTTP against the kiosk core', () => {
  let kiosk: Kiosk;
  let bridge: Bridge;
  const log = memoryLogger();
  const staticDir = tempDir();
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>kiosk</title>');

  before(async () => {
    kiosk = await createKiosk({ dataDir: tempDir('kiosk-events-'), log: memoryLogger(), secrets: memoryStore(), syncIntervalMs: 0 });
    bridge = await startBridge({
      port: 0,
      staticDir,
      log,
      dispatcherFor: (origins) => kiosk.dispatcher('browser', origins),
      events: kiosk.events.subscribe,
    });
  });
  after(async () => {
    await bridge.close();
    await kiosk.close();
  });

  const host = () => `127.0.0.1:${bridge.port}`;
  const withToken = (token: string) => `${EVENTS_PATH}?token=${encodeURIComponent(token)}`;

  it('refuses a stream without the token or with a wrong one (401), and nobody listens to the core for it', async () => {
    const listening = kiosk.events.listeners();
    for (const p of [EVENTS_PATH, withToken('not-the-token'), withToken(`${bridge.token}x`), withToken('')]) {
      const s = await openStream(bridge.port, p, { Host: host() });
      assert.equal(s.status, 401, p);
      s.close();
    }
    assert.equal(kiosk.events.listeners(), listening);
  });

  it('refuses a foreign Host (DNS rebinding), a foreign Origin and a cross-site request, even with the token (403)', async () => {
    const listening = kiosk.events.listeners();
    const refused: Record<string, string>[] = [
      { Host: 'evil.example:80' },
      { Host: `attacker.example:${bridge.port}` },
      { Host: host(), Origin: 'http://evil.example' },
      { Host: host(), Origin: `http://127.0.0.1:${bridge.port + 1}` },
      { Host: host(), 'Sec-Fetch-Site': 'cross-site' },
    ];
    for (const headers of refused) {
      const s = await openStream(bridge.port, withToken(bridge.token), headers);
      assert.equal(s.status, 403, JSON.stringify(headers));
      assert.doesNotMatch(s.headers['content-type'] ?? '', /event-stream/);
      s.close();
    }
    assert.equal(kiosk.events.listeners(), listening);
  });

  it('takes the token from the query string for the stream only: a call with it there and no header is refused', async () => {
    const r = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: bridge.port,
          method: 'POST',
          path: `/api/app:info?token=${bridge.token}`,
          headers: { Host: host(), Origin: bridge.origin, 'Content-Type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    assert.equal(r, 401);
    const post = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: bridge.port, method: 'POST', path: withToken(bridge.token), headers: { Host: host() } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(post, 405, 'the stream is read with GET only');
  });

  it('holds a few streams at most (a kiosk has one page): one more is told to come back later (503)', async () => {
    const open = [];
    for (let i = 0; i < MAX_STREAMS; i++) open.push(await openStream(bridge.port, withToken(bridge.token), { Host: host() }));
    assert.deepEqual(
      open.map((s) => s.status),
      open.map(() => 200),
    );
    const one = await openStream(bridge.port, withToken(bridge.token), { Host: host() });
    assert.equal(one.status, 503);
    one.close();
    for (const s of open) s.close();
    await eventually(() => kiosk.events.listeners() === 0, 'all let go');
    const again = await openStream(bridge.port, withToken(bridge.token), { Host: host() });
    assert.equal(again.status, 200, 'room again once they are closed');
    again.close();
    await eventually(() => kiosk.events.listeners() === 0, 'let go');
  });

  it('delivers what the core emits (a sync run), with ids and kinds only, to a page of ours; the core lets go when the page does', async () => {
    const listening = kiosk.events.listeners();
    // The page's own EventSource: same origin, so the browser sends no Origin header.
    const page = await openStream(bridge.port, withToken(bridge.token), { Host: `localhost:${bridge.port}` });
    assert.equal(page.status, 200);
    assert.match(page.headers['content-type'] ?? '', /^text\/event-stream/);
    assert.equal(page.headers['cache-control'], 'no-store');
    // With an Origin of ours (a browser may send one), and with the token as a header, it is the same.
    const other = await openStream(bridge.port, EVENTS_PATH, { Host: host(), Origin: bridge.origin, Authorization: `Bearer ${bridge.token}` });
    assert.equal(other.status, 200);
    await eventually(() => kiosk.events.listeners() === listening + 2, 'both streams listen to the core');

    await kiosk.sync.syncNow();
    const body = await page.waitFor('"state":"ok"');
    await other.waitFor('"state":"ok"');
    const events = body
      .split('\n\n')
      .filter((block) => block.startsWith('data: '))
      .map((block) => JSON.parse(block.slice('data: '.length)) as Record<string, unknown>);
    assert.ok(
      events.some((e) => e.kind === 'sync-status' && e.state === 'syncing'),
      body,
    );
    for (const e of events) assert.deepEqual(Object.keys(e).sort(), ['kind', 'state'], 'a sync event says its state, nothing else');
    assert.match(body, /^retry: \d+/, 'the page is told how soon to reconnect');

    page.close();
    other.close();
    await eventually(() => kiosk.events.listeners() === listening, 'the closed streams no longer listen');
  });
});
