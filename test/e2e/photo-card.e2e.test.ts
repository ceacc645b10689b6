import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { en } from '../../renderer/i18n/en.ts';
import { fr } from '../../renderer/i18n/fr.ts';
import { noViolations } from '../support/axe.ts';
import { ROOT, type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { isSkin, photoAreaColour } from '../support/card-photo.ts';
import { kioskPage, LANDSCAPE, launchChromium, PORTRAIT, screenshot } from '../support/chromium.ts';
import { loginAsJeanPierre } from '../support/kiosk-flows.ts';
import { tempDir } from '../support/temp.ts';

const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });

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

  /** The photo screen's frame, as the person sees it: width over height. */
  const frameRatio = async (p: Page, selector: string) => {
    const box = await p.locator(selector).boundingBox();
    assert.ok(box, `${selector} is on screen`);
    return box.width / box.height;
  };

  it('Jean-Pierre, with no photo yet, is led from "Ma carte" to "Ma photo"; framed 35:45, the words follow the capture; his card shows it, by e-mail too; at his next visit it is there', async () => {
    const p = await kioskPage(browser, undefined, { camera: true });
    await loginAsJeanPierre(p, kiosk);

    // No card without a photo: "Ma carte" leads to the camera first, and says why.
    await button(p, fr['space.myCard']).tap();
    await p.getByRole('heading', { level: 1, name: fr['photo.heading'] }).waitFor();
    await p.getByText(fr['photo.needed']).waitFor();
    await p.waitForFunction(() => ((document.querySelector('video') as HTMLVideoElement | null)?.videoWidth ?? 0) > 0);
    // Before the capture: look into the oval and touch the button.
    await p.getByText(fr['photo.lead']).waitFor();
    assert.equal(await p.getByText(fr['photo.check']).count(), 0);
    assert.ok(Math.abs((await frameRatio(p, '.camera')) - 35 / 45) < 0.01, 'the preview is 35:45 portrait, as the photo');
    assert.ok((await frameRatio(p, '.oval')) < 1, 'the oval guide stands upright');
    await noViolations(p);
    await screenshot(p, 'photo-camera');
    await button(p, fr['photo.take']).tap();
    await p.getByRole('img', { name: fr['photo.preview'] }).waitFor({ timeout: 8000 });
    // After it: check it, then validate or retake.
    await p.getByText(fr['photo.check']).waitFor();
    assert.equal(await p.getByText(fr['photo.lead']).count(), 0, 'no more "touchez « Prendre la photo »" once it is taken');
    assert.ok(Math.abs((await frameRatio(p, 'img.shot')) - 35 / 45) < 0.01, 'the picture is shown 35:45 too');
    await noViolations(p);
    await screenshot(p, 'photo-preview');
    const focused = () => p.evaluate(() => document.activeElement?.textContent ?? document.activeElement?.tagName);
    assert.equal(await focused(), fr['photo.accept'], 'the focus goes to what comes next, not to the body');
    await button(p, fr['photo.retake']).tap();
    await p.getByText(fr['photo.lead']).waitFor();
    assert.equal(await focused(), fr['photo.take']);
    // In landscape, the picture and its choices fit the screen: the photo beside them.
    await p.setViewportSize(LANDSCAPE);
    await button(p, fr['photo.take']).tap();
    await p.getByRole('img', { name: fr['photo.preview'] }).waitFor({ timeout: 8000 });
    for (const name of [fr['photo.accept'], fr['photo.retake'], fr['help.back']]) {
      const box = await button(p, name).boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= LANDSCAPE.height, `"${name}" is on the screen: ${JSON.stringify(box)}`);
    }
    await screenshot(p, 'photo-preview-landscape');
    await p.setViewportSize(PORTRAIT);
    const shot = await centreColour(p, 'img.shot');
    await button(p, fr['photo.accept']).tap();

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
    await noViolations(p);
    await screenshot(p, 'card-with-photo');

    // Taking the card home: by e-mail (the demo mailbox gets it as a PDF), and on a phone.
    await button(p, fr['card.byEmail']).tap();
    await p.getByText(fr['card.emailSent']).waitFor();
    // In landscape the code comes below the fold: it must be brought into sight.
    await p.setViewportSize(LANDSCAPE);
    await button(p, fr['card.byPhone']).tap();
    const qr = p.getByRole('img', { name: fr['card.phoneQr'] });
    await qr.waitFor();
    const box = await qr.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= LANDSCAPE.height, `the code for the phone is in sight: ${JSON.stringify(box)}`);
    await screenshot(p, 'card-phone-link');
    await p.setViewportSize(PORTRAIT);
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
    // The logged-in artisan's own demo mailbox (the address typed to log in), as the kiosk grants it.
    const own = await p.evaluate(async () => {
      const token = sessionStorage.getItem('kiosk-token');
      const r = await fetch('/api/accounts%3Ademo-mailbox', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: '{}',
      });
      return (await r.json()) as { value: { url: string } };
    });
    const mailbox = await (await fetch(own.value.url)).text();
    assert.match(mailbox, /Pièce jointe : carte-professionnelle-20\d\d\.pdf/);
    // The e-mailed PDF, rendered by poppler: the photo, not the grey silhouette.
    const attachment = /href="(\/demo\/mailbox\/[^"]+\/attachment\/\d+)"/.exec(mailbox)?.[1];
    assert.ok(attachment);
    const pdf = new Uint8Array(await (await fetch(new URL(attachment, own.value.url))).arrayBuffer());
    const colour = photoAreaColour(pdf, tempDir('mailed-'), 'card');
    assert.ok(isSkin(colour), `the e-mailed card shows the photo: ${JSON.stringify(colour)}`);

    // "Terminer" and the photo is gone from the main process too.
    await button(p, fr['app.finishLabel']).tap();
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

    // He comes back: his card has his photo at once; in English, he takes a new one.
    await loginAsJeanPierre(p, kiosk);
    await button(p, fr['app.switchLanguageLabel']).tap();
    await button(p, en['space.myCard']).tap();
    await p.getByRole('heading', { level: 1, name: en['card.heading'] }).waitFor();
    await p.getByRole('img', { name: 'Photo of Jean-Pierre MULLER' }).waitFor();
    await button(p, en['help.back']).tap();
    await button(p, en['space.myPhoto']).tap();
    await p.getByRole('heading', { level: 1, name: en['photo.heading'] }).waitFor();
    await p.waitForFunction(() => ((document.querySelector('video') as HTMLVideoElement | null)?.videoWidth ?? 0) > 0);
    await p.getByText(en['photo.lead']).waitFor();
    await noViolations(p);
    await screenshot(p, 'photo-camera-en');
    await button(p, en['photo.take']).tap();
    await p.getByText(en['photo.check']).waitFor();
    await noViolations(p);
    await screenshot(p, 'photo-preview-en');
    await button(p, en['photo.accept']).tap();
    await p.getByText(en['photo.saved']).waitFor();
    await p.getByRole('img', { name: 'Photo of Jean-Pierre MULLER' }).waitFor();
    await noViolations(p);
    await screenshot(p, 'card-with-photo-en');
    await button(p, en['app.finishLabel']).tap();
    await p.getByRole('heading', { level: 1, name: fr['welcome.heading'] }).waitFor();
  });
});
