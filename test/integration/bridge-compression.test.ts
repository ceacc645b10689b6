import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createDispatcher } from '../../main/api/handle.ts';
import { type Bridge, startBridge } from '../../main/browser/bridge.ts';
import { chooseEncoding } from '../../main/browser/compression.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { handlersWith } from '../support/handlers.ts';
import { tempDir } from '../support/temp.ts';

/** A GET as a browser sends it, the body kept as raw bytes (node does not decode it). */
function get(port: number, urlPath: string, headers: Record<string, string>, method = 'GET') {
  return new Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser mode sends the renderer compressed', () => {
  let bridge: Bridge;
  const log = memoryLogger();
  const staticDir = tempDir();
  const jsPath = path.join(staticDir, 'assets/index-abc.js');
  mkdirSync(path.dirname(jsPath));
  // Shaped like a bundle: long and repetitive, so compression visibly pays.
  const js = Array.from({ length: 2000 }, (_, i) => `export function screen${i}(t){return t('screen.${i}.heading')+"·é"}`).join('\n');
  writeFileSync(jsPath, js);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>kiosk</title><script type="module" src="./assets/index-abc.js"></script>');
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  writeFileSync(path.join(staticDir, 'logo.png'), png);

  before(async () => {
    const handlers = handlersWith({});
    bridge = await startBridge({ port: 0, staticDir, log, dispatcherFor: (origins) => createDispatcher({ handlers, trustedOrigins: origins, log }) });
  });
  after(() => bridge.close());
  const host = () => `127.0.0.1:${bridge.port}`;

  it('sends a JS file gzip-encoded to a browser that accepts gzip, and it decodes to the bytes on disk', async () => {
    const r = await get(bridge.port, '/assets/index-abc.js', { Host: host(), 'Accept-Encoding': 'gzip, deflate' });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-encoding'], 'gzip');
    assert.equal(r.headers.vary, 'Accept-Encoding');
    assert.equal(r.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(Number(r.headers['content-length']), r.body.length);
    assert.ok(r.body.length < readFileSync(jsPath).length / 4, `${r.body.length} bytes sent for ${readFileSync(jsPath).length}`);
    assert.deepEqual(gunzipSync(r.body), readFileSync(jsPath));
    // The security headers travel with the compressed file too.
    assert.match(String(r.headers['content-security-policy']), /script-src 'self'/);
  });

  it('prefers brotli when the browser offers it (as Chromium does)', async () => {
    const r = await get(bridge.port, '/assets/index-abc.js', { Host: host(), 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    assert.equal(r.headers['content-encoding'], 'br');
    assert.deepEqual(brotliDecompressSync(r.body), readFileSync(jsPath));
  });

  it('sends the plain bytes without Accept-Encoding, or when the browser refuses both (q=0)', async () => {
    const cases: Record<string, string>[] = [
      { Host: host() },
      { Host: host(), 'Accept-Encoding': 'gzip;q=0, br;q=0' },
      { Host: host(), 'Accept-Encoding': 'identity' },
    ];
    for (const headers of cases) {
      const r = await get(bridge.port, '/assets/index-abc.js', headers);
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-encoding'], undefined, JSON.stringify(headers));
      assert.equal(r.headers.vary, 'Accept-Encoding');
      assert.deepEqual(r.body, readFileSync(jsPath));
    }
  });

  it('compresses the page itself, and leaves images as they are', async () => {
    const page = await get(bridge.port, '/', { Host: host(), 'Accept-Encoding': 'gzip' });
    assert.equal(page.headers['content-encoding'], 'gzip');
    assert.match(gunzipSync(page.body).toString(), /index-abc\.js/);
    const image = await get(bridge.port, '/logo.png', { Host: host(), 'Accept-Encoding': 'gzip, br' });
    assert.equal(image.headers['content-encoding'], undefined);
    assert.deepEqual(image.body, png);
  });

  it('answers HEAD with the compressed length and no body', async () => {
    const full = await get(bridge.port, '/assets/index-abc.js', { Host: host(), 'Accept-Encoding': 'gzip' });
    const head = await get(bridge.port, '/assets/index-abc.js', { Host: host(), 'Accept-Encoding': 'gzip' }, 'HEAD');
    assert.equal(head.headers['content-encoding'], 'gzip');
    assert.equal(head.headers['content-length'], String(full.body.length));
    assert.equal(head.body.length, 0);
  });

  it('a rebuilt file is sent as it is now, not as first compressed', async () => {
    const first = await get(bridge.port, '/assets/index-abc.js', { Host: host(), 'Accept-Encoding': 'gzip' });
    assert.deepEqual(gunzipSync(first.body), readFileSync(jsPath));
    writeFileSync(jsPath, `${js}\nexport const rebuilt = true;`);
    const again = await get(bridge.port, '/assets/index-abc.js', { Host: host(), 'Accept-Encoding': 'gzip' });
    assert.match(gunzipSync(again.body).toString(), /rebuilt = true;$/);
  });

  it('still refuses a foreign Host or Origin before anything is read or compressed', async () => {
    assert.equal((await get(bridge.port, '/assets/index-abc.js', { Host: 'evil.example', 'Accept-Encoding': 'gzip' })).status, 403);
    const foreign = await get(bridge.port, '/assets/index-abc.js', { Host: host(), Origin: 'https://evil.example', 'Accept-Encoding': 'gzip' });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers['content-encoding'], undefined);
  });
});

describe('reading Accept-Encoding', () => {
  it('picks brotli, then gzip, honours q=0 and reads * as gzip', () => {
    assert.equal(chooseEncoding(undefined), null);
    assert.equal(chooseEncoding(''), null);
    assert.equal(chooseEncoding('gzip, deflate, br, zstd'), 'br');
    assert.equal(chooseEncoding('GZIP'), 'gzip');
    assert.equal(chooseEncoding('br;q=0, gzip;q=0.5'), 'gzip');
    assert.equal(chooseEncoding('br; q=0 , gzip ; q=0'), null);
    assert.equal(chooseEncoding('*'), 'gzip');
    assert.equal(chooseEncoding('*, gzip;q=0'), null);
    assert.equal(chooseEncoding('deflate, identity'), null);
  });
});
