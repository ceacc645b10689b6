import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/**
 * Waits until the focus is on the element of that tag whose text is exactly `text` (a question's
 * legend, a button; for an input, its id), as a keyboard or a screen reader would find it; fails saying where it is.
 */
export async function focusIsOn(p: Page, tag: 'LEGEND' | 'BUTTON' | 'INPUT', text: string, what: string): Promise<void> {
  const reached = await p
    .waitForFunction(
      ([t, x]) => {
        const el = document.activeElement as HTMLElement | null;
        return el?.tagName === t && (t === 'INPUT' ? el.id === x : el.innerText.trim() === x);
      },
      [tag, text] as const,
      { timeout: 5000 },
    )
    .then(() => true)
    .catch(() => false);
  if (reached) return;
  const where = await p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return `${el?.tagName ?? 'nothing'} "${(el?.innerText ?? '').trim().slice(0, 80)}"`;
  });
  assert.fail(`${what}: the focus is on ${where}, not on the ${tag} "${text}"`);
}
