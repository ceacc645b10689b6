import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { translate } from '../../renderer/i18n/index.tsx';
import { type RunningKiosk, startBrowserMode } from '../support/browser-mode.ts';
import { ear, plugHeadphones, transcriptFile, unplugHeadphones, withHeadsetSocket } from '../support/by-ear.ts';
import { kioskPage, launchChromium } from '../support/chromium.ts';
import { tempDir } from '../support/temp.ts';

const fr = (key: Parameters<typeof translate>[1]) => translate('fr', key);

type SoundsWindow = { sounds: HTMLAudioElement[] };

describe('audio mode: headphones pulled out in the middle of a sentence', () => {
  let browser: Browser;
  let kiosk: RunningKiosk;
  const transcript = transcriptFile();

  before(async () => {
    kiosk = await startBrowserMode(tempDir(), { KIOSK_TEST_SPEECH_TRANSCRIPT: transcript });
    browser = await launchChromium({ sound: true });
  });
  after(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('the sentence stops at once instead of ending aloud in the hall, and is taken up again when they are back', async () => {
    const page = await kioskPage(browser);
    await withHeadsetSocket(page, { playable: true });
    await page.goto(kiosk.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const by = ear(page, transcript);

    // Plugged in: audio mode starts and its first sentence plays in the headphones.
    await plugHeadphones(page);
    await by.hears(fr('audio.started'));
    await page.waitForFunction(() => (window as unknown as SoundsWindow).sounds.some((s) => !s.paused && s.currentTime > 0.2));

    // Pulled out while it plays: it stops, well before its end (a loudspeaker would say the rest).
    const from = by.said().length;
    await unplugHeadphones(page);
    await page.waitForFunction(() => (window as unknown as SoundsWindow).sounds.every((s) => s.paused), undefined, { timeout: 5000 });
    const cut = await page.evaluate(() => (window as unknown as SoundsWindow).sounds.map((s) => ({ ended: s.ended, at: s.currentTime, of: s.duration })));
    assert.ok(
      cut.some((s) => !s.ended && s.at < s.of),
      `a sentence was cut short, not played to its end: ${JSON.stringify(cut)}`,
    );
    const played = cut.length;

    // Plugged back in: the kiosk says again where the artisan is, in the headphones.
    await plugHeadphones(page);
    await by.hears(fr('audio.started'), from);
    await page.waitForFunction((n) => (window as unknown as SoundsWindow).sounds.length > n, played);
    await page.context().close();
  });
});
