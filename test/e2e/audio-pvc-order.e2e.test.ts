import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { translate } from '../../renderer/i18n/index.tsx';
import { formatAmount } from '../../renderer/screens/format.ts';
import { ROOT, type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { ear, identifyByEar, plugHeadphones, TEXT_GROUPS, transcriptFile, withHeadsetSocket } from '../support/by-ear.ts';
import { kioskPage, launchChromium, screenshot } from '../support/chromium.ts';
import { pc858Text } from '../support/pvc.ts';
import { startTcpCapture } from '../support/tcp-capture.ts';
import { tempDir } from '../support/temp.ts';

const fr = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('fr', key, params);

describe('audio mode: a PVC card ordered with the keypad alone', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  let receipts: Awaited<ReturnType<typeof startTcpCapture>>;
  const transcript = transcriptFile();
  let page: Page | undefined;

  before(async () => {
    receipts = await startTcpCapture();
    kiosk = await startBrowserMode(tempDir(), { KIOSK_TEST_SPEECH_TRANSCRIPT: transcript, KIOSK_PRINTER_RECEIPT: receipts.address });
    const jpeg = readFileSync(path.join(ROOT, 'assets/demo-photos/portrait.jpg'));
    const mjpeg = path.join(tempDir('camera-'), 'portrait.mjpeg');
    writeFileSync(mjpeg, Buffer.concat([jpeg, jpeg, jpeg]));
    browser = await launchChromium({ camera: mjpeg });
  });
  after(async () => {
    await page?.context().close();
    await browser?.close();
    await kiosk?.stop();
    await receipts?.close();
  });

  it('Jean-Pierre logs in by ear, orders his PVC card, and hears the order number, the 5 € and where to pay', async () => {
    page = await kioskPage(browser, undefined, { camera: true });
    await withHeadsetSocket(page);
    await page.goto(kiosk.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const by = ear(page, transcript);
    await plugHeadphones(page);
    await by.hears(fr('audio.started'));
    await by.press('Numpad5', fr('identify.heading'));
    await identifyByEar(by, 'fr', '401234562RE067', ['02', '03', '1975']);
    const found = await by.press('Numpad5', fr('outcome.found.heading', { firstName: 'Jean-Pierre', lastName: 'MULLER' }));
    assert.ok(found.includes(fr('outcome.found.active')), found);
    await by.focus(fr('outcome.found.login'));
    await by.press('Numpad5', fr('login.heading'));
    await by.focus(fr('login.email'));
    await by.type('jean-pierre.muller@example.com', TEXT_GROUPS);
    await by.focus(fr('login.password'));
    await by.type('Menuiserie-Muller-1975', TEXT_GROUPS);
    await by.focus(fr('login.submit'));
    await by.press('Numpad5', fr('space.heading'));

    // "Ma carte": his first visit, so the photo first, then the card.
    await by.focus(fr('space.myCard'));
    await by.press('Numpad5', fr('photo.heading'));
    await by.focus(fr('photo.take'));
    await by.press('Numpad5', fr('photo.check'));
    await by.focus(fr('photo.accept'));
    const card = await by.press('Numpad5', fr('card.heading'));
    // The screen says there is a PVC card and what it costs before it is reached.
    assert.ok(card.includes(fr('card.pvcLead')), card);

    await by.focus(fr('card.pvcOrder'));
    // Said as written, with the no-break space of "5,00 €" an ordinary one.
    const amount = formatAmount(500, 'fr').replace(/\s/g, ' ');
    const offer = await by.press('Numpad5', fr('order.heading'));
    assert.ok(offer.includes(fr('order.confirmLead', { amount })), offer);
    await by.focus(fr('order.confirm'));
    const at = by.said().length;
    await page.keyboard.press('Numpad5');
    // The order number, the amount and where to pay, and the ticket to take: all heard.
    const orderAt = await by.hears(fr('order.number', { number: '' }).replace('n°', fr('audio.numberSign')), at);
    const said = by.said()[orderAt] ?? '';
    // Spelt, to be written down or repeated at the desk: "P 2 5 1 2 0 1 tiret 0 0 3".
    const spelt = /P(?: \d){6} tiret(?: \d){3}/.exec(said)?.[0];
    assert.ok(spelt, said);
    const number = spelt.replace(' tiret ', '-').replace(/ /g, '');
    for (const part of [fr('order.amount', { amount }), fr('order.ticketPrinted')]) assert.ok(said.includes(part), `"${part}" not heard: ${said}`);
    // The ticket under the screen carries the same number.
    assert.ok(pc858Text(receipts.received()).includes(number), 'the ticket has the number heard');
    // 0 says it all again, for who missed it.
    const again = await by.press('Numpad0');
    assert.ok(again.includes(spelt) && again.includes(fr('order.amount', { amount })), again);
    await by.focus(fr('order.done'));
    await screenshot(page, 'audio-mode-pvc-ordered');
    // The visit over, audio mode ends with it: the next person finds the kiosk as it was.
    await page.keyboard.press('Numpad5');
    await page.getByRole('heading', { level: 1, name: fr('welcome.heading') }).waitFor();
    await page.locator('.audio-banner').waitFor({ state: 'detached' });
  });
});
