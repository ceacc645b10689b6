import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createDispatcher } from '../../main/api/handle.ts';
import { type Bridge, startBridge } from '../../main/browser/bridge.ts';
import { memoryLogger } from '../../main/logging/logger.ts';
import { readRendererFile } from '../../main/renderer-files.ts';
import { handlersWith } from '../support/handlers.ts';
import { tempDir } from '../support/temp.ts';

function get(port: number, urlPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, headers: { Host: `127.0.0.1:${port}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a renderer file that cannot be read is a server error, logged; only a missing one is "not found"', () => {
  let bridge: Bridge;
  const log = memoryLogger();
  const staticDir = tempDir();
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  mkdirSync(path.join(staticDir, 'assets'));
  // A broken install: a link that points at itself (ELOOP, whoever the kiosk runs as).
  symlinkSync('loop.js', path.join(staticDir, 'assets', 'loop.js'));

  before(async () => {
    const handlers = handlersWith({});
    bridge = await startBridge({ port: 0, staticDir, log, dispatcherFor: (origins) => createDispatcher({ handlers, trustedOrigins: origins, log }) });
  });
  after(() => bridge.close());

  it('readRendererFile: bytes, null for a missing file or a directory, and throws for anything else', async () => {
    assert.equal((await readRendererFile(path.join(staticDir, 'index.html')))?.toString().startsWith('<!doctype'), true);
    assert.equal(await readRendererFile(path.join(staticDir, 'missing.js')), null);
    assert.equal(await readRendererFile(path.join(staticDir, 'assets')), null);
    assert.equal(await readRendererFile(path.join(staticDir, 'index.html', 'x.js')), null);
    await assert.rejects(readRendererFile(path.join(staticDir, 'assets', 'loop.js')), (e: NodeJS.ErrnoException) => e.code === 'ELOOP');
  });

  it('over HTTP: a missing file is 404, the unreadable one 500 with bridge-failed in the log (not a quiet 404)', async () => {
    assert.equal(await get(bridge.port, '/assets/missing.js'), 404);
    assert.ok(!log.lines.some((l) => l.includes('bridge-failed')));
    assert.equal(await get(bridge.port, '/assets/loop.js'), 500);
    const failed = log.lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.event === 'bridge-failed');
    assert.equal(failed?.level, 'error');
    // Why, for IT: the system's code, not the message (which names the file's path).
    assert.equal(failed?.kind, 'Error:ELOOP');
    assert.doesNotMatch(JSON.stringify(failed), /loop\.js|\/tmp\//);
  });
});
