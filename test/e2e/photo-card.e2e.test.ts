import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { fr } from '../../renderer/i18n/fr.ts';
import { ROOT, type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { loginAsJeanPierre } from '../support/kiosk-flows.ts';
import { tempDir } from '../support/temp.ts';

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });
const _field = (p: Page, name: string) => p.getByRole('textbox', { name, exact: true });

/** The colour at the middle of an image on the page (the face of the demo portrait). */
function centreColour(p: Page, selector: string): Promise<[number, number, number]> {
  return p.evaluate(async (sel) => {
    const img = document.querySelector(sel) as HTMLImageElement;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext('2d') as CanvasRenderingContext2D;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(Math.floor(c.width / 2), Math.floor(c.height * 0.45), 1, 1).data;
    return [d[0] ?? 0, d[1] ?? 0, d[2] ?? 0] as [number, number, number];
  }, selector);
}

describe('the ID photo from the kiosk camera, and the card that shows it', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  before(async () => {
    // The fake camera films the demo portrait (a JPEG repeated makes an MJPEG stream).
    const jpeg = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg'));
    const mjpeg = path.join(tempDir('camera-'), 'portrait.mjpeg');
    writeFileSync(mjpeg, Buffer.concat([jpeg, jpeg, jpeg]));
    browser = await launchChromium({ camera: mjpeg });
    kiosk = await startBrowserMode(tempDir('kiosk-photo-'));
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('Jean-Pierre takes his photo, retakes it, accepts it, and his card shows it', async () => {
    const p = await kioskPage(browser, undefined, { camera: true });
    await loginAsJeanPierre(p, kiosk);

    // A card before any photo: a placeholder and a way to take one.
    await button(p, fr['space.myCard']).click();
    await p.getByText(fr['card.noPhoto']).waitFor();
    await screenshot(p, 'card-no-photo');
    await button(p, fr['card.addPhoto']).click();

    await p.getByRole('heading', { level: 1, name: fr['photo.heading'] }).waitFor();
    await p.waitForFunction(() => ((document.querySelector('video') as HTMLVideoElement | null)?.videoWidth ?? 0) > 0);
    await screenshot(p, 'photo-camera');
    await button(p, fr['photo.take']).click();
    await p.getByRole('img', { name: fr['photo.preview'] }).waitFor({ timeout: 8000 });
    await screenshot(p, 'photo-preview');
    await button(p, fr['photo.retake']).click();
    await button(p, fr['photo.take']).click();
    await p.getByRole('img', { name: fr['photo.preview'] }).waitFor({ timeout: 8000 });
    const shot = await centreColour(p, 'img.shot');
    await button(p, fr['photo.accept']).click();

    await p.getByRole('heading', { level: 1, name: fr['card.heading'] }).waitFor();
    await p.getByText(fr['photo.saved']).waitFor();
    const onCard = p.getByRole('img', { name: 'Photo de Jean-Pierre MULLER' });
    await onCard.waitFor();
    assert.match((await onCard.getAttribute('src')) ?? '', /^data:image\/jpeg;base64,/);
    // The card shows the face the camera saw: the portrait's skin tone (#d9a57b) at its centre.
    const face = await centreColour(p, 'img.card-photo');
    for (const [i, target] of [0xd9, 0xa5, 0x7b].entries()) {
      assert.ok(Math.abs((face[i] ?? 0) - target) < 40, `card photo colour ${face} is the portrait's`);
      assert.ok(Math.abs((shot[i] ?? 0) - target) < 40, `captured colour ${shot} is the portrait's`);
    }
    assert.match(await p.locator('main').innerText(), /401 234 562 RE 067/);
    await screenshot(p, 'card-with-photo');

    // Taking the card home: by e-mail (the demo mailbox gets it as a PDF), and on a phone.
    await button(p, fr['card.byEmail']).click();
    await p.getByText(fr['card.emailSent']).waitFor();
    await button(p, fr['card.byPhone']).click();
    const qr = p.getByRole('img', { name: fr['card.phoneQr'] });
    await qr.waitFor();
    await screenshot(p, 'card-phone-link');
    const qrFile = path.join(tempDir('qr-'), 'qr.png');
    await qr.screenshot({ path: qrFile });
    const url = execFileSync('zbarimg', ['-q', '--raw', qrFile], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    const phone = await fetch(url);
    assert.equal(
      Buffer.from(await phone.arrayBuffer())
        .subarray(0, 5)
        .toString(),
      '%PDF-',
      'the phone gets the card PDF',
    );
    assert.equal((await fetch(url)).status, 410, 'the link serves once');
    const info = await p.evaluate(async () => {
      const token = sessionStorage.getItem('kiosk-token');
      const r = await fetch('/api/app%3Ainfo', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: '{}',
      });
      return (await r.json()) as { value: { mailboxUrl: string } };
    });
    const mailbox = await (await fetch(info.value.mailboxUrl)).text();
    assert.match(mailbox, /Pièce jointe : carte-professionnelle-20\d\d\.pdf/);

    // "Terminer" and the photo is gone from the main process too.
    await button(p, fr['app.finishLabel']).click();
    const after = await p.evaluate(async () => {
      const token = sessionStorage.getItem('kiosk-token');
      const r = await fetch('/api/card%3Aview', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: '{}',
      });
      return (await r.json()) as { ok: boolean; error?: { code: string } };
    });
    assert.deepEqual([after.ok, after.error?.code], [false, 'SESSION_REQUIRED']);
  });
});
