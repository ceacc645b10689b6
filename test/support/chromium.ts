import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ROOT } from './browser-mode.ts';

export const CHROMIUM = process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'test-output', 'screenshots');

/** The flags every Chromium of the tests starts with: headless, and off the (closed) network. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Debian's Chromium, headless, with the flags that keep it off the (closed) network. With
 * `camera`, a fake camera that films the given MJPEG file (concatenated JPEGs). With `sound`,
 * pages play sound without a touch first, as Electron's windows do by default (autoplayPolicy).
 */
export function launchChromium({ camera, sound = false }: { camera?: string; sound?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      ...CHROMIUM_FLAGS,
      ...(sound ? ['--autoplay-policy=no-user-gesture-required'] : []),
      ...(camera ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${camera}`] : []),
    ],
  });
}

export const PORTRAIT = { width: 1080, height: 1920 };
export const LANDSCAPE = { width: 1920, height: 1080 };

/** A page the size of the kiosk's screen: 1080x1920 portrait unless told otherwise. */
export async function kioskPage(browser: Browser, viewport = PORTRAIT, { camera = false } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport, hasTouch: true, locale: 'fr-FR', ...(camera ? { permissions: ['camera'] } : {}) });
  return context.newPage();
}

/** Saves a screenshot under test-output/ (ignored by git) for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
