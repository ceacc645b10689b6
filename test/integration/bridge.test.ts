import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createDispatcher, type Handlers } from '../../main/api/handle.ts';
import { type Bridge, startBridge } from '../../main/browser/bridge.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { ok } from '../../main/shared/errors.ts';
import { handlersWith } from '../support/handlers.ts';
import { tempDir } from '../support/temp.ts';

/** A raw HTTP request, so that Host and Origin can be set as an attacker would. */
function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers ?? {} }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => {
        body += d.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('browser-mode bridge over real HTTP', () => {
  let bridge: Bridge;
  const log = memoryLogger();
  let handled = 0;
  const staticDir = tempDir();
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(path.join(tempDir(), 'secret.txt'), 'secret');

  before(async () => {
    const handlers: Handlers = handlersWith({
      'app:info': async () => {
        handled++;
        return ok({
          version: '1',
          transport: 'browser',
          demo: true,
          demoIdentities: [],
          demoMailbox: false,
          idleWarnMs: 60_000,
          idleEndMs: 75_000,
          language: 'fr',
          speech: { available: false, aloud: false },
        });
      },
      'identity:identify': async () => {
        handled++;
        return ok({ kind: 'not-found', rmNumber: 'X' });
      },
    });
    bridge = await startBridge({ port: 0, staticDir, log, dispatcherFor: (origins) => createDispatcher({ handlers, trustedOrigins: origins, log }) });
  });
  after(() => bridge.close());

  const call = (headers: Record<string, string>, body = '{}') =>
    request(bridge.port, { method: 'POST', path: '/api/app:info', headers: { 'Content-Type': 'application/json', ...headers }, body });
  const host = () => `127.0.0.1:${bridge.port}`;

  it('listens on loopback and prints a URL that carries the token', () => {
    assert.match(bridge.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
  });

  it('answers a call with the token, our Host and our Origin', async () => {
    const before = handled;
    const r = await call({ Host: host(), Origin: bridge.origin, Authorization: `Bearer ${bridge.token}` });
    assert.equal(r.status, 200);
    assert.equal(JSON.parse(r.body).value.transport, 'browser');
    assert.equal(handled, before + 1);
    assert.equal(r.headers['cache-control'], 'no-store');
  });

  it('refuses a call without the token or with a wrong one (401), and no handler runs', async () => {
    const before = handled;
    assert.equal((await call({ Host: host() })).status, 401);
    assert.equal((await call({ Host: host(), Authorization: 'Bearer nope' })).status, 401);
    assert.equal((await call({ Host: host(), Authorization: `Bearer ${bridge.token}x` })).status, 401);
    assert.equal(handled, before);
  });

  it('refuses a foreign Host (DNS rebinding) with 403, even with the token', async () => {
    const before = handled;
    const r = await call({ Host: `evil.example:${bridge.port}`, Authorization: `Bearer ${bridge.token}` });
    assert.equal(r.status, 403);
    assert.equal((await request(bridge.port, { path: '/', headers: { Host: 'evil.example' } })).status, 403);
    assert.equal(handled, before);
  });

  it('refuses a foreign Origin or a cross-site fetch with 403, even with the token', async () => {
    const before = handled;
    assert.equal((await call({ Host: host(), Origin: 'https://evil.example', Authorization: `Bearer ${bridge.token}` })).status, 403);
    assert.equal((await call({ Host: host(), Origin: 'null', Authorization: `Bearer ${bridge.token}` })).status, 403);
    assert.equal((await call({ Host: host(), 'Sec-Fetch-Site': 'cross-site', Authorization: `Bearer ${bridge.token}` })).status, 403);
    assert.equal(handled, before);
    const refusals = log.lines.filter((l) => l.includes('bridge-refused'));
    assert.ok(
      refusals.some((l) => l.includes('foreign-origin')) && refusals.some((l) => l.includes('foreign-host')) && refusals.some((l) => l.includes('"token"')),
    );
    assert.ok(!log.lines.join('\n').includes(bridge.token), 'the token is never logged');
  });

  it('refuses GET on the API and a body that is not JSON', async () => {
    assert.equal((await request(bridge.port, { path: '/api/app:info', headers: { Host: host(), Authorization: `Bearer ${bridge.token}` } })).status, 405);
    assert.equal((await call({ Host: host(), Authorization: `Bearer ${bridge.token}` }, '{not json')).status, 400);
    const form = await request(bridge.port, {
      method: 'POST',
      path: '/api/app:info',
      headers: { Host: host(), Authorization: `Bearer ${bridge.token}`, 'Content-Type': 'text/plain' },
      body: '{}',
    });
    assert.equal(form.status, 415);
  });

  it('serves the renderer with its CSP, and nothing outside it', async () => {
    const page = await request(bridge.port, { path: '/', headers: { Host: host() } });
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(page.headers['referrer-policy'], 'no-referrer');
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2f%2e%2e%2fetc/passwd', '/%00']) {
      assert.notEqual((await request(bridge.port, { path: p, headers: { Host: host() } })).status, 200, p);
    }
  });
});
