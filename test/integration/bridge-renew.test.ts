import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createDispatcher, type Handlers } from '../../main/api/handle.ts';
import { type Bridge, RENEW_PATH, startBridge } from '../../main/browser/bridge.ts';
import { keepDigest, previousDigest } from '../../main/browser/token-handoff.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { ok } from '../../main/shared/errors.ts';
import { handlersWith } from '../support/handlers.ts';
import { tempDir } from '../support/temp.ts';

function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers ?? {} }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => {
        body += d.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('browser mode: a page open across a restart swaps the previous launch’s token, and only that one', () => {
  const dataDir = tempDir('bridge-renew-');
  const staticDir = tempDir();
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  const log = memoryLogger();
  // The previous launch, as browser mode's cli leaves it: its token's digest in the data directory.
  const previousToken = 'the-previous-launch-token-0123456789abcdefghi';
  let bridge: Bridge;
  let handled = 0;
  before(async () => {
    keepDigest(dataDir, previousToken, log);
    const handlers: Handlers = handlersWith({
      'identity:identify': async () => {
        handled++;
        return ok({ kind: 'not-found', rmNumber: 'X' });
      },
    });
    bridge = await startBridge({
      port: 0,
      staticDir,
      log,
      previousTokenDigest: previousDigest(dataDir, log),
      dispatcherFor: (origins) => createDispatcher({ handlers, trustedOrigins: origins, log }),
    });
  });
  after(() => bridge.close());
  const host = () => `127.0.0.1:${bridge.port}`;
  const renew = (headers: Record<string, string>) =>
    request(bridge.port, {
      method: 'POST',
      path: RENEW_PATH,
      headers: { Host: host(), Origin: bridge.origin, 'Content-Type': 'application/json', ...headers },
      body: '{}',
    });

  it('keeps a digest, never the token, in a file only the kiosk reads (600)', () => {
    const file = path.join(dataDir, 'bridge-token.sha256');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.ok(!readFileSync(file, 'utf8').includes(previousToken));
  });

  it('the previous launch’s token gets this launch’s; it still opens no call', async () => {
    const r = await renew({ Authorization: `Bearer ${previousToken}` });
    assert.equal(r.status, 200);
    assert.deepEqual(JSON.parse(r.body), { ok: true, value: { token: bridge.token, renewed: true } });
    const before = handled;
    const call = await request(bridge.port, {
      method: 'POST',
      path: '/api/identity:identify',
      headers: { Host: host(), Origin: bridge.origin, 'Content-Type': 'application/json', Authorization: `Bearer ${previousToken}` },
      body: '{}',
    });
    assert.equal(call.status, 401);
    assert.equal(handled, before);
    assert.ok(!log.lines.join('\n').includes(previousToken), 'no token is logged');
  });

  it('this launch’s token is answered with itself (the refusal the page met was something else)', async () => {
    const r = await renew({ Authorization: `Bearer ${bridge.token}` });
    assert.deepEqual(JSON.parse(r.body), { ok: true, value: { token: bridge.token, renewed: false } });
  });

  it('refuses any other token (401), another site (403), and a GET (405)', async () => {
    assert.equal((await renew({})).status, 401);
    assert.equal((await renew({ Authorization: 'Bearer ' })).status, 401);
    assert.equal((await renew({ Authorization: `Bearer ${previousToken}x` })).status, 401);
    assert.equal((await renew({ Authorization: `Bearer ${previousToken}`, Origin: 'https://evil.example' })).status, 403);
    assert.equal((await renew({ Authorization: `Bearer ${previousToken}`, 'Sec-Fetch-Site': 'cross-site' })).status, 403);
    assert.equal((await request(bridge.port, { path: RENEW_PATH, headers: { Host: host(), Authorization: `Bearer ${previousToken}` } })).status, 405);
  });

  it('a first launch (no digest kept) swaps nothing', async () => {
    const first = await startBridge({
      port: 0,
      staticDir,
      log,
      previousTokenDigest: previousDigest(tempDir('bridge-first-'), log),
      dispatcherFor: () => async () => ok(null),
    });
    try {
      const r = await request(first.port, {
        method: 'POST',
        path: RENEW_PATH,
        headers: { Host: `127.0.0.1:${first.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${previousToken}` },
        body: '{}',
      });
      assert.equal(r.status, 401);
    } finally {
      await first.close();
    }
  });
});
