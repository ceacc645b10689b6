import type { Locator, Page } from 'playwright-core';

/**
 * What the idle warning must do besides being seen: sound (EAA: a timed response is signalled
 * through more than one sense) and hide the visit. Shared by the e2e tests of the warning.
 */

/** Counts the tones the page plays from now on: call before the page loads. */
export async function countTones(p: Page): Promise<void> {
  await p.addInitScript(() => {
    const w = window as unknown as { tones: number };
    w.tones = 0;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<OscillatorNode['start']>) {
      w.tones++;
      return start.apply(this, args);
    };
  });
}

export async function tonesPlayed(p: Page): Promise<number> {
  return p.evaluate(() => (window as unknown as { tones: number }).tones);
}

/** Whether what is drawn at the element's place is the idle cover (covered, not dimmed). */
export async function coveredByIdle(p: Page, element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  if (!box) throw new Error('the element is not on screen');
  return p.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid="idle-cover"]') != null, {
    x: box.x + 10,
    y: box.y + box.height / 2,
  });
}
