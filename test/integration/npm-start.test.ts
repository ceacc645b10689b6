import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { ROOT } from '../support/browser-mode.ts';
import { tempDir } from '../support/temp.ts';

function electronBinaryPresent(): boolean {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary);
  } catch {
    return false;
  }
}

describe('npm start', () => {
  it('without the Electron binary, says so in one sentence and serves browser mode', {
    skip: electronBinaryPresent() && 'Electron is installed here: npm start opens its window',
  }, async () => {
    // Its own process group, so the whole tree (npm, tsx, node) can be stopped at the end.
    const child = spawn('npm', ['start', '--', '--port', '0', '--data-dir', tempDir()], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "Kiosk ready" within 90 s:\n${out}`)), 90_000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (/Kiosk ready: http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(out)) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
      });
      assert.match(out, /Electron's binary is not installed on this machine, so the kiosk starts in browser mode/);
      const url = /Kiosk ready: (\S+)/.exec(out)?.[1] ?? '';
      const page = await fetch(url);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<div id="root">/);
    } finally {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    }
  });
});
