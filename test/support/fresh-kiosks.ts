import { after, before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type RunningKiosk, startBrowserMode } from './browser-mode.ts';
import { kioskPage, launchChromium } from './chromium.ts';
import { tempDir } from './temp.ts';

/**
 * For a describe block whose tests each need a kiosk of their own (an account activated in one
 * must not be found by the next): one Chromium for the block, a kiosk per test, all stopped after.
 */
export function freshKiosks() {
  let chromium: Browser | undefined;
  const kiosks: RunningKiosk[] = [];
  before(async () => {
    chromium = await launchChromium();
  });
  after(async () => {
    await chromium?.close();
    for (const k of kiosks) await k.stop();
  });
  const browser = (): Browser => {
    if (!chromium) throw new Error('Chromium is started before the tests');
    return chromium;
  };
  return {
    browser,
    /** A new kiosk (its own data directory, `prefix` names it) and a page on its welcome screen. */
    async open(prefix: string, env: NodeJS.ProcessEnv = {}): Promise<{ kiosk: RunningKiosk; p: Page }> {
      const kiosk = await startBrowserMode(tempDir(prefix), env);
      kiosks.push(kiosk);
      const p = await kioskPage(browser());
      await p.goto(kiosk.url);
      return { kiosk, p };
    },
  };
}
