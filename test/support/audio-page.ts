import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import type { AudioApi } from './audio-page-entry.ts';
import { ROOT } from './browser-mode.ts';
import { launchChromium } from './chromium.ts';

/**
 * Audio mode's DOM logic (renderer/audio/: describe, keys, picker) bundled and loaded into a
 * blank Chromium page, for unit tests against a real DOM with layout (what is visible, the
 * lines of a panel), which plain Node has not. The page's `audio` object is
 * test/support/audio-page-entry.ts.
 */
export async function audioPage(): Promise<{ browser: Browser; page: Page }> {
  const bundle = await build({
    entryPoints: [`${ROOT}test/support/audio-page-entry.ts`],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    jsx: 'automatic',
    // React's own switch between its development and production builds.
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'warning',
  });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await page.setContent('<!doctype html><html lang="fr"><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
  return { browser, page };
}

/** Calls the page's `audio` object: `call('press', 'Numpad2')`. */
export function caller(page: Page) {
  return <K extends keyof AudioApi>(name: K, ...args: Parameters<AudioApi[K]>): Promise<ReturnType<AudioApi[K]>> =>
    page.evaluate(({ name, args }) => (window as unknown as { audio: Record<string, (...a: unknown[]) => unknown> }).audio[name]?.(...args), {
      name,
      args: args as unknown[],
    }) as Promise<ReturnType<AudioApi[K]>>;
}
