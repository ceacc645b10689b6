import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fr } from '../../renderer/i18n/fr.ts';
import { ROOT, type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { tempDir } from '../support/temp.ts';

/**
 * A fake camera filming the back of a real card: the card PDF rendered by the CLI with the
 * given kiosk data directory (hence its signing key), its back page as a picture, as MJPEG.
 */
async function cameraOnCardBack(dataDir: string): Promise<string> {
  const dir = tempDir('card-camera-');
  const pdf = path.join(dir, 'card.pdf');
  execFileSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'card-render', '--data-dir', dataDir, '--rm', '401234562RE067', '--out', pdf], {
    cwd: ROOT,
  });
  execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '2', '-l', '2', '-singlefile', pdf, path.join(dir, 'back')]);
  // Chromium's fake camera reads JPEG frames: let a page's canvas re-encode the PNG.
  const browser = await launchChromium();
  const page = await browser.newPage();
  const png = readFileSync(path.join(dir, 'back.png')).toString('base64');
  const jpeg = await page.evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width - (img.width % 2);
    c.height = img.height - (img.height % 2);
    (c.getContext('2d') as CanvasRenderingContext2D).drawImage(img, 0, 0);
    return c.toDataURL('image/jpeg', 0.95).split(',')[1] ?? '';
  }, png);
  await browser.close();
  const frame = Buffer.from(jpeg, 'base64');
  const mjpeg = path.join(dir, 'back.mjpeg');
  writeFileSync(mjpeg, Buffer.concat([frame, frame, frame]));
  return mjpeg;
}

describe('"Vérifier une carte" reads a card with the camera and checks its signature offline', () => {
  let kiosk: RunningKiosk;
  const dataDir = tempDir('kiosk-verify-');
  before(async () => {
    kiosk = await startBrowserMode(dataDir);
  });
  after(() => kiosk?.stop());

  for (const [label, issuer, expected] of [
    ['a card this kiosk issued is genuine', 'self', fr['verify.valid']],
    ['a card signed by an unknown key is refused, in words', 'stranger', fr['verify.reason.unknown-key']],
  ] as const) {
    it(label, async () => {
      let issuerDir = dataDir;
      if (issuer === 'stranger') {
        // Another data directory: another signing key, the same registry data.
        issuerDir = tempDir('kiosk-stranger-');
        const other = await startBrowserMode(issuerDir);
        await other.stop();
      }
      const browser = await launchChromium({ camera: await cameraOnCardBack(issuerDir) });
      try {
        const p = await kioskPage(browser, undefined, { camera: true });
        await p.goto(kiosk.url);
        await p.getByRole('button', { name: fr['help.verify'], exact: true }).click();
        await p.getByText(expected).waitFor({ timeout: 15_000 });
        if (issuer === 'self') assert.match(await p.locator('main').innerText(), /Jean-Pierre MULLER[\s\S]*401 234 562 RE 067/);
        await screenshot(p, `verify-${issuer}`);
      } finally {
        await browser.close();
      }
    });
  }
});
